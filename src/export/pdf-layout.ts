// Lays export blocks out on PDF pages: wraps text to the column, breaks pages, and returns what to
// draw where. It knows no PDF library: text is measured through `TextMeasure`, so the layout is
// tested with any metrics and drawn by pdf-export.ts. Coordinates are PDF points from the bottom
// left of the page; `y` of a text is its baseline.
import { type Block, type Inline, linkLabel } from './document-blocks.ts';

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';
export type FontRole = 'body' | 'heading' | 'code';
export type Ink = 'text' | 'accent' | 'muted';
export type Fill = 'code' | 'tableHeader' | 'rule';

export interface TextStyle {
  role: FontRole;
  face: FontFace;
  size: number;
  ink: Ink;
}

export interface TextMeasure {
  width(text: string, style: TextStyle): number;
}

export type DrawOperation =
  | { kind: 'text'; x: number; y: number; text: string; style: TextStyle }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; thickness: number; ink: Ink }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: Fill }
  | { kind: 'letterhead'; x: number; y: number; width: number; height: number };

export interface PageGeometry {
  width: number;
  height: number;
  margin: number;
  /** Room kept at the bottom of every page for the footer. */
  footerHeight: number;
}

/** A4 with 2 cm margins. */
export const a4: PageGeometry = { width: 595.28, height: 841.89, margin: 56.7, footerHeight: 28 };

export interface LayoutOptions {
  measure: TextMeasure;
  geometry?: PageGeometry;
  /** The letterhead's size in points, drawn at the top of the first page (scaled to fit). */
  letterhead?: { width: number; height: number };
  contactLines?: string[];
  footerText?: string;
  bodySize?: number;
}

export interface Segment {
  x: number;
  text: string;
  style: TextStyle;
}

export interface Line {
  segments: Segment[];
  width: number;
  height: number;
  /** The largest font size on the line: its baseline sits this far below the line's top (about). */
  size: number;
}

interface Piece {
  text: string;
  style: TextStyle;
  kind: 'word' | 'space' | 'break';
}

const lineSpacing = 1.35;
const maximumLetterheadHeight = 96;

const styleKey = (style: TextStyle) => `${style.role}/${style.face}/${style.size}/${style.ink}`;

function faceOf(inline: Inline, base: FontFace): FontFace {
  const bold = inline.bold || base === 'bold' || base === 'boldItalic';
  const italic = inline.italic || base === 'italic' || base === 'boldItalic';
  return bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';
}

/** Inlines as words, spaces and breaks in their styles; a link's address follows its text. */
export function piecesOf(inlines: readonly Inline[], base: TextStyle): Piece[] {
  const pieces: Piece[] = [];
  const push = (text: string, style: TextStyle) => {
    for (const part of text.split(/(\n|[ \t]+)/)) {
      if (part === '') continue;
      pieces.push({
        text: part,
        style,
        kind: part === '\n' ? 'break' : /^[ \t]+$/.test(part) ? 'space' : 'word',
      });
    }
  };
  inlines.forEach((inline, index) => {
    const style: TextStyle = {
      role: inline.code ? 'code' : base.role,
      face: faceOf(inline, base.face),
      size: inline.code ? base.size * 0.92 : base.size,
      ink: inline.href ? 'accent' : base.ink,
    };
    push(inline.text, style);
    const next = inlines[index + 1];
    if (inline.href && next?.href !== inline.href) {
      const whole = inlines
        .slice(0, index + 1)
        .reverse()
        .findIndex((earlier) => earlier.href !== inline.href);
      const from = whole === -1 ? 0 : index + 1 - whole;
      const label = linkLabel(
        inlines
          .slice(from, index + 1)
          .map((part) => part.text)
          .join(''),
        inline.href,
      );
      if (label) push(label, { ...base, face: 'regular', size: base.size * 0.85, ink: 'muted' });
    }
  });
  return pieces;
}

