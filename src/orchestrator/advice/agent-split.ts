// Splitting an agent that does too much into two agents run one after the other by a chain: the
// first keeps the steps up to a point, the second the rest, reading the first's output as its
// input. A split is only made where it keeps what the agent does: the second part may use no
// step of the first part but its last (whose output the chain hands over), nor the run's input
// (which the chain replaces), and the agent's private memory may not be used on both sides
// (each part is a new agent with a memory of its own).
import { type AgentSpec, type AgentStep, validateAgentSpec } from '../../domain/agent-spec.ts';
import { expressionsIn, templateStrings } from '../../domain/template.ts';

const stepReference = /\bsteps\.([A-Za-z_][A-Za-z0-9_]*)/g;
/** `input` as a name of its own in JSONata (not `$input`, not `foo.input`, not `inputs`). */
const inputReference = /(?<![\w.$])input\b/;
const memoryTools = new Set(['memory.write', 'memory.read', 'memory.search', 'memory.list']);

/** A transform with no `data` evaluates its expression over the run's data: a whole expression. */
function runDataExpression(step: AgentStep): string | undefined {
  const expression = step.with.expression;
  return step.tool === 'transform' && step.with.data === undefined && typeof expression === 'string'
    ? expression
    : undefined;
}

function stepExpressions(step: AgentStep): string[] {
  const texts = templateStrings(step.with).flatMap((template) => expressionsIn(template.value));
  const whole = runDataExpression(step);
  if (whole) texts.push(whole);
  if (step.if) texts.push(step.if);
  if (step.forEach) texts.push(step.forEach.items);
  if (step.repeat) texts.push(step.repeat.until);
  return texts;
}

function outputExpressions(spec: AgentSpec): string[] {
  return templateStrings(spec.output).flatMap((template) => expressionsIn(template.value));
}

function stepsReferenced(expressions: readonly string[]): Set<string> {
  return new Set(
    expressions.flatMap((text) => [...text.matchAll(stepReference)].map((match) => match[1] ?? '')),
  );
}

/** Steps on the agent's private memory: anything but the shared context (`scope: workspace`, the default). */
function usesAgentMemory(steps: readonly AgentStep[]): boolean {
  return steps.some(
    (step) => memoryTools.has(step.tool) && step.with.scope !== undefined && step.with.scope !== 'workspace',
  );
}

/** Whether the steps from `at` on can become an agent of their own, fed the output of step `at - 1`. */
export function isCleanSplit(spec: AgentSpec, at: number): boolean {
  const first = spec.steps.slice(0, at);
  const second = spec.steps.slice(at);
  const handOff = first.at(-1)?.id;
  if (!handOff || second.length === 0) return false;
  const earlier = new Set(first.map((step) => step.id));
  const expressions = [...second.flatMap(stepExpressions), ...outputExpressions(spec)];
  for (const referenced of stepsReferenced(expressions)) {
    if (earlier.has(referenced) && referenced !== handOff) return false;
  }
  if (expressions.some((text) => inputReference.test(text))) return false;
  return !(usesAgentMemory(first) && usesAgentMemory(second));
}

/** The clean split nearest the middle of the steps, or undefined when there is none. */
export function middleSplit(spec: AgentSpec): number | undefined {
  const middle = spec.steps.length / 2;
  const clean = spec.steps.map((_, index) => index).filter((index) => index > 0 && isCleanSplit(spec, index));
  return clean.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0];
}

/** Rewrites `steps.<handOff>` to `input.<handOff>` inside the `{{ }}` expressions of a value. */
function readingInput<T>(value: T, handOff: string): T {
  const pattern = new RegExp(`\\bsteps\\.${handOff}\\b`, 'g');
  const rewrite = (item: unknown): unknown => {
    if (typeof item === 'string')
      return item.replace(/\{\{([\s\S]+?)\}\}/g, (whole) => whole.replace(pattern, `input.${handOff}`));
    if (Array.isArray(item)) return item.map(rewrite);
    if (item && typeof item === 'object')
      return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, rewrite(entry)]));
    return item;
  };
  return rewrite(value) as T;
}

function rewriteStep(step: AgentStep, handOff: string): AgentStep {
  const pattern = new RegExp(`\\bsteps\\.${handOff}\\b`, 'g');
  const reading = (expression: string) => expression.replace(pattern, `input.${handOff}`);
  const whole = runDataExpression(step);
  const rewritten: AgentStep = { ...step, with: readingInput(step.with, handOff) };
  if (whole) rewritten.with = { ...rewritten.with, expression: reading(whole) };
  if (step.if) rewritten.if = reading(step.if);
  if (step.forEach) rewritten.forEach = { ...step.forEach, items: reading(step.forEach.items) };
  if (step.repeat) rewritten.repeat = { ...step.repeat, until: reading(step.repeat.until) };
  return rewritten;
}

export interface AgentSplit {
  first: AgentSpec;
  second: AgentSpec;
  /** The step of the first part whose output the second part reads, as `input.<handOff>`. */
  handOff: string;
  /** The chain's mapping: the first part's output under the hand-off step's id. */
  mapping: string;
}

/** The two agents a clean split at `at` makes, validated; undefined when either would not validate. */
export function splitAgent(spec: AgentSpec, at: number, names: [string, string]): AgentSplit | undefined {
  if (!isCleanSplit(spec, at)) return undefined;
  const firstSteps = spec.steps.slice(0, at);
  const handOff = firstSteps.at(-1)?.id as string;
  const describe = (steps: readonly AgentStep[]) =>
    `steps ${steps[0]?.id} to ${steps.at(-1)?.id} of "${spec.name}"`;
  const secondSteps = spec.steps.slice(at).map((step) => rewriteStep(step, handOff));
  const first = validateAgentSpec({
    ...spec,
    name: names[0],
    goal: `${spec.goal} (part 1: ${describe(firstSteps)})`.trim().slice(0, 2000),
    steps: firstSteps,
    output: `{{ steps.${handOff} }}`,
  });
  const second = validateAgentSpec({
    ...spec,
    name: names[1],
    goal: `${spec.goal} (part 2: ${describe(spec.steps.slice(at))}, after "${names[0]}")`
      .trim()
      .slice(0, 2000),
    input: { type: 'object', properties: { [handOff]: {} }, required: [handOff] },
    steps: secondSteps,
    ...(spec.output === undefined ? {} : { output: readingInput(spec.output, handOff) }),
  });
  if (!first.success || !second.success) return undefined;
  return { first: first.spec, second: second.spec, handOff, mapping: `{"${handOff}": output}` };
}
