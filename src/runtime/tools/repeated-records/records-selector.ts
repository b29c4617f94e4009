// The CSS selector that matches exactly the records found, for the user (or a later fix) to pin
// the step to. Short when the page allows it (`ul.jobs > li.job`), and as specific as needed when
// it does not: the path from the nearest element with a unique id (or from the top), with
// `:nth-of-type` only where a sibling of the same kind would be picked too. Each candidate is
// tried on the page, and only one that picks exactly the records is given back.
import type { CheerioAPI } from 'cheerio';
import { type Element, isTag } from 'domhandler';
import type { CandidateGroup } from './candidate-groups.ts';
import { isGeneratedName, signatureOf, stableClasses } from './element-signature.ts';
import type { PageMeasures } from './page-measures.ts';

/** An id a selector may rely on: written by a person, and given to one element of the page. */
function stableId(measures: PageMeasures, element: Element): string | undefined {
  const id = element.attribs.id;
  if (!id || !/^[A-Za-z][\w-]*$/.test(id) || isGeneratedName(id) || /\d{3}/.test(id)) return undefined;
  return measures.idCounts.get(id) === 1 ? `#${id}` : undefined;
}

/** The element's compound selector, with its position when a sibling's classes would match it too. */
function compoundOf(element: Element, positioned: boolean): string {
  const signature = signatureOf(element);
  if (!positioned || !element.parent) return signature;
  const classes = stableClasses(element);
  const sameTag = element.parent.children.filter(
    (sibling): sibling is Element => isTag(sibling) && sibling.name === element.name,
  );
  const picked = sameTag.filter((sibling) => {
    const own = (sibling.attribs.class ?? '').split(/\s+/);
    return classes.every((name) => own.includes(name));
  });
  if (picked.length <= 1) return signature;
  return `${signature}:nth-of-type(${sameTag.indexOf(element) + 1})`;
}

/** Compound selectors from the nearest uniquely identified ancestor (or the top) to the element. */
function pathTo(measures: PageMeasures, index: number, positioned: boolean): string[] {
  const path: string[] = [];
  for (let current = index; current >= 0; current = measures.parent[current] ?? -1) {
    const element = measures.elements[current] as Element;
    const id = stableId(measures, element);
    if (id) return [id, ...path];
    path.unshift(compoundOf(element, positioned));
  }
  return path;
}

function picksExactly($: CheerioAPI, selector: string, records: readonly Element[]): boolean {
  try {
    const picked = $(selector).toArray();
    return (
      picked.length === records.length && picked.every((element, position) => element === records[position])
    );
  } catch {
    return false;
  }
}

/** A selector that picks exactly the group's records on this page, or undefined if none does. */
export function recordsSelector(
  $: CheerioAPI,
  measures: PageMeasures,
  group: CandidateGroup,
): string | undefined {
  const records = group.members.map((member) => measures.elements[member] as Element);
  const full = pathTo(measures, group.container, true);
  const loose = pathTo(measures, group.container, false);
  // Shortest first: the container alone, then with its parent, then the whole path.
  const tries = [loose.slice(-1), loose.slice(-2), full.slice(-3), full];
  const seen = new Set<string>();
  for (const path of tries) {
    const selector = [...path, ...group.steps].join(' > ');
    if (seen.has(selector)) continue;
    seen.add(selector);
    if (picksExactly($, selector, records)) return selector;
  }
  return undefined;
}
