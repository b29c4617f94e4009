// The one document model every export goes through: Markdown, HTML, plain text, CSV and JSON are
// read into these blocks, and the PDF and HTML renderers draw only these blocks. Nothing of the
// source (a script, a style, a remote image) can reach an export except as text.

export interface InlineStyle {
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** A link's target, shown after its text: exports never follow it. */
  href?: string;
}

export interface Inline extends InlineStyle {
  text: string;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { kind: 'code'; text: string }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'rule' };

export interface ExportDocument {
  /** Shown as the HTML page title and the PDF's title. */
  title: string;
  blocks: Block[];
}

/** A link's text followed by its address, unless the text already is the address. */
export function linkLabel(text: string, href: string): string {
  const bare = href.replace(/^mailto:/, '');
  return text.trim() === href || text.trim() === bare ? '' : ` (${bare})`;
}