/** Splits a word wider than the column into pieces that fit (at least one character each). */
function brokenWord(piece: Piece, maximumWidth: number, measure: TextMeasure): Piece[] {
  const parts: Piece[] = [];
  let current = '';
  for (const character of piece.text) {
    if (current !== '' && measure.width(current + character, piece.style) > maximumWidth) {
      parts.push({ ...piece, text: current });
      current = '';
    }
    current += character;
  }
  if (current !== '') parts.push({ ...piece, text: current });
  return parts;
}

/** Greedy line filling: words go on the line while they fit; a space at a line's end is dropped. */
export function wrapPieces(pieces: readonly Piece[], maximumWidth: number, measure: TextMeasure): Line[] {
  const lines: Line[] = [];
  let segments: Segment[] = [];
  let width = 0;
  let pendingSpace: Piece | undefined;
  let size = 0;
  const finish = (fallbackSize: number) => {
    const lineSize = size || fallbackSize;
    lines.push({ segments, width, height: lineSize * lineSpacing, size: lineSize });
    segments = [];
    width = 0;
    size = 0;
    pendingSpace = undefined;
  };
  const place = (piece: Piece, pieceWidth: number) => {
    const last = segments[segments.length - 1];
    if (last && styleKey(last.style) === styleKey(piece.style)) last.text += piece.text;
    else segments.push({ x: width, text: piece.text, style: piece.style });
    width += pieceWidth;
    size = Math.max(size, piece.style.size);
  };
  for (const piece of pieces) {
    if (piece.kind === 'break') {
      finish(piece.style.size);
      continue;
    }
    if (piece.kind === 'space') {
      if (segments.length > 0) pendingSpace = piece;
      continue;
    }
    const spaceWidth = pendingSpace ? measure.width(' ', pendingSpace.style) : 0;
    const pieceWidth = measure.width(piece.text, piece.style);
    if (segments.length > 0 && width + spaceWidth + pieceWidth > maximumWidth) finish(piece.style.size);
    if (pendingSpace && segments.length > 0) place({ ...pendingSpace, text: ' ' }, spaceWidth);
    pendingSpace = undefined;
    if (pieceWidth > maximumWidth) {
      const parts = brokenWord(piece, maximumWidth, measure);
      parts.forEach((part, index) => {
        if (index > 0) finish(part.style.size);
        place(part, measure.width(part.text, part.style));
      });
    } else place(piece, pieceWidth);
  }
  if (segments.length > 0) finish(size);
  return lines;
}

/** Lines of code: kept as written (spaces too), cut at the column's edge rather than at words. */
export function wrapCode(text: string, maximumWidth: number, style: TextStyle, measure: TextMeasure): Line[] {
  const lines: Line[] = [];
  for (const sourceLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const parts =
      sourceLine === ''
        ? ['']
        : brokenWord({ text: sourceLine, style, kind: 'word' }, maximumWidth, measure).map(
            (part) => part.text,
          );
    for (const part of parts) {
      lines.push({
        segments: part === '' ? [] : [{ x: 0, text: part, style }],
        width: measure.width(part, style),
        height: style.size * lineSpacing,
        size: style.size,
      });
    }
  }
  return lines;
}

const headingSizes: Record<number, number> = { 1: 2, 2: 1.6, 3: 1.3, 4: 1.15, 5: 1.05, 6: 1 };

/** A rule across `width` points from `x`, at height `y`. */
function horizontalLine(
  x: number,
  y: number,
  width: number,
  thickness: number,
  ink: Ink = 'accent',
): DrawOperation {
  return { kind: 'line', x1: x, y1: y, x2: x + width, y2: y, thickness, ink };
}

/** The text of a wrapped line whose top is at `top`, its segments placed from `x`. */
function lineText(line: Line, x: number, top: number): DrawOperation[] {
  const baseline = top - line.size * 1.05;
  return line.segments.map(
    (segment): DrawOperation => ({
      kind: 'text',
      x: x + segment.x,
      y: baseline,
      text: segment.text,
      style: segment.style,
    }),
  );
}

