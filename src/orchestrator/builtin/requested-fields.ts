// The fields a request names for each record: "(title, company, link)", "with their name,
// location and link", "including price and rating". They become the names html.extract looks for
// when it finds the page's repeated records by itself (decision 0040); none named, it gives each
// record's title, link and text.

/** A list of one to three words each, joined by commas, "and", "&", "+" or "/". */
const item = "[a-z][a-z'-]*(?:\\s+[a-z][a-z'-]*){0,2}";
const list = `${item}(?:\\s*(?:,|\\band\\b|&|\\+|/)\\s*(?:and\\s+)?${item}){1,9}`;

const listed = [
  // "(title, company, link)".
  new RegExp(`\\((${list})\\)`, 'i'),
  // "with their name, location and link", "including title and price", "incl. name + link".
  new RegExp(
    `\\b(?:with|including|incl\\.?|inc\\.?|grab(?:bing)?|getting|keep(?:ing)?|capture|capturing)\\s+(?:(?:their|the|its|each(?:\\s+one['’]s)?|all)\\s+)?(${list})(?=\\s*(?:$|[.,;:!?)]|\\bfrom\\b|\\bon\\b|\\bof\\b|\\bevery\\b|\\bat\\b|\\band\\s+(?:e-?mail|send|post|run|save|put)\\b))`,
    'i',
  ),
];

/** Words in such a list that are no field: "every monday", "each day", "me". */
const notFields =
  /^(?:every|each|daily|weekly|me|us|them|it|a|an|the|more|so on|etc|stuff|things|details|info)$/i;

/** The fields named, in camelCase ("job title" → "jobTitle"), at most 20; none when none are named. */
export function requestedFields(text: string): string[] {
  for (const pattern of listed) {
    const found = pattern.exec(text.replace(/https?:\/\/\S+/g, ' '))?.[1];
    if (!found) continue;
    // "Including weekends and holidays", "with python and react", "(remote and full-time only)":
    // not fields. A list of fields has a comma, or says it is of theirs ("with their name and role").
    if (!found.includes(',') && !/\b(?:with (?:their|its|each one['’]s)|fields?|columns?)\b/i.test(text))
      continue;
    if (
      /\b(?:only|weekends?|weekdays?|holidays?|days?|hours?|mornings?|evenings?|new|open|old|remote|full-?time|part-?time)\b/i.test(
        found,
      )
    )
      continue;
    const names = found
      .split(/\s*(?:,|\band\b|&|\+|\/)\s*/i)
      .map((name) => name.trim().replace(/^(?:and|the|their|its)\s+/i, ''))
      .filter((name) => name.length > 0 && !notFields.test(name))
      .map(camelCase);
    if (names.length >= 2) return [...new Set(names)].slice(0, 20);
  }
  return [];
}

function camelCase(words: string): string {
  const [first = '', ...rest] = words
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[\s-]+/);
  return `${first}${rest.map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`).join('')}`.slice(
    0,
    40,
  );
}
