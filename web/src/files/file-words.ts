// A file's size and type in words, and which preview shows it, the same way on every page.

/** "1 byte", "512 bytes", "12 KB", "3.4 MB". */
export function sizeInWords(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes.toLocaleString()} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  const shown = size < 10 ? Math.round(size * 10) / 10 : Math.round(size);
  return `${shown.toLocaleString()} ${units[unit]}`;
}

/** How the preview page shows a file. */
export type PreviewKind = 'csv' | 'json' | 'image' | 'pdf' | 'html' | 'text' | 'other';

export function mediaTypeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

export function previewKind(contentType: string, name: string): PreviewKind {
  // A comma starts a second type, which browsers read instead ("image/png, text/html" is a web
  // page to them): such a file is previewed by its name as text, or not at all, never framed.
  const type = contentType.includes(',') ? '' : mediaTypeOf(contentType);
  const extension = extensionOf(name);
  if (
    type === 'text/csv' ||
    type === 'text/tab-separated-values' ||
    extension === 'csv' ||
    extension === 'tsv'
  )
    return 'csv';
  if (type === 'application/json' || type.endsWith('+json') || extension === 'json') return 'json';
  if (type === 'application/pdf') return 'pdf';
  // SVG can carry script: it is shown as its text, like HTML.
  if (type === 'text/html' || type === 'application/xhtml+xml' || type === 'image/svg+xml') return 'html';
  if (['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'].includes(type)) return 'image';
  if (type.startsWith('text/') || /xml|javascript|yaml/.test(type)) return 'text';
  return 'other';
}

const typeNames: Record<string, string> = {
  'text/csv': 'CSV table',
  'text/tab-separated-values': 'Tab-separated table',
  'application/json': 'JSON data',
  'application/pdf': 'PDF document',
  'text/html': 'Web page (HTML)',
  'text/markdown': 'Markdown text',
  'text/plain': 'Plain text',
  'application/xml': 'XML',
  'text/xml': 'XML',
  'image/png': 'PNG picture',
  'image/jpeg': 'JPEG picture',
  'image/gif': 'GIF picture',
  'image/webp': 'WebP picture',
  'image/svg+xml': 'SVG picture',
  'application/zip': 'ZIP archive',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/octet-stream': 'Binary file',
};

/** "CSV table", "PDF document"; the media type itself when it has no name here. */
export function typeInWords(contentType: string): string {
  const type = mediaTypeOf(contentType);
  return typeNames[type] ?? type;
}
