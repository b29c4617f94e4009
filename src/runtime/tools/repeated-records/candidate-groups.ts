// The groups of elements a page may repeat its records in. Records are siblings of one kind: the
// children of one parent with the same tag and classes (a `ul.jobs`'s `li.job`s, a tbody's rows).
// Every group is what a selector picks out — `parent > tag.class` — so the group found is
// exactly what the selector given back will match. A grid laid out in rows (`div.row > div.col`,
// three to a row) is also one group: the rows are siblings of one kind, and the cells of all of
// them are taken together.
import type { Element } from 'domhandler';
import { tagSelector } from './element-signature.ts';
import type { PageMeasures } from './page-measures.ts';

export interface CandidateGroup {
  /** Where the selector's path ends: the records' parent, or their grandparent for a grid. */
  container: number;
  /** Compound selectors from the container down to the records: ["li.job"], ["div.row", "div"]. */
  steps: string[];
  /** The records' elements, in document order. */
  members: number[];
}

/** A record is a block of its own: text-level tags, cells and the page's landmarks never are. */
const neverRecords = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'b',
  'i',
  'em',
  'strong',
  'small',
  'sup',
  'sub',
  'code',
  'pre',
  'br',
  'hr',
  'wbr',
  'label',
  'img',
  'picture',
  'source',
  'input',
  'button',
  'textarea',
  'option',
  'td',
  'th',
  'dt',
  'dd',
  'figcaption',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'col',
  'colgroup',
  'meta',
  'link',
  'title',
  'html',
  'body',
  'main',
  'nav',
  'header',
  'footer',
  'form',
  'fieldset',
  'legend',
  'summary',
  'video',
  'audio',
  'canvas',
  'abbr',
  'time',
  'mark',
  'cite',
  'q',
  's',
  'u',
  'area',
  'map',
]);
/** Text-level tags that are a record only when they wrap a card: a heading, an image, blocks. */
const recordsWhenBlocks = new Set(['a', 'span']);
/** Classes looked at per tag and parent: a page of utility classes gives each item a dozen. */
const classesPerTag = 12;

/** What makes a link or a span a card: blocks inside it, as a selector reads them too. */
const blockTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img', 'div', 'p']);
const holdsBlocks = `:has(${[...blockTags].join(', ')})`;

function wrapsBlocks(measures: PageMeasures, index: number): boolean {
  const end = index + (measures.size[index] ?? 0);
  for (let descendant = index + 1; descendant <= end; descendant++)
    if (blockTags.has(measures.elements[descendant]?.name ?? '')) return true;
  return false;
}

function hasCell(measures: PageMeasures, row: number): boolean {
  return measures.childrenOf(row).some((child) => measures.elements[child]?.name === 'td');
}

/** Whether `.a.b` matches the element: the classes asked for are stable ones, so its stable ones tell. */
function hasClasses(measures: PageMeasures, index: number, classes: readonly string[]): boolean {
  if (classes.length === 0) return true;
  const own = measures.classesOf(index);
  return classes.every((name) => own.includes(name));
}

/**
 * The ways to pick records out of one parent's children, keyed by the compound selector that
 * picks them: each tag alone, each tag with one of its classes, each tag with a full set of
 * classes. Ways that pick the same elements keep the selector with the most classes.
 */
function waysToPick(measures: PageMeasures, parent: number): Map<string, number[]> {
  const byTag = new Map<string, number[]>();
  for (const child of measures.childrenOf(parent)) {
    const tag = tagSelector(measures.elements[child] as Element);
    const siblings = byTag.get(tag);
    if (siblings) siblings.push(child);
    else byTag.set(tag, [child]);
  }
  const ways = new Map<string, { classes: number; members: number[] }>();
  const bySameMembers = new Map<string, string>();
  const add = (tag: string, classes: string[], siblings: number[]) => {
    let members = siblings.filter((member) => hasClasses(measures, member, classes));
    let key = [tag, ...classes].join('.');
    // A link or a span is a record only when it wraps a card; "See all" beside the cards is not one.
    if (recordsWhenBlocks.has(tag)) {
      const cards = members.filter((member) => wrapsBlocks(measures, member));
      if (cards.length * 2 < members.length) return;
      if (cards.length < members.length) key += holdsBlocks;
      members = cards;
    }
    // A table's heading row is a row without cells: the records are the rows with them.
    if (tag === 'tr') {
      const withCells = members.filter((row) => hasCell(measures, row));
      if (withCells.length < members.length) key += ':has(> td)';
      members = withCells;
    }
    if (members.length === 0 || ways.has(key)) return;
    const same = members.join(',');
    const earlier = bySameMembers.get(same);
    if (earlier !== undefined) {
      if ((ways.get(earlier)?.classes ?? 0) >= classes.length) return;
      ways.delete(earlier);
    }
    bySameMembers.set(same, key);
    ways.set(key, { classes: classes.length, members });
  };
  for (const [tag, siblings] of byTag) {
    if (neverRecords.has(tag)) continue;
    const counts = new Map<string, number>();
    const classSets = new Map<string, string[]>();
    for (const sibling of siblings) {
      const classes = measures.classesOf(sibling);
      for (const name of classes) counts.set(name, (counts.get(name) ?? 0) + 1);
      if (classes.length > 1) classSets.set(classes.join('.'), classes);
    }
    add(tag, [], siblings);
    const common = [...counts]
      .sort((first, second) => second[1] - first[1])
      .slice(0, classesPerTag)
      .map(([name]) => name);
    for (const name of common) add(tag, [name], siblings);
    for (const classes of [...classSets.values()].slice(0, classesPerTag)) add(tag, classes, siblings);
  }
  return new Map([...ways].map(([key, way]) => [key, way.members]));
}

