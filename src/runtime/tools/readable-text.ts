// The text of an element as a person reads it. cheerio's text() glues the text of neighbouring
// elements together ("<h3>Grace</h3><p>CTO</p>" → "GraceCTO"); a browser shows them apart. Block
// elements, table cells and line breaks are separated by a space here; inline ones
// ("Gr<b>ace</b>") are not, as on the page.
import { type AnyNode, isCDATA, isDocument, isTag, isText } from 'domhandler';

const separated = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'option',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
const unread = new Set(['script', 'style', 'template', 'noscript']);

/** `separator` goes between blocks: a space for a line of text, a newline to tell its lines apart. */
export function readableText(nodes: AnyNode[], separator = ' '): string {
  const parts: string[] = [];
  const visit = (node: AnyNode) => {
    if (isText(node)) {
      parts.push(node.data);
      return;
    }
    // Scripts and styles are elements of their own types, not tags: never read, as on the page.
    // A feed's CDATA section (read as XML) is text the feed wraps to keep its markup unparsed.
    if (!isTag(node) && !isDocument(node) && !isCDATA(node)) return;
    const name = isTag(node) ? node.name.toLowerCase() : '';
    if (unread.has(name)) return;
    const apart = separated.has(name);
    if (apart) parts.push(separator);
    for (const child of node.children) visit(child);
    if (apart) parts.push(separator);
  };
  for (const node of nodes) visit(node);
  return parts.join('');
}
