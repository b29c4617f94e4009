// Field names in words ("jobTitle", "company", "job location") matched against the names a page
// gives its elements: class, id, itemprop, data-* attributes and aria-label. A page calls a job's
// company "job-company" or "companyName" where the user says "company", so both sides are compared
// lowercased, without separators, in the singular and the plural.
import type { Element } from 'domhandler';

/** What a requested field reads: one of the three every record has, or an element by its name. */
export type FieldKind = 'title' | 'link' | 'text' | 'image' | 'date' | 'named';

/** "job-title", "jobTitle" and "Job title" all become "jobtitle". */
export function compact(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** "jobTitle", "job-title" and "job title" all become ["job", "title"]. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The word as written, in the singular and in the plural. */
function numberForms(word: string): string[] {
  const forms = new Set([word]);
  if (word.endsWith('ies') && word.length > 4) forms.add(`${word.slice(0, -3)}y`);
  else if (word.endsWith('ses') || word.endsWith('xes')) forms.add(word.slice(0, -2));
  else if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) forms.add(word.slice(0, -1));
  else if (word.endsWith('y') && !/[aeiou]y$/.test(word)) forms.add(`${word.slice(0, -1)}ies`);
  else if (/(?:s|x|ch|sh)$/.test(word)) forms.add(`${word}es`);
  else forms.add(`${word}s`);
  return [...forms];
}

const linkNames = new Set(['link', 'links', 'url', 'urls', 'href', 'hrefs']);
const imageNames = new Set(['image', 'images', 'img', 'imgs', 'photo', 'photos', 'picture', 'thumbnail']);
const dateNames = new Set([
  'date',
  'published',
  'publishedat',
  'publishdate',
  'datepublished',
  'publicationdate',
  'posted',
  'postedat',
  'postdate',
  'dateposted',
]);
/** Fields that are the record's heading when no element is named for them. */
const headingNames = new Set(['name', 'heading', 'headline']);

export function fieldKind(name: string): FieldKind {
  const key = compact(name);
  if (key === 'title' || key === 'text') return key;
  if (linkNames.has(key)) return 'link';
  if (imageNames.has(key)) return 'image';
  if (dateNames.has(key)) return 'date';
  return 'named';
}

/** Whether a named field falls back to the record's title ("name" on a team page's cards). */
export function isHeadingName(name: string): boolean {
  return headingNames.has(compact(name));
}

/**
 * The names an element goes by: its classes, id and itemprop, its data-* attributes' names (and
 * their values when they read as names, as data-testid="job-location" does) and its aria-label.
 */
export function elementNames(element: Element): string[] {
  const names: string[] = [];
  for (const [attribute, value] of Object.entries(element.attribs)) {
    if (attribute === 'class' || attribute === 'itemprop') names.push(...value.split(/\s+/).filter(Boolean));
    else if (attribute === 'id' || attribute === 'aria-label') names.push(value);
    else if (attribute.startsWith('data-')) {
      names.push(attribute.slice(5));
      if (value.length <= 60 && /^[\w:.-]+$/.test(value)) names.push(value);
    }
  }
  return names;
}

/**
 * How well a name fits a field: 3 it is the field's name ("company"), 2 it contains it
 * ("job-company"), 1 it is one of the words of a field of several ("company" for "companyName").
 */
export type Fit = 0 | 1 | 2 | 3;

export class FieldNames {
  readonly names: readonly string[];
  readonly kinds: readonly FieldKind[];
  private readonly forms: string[][];
  private readonly words: string[][];
  private readonly fitsByName = new Map<string, Uint8Array>();

  constructor(names: readonly string[]) {
    this.names = [...new Set(names)];
    this.kinds = this.names.map(fieldKind);
    this.forms = this.names.map((name) => numberForms(compact(name)));
    // A word of a field of several words fits only when it is long enough to mean something.
    this.words = this.names.map((name) => {
      const words = wordsOf(name);
      return words.length > 1 ? words.filter((word) => word.length >= 4).flatMap(numberForms) : [];
    });
  }

  /** The fit of one name (a class, an id, a column's heading) for each field; each name is worked out once. */
  fitsOf(name: string): Uint8Array {
    const known = this.fitsByName.get(name);
    if (known) return known;
    const whole = compact(name);
    const words = wordsOf(name);
    const fits = new Uint8Array(this.names.length);
    this.names.forEach((_, field) => {
      const forms = this.forms[field] ?? [];
      if (forms.includes(whole)) fits[field] = 3;
      // A short name ("id") inside a longer one ("hidden") is chance, not a name.
      else if (forms.some((form) => form.length >= 3 && whole.includes(form))) fits[field] = 2;
      else if (this.words[field]?.some((word) => words.includes(word))) fits[field] = 1;
    });
    this.fitsByName.set(name, fits);
    return fits;
  }

  /** The element's fit for each field: the best of its names. */
  fits(element: Element): Uint8Array {
    const fits = new Uint8Array(this.names.length);
    for (const name of elementNames(element)) {
      const named = this.fitsOf(name);
      for (let field = 0; field < fits.length; field++)
        fits[field] = Math.max(fits[field] ?? 0, named[field] ?? 0);
    }
    return fits;
  }

  /** One bit per field its names fit; the input takes 20 fields at most, so the bits fit 32. */
  mask(element: Element): number {
    let mask = 0;
    for (const name of elementNames(element)) {
      const named = this.fitsOf(name);
      for (let field = 0; field < Math.min(named.length, 31); field++) if (named[field]) mask |= 1 << field;
    }
    return mask;
  }
}
