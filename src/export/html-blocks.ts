// HTML read into export blocks: headings, paragraphs, lists, tables, code, quotes and emphasis are
// kept; scripts, styles, frames, forms and images are not (an image leaves its description). The
// export is drawn from the blocks alone, which is what sanitises it: no markup, attribute or URL
// of the source is ever emitted or fetched.
import { load } from 'cheerio';
import { type AnyNode, type Element, isTag, isText } from 'domhandler';
import type { Block, Inline, InlineStyle } from './document-blocks.ts';

const dropped = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'head',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'form',
  'button',
  'select',
  'input',
  'textarea',
  'link',
  'meta',
]);
const headingLevels: Record<string, 1 | 2 | 3 | 4 | 5 | 6> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const blockContainers = new Set([
  'html',
  'body',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'nav',
  'aside',
  'figure',
  'figcaption',
  'address',
  'details',
  'summary',
  'dl',
  'dt',
  'dd',
  'fieldset',
  'center',
]);

class BlockCollector {
  readonly blocks: Block[] = [];
  private inlines: Inline[] = [];

  flush() {
    const text = this.inlines.map((inline) => inline.text).join('');
    if (text.trim() !== '') this.blocks.push({ kind: 'paragraph', inlines: trimmed(this.inlines) });
    this.inlines = [];
  }

  addInline(inline: Inline) {
    this.inlines.push(inline);
  }

  addBlock(block: Block) {
    this.flush();
    this.blocks.push(block);
  }
}

/** Whitespace collapsed as a browser would, and none left at the ends. */
function trimmed(inlines: Inline[]): Inline[] {
  const collapsed = inlines.map((inline) =>
    inline.text === '\n' ? inline : { ...inline, text: inline.text.replace(/\s+/g, ' ') },
  );
  const first = collapsed[0];
  if (first) first.text = first.text.replace(/^\s+/, '');
  const last = collapsed[collapsed.length - 1];
  if (last) last.text = last.text.replace(/\s+$/, '');
  return collapsed.filter((inline) => inline.text !== '');
}

function inlineStyleOf(element: Element, style: InlineStyle): InlineStyle {
  switch (element.name) {
    case 'strong':
    case 'b':
    case 'th':
      return { ...style, bold: true };
    case 'em':
    case 'i':
    case 'cite':
      return { ...style, italic: true };
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
      return { ...style, code: true };
    case 'a': {
      const href = element.attribs.href?.trim();
      return href && !/^(javascript|data|vbscript):/i.test(href) && !href.startsWith('#')
        ? { ...style, href }
        : style;
    }
    default:
      return style;
  }
}

function inlinesOf(nodes: AnyNode[], style: InlineStyle = {}): Inline[] {
  const collector = new BlockCollector();
  walk(nodes, collector, style);
  collector.flush();
  return collector.blocks.flatMap((block, index) => {
    const inlines = block.kind === 'paragraph' ? block.inlines : [];
    return index === 0 ? inlines : [{ text: '\n' }, ...inlines];
  });
}

function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (isTag(node)) {
    if (dropped.has(node.name)) return '';
    if (node.name === 'br') return '\n';
    return node.children.map(textOf).join('');
  }
  return '';
}

function listOf(element: Element): Block {
  const items = element.children
    .filter((child): child is Element => isTag(child) && child.name === 'li')
    .map((item) => {
      const inner = new BlockCollector();
      walk(item.children, inner, {});
      inner.flush();
      return inner.blocks;
    });
  const start = Number.parseInt(element.attribs.start ?? '1', 10);
  return { kind: 'list', ordered: element.name === 'ol', start: Number.isFinite(start) ? start : 1, items };
}

/** The table's own rows (those of a table nested in a cell belong to that table). */
function rowsOf(element: Element): Element[] {
  return element.children
    .filter((child): child is Element => isTag(child))
    .flatMap((child) =>
      child.name === 'tr' ? [child] : ['thead', 'tbody', 'tfoot'].includes(child.name) ? rowsOf(child) : [],
    );
}

function tableOf(element: Element): Block {
  const rows = rowsOf(element)
    .map((row) =>
      row.children
        .filter((cell): cell is Element => isTag(cell) && (cell.name === 'th' || cell.name === 'td'))
        .map((cell) => ({ header: cell.name === 'th', inlines: inlinesOf(cell.children) })),
    )
    .filter((cells) => cells.length > 0);
  const first = rows[0];
  const headed = first?.every((cell) => cell.header) === true;
  return {
    kind: 'table',
    header: headed ? first.map((cell) => cell.inlines) : [],
    rows: (headed ? rows.slice(1) : rows).map((cells) => cells.map((cell) => cell.inlines)),
  };
}

function walk(nodes: AnyNode[], collector: BlockCollector, style: InlineStyle) {
  for (const node of nodes) {
    if (isText(node)) {
      collector.addInline({ ...style, text: node.data });
      continue;
    }
    if (!isTag(node) || dropped.has(node.name)) continue;
    const level = headingLevels[node.name];
    if (level) {
      collector.addBlock({ kind: 'heading', level, inlines: trimmed(inlinesOf(node.children)) });
    } else if (node.name === 'p') {
      collector.flush();
      walk(node.children, collector, style);
      collector.flush();
    } else if (node.name === 'ul' || node.name === 'ol') {
      collector.addBlock(listOf(node));
    } else if (node.name === 'pre') {
      collector.addBlock({ kind: 'code', text: textOf(node).replace(/\n$/, '') });
    } else if (node.name === 'table') {
      collector.addBlock(tableOf(node));
    } else if (node.name === 'blockquote') {
      const inner = new BlockCollector();
      walk(node.children, inner, style);
      inner.flush();
      collector.addBlock({ kind: 'quote', blocks: inner.blocks });
    } else if (node.name === 'hr') {
      collector.addBlock({ kind: 'rule' });
    } else if (node.name === 'br') {
      collector.addInline({ ...style, text: '\n' });
    } else if (node.name === 'img') {
      const description = node.attribs.alt?.trim();
      if (description) collector.addInline({ ...style, text: `[image: ${description}]` });
    } else if (node.name === 'li') {
      collector.addBlock({ kind: 'list', ordered: false, start: 1, items: [inlinesToBlocks(node)] });
    } else if (blockContainers.has(node.name)) {
      collector.flush();
      walk(node.children, collector, style);
      collector.flush();
    } else {
      walk(node.children, collector, inlineStyleOf(node, style));
    }
  }
}

function inlinesToBlocks(element: Element): Block[] {
  const inner = new BlockCollector();
  walk(element.children, inner, {});
  inner.flush();
  return inner.blocks;
}

export function htmlBlocks(html: string): { title: string | undefined; blocks: Block[] } {
  const $ = load(html);
  const title = $('title').first().text().trim() || undefined;
  const collector = new BlockCollector();
  const body = $('body')[0];
  walk(body ? body.children : ($.root()[0]?.children ?? []), collector, {});
  collector.flush();
  return { title, blocks: collector.blocks };
}
