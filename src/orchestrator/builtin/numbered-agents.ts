// "Create two agents: one that fetches https://a…, one that checks https://b…": several new
// agents said as a count and then each one's own words. Each becomes a request of its own
// ("create an agent that fetches https://a…"), so each gets its own test run and schedule.

/** The count and the list after it: "two agents:", "2 bots -", "a couple of agents:". */
const counted =
  /^(?<verb>.*?\b(?:create|build|make|set up|setup|add)\b)\s+(?:me\s+)?(?:two|three|four|2|3|4|a couple of|a few|some)\s+(?:new\s+)?(?:agents|bots|monitors|scrapers)\b\s*[:,\-—]?\s*(?<list>.+)$/is;

/** Where one agent's words end and the next one's start: ", one that", "; and another that". */
const nextOne =
  /\s*(?:[,;]|\.)\s*(?:and\s+)?(?=(?:one|another|the other|the second|the third|a second)\s+(?:that|which|to|for|who)\b)|\s+and\s+(?=(?:one|another|the other)\s+(?:that|which|to|for)\b)/gi;

/** The requests for each agent of a counted list; the text itself when it is no such list. */
export function numberedAgents(text: string): string[] {
  const found = counted.exec(text.trim());
  const list = found?.groups?.list;
  const verb = found?.groups?.verb;
  if (!list || !verb) return [text];
  const items = list
    .split(nextOne)
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length < 2) return [text];
  return items.map(
    (item) =>
      `${verb.trim()} an agent ${item.replace(/^(?:one|another|the other|the second|the third|a second)\s+/i, '')}`,
  );
}