/** The pages, each a list of what to draw, in drawing order. */
export function layoutDocument(blocks: readonly Block[], options: LayoutOptions): DrawOperation[][] {
  return new PageWriter(options).write(blocks);
}

class PageWriter {
  private readonly pages: DrawOperation[][] = [];
  private readonly geometry: PageGeometry;
  private readonly measure: TextMeasure;
  private readonly bodySize: number;
  private readonly body: TextStyle;
  private y = 0;

  constructor(private readonly options: LayoutOptions) {
    this.geometry = options.geometry ?? a4;
    this.measure = options.measure;
    this.bodySize = options.bodySize ?? 10.5;
    this.body = { role: 'body', face: 'regular', size: this.bodySize, ink: 'text' };
  }

  private get left() {
    return this.geometry.margin;
  }

  private get contentWidth() {
    return this.geometry.width - 2 * this.geometry.margin;
  }

  private get bottom() {
    return this.geometry.margin + this.geometry.footerHeight;
  }

  private get top() {
    return this.geometry.height - this.geometry.margin;
  }

  private get page(): DrawOperation[] {
    const page = this.pages[this.pages.length - 1];
    if (!page) throw new Error('no page has been started');
    return page;
  }

  private newPage() {
    this.pages.push([]);
    this.y = this.top;
  }

  /** Starts a new page unless `height` still fits on this one (a page already empty always fits). */
  private ensure(height: number) {
    if (this.y - height < this.bottom && this.y < this.top) this.newPage();
  }

  write(blocks: readonly Block[]): DrawOperation[][] {
    this.newPage();
    this.writeLetterhead();
    this.writeBlocks(blocks, this.left, this.contentWidth);
    this.writeFooters();
    return this.pages;
  }

  private writeLetterhead() {
    const { letterhead, contactLines = [] } = this.options;
    const contact = contactLines.filter((line) => line.trim() !== '');
    if (!letterhead && contact.length === 0) return;
    if (letterhead) {
      const scale = Math.min(
        1,
        this.contentWidth / letterhead.width,
        maximumLetterheadHeight / letterhead.height,
      );
      const width = letterhead.width * scale;
      const height = letterhead.height * scale;
      this.page.push({ kind: 'letterhead', x: this.left, y: this.y - height, width, height });
      this.y -= height + 8;
    }
    const style: TextStyle = { role: 'body', face: 'regular', size: 8.5, ink: 'muted' };
    for (const line of contact) {
      const text = line.trim();
      const width = this.measure.width(text, style);
      this.y -= style.size * lineSpacing;
      this.page.push({ kind: 'text', x: this.left + this.contentWidth - width, y: this.y, text, style });
    }
    this.y -= 8;
    this.page.push(horizontalLine(this.left, this.y, this.contentWidth, 1.5));
    this.y -= 16;
  }

  private writeFooters() {
    const total = this.pages.length;
    const style: TextStyle = { role: 'body', face: 'regular', size: 8, ink: 'muted' };
    const ruleY = this.geometry.margin + this.geometry.footerHeight - 10;
    const textY = this.geometry.margin + 4;
    this.pages.forEach((page, index) => {
      page.push(horizontalLine(this.left, ruleY, this.contentWidth, 0.5));
      const footer = this.options.footerText?.trim() ?? '';
      const numbering = `Page ${index + 1} of ${total}`;
      const numberingWidth = this.measure.width(numbering, style);
      if (footer) {
        const room = this.contentWidth - numberingWidth - 16;
        const [first] = wrapPieces(piecesOf([{ text: footer }], style), room, this.measure);
        const text = first?.segments.map((segment) => segment.text).join('') ?? '';
        page.push({ kind: 'text', x: this.left, y: textY, text, style });
      }
      page.push({
        kind: 'text',
        x: this.left + this.contentWidth - numberingWidth,
        y: textY,
        text: numbering,
        style,
      });
    });
  }

  private writeBlocks(blocks: readonly Block[], left: number, width: number) {
    blocks.forEach((block, index) => {
      this.writeBlock(block, left, width, blocks[index + 1]);
    });
  }

