// Finds the records a page repeats — job listings, product cards, people, table rows, articles —
// without a selector and without an LLM, so that "collect the job listings from https://…" needs
// no CSS from the user. Every group of like siblings is a candidate (candidate-groups.ts); each is
// scored from counts taken once over the page (page-measures.ts, group-score.ts), so a 20 MB page
// takes linear time; the best group, if it is good enough, comes back with a selector that picks
// exactly its records (records-selector.ts), to pin the step to.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { candidateGroups } from './repeated-records/candidate-groups.ts';
import type { FieldNames } from './repeated-records/field-names.ts';
import { fieldBitsOf, groupScore } from './repeated-records/group-score.ts';
import { PageMeasures } from './repeated-records/page-measures.ts';
import { recordsSelector } from './repeated-records/records-selector.ts';

export interface RepeatedRecords {
  /** The records' elements, in document order. */
  elements: Element[];
  /** Picks exactly these elements on this page; undefined in the rare page where none could be built. */
  selector: string | undefined;
}

/**
 * Below this, the best group is a bullet list or a row of icons, not records: three short items
 * without links score about 2.5, three job cards about 10.
 */
const leastScore = 4;

/** The page's repeated records, the fields asked for helping to tell them from its menus; undefined when it has none. */
export function findRepeatedRecords($: CheerioAPI, fields: FieldNames): RepeatedRecords | undefined {
  const root = $.root().get(0);
  if (!root) return undefined;
  const measures = new PageMeasures(root, fields);
  const bits = fieldBitsOf(fields);
  let best: { group: ReturnType<typeof candidateGroups>[number]; score: number } | undefined;
  for (const group of candidateGroups(measures)) {
    const score = groupScore(measures, group, bits);
    if (score > (best?.score ?? 0)) best = { group, score };
  }
  if (!best || best.score < leastScore) return undefined;
  return {
    elements: best.group.members.map((member) => measures.elements[member] as Element),
    selector: recordsSelector($, measures, best.group),
  };
}
