// Which reader turns a deliverable into export blocks, by its content type (or its name's
// extension when the type says only "bytes").
import path from 'node:path';
import { ruleViolated } from '../domain/errors.ts';
import { csvBlocks, jsonBlocks } from './data-blocks.ts';
import type { ExportDocument } from './document-blocks.ts';
import { htmlBlocks } from './html-blocks.ts';
import { markdownBlocks, plainTextBlocks } from './markdown-blocks.ts';

export type SourceKind = 'markdown' | 'html' | 'text' | 'csv' | 'json';

const byExtension: Record<string, SourceKind> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'text',
  '.log': 'text',
  '.csv': 'csv',
  '.json': 'json',
};

/** The reader for a file, or undefined when it cannot be exported (a picture, a PDF, a zip). */
export function sourceKindOf(contentType: string, name: string): SourceKind | undefined {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'markdown';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/csv') return 'csv';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  const extension = byExtension[path.extname(name).toLowerCase()];
  if (extension && (type.startsWith('text/') || type === 'application/octet-stream' || type === ''))
    return extension;
  if (type.startsWith('text/')) return 'text';
  return undefined;
}

/** The deliverable read as a document, or a 422 that says which files can be exported. */
export function readDocument(content: Buffer, contentType: string, name: string): ExportDocument {
  const kind = sourceKindOf(contentType, name);
  if (!kind) {
    throw ruleViolated(
      `"${name}" is ${contentType}, which cannot be exported: export works on Markdown, HTML, plain text, CSV and JSON files.`,
      {
        contentType,
        exportable: ['text/markdown', 'text/html', 'text/plain', 'text/csv', 'application/json'],
      },
    );
  }
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const title = path.basename(name, path.extname(name));
  switch (kind) {
    case 'markdown':
      return { title, blocks: markdownBlocks(text) };
    case 'html': {
      const read = htmlBlocks(text);
      return { title: read.title ?? title, blocks: read.blocks };
    }
    case 'text':
      return { title, blocks: plainTextBlocks(text) };
    case 'csv':
      return { title, blocks: csvBlocks(text) };
    case 'json':
      return { title, blocks: jsonBlocks(text) };
  }
}