  private writeLines(lines: readonly Line[], left: number) {
    for (const line of lines) {
      this.ensure(line.height);
      this.page.push(...lineText(line, left, this.y));
      this.y -= line.height;
    }
  }

  private writeBlock(block: Block, left: number, width: number, next: Block | undefined) {
    switch (block.kind) {
      case 'heading': {
        const size = this.bodySize * (headingSizes[block.level] ?? 1);
        const style: TextStyle = { role: 'heading', face: 'bold', size, ink: 'accent' };
        const lines = wrapPieces(piecesOf(block.inlines, style), width, this.measure);
        const height = lines.reduce((sum, line) => sum + line.height, 0);
        // A heading is never left alone at the bottom of a page: it keeps two lines of what follows.
        const following = next ? this.bodySize * lineSpacing * 2 : 0;
        if (this.y < this.top) this.y -= size * 0.6;
        this.ensure(height + following + 8);
        this.writeLines(lines, left);
        if (block.level <= 2) {
          this.y -= 2;
          this.page.push(horizontalLine(left, this.y, width, block.level === 1 ? 1.2 : 0.6));
        }
        this.y -= 6;
        return;
      }
      case 'paragraph':
        this.writeLines(wrapPieces(piecesOf(block.inlines, this.body), width, this.measure), left);
        this.y -= this.bodySize * 0.6;
        return;
      case 'list':
        this.writeList(block, left, width);
        return;
      case 'code':
        this.writeCode(block.text, left, width);
        return;
      case 'table':
        this.writeTable(block, left, width);
        return;
      case 'quote':
        this.writeQuote(block.blocks, left, width);
        return;
      case 'rule':
        this.ensure(12);
        this.y -= 4;
        this.page.push(horizontalLine(left, this.y, width, 1));
        this.y -= 10;
        return;
    }
  }

  private writeList(block: Extract<Block, { kind: 'list' }>, left: number, width: number) {
    const indent = 18;
    block.items.forEach((item, index) => {
      const marker = block.ordered ? `${block.start + index}.` : '•';
      const markerWidth = this.measure.width(marker, this.body);
      // The marker and the item's first line (of the same height) land on the same page.
      this.ensure(this.bodySize * lineSpacing);
      const markerY = this.y - this.bodySize * 1.05;
      this.page.push({
        kind: 'text',
        x: left + indent - 5 - markerWidth,
        y: markerY,
        text: marker,
        style: this.body,
      });
      if (item.length === 0) this.y -= this.bodySize * lineSpacing;
      item.forEach((inner, innerIndex) => {
        if (inner.kind === 'paragraph') {
          this.writeLines(
            wrapPieces(piecesOf(inner.inlines, this.body), width - indent, this.measure),
            left + indent,
          );
          if (innerIndex < item.length - 1) this.y -= this.bodySize * 0.3;
        } else this.writeBlock(inner, left + indent, width - indent, item[innerIndex + 1]);
      });
    });
    this.y -= this.bodySize * 0.5;
  }

  private writeCode(text: string, left: number, width: number) {
    const style: TextStyle = { role: 'code', face: 'regular', size: this.bodySize * 0.88, ink: 'text' };
    const padding = 6;
    const lines = wrapCode(text, width - 2 * padding, style, this.measure);
    this.ensure(padding + (lines[0]?.height ?? 0));
    this.y -= padding / 2;
    for (const line of lines) {
      this.ensure(line.height);
      this.page.push({
        kind: 'rect',
        x: left,
        y: this.y - line.height,
        width,
        height: line.height,
        fill: 'code',
      });
      this.page.push(...lineText(line, left + padding, this.y));
      this.y -= line.height;
    }
    this.y -= padding + this.bodySize * 0.4;
  }

