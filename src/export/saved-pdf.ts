// files.save under a PDF name: text (Markdown or plain) becomes a real, branded PDF; bytes that
// already are a PDF are kept as they are. Anything else is refused rather than stored as a
// "PDF" no reader can open.
import { ruleViolated } from '../domain/errors.ts';
import type { BrandProfile } from './brand-profile.ts';
import { markdownBlocks } from './markdown-blocks.ts';
import { exportPdf } from './pdf-export.ts';

const pdfMagic = Buffer.from('%PDF-', 'latin1');

export function isPdf(content: Uint8Array): boolean {
  return Buffer.from(content.subarray(0, pdfMagic.length)).equals(pdfMagic);
}

export function wantsPdf(file: { name: string; contentType: string }): boolean {
  const type = file.contentType.split(';')[0]?.trim().toLowerCase();
  return type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf');
}

/** The content to keep for a file saved as a PDF. */
export async function savedPdfContent(
  file: { name: string; content: Uint8Array },
  profile: BrandProfile,
): Promise<Uint8Array> {
  if (isPdf(file.content)) return file.content;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.content);
  } catch {
    throw ruleViolated(
      `"${file.name}" is neither a PDF (it does not start with %PDF-) nor text to lay out as one. Save the PDF's own bytes (base64 with encoding base64), or Markdown or plain text to make one.`,
    );
  }
  if (text.includes('\u0000')) {
    throw ruleViolated(`"${file.name}" holds binary data that is not a PDF; save text or a real PDF.`);
  }
  const title = file.name.replace(/\.pdf$/i, '');
  return exportPdf({ title, blocks: markdownBlocks(text.replace(/^\uFEFF/, '')) }, profile);
}
