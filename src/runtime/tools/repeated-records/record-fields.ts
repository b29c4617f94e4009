// Reads records found without selectors: each one's title, link and text, and the fields the
// user named ("company", "location"), taken from the part of the record the page names so — a
// class, id, itemprop, data-* attribute or aria-label — or, in a table, from the column headed so.
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { absoluteUrl } from '../absolute-url.ts';
import { readableText } from '../readable-text.ts';
import { compact, type FieldNames, isHeadingName, wordsOf } from './field-names.ts';
import { isFollowableLink } from './page-measures.ts';

export interface ReadRecords {
  records: Record<string, unknown>[];
  /** The requested fields no record has a value for. */
  missing: string[];
}

const collapsed = (text: string) => text.replace(/\s+/g, ' ').trim();
const textOf = (element: AnyNode) => collapsed(readableText([element]));

/** Link texts that say what a link does, not what it leads to: never a record's title. */
const genericLinkText =
  /^(?:read more|more|more info|details|view|view details|view more|see more|see details|learn more|apply|apply now|continue reading|click here|here|link|open|buy|buy now|add to cart|share|save|[^\p{L}\p{N}]*)$/iu;
const linkWords = new Set(['link', 'url', 'href']);
const imageWords = new Set(['image', 'img', 'photo', 'picture', 'thumbnail', 'logo', 'avatar']);
const titleWords = new Set(['title', 'name', 'heading', 'headline']);

/** The property a requested field comes out as: the built-in title, link or text, or its own name. */
function propertyOf(name: string, fields: FieldNames, field: number): string {
  const key = compact(name);
  const kind = fields.kinds[field];
  if (kind === 'title' || kind === 'text' || (kind === 'link' && key === 'link')) return key;
  return name;
}

class RecordReader {
  private readonly headingsByTable = new Map<Element, string[]>();

  constructor(
    private readonly $: CheerioAPI,
    private readonly fields: FieldNames,
    private readonly baseUrl: string | undefined,
  ) {}

  private followableLinks(element: Element): Element[] {
    const inside = this.$(element)
      .find('a[href]')
      .toArray()
      .filter((link): link is Element => isFollowableLink(link as Element));
    return isFollowableLink(element) ? [element, ...inside] : inside;
  }

  private hrefOf(link: Element | undefined): string | null {
    const href = link?.attribs.href?.trim();
    return href ? absoluteUrl(href, this.baseUrl) : null;
  }

  private imageOf(element: Element): string | null {
    const image =
      element.name === 'img' ? element : (this.$(element).find('img').first().get(0) as Element | undefined);
    // A lazily loaded image shows a placeholder (often a data: address) until its data-src is used.
    const written = image?.attribs.src?.trim();
    const deferred = image?.attribs['data-src']?.trim();
    const source = deferred && (!written || written.startsWith('data:')) ? deferred : written;
    return source ? absoluteUrl(source, this.baseUrl) : null;
  }

  /** The record's heading, else its most prominent link's text, else its first line. */
  private titleOf(element: Element): string {
    for (const heading of this.$(element).find('h1, h2, h3, h4, h5, h6, [role="heading"]').toArray()) {
      const text = textOf(heading);
      if (text) return text;
    }
    const links = this.followableLinks(element)
      .map((link) => ({ link, text: textOf(link) }))
      .filter(({ text }) => text.length > 0 && text.length <= 200 && !genericLinkText.test(text));
    // A link the page names as the title ("job-title", "product-name") is the title; else the
    // longest, since a record's other links are short ("Apply", "Company site").
    const named = links.find(({ link }) =>
      wordsOf(`${link.attribs.class ?? ''} ${link.attribs.id ?? ''}`).some((word) => titleWords.has(word)),
    );
    const longest = links.reduce<(typeof links)[number] | undefined>(
      (best, candidate) => (!best || candidate.text.length > best.text.length ? candidate : best),
      undefined,
    );
    const chosen = named ?? longest;
    if (chosen) return chosen.text;
    const lines = readableText([element], '\n').split('\n');
    return lines.map(collapsed).find(Boolean) ?? '';
  }

  /** A table's column headings, read once per table, for rows found as records. */
  private columnHeadings(row: Element): string[] {
    const table = this.$(row).closest('table').get(0) as Element | undefined;
    if (!table) return [];
    const known = this.headingsByTable.get(table);
    if (known) return known;
    let cells: Cheerio<AnyNode> = this.$(table).find('thead tr').first().children('th, td');
    if (cells.length === 0) cells = this.$(table).find('tr:has(> th):not(:has(> td))').first().children('th');
    const headings = cells.toArray().map(textOf);
    this.headingsByTable.set(table, headings);
    return headings;
  }