  private writeQuote(blocks: readonly Block[], left: number, width: number) {
    const startPage = this.pages.length - 1;
    const startY = this.y;
    this.writeBlocks(blocks, left + 14, width - 14);
    const endPage = this.pages.length - 1;
    for (let index = startPage; index <= endPage; index++) {
      const from = index === startPage ? startY : this.top;
      const to = index === endPage ? this.y + this.bodySize * 0.6 : this.bottom;
      this.pages[index]?.push({
        kind: 'line',
        x1: left + 3,
        y1: from,
        x2: left + 3,
        y2: to,
        thickness: 2,
        ink: 'muted',
      });
    }
  }

  private columnWidths(cells: Inline[][][], style: TextStyle, width: number): number[] {
    const count = Math.max(...cells.map((row) => row.length), 1);
    const padding = 8;
    const natural = Array.from({ length: count }, (_, column) =>
      Math.max(
        24,
        ...cells.map((row) => {
          const text = (row[column] ?? []).map((inline) => inline.text).join('');
          return this.measure.width(text, style) + padding;
        }),
      ),
    );
    const total = natural.reduce((sum, value) => sum + value, 0);
    if (total <= width) return natural.map((value) => (value / total) * width);
    const fair = width / count;
    const given = natural.map((value) => Math.min(value, fair));
    const spare = width - given.reduce((sum, value) => sum + value, 0);
    const wanting = natural.map((value, column) => value - (given[column] ?? 0));
    const wanted = wanting.reduce((sum, value) => sum + value, 0);
    return given.map((value, column) => value + (wanted > 0 ? ((wanting[column] ?? 0) / wanted) * spare : 0));
  }

  private writeTable(block: Extract<Block, { kind: 'table' }>, left: number, width: number) {
    const style: TextStyle = { ...this.body, size: this.bodySize * 0.9 };
    const headerStyle: TextStyle = { ...style, face: 'bold' };
    const widths = this.columnWidths([block.header, ...block.rows], style, width);
    const padding = 4;
    const maximumRowHeight = this.top - this.bottom - 40;
    const layRow = (cells: Inline[][], cellStyle: TextStyle) => {
      const laid = widths.map((columnWidth, column) => {
        let lines = wrapPieces(
          piecesOf(cells[column] ?? [], cellStyle),
          columnWidth - 2 * padding,
          this.measure,
        );
        // A cell taller than a page is cut, and says so, rather than run off the page.
        let height = 0;
        const kept: Line[] = [];
        for (const line of lines) {
          if (height + line.height > maximumRowHeight) {
            kept.push(
              ...wrapPieces(piecesOf([{ text: '…', italic: true }], cellStyle), columnWidth, this.measure),
            );
            break;
          }
          kept.push(line);
          height += line.height;
        }
        lines = kept;
        return lines;
      });
      const height =
        Math.max(...laid.map((lines) => lines.reduce((sum, line) => sum + line.height, 0)), style.size) +
        2 * padding;
      return { laid, height };
    };
    const drawRow = (row: ReturnType<typeof layRow>, header: boolean) => {
      if (header)
        this.page.push({
          kind: 'rect',
          x: left,
          y: this.y - row.height,
          width,
          height: row.height,
          fill: 'tableHeader',
        });
      let x = left;
      row.laid.forEach((lines, column) => {
        let y = this.y - padding;
        for (const line of lines) {
          this.page.push(...lineText(line, x + padding, y));
          y -= line.height;
        }
        x += widths[column] ?? 0;
      });
      this.y -= row.height;
      this.page.push(horizontalLine(left, this.y, width, header ? 1 : 0.4, header ? 'accent' : 'muted'));
    };
    const header = block.header.length > 0 ? layRow(block.header, headerStyle) : undefined;
    const rows = block.rows.map((cells) => layRow(cells, style));
    this.ensure((header?.height ?? 0) + (rows[0]?.height ?? 0));
    if (header) drawRow(header, true);
    for (const row of rows) {
      if (this.y - row.height < this.bottom) {
        this.newPage();
        // The header row is repeated on every page the table continues on.
        if (header) drawRow(header, true);
      }
      drawRow(row, false);
    }
    this.y -= this.bodySize * 0.8;
  }
}
