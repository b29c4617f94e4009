// A step in words: what its tool does, what each of its inputs reads ("from step fetch",
// "from input"), and which later steps use what it produces. Expressions live between {{ and }}.
import { repeatInWords } from './repeat-words.ts';
import type { SpecStep } from './version-diff.ts';

const toolWords: Record<string, string> = {
  'http.request': 'Fetches a web address',
  'html.extract': 'Picks data out of a page',
  transform: 'Reshapes data',
  'llm.generate': 'Writes with the language model',
  'memory.write': 'Remembers a value',
  'memory.read': 'Recalls a remembered value',
  'memory.search': 'Searches what it remembers',
  'memory.list': 'Lists what it remembers',
  'files.save': 'Saves a file',
  'files.read': 'Reads a saved file',
  'notify.webhook': 'Sends to a webhook',
  'notify.email': 'Sends an email',
  'agent.call': 'Runs another agent',
  wait: 'Waits',
  'browser.goto': 'Opens a page in the browser',
  'browser.fill': 'Fills in a form field',
  'browser.click': 'Clicks on the page',
  'browser.select': 'Chooses an option on the page',
  'browser.press': 'Presses a key',
  'browser.waitFor': 'Waits for something on the page',
  'browser.extract': 'Picks data out of the open page',
  'browser.paginate': 'Reads every page of a listing',
  'browser.act': 'Does something on the page, told in words',
  'browser.download': 'Downloads a file',
  'browser.screenshot': 'Takes a screenshot',
  'browser.login': 'Signs in to a site',
};

export function toolDescription(tool: string): string {
  return toolWords[tool] ?? tool;
}

const expressionPattern = /\{\{([\s\S]+?)\}\}/g;

/** Where an expression takes its data: "step fetch (body)", "input (url)", or nothing known. */
function sources(expression: string): string[] {
  const found: string[] = [];
  for (const match of expression.matchAll(
    /\bsteps\.([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)/g,
  )) {
    const field = match[2] ? ` (${match[2].slice(1)})` : '';
    found.push(`step ${match[1]}${field}`);
  }
  for (const match of expression.matchAll(/(?<![\w.$])input((?:\.[A-Za-z_][A-Za-z0-9_]*)*)/g)) {
    found.push(match[1] ? `input (${match[1].slice(1)})` : 'input');
  }
  for (const match of expression.matchAll(/(?<![\w.$])(item|memory|run)\b/g)) found.push(`the ${match[1]}`);
  return [...new Set(found)];
}

function shorten(text: string, length = 80): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** A template string in words: a fixed text quoted, an expression by where it reads from. */
export function describeTemplate(template: string): string {
  const expressions = [...template.matchAll(expressionPattern)].map((match) => (match[1] ?? '').trim());
  if (expressions.length === 0) return `“${shorten(template)}”`;
  const from = [...new Set(expressions.flatMap(sources))];
  const whole =
    expressions.length === 1 && template.trim().startsWith('{{') && template.trim().endsWith('}}');
  if (whole)
    return from.length > 0 ? `from ${from.join(', ')}` : `computed: ${shorten(expressions[0] ?? '')}`;
  const text = `“${shorten(template.replace(expressionPattern, '…'))}”`;
  return from.length > 0 ? `${text}, filled in from ${from.join(', ')}` : `${text}, filled in by expressions`;
}

export interface StepInput {
  /** The input's path inside `with`, such as `records.selector`. */
  name: string;
  text: string;
}

/** Every leaf of a step's `with`, each described in words (at most `limit`, then a count of the rest). */
export function stepInputs(step: SpecStep, limit = 8): { inputs: StepInput[]; more: number } {
  const inputs: StepInput[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') inputs.push({ name: path, text: describeTemplate(value) });
    else if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null))
      inputs.push({
        name: path,
        text: shorten(
          value.map((item) => (typeof item === 'string' ? describeTemplate(item) : String(item))).join('; '),
        ),
      });
    else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, `${path}.${index}`);
    } else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
    else inputs.push({ name: path, text: String(value) });
  };
  const within = step.with;
  if (within && typeof within === 'object') walk(within, '');
  return { inputs: inputs.slice(0, limit), more: Math.max(0, inputs.length - limit) };
}

/** The later steps that read this step's output, by id. */
export function usedBy(step: SpecStep, steps: SpecStep[]): string[] {
  const pattern = new RegExp(`\\bsteps\\.${step.id}\\b`);
  const index = steps.indexOf(step);
  return steps
    .slice(index + 1)
    .filter((later) => pattern.test(JSON.stringify(later)))
    .map((later) => later.id);
}

/** The step's conditions in words: when it runs, loops, retries, what a failure does. */
export function stepConditions(step: SpecStep): string[] {
  const notes: string[] = [];
  if (typeof step.if === 'string')
    notes.push(`Only when ${describeTemplate(`{{ ${step.if} }}`).replace(/^from /, 'reading ')}`);
  const loop = step.forEach as { items?: string; as?: string } | undefined;
  if (loop?.items) notes.push(`For each ${loop.as ?? 'item'} ${describeTemplate(`{{ ${loop.items} }}`)}`);
  const repeat = repeatInWords(step.repeat);
  if (repeat) notes.push(`Repeats ${repeat}`);
  const retry = step.retry as { attempts?: number } | undefined;
  if (retry?.attempts) notes.push(`Tries up to ${retry.attempts} times`);
  if (step.onError === 'continue') notes.push('Carries on if it fails');
  return notes;
}
