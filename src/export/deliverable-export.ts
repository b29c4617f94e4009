// A deliverable turned into a branded PDF or HTML file: read into blocks, then drawn.
import path from 'node:path';
import type { BrandProfile } from './brand-profile.ts';
import { readDocument } from './document-source.ts';
import { exportHtml } from './html-export.ts';
import { exportPdf } from './pdf-export.ts';

export const exportFormats = ['pdf', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportedFile {
  name: string;
  contentType: string;
  content: Uint8Array;
}

/** The export's file name: the source's with the format's extension, never the source's own name. */
export function exportName(sourceName: string, format: ExportFormat): string {
  const base = path.basename(sourceName, path.extname(sourceName)) || 'export';
  const name = `${base}.${format}`;
  return name.toLowerCase() === sourceName.toLowerCase() ? `${base}-branded.${format}` : name;
}

export async function exportFile(
  source: { name: string; contentType: string; content: Buffer },
  format: ExportFormat,
  profile: BrandProfile,
): Promise<ExportedFile> {
  const document = readDocument(source.content, source.contentType, source.name);
  const name = exportName(source.name, format);
  if (format === 'pdf') {
    return { name, contentType: 'application/pdf', content: await exportPdf(document, profile) };
  }
  return {
    name,
    contentType: 'text/html; charset=utf-8',
    content: Buffer.from(exportHtml(document, profile), 'utf8'),
  };
}
