// Markdown (GitHub flavour, via marked's lexer) read into export blocks. Only the token tree is
// used, never marked's HTML, so raw HTML inside Markdown ends up as visible text, not markup.
import { Lexer, type Token } from 'marked';
import { ruleViolated } from '../domain/errors.ts';
import type { Block, Inline, InlineStyle } from './document-blocks.ts';
import { exportLimits } from './document-limits.ts';

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
};

/** The text marked leaves with character references (&amp;, &#39;) as the characters. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(Number.parseInt(lower.slice(2), 16)) ?? whole;
    if (lower.startsWith('#') && lower !== '#39')
      return safeCodePoint(Number.parseInt(lower.slice(1), 10)) ?? whole;
    return entities[lower] ?? whole;
  });
}

function safeCodePoint(code: number) {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

function inlinesOf(tokens: readonly Token[] | undefined, style: InlineStyle = {}): Inline[] {
  const inlines: Inline[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        inlines.push(...inlinesOf(token.tokens, { ...style, bold: true }));
        break;
      case 'em':
        inlines.push(...inlinesOf(token.tokens, { ...style, italic: true }));
        break;
      case 'del':
        inlines.push(...inlinesOf(token.tokens, style));
        break;
      case 'codespan':
        inlines.push({ ...style, code: true, text: decodeEntities(token.text) });
        break;
      case 'link':
        inlines.push(...inlinesOf(token.tokens, { ...style, href: token.href }));
        break;
      case 'image':
        // An image is never fetched: its description and address stand in for it.
        inlines.push({
          ...style,
          text: `[image: ${decodeEntities(token.text || 'untitled')}]`,
          href: token.href,
        });
        break;
      case 'br':
        inlines.push({ ...style, text: '\n' });
        break;
      case 'text':
        if (token.tokens && token.tokens.length > 0) inlines.push(...inlinesOf(token.tokens, style));
        else inlines.push({ ...style, text: decodeEntities(token.text) });
        break;
      default:
        // escape, html and anything an extension adds: its text, as text.
        inlines.push({ ...style, text: decodeEntities(String('text' in token ? token.text : token.raw)) });
    }
  }
  return inlines;
}

function blocksOf(tokens: readonly Token[]): Block[] {
  const blocks: Block[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        blocks.push({
          kind: 'heading',
          level: Math.min(Math.max(token.depth, 1), 6) as 1 | 2 | 3 | 4 | 5 | 6,
          inlines: inlinesOf(token.tokens),
        });
        break;
      case 'paragraph':
        blocks.push({ kind: 'paragraph', inlines: inlinesOf(token.tokens) });
        break;
      case 'text':
        // A tight list item's text: a paragraph of its own.
        blocks.push({ kind: 'paragraph', inlines: inlinesOf(token.tokens ?? [token]) });
        break;
      case 'list':
        blocks.push({
          kind: 'list',
          ordered: token.ordered,
          start: typeof token.start === 'number' ? token.start : 1,
          items: token.items.map((item: { task: boolean; checked?: boolean; tokens: Token[] }) => {
            const content = blocksOf(item.tokens.filter((inner) => inner.type !== 'checkbox'));
            const first = content[0];
            if (item.task && first?.kind === 'paragraph') {
              first.inlines.unshift({ text: item.checked ? '[x] ' : '[ ] ' });
            }
            return content;
          }),
        });
        break;
      case 'code':
        blocks.push({ kind: 'code', text: token.text });
        break;
      case 'table':
        blocks.push({
          kind: 'table',
          header: token.header.map((cell: { tokens: Token[] }) => inlinesOf(cell.tokens)),
          rows: token.rows.map((row: { tokens: Token[] }[]) => row.map((cell) => inlinesOf(cell.tokens))),
        });
        break;
      case 'blockquote':
        blocks.push({ kind: 'quote', blocks: blocksOf(token.tokens ?? []) });
        break;
      case 'hr':
        blocks.push({ kind: 'rule' });
        break;
      case 'space':
        break;
      case 'html':
        if (token.text.trim()) blocks.push({ kind: 'paragraph', inlines: [{ text: token.text.trim() }] });
        break;
      default:
        if (token.raw?.trim()) blocks.push({ kind: 'paragraph', inlines: [{ text: token.raw.trim() }] });
    }
  }
  return blocks;
}

/**
 * The Markdown parser's time grows much faster than the nesting: a list 1,000 levels deep took
 * 20 s of a core to parse. An export nests at most `exportLimits.nesting` deep anyway, so a source
 * indented or quoted far past that is refused before it is parsed.
 */
function checkMarkdownSource(markdown: string) {
  if (markdown.length > exportLimits.characters * 2) {
    throw ruleViolated(
      `The document is ${markdown.length.toLocaleString('en')} characters long; an export takes at most ${(exportLimits.characters * 2).toLocaleString('en')}. Export it in parts.`,
    );
  }
  const deepest = exportLimits.nesting * 8;
  for (const line of markdown.split('\n')) {
    const lead = /^[ \t>]*/.exec(line)?.[0] ?? '';
    const width = lead.replace(/\t/g, '    ').length;
    if (width > deepest) {
      throw ruleViolated(
        `A line is indented or quoted ${width} columns deep; an export nests at most ${exportLimits.nesting} levels. Flatten the document to export it.`,
      );
    }
  }
}

export function markdownBlocks(markdown: string): Block[] {
  checkMarkdownSource(markdown);
  return blocksOf(new Lexer({ gfm: true }).lex(markdown));
}

/** Plain text: paragraphs split on blank lines, line breaks inside a paragraph kept. */
export function plainTextBlocks(text: string): Block[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => ({ kind: 'paragraph', inlines: [{ text: paragraph.replace(/\s+$/, '') }] }));
}
