// How much a group of siblings looks like the records a person asks for, rather than the page's
// menu, footer links, breadcrumbs, pagination or cookie buttons. Records are many, each holds
// some text (a link and a heading, several kinds of element), and their parts are named like
// the fields asked for; the page's frame sits in nav/header/footer/aside or says so in its
// classes, and its items are short links.
import type { Element } from 'domhandler';
import type { CandidateGroup } from './candidate-groups.ts';
import { type FieldNames, isHeadingName } from './field-names.ts';
import type { PageMeasures } from './page-measures.ts';

/** Records read per group to score it: enough to judge a list, and a list of 50,000 costs no more. */
const sampleSize = 200;
/** Text beyond this many characters makes a record no more a record. */
const textCap = 300;

/** Which requested fields a record holds by what it has rather than by a name: one bit each. */
export interface FieldBits {
  count: number;
  byHeading: number;
  byLink: number;
  byImage: number;
  byTime: number;
  byText: number;
}

export function fieldBitsOf(fields: FieldNames): FieldBits {
  const bits: FieldBits = {
    count: fields.names.length,
    byHeading: 0,
    byLink: 0,
    byImage: 0,
    byTime: 0,
    byText: 0,
  };
  fields.kinds.forEach((kind, field) => {
    const bit = field < 31 ? 1 << field : 0;
    if (kind === 'title' || isHeadingName(fields.names[field] ?? '')) bits.byHeading |= bit;
    else if (kind === 'link') bits.byLink |= bit;
    else if (kind === 'image') bits.byImage |= bit;
    else if (kind === 'date') bits.byTime |= bit;
    else if (kind === 'text') bits.byText |= bit;
  });
  return bits;
}

function bitCount(value: number): number {
  let count = 0;
  for (let rest = value; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** Members spread over the whole group, at most `sampleSize` of them. */
function sampleOf(members: readonly number[]): number[] {
  if (members.length <= sampleSize) return [...members];
  const step = members.length / sampleSize;
  return Array.from({ length: sampleSize }, (_, position) => members[Math.floor(position * step)] ?? 0);
}

/** 0 for a group that holds no records; the higher, the likelier the page's records. */
export function groupScore(measures: PageMeasures, group: CandidateGroup, bits: FieldBits): number {
  const sample = sampleOf(group.members);
  const count = sample.length;
  let text = 0;
  let cappedText = 0;
  let linked = 0;
  let headed = 0;
  let headings = 0;
  let links = 0;
  let variety = 0;
  let imaged = 0;
  let fieldFit = 0;
  let items = 0;
  let rows = 0;
  let framed = 0;
  let linkShare = 0;
  const kinds = new Map<string, number>();
  for (const member of sample) {
    const memberText = measures.text[member] ?? 0;
    const memberLinks = measures.links[member] ?? 0;
    const memberHeadings = measures.headings[member] ?? 0;
    const memberImages = measures.images[member] ?? 0;
    text += memberText;
    cappedText += Math.min(memberText, textCap);
    links += memberLinks;
    headings += memberHeadings;
    if (memberLinks > 0) linked++;
    if (memberHeadings > 0 && memberHeadings <= 2) headed++;
    if (memberImages > 0) imaged++;
    variety += Math.min(measures.distinctTags(member, 40), 5) / 5;
    if ((measures.items[member] ?? 0) === 1) items++;
    if (measures.frame[member]) framed++;
    if (memberText > 0) linkShare += (measures.linkText[member] ?? 0) / memberText;
    const element = measures.elements[member] as Element;
    if (element.name === 'tr') {
      const cells = measures.childrenOf(member).filter((child) => measures.elements[child]?.name === 'td');
      if (cells.length >= 2) rows++;
    }
    if (bits.count > 0) {
      // A part named like a field counts fully; having a link or a heading, as every list has, half.
      const named = measures.fieldsBelow[member] ?? 0;
      const had =
        (memberHeadings > 0 || memberLinks > 0 ? bits.byHeading : 0) |
        (memberLinks > 0 ? bits.byLink : 0) |
        (memberImages > 0 ? bits.byImage : 0) |
        ((measures.times[member] ?? 0) > 0 ? bits.byTime : 0) |
        (memberText > 0 ? bits.byText : 0);
      fieldFit += (bitCount(named) + 0.5 * bitCount(had & ~named)) / bits.count;
    }
    const kind = measures.signatureOf(member);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const averageText = text / count;
  if (averageText < 8 && imaged / count < 0.5) return 0;

  const perRecord =
    1 +
    (3 * cappedText) / count / textCap +
    linked / count +
    headed / count +
    variety / count +
    (0.5 * imaged) / count +
    (4 * fieldFit) / count +
    (3 * items) / count +
    (1.5 * rows) / count;
  // Records of one list look alike; a bare tag picked out of unlike siblings is less likely a
  // list. A class in the selector already says they are of a kind ("event", "event sold-out").
  const pickedByClass = (group.steps.at(-1) ?? '').includes('.');
  const alike = pickedByClass ? 1 : Math.max(...kinds.values()) / count;
  let score = Math.log2(group.members.length + 1) * perRecord * (0.3 + 0.7 * alike);
  // schema.org items are records by the page's own word.
  if (items / count > 0.5) score *= 1.5;
  if (framed / count > 0.5) score *= 0.15;
  // A menu's items are a few words of link each.
  if (averageText < 25 && linkShare / count > 0.8) score *= 0.5;
  // Sections that each hold a list of records are the list's containers, not its records.
  if (headings / count > 2) score *= 0.5;
  if (links / count > 10) score *= 0.6;
  return score;
}
