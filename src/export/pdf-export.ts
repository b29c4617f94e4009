// Draws laid-out pages with pdf-lib in the standard PDF fonts. Nothing is fetched: the only image
// is the letterhead, whose bytes come from the database; links are printed, not followed.
import { type Color, PDFDocument, type PDFFont, type PDFImage, rgb, StandardFonts } from 'pdf-lib';
import type { ExportFont } from '../domain/export-profile.ts';
import type { BrandProfile } from './brand-profile.ts';
import type { Block, ExportDocument, Inline } from './document-blocks.ts';
import { checkExportable } from './document-limits.ts';
import {
  a4,
  type DrawOperation,
  type Fill,
  type FontFace,
  type Ink,
  layoutDocument,
  type TextStyle,
} from './pdf-layout.ts';
import { standardFontText } from './standard-font-text.ts';

const faces: Record<ExportFont, Record<FontFace, StandardFonts>> = {
  Helvetica: {
    regular: StandardFonts.Helvetica,
    bold: StandardFonts.HelveticaBold,
    italic: StandardFonts.HelveticaOblique,
    boldItalic: StandardFonts.HelveticaBoldOblique,
  },
  Times: {
    regular: StandardFonts.TimesRoman,
    bold: StandardFonts.TimesRomanBold,
    italic: StandardFonts.TimesRomanItalic,
    boldItalic: StandardFonts.TimesRomanBoldItalic,
  },
  Courier: {
    regular: StandardFonts.Courier,
    bold: StandardFonts.CourierBold,
    italic: StandardFonts.CourierOblique,
    boldItalic: StandardFonts.CourierBoldOblique,
  },
};

export function hexColour(hex: string): { red: number; green: number; blue: number } {
  const value = Number.parseInt(hex.slice(1), 16);
  return { red: ((value >> 16) & 255) / 255, green: ((value >> 8) & 255) / 255, blue: (value & 255) / 255 };
}

/** The colour mixed with white: `amount` 0 is the colour, 1 is white. */
function tint(colour: { red: number; green: number; blue: number }, amount: number): Color {
  const mix = (channel: number) => channel + (1 - channel) * amount;
  return rgb(mix(colour.red), mix(colour.green), mix(colour.blue));
}

function inlinesForPdf(inlines: Inline[]): Inline[] {
  return inlines.map((inline) => ({ ...inline, text: standardFontText(inline.text) }));
}

/** Every text of the document in the characters the standard fonts can draw. */
function blocksForPdf(blocks: readonly Block[]): Block[] {
  return blocks.map(blockForPdf);
}

function blockForPdf(block: Block): Block {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return { ...block, inlines: inlinesForPdf(block.inlines) };
    case 'list':
      return { ...block, items: block.items.map(blocksForPdf) };
    case 'code':
      return { ...block, text: standardFontText(block.text) };
    case 'table':
      return {
        ...block,
        header: block.header.map(inlinesForPdf),
        rows: block.rows.map((row) => row.map(inlinesForPdf)),
      };
    case 'quote':
      return { ...block, blocks: blocksForPdf(block.blocks) };
    case 'rule':
      return block;
  }
}

/** A branded PDF of the document. */
export async function exportPdf(document: ExportDocument, profile: BrandProfile): Promise<Uint8Array> {
  checkExportable(document.blocks);
  const pdf = await PDFDocument.create();
  pdf.setTitle(standardFontText(document.title));
  pdf.setProducer('Orca');
  pdf.setCreator('Orca');
  const { settings } = profile;
  const fonts = new Map<StandardFonts, PDFFont>();
  const fontFor = (style: TextStyle): PDFFont => {
    const family: ExportFont =
      style.role === 'code' ? 'Courier' : style.role === 'heading' ? settings.headingFont : settings.bodyFont;
    const name = faces[family][style.face];
    let font = fonts.get(name);
    if (!font) {
      font = pdf.embedStandardFont(name);
      fonts.set(name, font);
    }
    return font;
  };
  let letterhead: PDFImage | undefined;
  if (profile.letterhead) {
    letterhead =
      profile.letterhead.contentType === 'image/png'
        ? await pdf.embedPng(profile.letterhead.bytes)
        : await pdf.embedJpg(profile.letterhead.bytes);
  }
  const pages = layoutDocument(blocksForPdf(document.blocks), {
    measure: { width: (text, style) => fontFor(style).widthOfTextAtSize(text, style.size) },
    // Pictures are made for screens at 96 pixels an inch; a point is 1/72 inch.
    letterhead: letterhead ? { width: letterhead.width * 0.75, height: letterhead.height * 0.75 } : undefined,
    contactLines: settings.contactBlock.split(/\r?\n/).map(standardFontText),
    footerText: standardFontText(settings.footerText),
  });
  const accent = hexColour(settings.accentColor);
  const inks: Record<Ink, Color> = {
    text: rgb(0.11, 0.12, 0.14),
    accent: rgb(accent.red, accent.green, accent.blue),
    muted: rgb(0.42, 0.45, 0.5),
  };
  const fills: Record<Fill, Color> = {
    code: rgb(0.95, 0.96, 0.97),
    tableHeader: tint(accent, 0.86),
    rule: inks.accent,
  };
  for (const operations of pages) {
    const page = pdf.addPage([a4.width, a4.height]);
    for (const operation of operations) draw(page, operation);
  }
  function draw(page: ReturnType<typeof pdf.addPage>, operation: DrawOperation) {
    switch (operation.kind) {
      case 'text':
        page.drawText(operation.text, {
          x: operation.x,
          y: operation.y,
          size: operation.style.size,
          font: fontFor(operation.style),
          color: inks[operation.style.ink],
        });
        return;
      case 'line':
        page.drawLine({
          start: { x: operation.x1, y: operation.y1 },
          end: { x: operation.x2, y: operation.y2 },
          thickness: operation.thickness,
          color: inks[operation.ink],
        });
        return;
      case 'rect':
        page.drawRectangle({ ...operation, color: fills[operation.fill] });
        return;
      case 'letterhead':
        if (letterhead) page.drawImage(letterhead, operation);
        return;
    }
  }
  return pdf.save();
}