  /** What a part named like the field holds: its link or image when the field says so, else its text. */
  private namedValue(part: Element, name: string, field: number): string | null {
    const last = wordsOf(name).at(-1) ?? '';
    if (linkWords.has(last)) {
      const link = isFollowableLink(part)
        ? part
        : (this.followableLinks(part)[0] ?? (this.$(part).closest('a[href]').get(0) as Element | undefined));
      return this.hrefOf(link);
    }
    if (imageWords.has(last)) return this.imageOf(part);
    const text = textOf(part);
    if (text) return text;
    // An empty part may still say its value: microdata's content, a data-* attribute named for
    // the field, an image's alt.
    const attributes = part.attribs;
    const dataValue = Object.entries(attributes).find(
      ([attribute]) =>
        attribute.startsWith('data-') && (this.fields.fitsOf(attribute.slice(5))[field] ?? 0) > 0,
    )?.[1];
    return (
      [attributes.content, dataValue, attributes.alt, attributes.title]
        .map((value) => value?.trim())
        .find(Boolean) ?? null
    );
  }

  /** Each named field's value: the best-named part first, then a table column, then looser names. */
  private namedFields(element: Element, title: string): Map<number, string | null> {
    const wanted = this.fields.kinds.flatMap((kind, field) =>
      kind === 'named' || kind === 'date' ? [field] : [],
    );
    const values = new Map<number, string | null>();
    if (wanted.length === 0) return values;
    // By fit: parts[field][fit] holds the parts whose names fit the field that well, in order.
    const parts = new Map(wanted.map((field) => [field, [[], [], [], []] as Element[][]]));
    for (const descendant of this.$(element).find('*').toArray() as Element[]) {
      if (Object.keys(descendant.attribs).length === 0) continue;
      const fits = this.fields.fits(descendant);
      for (const field of wanted) {
        const fit = fits[field] ?? 0;
        if (fit > 0) parts.get(field)?.[fit]?.push(descendant);
      }
    }
    const headings = element.name === 'tr' ? this.columnHeadings(element) : [];
    for (const field of wanted) {
      const name = this.fields.names[field] ?? '';
      const byFit = parts.get(field) ?? [];
      const valueAt = (fit: number) => {
        for (const part of byFit[fit] ?? []) {
          const value = this.namedValue(part, name, field);
          if (value) return value;
        }
        return null;
      };
      const column = headings.findIndex((heading) => (this.fields.fitsOf(heading)[field] ?? 0) > 0);
      const cell = column >= 0 ? textOf(this.$(element).children('td, th').eq(column).get(0) ?? element) : '';
      const dated = this.fields.kinds[field] === 'date' ? this.dateOf(element) : null;
      values.set(
        field,
        dated ||
          valueAt(3) ||
          valueAt(2) ||
          (column >= 0 && cell) ||
          valueAt(1) ||
          (isHeadingName(name) && title) ||
          null,
      );
    }
    return values;
  }

  /** A date as the page marks it up: a time element's datetime, else its text. */
  private dateOf(element: Element): string | null {
    const times = this.$(element).find('time');
    const stamped = times.filter('[datetime]').first().attr('datetime')?.trim();
    return stamped || collapsed(times.first().text()) || null;
  }

  read(element: Element): Record<string, unknown> {
    const title = this.titleOf(element);
    const link = this.hrefOf(this.followableLinks(element)[0]);
    const record: Record<string, unknown> = { title, link, text: textOf(element) };
    const named = this.namedFields(element, title);
    this.fields.names.forEach((name, field) => {
      const property = propertyOf(name, this.fields, field);
      if (property === 'title' || property === 'link' || property === 'text') return;
      switch (this.fields.kinds[field]) {
        case 'link':
          record[property] = link;
          break;
        case 'image':
          record[property] = this.imageOf(element);
          break;
        default:
          record[property] = named.get(field) ?? null;
      }
    });
    return record;
  }
}

/** The records' title, link, text and requested fields, and which requested fields none has. */
export function readRecords(
  $: CheerioAPI,
  elements: readonly Element[],
  fields: FieldNames,
  baseUrl: string | undefined,
): ReadRecords {
  const reader = new RecordReader($, fields, baseUrl);
  const records = elements.map((element) => reader.read(element));
  const missing = fields.names.filter((name, field) => {
    const property = propertyOf(name, fields, field);
    return records.every((record) => record[property] === null || record[property] === '');
  });
  return { records, missing };
}
