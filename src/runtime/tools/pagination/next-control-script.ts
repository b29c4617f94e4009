// What a listing page offers to go further, read inside the page: a rel=next link, a link or
// button named "Next" (or an arrow, or "Next" in a few languages), the numbered link after the
// current page, or a "Load more" button. The control found is marked with an attribute so that
// the walker clicks exactly that element.
//
// The script is plain JavaScript in a string: a function handed to page.evaluate would carry the
// transpiler's helpers (tsx's __name) into a page that does not have them.
import type { Page } from 'playwright-core';
import { controlWords } from './control-words.ts';

/** The attribute that marks the control found, for the click that follows. */
export const controlMarker = 'data-orca-paginate';

export type ControlKind = 'given' | 'rel' | 'next' | 'number' | 'more';

export interface NextControl {
  how: ControlKind;
  /** The absolute address a link leads to; null for a button (or a link to "#"). */
  href: string | null;
  disabled: boolean;
  /** What the control says, for messages. */
  label: string;
}

export interface PageFindings {
  control: NextControl | null;
  /** This page's number: the one the pagination marks as current, or the walker's. */
  current: number;
  /** Whether the document is taller than the window: only then can it load more on scroll. */
  scrollable: boolean;
  recordCount: number;
}

export interface FindRequest {
  /** What to look for, in order of preference. */
  kinds: readonly ControlKind[];
  /** This page's number as the walker knows it, when the page does not show it. */
  number: number;
  /** The records' selector: a control inside a record ("More" about one row) is not the listing's. */
  records: string;
}

