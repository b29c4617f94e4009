// What each element's subtree holds (text, links, headings, images, …), counted in one pass over
// the page. Scoring a group of records then reads these numbers instead of walking the records
// again: a 20 MB page has hundreds of thousands of elements, and a walk per group would take
// quadratic time.
import { type AnyNode, type Element, isTag, isText } from 'domhandler';
import { stableClasses, tagSelector } from './element-signature.ts';
import { type FieldNames, wordsOf } from './field-names.ts';

/** Never records nor part of what a record reads: scripts, the head, form controls' options. */
const unread = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'select',
  'iframe',
  'object',
  'svg',
]);
const landmarkTags = new Set(['nav', 'header', 'footer', 'aside']);
const landmarkRoles = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'menu',
  'menubar',
  'dialog',
  'alertdialog',
]);
/** Words in a class or id that mark the page's frame rather than its content. */
const frameWords = new Set([
  'menu',
  'menus',
  'megamenu',
  'nav',
  'navbar',
  'navigation',
  'breadcrumb',
  'breadcrumbs',
  'pagination',
  'pager',
  'paging',
  'footer',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'sidebar',
  'toolbar',
  'topbar',
]);
const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Characters of text a person sees: white space is layout, not text. */
function visibleCharacters(text: string): number {
  let count = 0;
  for (let position = 0; position < text.length; position++) {
    const code = text.charCodeAt(position);
    if (code > 32 && code !== 160) count++;
  }
  return count;
}

/** A link a person can follow: `#` and `javascript:` only run the page's scripts. */
export function isFollowableLink(element: Element): boolean {
  if (element.name !== 'a') return false;
  const href = element.attribs.href?.trim();
  return href !== undefined && href !== '' && href !== '#' && !/^javascript:/i.test(href);
}

/** counts[index] += amount, for typed arrays whose index TypeScript cannot know is in range. */
function addTo(counts: Int32Array, index: number, amount: number) {
  counts[index] = (counts[index] ?? 0) + amount;
}

export class PageMeasures {
  /** Every element read, in document order: element i's descendants are the `size[i]` after it. */
  readonly elements: Element[] = [];
  readonly indexOf = new Map<Element, number>();
  readonly parent: Int32Array;
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  readonly size: Int32Array;
  /** Characters of visible text in the subtree, and of those, the ones inside links. */
  readonly text: Int32Array;
  readonly linkText: Int32Array;
  readonly links: Int32Array;
  readonly headings: Int32Array;
  readonly images: Int32Array;
  readonly times: Int32Array;
  /** schema.org items (itemscope with an itemtype, not a property of another item). */
  readonly items: Int32Array;
  /** Bits of the requested fields the element's own names fit, and those its descendants' do. */
  readonly ownFields: Int32Array;
  readonly fieldsBelow: Int32Array;
  /** 1 when the element or an ancestor belongs to the page's frame (nav, footer, cookie banner). */
  readonly frame: Uint8Array;
  /** Whether a class or id attribute marks the frame, worked out once per value: pages repeat them. */
  private readonly framingNames = new Map<string, boolean>();
  readonly idCounts = new Map<string, number>();
  private readonly classes: (string[] | undefined)[] = [];
  private readonly signatures: (string | undefined)[] = [];

