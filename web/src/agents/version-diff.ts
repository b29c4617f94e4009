// What changed between two versions of an agent's spec, in terms a person reads: steps added,
// removed or changed (and which of their fields), and the settings (name, goal, input…) changed.
// A line diff of the pretty-printed JSON backs it up for anything the summary does not name.

type Spec = Record<string, unknown>;
export interface SpecStep {
  id: string;
  tool: string;
  [field: string]: unknown;
}

export interface StepChange {
  id: string;
  before: SpecStep;
  after: SpecStep;
  /** The step's fields that differ, such as `with`, `retry`, `tool`. */
  fields: string[];
}

export interface SettingChange {
  key: string;
  before: unknown;
  after: unknown;
}

export interface SpecDiff {
  added: SpecStep[];
  removed: SpecStep[];
  changed: StepChange[];
  /** True when the same steps are kept but run in another order. */
  reordered: boolean;
  settings: SettingChange[];
}

/** JSON with object keys sorted, so two equal values give the same text whatever their key order. */
export function stableJson(value: unknown, indent?: number): string {
  const sorted = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(sorted);
    if (item && typeof item === 'object')
      return Object.fromEntries(
        Object.keys(item)
          .sort()
          .map((key) => [key, sorted((item as Record<string, unknown>)[key])]),
      );
    return item;
  };
  return JSON.stringify(sorted(value), null, indent) ?? 'undefined';
}

function same(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

export function stepsOf(spec: Spec | undefined): SpecStep[] {
  const steps = spec?.steps;
  return Array.isArray(steps) ? (steps.filter((step) => step && typeof step === 'object') as SpecStep[]) : [];
}

/** The differences from `before` to `after`; steps are matched by their id. */
export function diffSpecs(before: Spec, after: Spec): SpecDiff {
  const beforeSteps = stepsOf(before);
  const afterSteps = stepsOf(after);
  const beforeById = new Map(beforeSteps.map((step) => [step.id, step]));
  const afterById = new Map(afterSteps.map((step) => [step.id, step]));
  const added = afterSteps.filter((step) => !beforeById.has(step.id));
  const removed = beforeSteps.filter((step) => !afterById.has(step.id));
  const changed: StepChange[] = [];
  for (const step of afterSteps) {
    const previous = beforeById.get(step.id);
    if (!previous || same(previous, step)) continue;
    const keys = [...new Set([...Object.keys(previous), ...Object.keys(step)])].sort();
    changed.push({
      id: step.id,
      before: previous,
      after: step,
      fields: keys.filter((key) => !same(previous[key], step[key])),
    });
  }
  const keptBefore = beforeSteps.filter((step) => afterById.has(step.id)).map((step) => step.id);
  const keptAfter = afterSteps.filter((step) => beforeById.has(step.id)).map((step) => step.id);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => key !== 'steps')
    .sort();
  return {
    added,
    removed,
    changed,
    reordered: keptBefore.join('\n') !== keptAfter.join('\n'),
    settings: keys
      .filter((key) => !same(before[key], after[key]))
      .map((key) => ({ key, before: before[key], after: after[key] })),
  };
}

export function isEmptyDiff(diff: SpecDiff): boolean {
  return (
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0 &&
    !diff.reordered &&
    diff.settings.length === 0
  );
}

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** A line diff (longest common subsequence); specs are small, so the quadratic table is fine. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const width = b.length + 1;
  // common[i * width + j]: the longest common run of lines of a[i…] and b[j…].
  const common = new Int32Array((a.length + 1) * width);
  const at = (i: number, j: number) => common[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      common[i * width + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ kind: 'same', text: a[i] ?? '' });
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && at(i + 1, j) >= at(i, j + 1))) {
      lines.push({ kind: 'removed', text: a[i] ?? '' });
      i++;
    } else {
      lines.push({ kind: 'added', text: b[j] ?? '' });
      j++;
    }
  }
  return lines;
}
