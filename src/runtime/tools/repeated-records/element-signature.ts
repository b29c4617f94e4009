// What makes elements "the same kind" on a page: their tag and the classes that describe them.
// Classes that say an element's state ("active", "odd") differ between records of one list, and
// generated ones ("css-1x2y3z", "Card_title__a8Bc1") change with every build of the site: both
// are left out, so records group together and a selector built from them keeps working.
import type { Element } from 'domhandler';

const stateClasses = new Set([
  'active',
  'selected',
  'current',
  'odd',
  'even',
  'first',
  'last',
  'hidden',
  'visible',
  'open',
  'closed',
  'expanded',
  'collapsed',
  'disabled',
  'focus',
  'hover',
  'show',
  'in',
]);

/** A class written to show a state: "is-open", "has-image", "nav-item--active", "first-child". */
function isStateClass(name: string): boolean {
  const lower = name.toLowerCase();
  if (stateClasses.has(lower) || /^(?:is|has)-/.test(lower)) return true;
  return /(?:^|[-_])(?:active|selected|current|odd|even|first|last|hidden|open|expanded|collapsed)(?:-child)?$/.test(
    lower,
  );
}

/**
 * A name a build tool made up: CSS modules ("Card_title__a8Bc1"), emotion and styled-components
 * ("css-1x2y3z", "sc-bdVaJa"), styled-jsx ("jsx-2843"), atomic CSS ("x1n2onr6"): digits and
 * letters mixed where a person writes words.
 */
export function isGeneratedName(name: string): boolean {
  if (/^(?:css|sc|jsx|svelte|emotion)-[\w-]+$/i.test(name) || /__[\w-]{4,}$/.test(name)) return true;
  if (/^_[\w-]{5,}$/.test(name)) return true;
  const digits = name.replace(/\D/g, '').length;
  if (name.length < 5 || digits < 2) return false;
  // Count the switches between letters and digits: "x1n2onr6" switches 5 times, "col-md-12" once.
  const switches = name.match(/[a-z][0-9]|[0-9][a-z]/gi)?.length ?? 0;
  return switches >= 3;
}

/** Class names a selector may carry as they are: no escaping, no Tailwind "md:w-1/2". */
const plainClass = /^-?[_a-zA-Z][\w-]*$/;

/** The element's classes that describe it: plain, not a state, not generated; sorted. */
export function stableClasses(element: Element): string[] {
  const classes = (element.attribs.class ?? '').split(/\s+/);
  return [
    ...new Set(
      classes.filter((name) => plainClass.test(name) && !isStateClass(name) && !isGeneratedName(name)),
    ),
  ].sort();
}

/** A tag name as CSS reads it; an XML name's prefix ("dc:creator") needs its colon escaped. */
export function tagSelector(element: Element): string {
  return element.name.toLowerCase().replace(/[^\w-]/g, (character) => `\\${character}`);
}

/** tag.class.class: the compound selector of the element's kind. */
export function signatureOf(element: Element): string {
  return [tagSelector(element), ...stableClasses(element)].join('.');
}
