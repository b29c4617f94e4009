// A run's output in words for the chat: people asked for "the team members", not for JSON. Lists
// of records are counted and their first few read out; anything else is shown as short JSON.
// Run data is always quoted “…” or shown as `code`, the two forms the chat never turns into links
// (web/src/chat/reply-parts.ts): an address a page said is not one Orca offers.
const shownRecords = 3;
const recordCharacters = 100;
const jsonCharacters = 600;

type Value = unknown;

/**
 * Run data (an error a site or tool wrote, an output's text) as the chat shows it: in “quotes”
 * that nothing inside can end, in one line, clipped; the chat never links inside quotes.
 */
export function quotedRunData(text: string, limit = 400): string {
  const flat = text.replace(/[“”]/g, '"').replace(/`/g, "'").replace(/\s+/g, ' ').trim();
  return `“${clipped(flat, limit)}”`;
}

function plain(value: Value): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(plain).filter(Boolean).join(', ');
  if (typeof value === 'object')
    return Object.values(value as Record<string, Value>)
      .map(plain)
      .filter(Boolean)
      .join(', ');
  // Curly quotes inside the data would end its quotation early and let the rest be linked.
  return String(value).replace(/[“”]/g, '"').replace(/`/g, "'").replace(/\s+/g, ' ').trim();
}

function clipped(text: string, limit: number) {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/** The longest list of records (objects or strings) in the output, with the name it goes by. */
function recordListOf(output: Value): { name: string; items: Value[] } | undefined {
  if (Array.isArray(output)) return { name: 'items', items: output };
  if (!output || typeof output !== 'object') return undefined;
  const lists = Object.entries(output as Record<string, Value>)
    .filter((entry): entry is [string, Value[]] => Array.isArray(entry[1]) && entry[1].length > 0)
    .sort((a, b) => b[1].length - a[1].length);
  const [name, items] = lists[0] ?? [];
  return name && items ? { name, items } : undefined;
}

export function describeOutput(output: Value): string {
  const list = recordListOf(output);
  if (!list) {
    const json = JSON.stringify(output ?? null);
    return `Its output: \`${clipped(json, jsonCharacters).replace(/`/g, "'").replace(/\n/g, ' ')}\``;
  }
  const count = list.items.length;
  // The list's key is run data too: only a plain word names the records ("leads"), never an address.
  const named = /^[a-z][a-z _-]{0,30}$/i.test(list.name) && list.name !== 'items' && list.name !== 'records';
  const noun = named ? list.name.replace(/s$/, '') : 'record';
  const first = list.items
    .slice(0, shownRecords)
    .map((item) => `“${clipped(plain(item), recordCharacters)}”`)
    .join('; ');
  const more = count > shownRecords ? `, and ${count - shownRecords} more` : '';
  // A list named by what was done to it ("downloaded") says so: "It downloaded 3: …".
  if (named && /^[a-z]+ed$/i.test(list.name))
    return `It ${list.name} ${count}: ${first}${more}. Open the run to see all of it and its files.`;
  return `It got ${count} ${noun}${count === 1 ? '' : 's'}: ${first}${more}. Open the run to see all of it and its files.`;
}

/**
 * Where a webhook posts, without its path: an incoming-webhook address (Slack's) is itself the
 * secret that lets anyone post, so replies name its host only ("https://hooks.slack.com/…").
 */
export function webhookInWords(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return 'a webhook';
  }
}
