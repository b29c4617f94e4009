// What an updateAgent operation changes: the agent's settings before → after, and its steps
// matched by id (added, removed, changed field by field, moved), so a reviewer reads the change
// instead of two specs.
import { type SpecRecord, type StepRecord, stepsOf, valueText } from './spec-shape.ts';

export interface FieldChange {
  /** Where, in words a reader knows: "goal", "url", "retry.attempts". */
  field: string;
  before: string;
  after: string;
}

export type StepChange =
  | { kind: 'added'; id: string; step: StepRecord; position: number }
  | { kind: 'removed'; id: string; step: StepRecord }
  | { kind: 'changed'; id: string; before: StepRecord; after: StepRecord; fields: FieldChange[] }
  | { kind: 'moved'; id: string; step: StepRecord; from: number; to: number };

export interface SpecDiff {
  settings: FieldChange[];
  steps: StepChange[];
  /** Steps that stay as they are. */
  unchanged: number;
}

const settingFields = ['name', 'goal', 'instructions', 'input', 'output', 'memory'] as const;

const same = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

/** Leaf values of a step by path; arrays are leaves (a list reads best whole). */
function leaves(value: unknown, path: string, into: Map<string, unknown>) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, into);
  } else if (path) {
    into.set(path, value);
  }
  return into;
}

function readablePath(path: string) {
  return path.startsWith('with.') ? path.slice('with.'.length) : path;
}

export function stepFieldChanges(before: StepRecord, after: StepRecord): FieldChange[] {
  const left = leaves(before, '', new Map());
  const right = leaves(after, '', new Map());
  const paths = [...new Set([...left.keys(), ...right.keys()])];
  return paths
    .filter((path) => !same(left.get(path), right.get(path)))
    .map((path) => ({
      field: readablePath(path),
      before: valueText(left.get(path)),
      after: valueText(right.get(path)),
    }));
}

export function specDiff(before: SpecRecord, after: SpecRecord): SpecDiff {
  const settings = settingFields
    .filter((field) => !same(before[field], after[field]))
    .map((field) => ({ field, before: valueText(before[field]), after: valueText(after[field]) }));

  const oldSteps = stepsOf(before);
  const newSteps = stepsOf(after);
  const oldById = new Map(oldSteps.map((step, index) => [step.id ?? `#${index}`, { step, index }]));
  const newIds = new Set(newSteps.map((step, index) => step.id ?? `#${index}`));
  const steps: StepChange[] = [];
  let unchanged = 0;
  // Kept steps in their old relative order: one that leaves it has moved.
  const keptOldOrder = oldSteps.map((step, index) => step.id ?? `#${index}`).filter((id) => newIds.has(id));
  let keptIndex = 0;

  for (const [position, step] of newSteps.entries()) {
    const id = step.id ?? `#${position}`;
    const old = oldById.get(id);
    if (!old) {
      steps.push({ kind: 'added', id, step, position });
      continue;
    }
    const fields = stepFieldChanges(old.step, step);
    const inOrder = keptOldOrder[keptIndex] === id;
    keptIndex += 1;
    if (fields.length > 0) steps.push({ kind: 'changed', id, before: old.step, after: step, fields });
    else if (!inOrder) steps.push({ kind: 'moved', id, step, from: old.index, to: position });
    else unchanged += 1;
  }
  for (const [id, { step }] of oldById) {
    if (!newIds.has(id)) steps.push({ kind: 'removed', id, step });
  }
  return { settings, steps, unchanged };
}
