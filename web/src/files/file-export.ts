// Which files the server can turn into a branded PDF or web page: the same rule as
// src/export/document-source.ts (Markdown, HTML, text, CSV, JSON by type, or by name when the
// type says only "text" or nothing), so a link is offered only where the export will work.

const exportableExtensions = new Set(['md', 'markdown', 'html', 'htm', 'txt', 'log', 'csv', 'json']);

export function canExport(contentType: string, name: string): boolean {
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (type.startsWith('text/')) return true;
  if (type === 'application/json' || type.endsWith('+json') || type === 'application/xhtml+xml') return true;
  const dot = name.lastIndexOf('.');
  const extension = dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
  return (type === 'application/octet-stream' || type === '') && exportableExtensions.has(extension);
}

/** The address of a file's branded export. */
export function exportPath(ws: string, fileId: string, format: 'pdf' | 'html'): string {
  return `/api/workspaces/${encodeURIComponent(ws)}/deliverables/${encodeURIComponent(fileId)}/export?format=${format}`;
}
