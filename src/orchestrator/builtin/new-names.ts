// The name a person gives an agent in words: quotes and trailing words such as "instead" taken
// off, and capitalised like a name when written all in lower case ("lead finder" → "Lead Finder").
import { urlsIn } from './request-text.ts';

/** Words that start a clause rather than a name: "call the reporter after the scraper" is no rename. */
const clauseStarts =
  /^(?:after|when|whenever|with|if|once|and|then|every|each|at|on|before|to|from|by|in|for|using|via)\b/i;

const trailing =
  /(?:[\s,]+(?:instead|please|pls|plz|from now on|now|thanks|thank you|going forward|then))+$/i;

/** The name, cleaned; undefined when the words do not read as a name. */
export function readNewName(words: string): string | undefined {
  let name = words
    .trim()
    .replace(/[.!?]+$/, '')
    .trim();
  name = name.replace(trailing, '').trim();
  const quoted = /^["“'‘`](.+)["”'’`]$/.exec(name);
  if (quoted?.[1]) return quoted[1].trim() || undefined;
  name = name.replace(/[.!?,;:]+$/, '').trim();
  if (!name || clauseStarts.test(name) || urlsIn(name).length > 0) return undefined;
  if (name.split(/\s+/).length > 8) return undefined;
  return name === name.toLowerCase()
    ? name.replace(/(^|\s)([a-z])/g, (_, space, letter) => `${space}${letter.toUpperCase()}`)
    : name;
}

/** The agent of the workspace, other than `self`, that already has this name (names are unique). */
export function nameTakenBy<T extends { id: string; name: string }>(
  name: string,
  agents: readonly T[],
  selfId?: string,
): T | undefined {
  return agents.find((agent) => agent.id !== selfId && agent.name.toLowerCase() === name.toLowerCase());
}
