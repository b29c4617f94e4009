// The page's HTML as an LLM is given it to find selectors: no scripts, styles or comments, only
// the attributes that selectors and meaning rest on, long texts shortened, the whole capped. The
// values of password and hidden fields are dropped: they may hold a secret or a session token,
// and nothing on the page should reach the LLM that a person could not see.
import { load } from 'cheerio';
import { isTag } from 'domhandler';

/** Enough markup for a list page or a form, small enough for any model's context. */
export const trimmedHtmlCharacters = 60_000;
const textCharacters = 200;

const keptAttributes = new Set([
  'id',
  'class',
  'name',
  'role',
  'type',
  'href',
  'for',
  'title',
  'alt',
  'placeholder',
  'value',
  'label',
  'selected',
  'checked',
  'disabled',
]);
const droppedElements = 'script, style, noscript, template, link, meta, svg, iframe, object, embed, canvas';

function keeps(attribute: string) {
  return keptAttributes.has(attribute) || attribute.startsWith('aria-') || attribute.startsWith('data-');
}

export function trimmedHtml(html: string, limit = trimmedHtmlCharacters): string {
  const $ = load(html);
  $(droppedElements).remove();
  $('*')
    .contents()
    .filter((_, node) => node.type === 'comment')
    .remove();
  $('*').each((_, element) => {
    if (!isTag(element)) return;
    for (const attribute of Object.keys(element.attribs)) {
      const value = element.attribs[attribute] ?? '';
      // Inline data (images, tokens in data-* attributes) is long and says nothing about structure.
      if (!keeps(attribute) || value.length > 300) $(element).removeAttr(attribute);
    }
    const type = element.attribs.type?.toLowerCase();
    if (element.tagName === 'input' && (type === 'password' || type === 'hidden'))
      $(element).removeAttr('value');
  });
  $('*')
    .contents()
    .each((_, node) => {
      if (node.type !== 'text') return;
      const text = node.data.replace(/\s+/g, ' ');
      node.data = text.length > textCharacters ? `${text.slice(0, textCharacters)}…` : text;
    });
  const body = ($('body').html() ?? $.root().html() ?? '').replace(/>\s+</g, '><').trim();
  return body.length > limit
    ? `${body.slice(0, limit)}\n<!-- the page goes on; cut at ${limit} characters -->`
    : body;
}