  constructor(root: AnyNode, fields: FieldNames) {
    const parents: number[] = [];
    // Iterative: a page of unclosed tags nests deeper than the call stack goes.
    const stack: { node: AnyNode; parent: number }[] = [];
    const pushChildren = (node: AnyNode, parent: number) => {
      if (!('children' in node)) return;
      for (let child = node.children.length - 1; child >= 0; child--) {
        const item = node.children[child];
        if (item && isTag(item) && !unread.has(item.name)) stack.push({ node: item, parent });
      }
    };
    pushChildren(root, -1);
    for (let next = stack.pop(); next; next = stack.pop()) {
      const element = next.node as Element;
      const index = this.elements.length;
      this.elements.push(element);
      this.indexOf.set(element, index);
      parents.push(next.parent);
      pushChildren(element, index);
    }

    const count = this.elements.length;
    this.parent = Int32Array.from(parents);
    this.firstChild = new Int32Array(count).fill(-1);
    this.nextSibling = new Int32Array(count).fill(-1);
    const lastChild = new Int32Array(count).fill(-1);
    parents.forEach((parent, index) => {
      if (parent < 0) return;
      const previous = lastChild[parent] ?? -1;
      if (previous < 0) this.firstChild[parent] = index;
      else this.nextSibling[previous] = index;
      lastChild[parent] = index;
    });
    this.size = new Int32Array(count);
    this.text = new Int32Array(count);
    this.linkText = new Int32Array(count);
    this.links = new Int32Array(count);
    this.headings = new Int32Array(count);
    this.images = new Int32Array(count);
    this.times = new Int32Array(count);
    this.items = new Int32Array(count);
    this.ownFields = new Int32Array(count);
    this.fieldsBelow = new Int32Array(count);
    this.frame = new Uint8Array(count);

    this.elements.forEach((element, index) => {
      for (const child of element.children)
        if (isText(child)) addTo(this.text, index, visibleCharacters(child.data));
      const attributes = element.attribs;
      if (isFollowableLink(element)) this.links[index] = 1;
      if (headingTags.has(element.name) || attributes.role === 'heading') this.headings[index] = 1;
      if (element.name === 'img') this.images[index] = 1;
      if (element.name === 'time') this.times[index] = 1;
      if ('itemscope' in attributes && attributes.itemtype && !('itemprop' in attributes))
        this.items[index] = 1;
      if (fields.names.length > 0 && Object.keys(attributes).length > 0)
        this.ownFields[index] = fields.mask(element);
      if (attributes.id) this.idCounts.set(attributes.id, (this.idCounts.get(attributes.id) ?? 0) + 1);
    });

    const summed = [this.text, this.linkText, this.links, this.headings, this.images, this.times, this.items];
    // Backwards through document order, every element comes after all of its descendants.
    for (let index = count - 1; index >= 0; index--) {
      if (isFollowableLink(this.elements[index] as Element)) this.linkText[index] = this.text[index] ?? 0;
      const parent = this.parent[index] ?? -1;
      if (parent < 0) continue;
      addTo(this.size, parent, (this.size[index] ?? 0) + 1);
      for (const counts of summed) addTo(counts, parent, counts[index] ?? 0);
      this.fieldsBelow[parent] =
        (this.fieldsBelow[parent] ?? 0) | (this.ownFields[index] ?? 0) | (this.fieldsBelow[index] ?? 0);
    }

    // An element holding half the page's text is its layout, whatever its classes say:
    // <body class="has-sidebar nav-open"> must not make the whole page a menu.
    const pageText = this.roots().reduce((sum, root) => sum + (this.text[root] ?? 0), 0);
    this.elements.forEach((element, index) => {
      const parent = this.parent[index] ?? -1;
      const framed = (this.text[index] ?? 0) * 2 < pageText && this.isFrame(element);
      this.frame[index] = (parent >= 0 && this.frame[parent]) || framed ? 1 : 0;
    });
  }

  private namesFrame(names: string): boolean {
    let known = this.framingNames.get(names);
    if (known === undefined) {
      known = wordsOf(names).some((word) => frameWords.has(word));
      this.framingNames.set(names, known);
    }
    return known;
  }

  /** Whether the element says it is part of the page's frame: navigation, header, footer, banners. */
  private isFrame(element: Element): boolean {
    if (landmarkTags.has(element.name)) return true;
    const role = element.attribs.role?.toLowerCase();
    if (role && landmarkRoles.has(role)) return true;
    const { class: classes, id } = element.attribs;
    return Boolean((classes && this.namesFrame(classes)) || (id && this.namesFrame(id)));
  }

  /** The element children of element `index` that were read, as indices. */
  childrenOf(index: number): number[] {
    const children: number[] = [];
    for (let child = this.firstChild[index] ?? -1; child >= 0; child = this.nextSibling[child] ?? -1)
      children.push(child);
    return children;
  }

  /** How many element children of element `index` were read. */
  childCount(index: number): number {
    let count = 0;
    for (let child = this.firstChild[index] ?? -1; child >= 0; child = this.nextSibling[child] ?? -1) count++;
    return count;
  }

  /** The element's stable classes (element-signature.ts), worked out once. */
  classesOf(index: number): string[] {
    let classes = this.classes[index];
    if (!classes) {
      classes = stableClasses(this.elements[index] as Element);
      this.classes[index] = classes;
    }
    return classes;
  }

  /** tag.class.class for the element, worked out once. */
  signatureOf(index: number): string {
    let signature = this.signatures[index];
    if (signature === undefined) {
      signature = [tagSelector(this.elements[index] as Element), ...this.classesOf(index)].join('.');
      this.signatures[index] = signature;
    }
    return signature;
  }

  /** How many different tags the element's first `limit` descendants have: a card's variety. */
  distinctTags(index: number, limit: number): number {
    const tags = new Set<string>();
    const end = index + Math.min(this.size[index] ?? 0, limit);
    for (let descendant = index + 1; descendant <= end; descendant++)
      tags.add(this.elements[descendant]?.name ?? '');
    return tags.size;
  }

  /** The top-level elements of the page: children of the document, not of another element. */
  roots(): number[] {
    const roots: number[] = [];
    this.parent.forEach((parent, index) => {
      if (parent < 0) roots.push(index);
    });
    return roots;
  }
}
