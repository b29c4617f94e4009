// What a step does, in words, from its tool and its inputs: "Fetch https://…", "Save the file
// “people.csv”". Templates (`{{ … }}`) are left out of the words: they say where data comes from,
// which the step list shows by order.
import { repeatInWords } from '../../agents/repeat-words.ts';
import { asText, type StepRecord } from './spec-shape.ts';

const quoted = (value: string | undefined) => (value ? `“${value}”` : '');
const plain = (value: unknown) => {
  const text = asText(value);
  return text && !text.includes('{{') ? text : undefined;
};
const list = (value: unknown) =>
  Array.isArray(value) ? value.map((item) => asText(item) ?? '').join(', ') : asText(value);

function memoryPlace(scope: unknown) {
  return scope === 'agent' ? 'the agent’s own memory' : 'the shared context';
}

function extraction(input: Record<string, unknown>): string {
  const records = input.records as { selector?: unknown; fields?: Record<string, unknown> } | undefined;
  if (records && typeof records === 'object') {
    const fields = Object.keys(records.fields ?? {});
    return `Extract each item marked \`${asText(records.selector) ?? '?'}\`${
      fields.length ? ` (fields: ${fields.join(', ')})` : ''
    }`;
  }
  if (input.links) return 'Extract the links';
  if (input.fields && typeof input.fields === 'object')
    return `Read ${Object.keys(input.fields).join(', ')} from the page`;
  return 'Extract data from the page';
}

function duration(input: Record<string, unknown>): string {
  if (input.until) return `until ${asText(input.until)}`;
  const units = ['days', 'hours', 'minutes', 'seconds', 'milliseconds'] as const;
  const parts = units.filter((unit) => input[unit] !== undefined).map((unit) => `${input[unit]} ${unit}`);
  return parts.join(' ') || 'a while';
}

/** What the tool does with these inputs. */
export function toolWords(tool: string, input: Record<string, unknown>): string {
  switch (tool) {
    case 'http.request': {
      const method = asText(input.method) ?? 'GET';
      const url = plain(input.url) ?? 'an address';
      return method === 'GET' ? `Fetch ${url}` : `Send a ${method} request to ${url}`;
    }
    case 'html.extract':
      return extraction(input);
    case 'transform':
      return 'Work out a value from the earlier steps';
    case 'llm.generate':
      return plain(input.prompt) ? `Ask the LLM: ${plain(input.prompt)}` : 'Ask the LLM to write an answer';
    case 'memory.write':
      return `Keep ${quoted(plain(input.key)) || 'the result'} in ${memoryPlace(input.scope)}`;
    case 'memory.read':
      return `Read ${quoted(plain(input.key)) || 'an entry'} from ${memoryPlace(input.scope)}`;
    case 'memory.search':
      return `Search the shared context${plain(input.query) ? ` for ${quoted(plain(input.query))}` : ''}`;
    case 'memory.list':
      return `List the shared context${plain(input.prefix) ? ` under ${quoted(plain(input.prefix))}` : ''}`;
    case 'files.save':
      return `Save the file ${quoted(plain(input.name)) || 'of the results'}`;
    case 'files.read':
      return `Read the file ${quoted(plain(input.name) ?? plain(input.id))}`.trim();
    case 'notify.webhook':
      return `Post the results to ${plain(input.url) ?? 'a webhook'}`;
    case 'notify.email':
      return `E-mail ${list(input.to) ?? 'someone'}${plain(input.subject) ? ` (subject ${quoted(plain(input.subject))})` : ''}`;
    case 'agent.call':
      return `Run the agent ${quoted(plain(input.agent)) || 'named in the step'}`;
    case 'wait':
      return `Wait ${duration(input)}`;
    case 'browser.goto':
      return `Open ${plain(input.url) ?? 'a page'} in the browser`;
    case 'browser.login':
      return `Sign in with the account ${quoted(plain(input.connection))}${plain(input.url) ? ` at ${plain(input.url)}` : ''}`;
    case 'browser.fill':
      return `Fill in \`${asText(input.selector) ?? '?'}\``;
    case 'browser.click':
      return `Click \`${asText(input.selector) ?? '?'}\``;
    case 'browser.select':
      return `Choose an option in \`${asText(input.selector) ?? '?'}\``;
    case 'browser.press':
      return `Press ${asText(input.key) ?? 'a key'}`;
    case 'browser.waitFor':
      return `Wait for \`${asText(input.selector) ?? 'the page'}\``;
    case 'browser.extract':
      return 'Read data from the page in the browser';
    case 'browser.act':
      return `On the page: ${quoted(plain(input.instruction)) || 'do as instructed'}`;
    case 'browser.download':
      return `Download ${plain(input.url) ?? 'the files'}`;
    case 'browser.screenshot':
      return 'Take a screenshot of the page';
    default:
      return `Use ${tool}`;
  }
}

/** The step in words, with its loop and condition. */
export function stepWords(step: StepRecord): string {
  const input = (step.with ?? {}) as Record<string, unknown>;
  let words = step.description?.trim() || toolWords(step.tool ?? '?', input);
  if (step.forEach?.items) words += `, for each of \`${step.forEach.items}\``;
  const repeat = repeatInWords(step.repeat);
  if (repeat) words += `, repeated ${repeat}`;
  if (step.if) words += `, only when \`${step.if}\``;
  return words;
}