/** Siblings (or cousins) of one kind, each kind with every element its selector would pick. */
function kindsAmong(
  measures: PageMeasures,
  elements: readonly number[],
): { signature: string; members: number[] }[] {
  const kinds = new Map<string, { example: number; count: number }>();
  for (const element of elements) {
    const signature = measures.signatureOf(element);
    const kind = kinds.get(signature);
    if (kind) kind.count++;
    else kinds.set(signature, { example: element, count: 1 });
  }
  return [...kinds]
    .filter(([, { count }]) => count >= 2)
    .map(([signature, { example }]) => {
      const tag = measures.elements[example]?.name;
      const classes = measures.classesOf(example);
      const members = elements.filter(
        (element) => measures.elements[element]?.name === tag && hasClasses(measures, element, classes),
      );
      return { signature, members };
    });
}

/**
 * Records spread over containers of one kind (the rows of a grid, the department lists of a
 * careers page), keyed by the selector that picks them out of each container. `rowOf` names the
 * row a container belongs to: records from one row only are that row's own group, found already.
 */
function spreadWays(
  containers: readonly number[],
  waysOf: (parent: number) => Map<string, number[]>,
  rowOf: (container: number) => number,
): Map<string, number[]> {
  const merged = new Map<string, { members: number[]; rows: Set<number>; most: number }>();
  for (const container of containers) {
    for (const [key, members] of waysOf(container)) {
      const entry = merged.get(key) ?? { members: [], rows: new Set<number>(), most: 0 };
      entry.members.push(...members);
      entry.rows.add(rowOf(container));
      entry.most = Math.max(entry.most, members.length);
      merged.set(key, entry);
    }
  }
  // One record to a row is the rows themselves, found already as their own group.
  return new Map(
    [...merged]
      .filter(([, entry]) => entry.rows.size >= 2 && entry.most >= 2 && entry.members.length >= 3)
      .map(([key, entry]) => [key, entry.members]),
  );
}

/** Every group of three or more records the page could hold, for scoring. */
export function candidateGroups(measures: PageMeasures): CandidateGroup[] {
  const groups: CandidateGroup[] = [];
  const picked = new Map<number, Map<string, number[]>>();
  const waysOf = (parent: number) => {
    let ways = picked.get(parent);
    if (!ways) {
      ways = waysToPick(measures, parent);
      picked.set(parent, ways);
    }
    return ways;
  };
  measures.elements.forEach((_, parent) => {
    if (measures.childCount(parent) < 2) return;
    const children = measures.childrenOf(parent);
    if (children.length >= 3) {
      for (const [key, members] of waysOf(parent))
        if (members.length >= 3) groups.push({ container: parent, steps: [key], members });
    }
    // Records in rows of one kind: `div.row > div.col`, or one level further down,
    // `section.department > ul > li.job`.
    for (const rows of kindsAmong(measures, children)) {
      if (rows.members.some((row) => measures.childCount(row) >= 2)) {
        for (const [key, members] of spreadWays(rows.members, waysOf, (row) => row))
          groups.push({ container: parent, steps: [rows.signature, key], members });
      }
      const inner = rows.members.flatMap((row) => measures.childrenOf(row));
      for (const lists of kindsAmong(measures, inner)) {
        const rowOf = (list: number) => measures.parent[list] ?? -1;
        for (const [key, members] of spreadWays(lists.members, waysOf, rowOf))
          groups.push({ container: parent, steps: [rows.signature, lists.signature, key], members });
      }
    }
  });
  return groups;
}