const script = `(args) => {
  const marker = args.marker;
  // A mark from an earlier look is stale; the walker's own mark of a given selector is not.
  for (const old of document.querySelectorAll('[' + marker + ']')) {
    if (old.getAttribute(marker) !== 'given') old.removeAttribute(marker);
  }
  const arrows = /^[\\s‹›«»<>←→⟨⟩❮❯▶◀|·.:…]+|[\\s‹›«»<>←→⟨⟩❮❯▶◀|·.:…]+$/g;
  const normal = (value) => String(value || '').replace(/\\s+/g, ' ').trim().toLowerCase();
  const bare = (value) => normal(value).replace(arrows, '').trim();
  const visible = (element) =>
    element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  // A record's row is the largest block around it that holds no other record (the tr around a
  // matched link, say): a control there ("More" about that row) is not the listing's. With a
  // single record, every block up to the listing holds no other, so only a row-like one counts.
  let records = [];
  try { records = [...document.querySelectorAll(args.records)]; } catch {}
  const holding = new Map();
  for (const record of records) {
    for (let node = record.parentElement; node; node = node.parentElement) holding.set(node, (holding.get(node) || 0) + 1);
  }
  const rows = new Set(records);
  for (const record of records) {
    if (records.length === 1) {
      const row = record.closest('tr, [role="row"], li, article');
      if (row) rows.add(row);
      continue;
    }
    let row = record;
    while (row.parentElement && holding.get(row.parentElement) === 1) row = row.parentElement;
    rows.add(row);
  }
  const insideRecord = (element) => {
    for (let node = element; node; node = node.parentElement) if (rows.has(node)) return true;
    return false;
  };
  const disabled = (element) => {
    if (element.disabled === true) return true;
    let node = element;
    for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
      if (node.getAttribute && node.getAttribute('aria-disabled') === 'true') return true;
      if (node.classList && (node.classList.contains('disabled') || node.classList.contains('is-disabled'))) return true;
    }
    return false;
  };
  const hrefOf = (element) => {
    if (element.tagName !== 'A' && element.tagName !== 'LINK') return null;
    const raw = (element.getAttribute('href') || '').trim();
    if (!raw || raw.startsWith('#') || /^javascript:/i.test(raw)) return null;
    return element.href;
  };
  const labels = (element) => {
    const image = element.querySelector && element.querySelector('img[alt]');
    return [
      element.innerText || element.textContent,
      element.getAttribute('aria-label'),
      element.getAttribute('title'),
      element.tagName === 'INPUT' ? element.value : null,
      image ? image.getAttribute('alt') : null,
    ].filter((label) => label && String(label).trim());
  };
  const describe = (element, how) => {
    if (element.setAttribute) element.setAttribute(marker, how);
    return { how, href: hrefOf(element), disabled: disabled(element), label: normal(labels(element)[0] || how).slice(0, 80) };
  };
  const controls = [...document.querySelectorAll(
    'a, button, [role="button"], [role="link"], input[type="button"], input[type="submit"]',
  )].filter((element) => visible(element) && !insideRecord(element));
  const numberOf = (element) => {
    for (const label of labels(element)) {
      const text = normal(label);
      const found = /^(?:(?:go to |goto )?page )?(\\d{1,5})$/.exec(text);
      if (found) return Number(found[1]);
    }
    return null;
  };
  const numbered = controls.filter((element) => numberOf(element) !== null);
  // A number is a page number only among other numbers: a row's "2" alone is not pagination.
  const inPagination = (element) => {
    let node = element.parentElement;
    for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
      if (numbered.filter((other) => other !== element && node.contains(other)).length > 0) return true;
    }
    return false;
  };
  const currentNumber = () => {
    const marked = [...document.querySelectorAll(
      '[aria-current="page"], [aria-current="true"], .active, .current, .selected, [aria-selected="true"]',
    )];
    for (const element of marked) {
      const found = /^(\\d{1,5})$/.exec(normal(element.textContent));
      if (found) return Number(found[1]);
    }
    return null;
  };
  const listingPath = (path) => path.replace(/\\/+$/, '').replace(/\\/(?:page\\/)?\\d{1,5}$/, '');
  const sameListing = (href) => {
    try {
      const target = new URL(href);
      return target.origin === location.origin && listingPath(target.pathname) === listingPath(location.pathname);
    } catch {
      return false;
    }
  };
  const current = currentNumber() ?? args.number;
  const finders = {
    given: () => {
      const element = document.querySelector('[' + marker + '="given"]');
      return element ? describe(element, 'given') : null;
    },
    rel: () => {
      const anchor = [...document.querySelectorAll('a[rel~="next" i]')].find((element) => !insideRecord(element));
      if (anchor) return describe(anchor, 'rel');
      const link = document.querySelector('link[rel~="next" i][href]');
      return link ? { how: 'rel', href: link.href, disabled: false, label: 'rel=next' } : null;
    },
    next: () => {
      let best = null;
      for (const element of controls) {
        for (const label of labels(element)) {
          const text = normal(label);
          const word = bare(text);
          // A word beats an arrow, and "›" beats "»", which some pagers use for the last page.
          const rank = word && args.words.next.includes(word) ? 0 : 1 + args.words.arrows.indexOf(text);
          if (rank === 0 && !(word && args.words.next.includes(word))) continue;
          const better = !best || rank < best.rank || (rank === best.rank && best.disabled && !disabled(element));
          if (better) best = { element, rank, disabled: disabled(element) };
        }
      }
      return best ? describe(best.element, 'next') : null;
    },
    number: () => {
      const element = numbered.find((candidate) => numberOf(candidate) === current + 1 && inPagination(candidate));
      return element ? describe(element, 'number') : null;
    },
    // "More" is also a site's menu, or a link elsewhere: it counts only outside headers and
    // menus, and as a link only to this listing's own address (another query, or a page number).
    more: () => {
      const element = controls.find(
        (candidate) =>
          labels(candidate).some((label) => args.words.more.includes(bare(label))) &&
          !candidate.closest('header, [role="menubar"], [role="menu"], [aria-haspopup]') &&
          !candidate.hasAttribute('aria-expanded') &&
          (hrefOf(candidate) === null || sameListing(hrefOf(candidate))),
      );
      return element ? describe(element, 'more') : null;
    },
  };
  let control = null;
  for (const kind of args.kinds) {
    control = finders[kind]();
    if (control) break;
  }
  const recordCount = records.length;
  const height = Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0);
  return { control, current, scrollable: height > window.innerHeight + 8, recordCount };
}`;

/** What the page offers to go further, the wanted kinds tried in order. */
export function findNextControl(page: Page, request: FindRequest): Promise<PageFindings> {
  const args = { ...request, marker: controlMarker, words: controlWords };
  return page.evaluate(`(${script})(${JSON.stringify(args)})`) as Promise<PageFindings>;
}
