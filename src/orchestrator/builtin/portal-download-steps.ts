// The last steps of a portal agent: what it kept before, the listed files not among them, their
// download, and the identities to remember. They read `steps.listing.records` (records with an
// `href`, whichever step reads the listing) and keep each file once across runs: by a listing
// field when one tells files apart (a statement number), else by the name and size the server
// gives, which stay the same when links carry a token of the sign-in.

const memoryKey = 'downloaded';

/** A listing field as JSONata reads it, backquoted so names with dashes or spaces work. */
function field(name: string) {
  if (!/^[^`\n]{1,100}$/.test(name)) throw new Error(`"${name}" cannot name a listing field.`);
  return `\`${name}\``;
}

/**
 * The records to download, one per link: a file listed twice (on two pages, or page 1 also as
 * "?page=1") is downloaded once, and a row without a link is passed over. A link, or the identity
 * field, already remembered is left out before any transfer (lists written by earlier versions
 * of this agent hold links).
 */
function freshExpression(identity: string | undefined) {
  const key = identity ? `$string(${field(identity)})` : 'href';
  return [
    '(',
    `  $known := steps.known.value;`,
    `  $records := steps.listing.records[$type(href) = 'string' and href != ''];`,
    `  $kept := $records[$not(href in $known)${identity ? ` and $not(${key} in $known)` : ''}];`,
    `  [$distinct($kept.${key}).($key := $; $kept[${key} = $key][0])]`,
    ')',
  ].join('\n');
}

export function portalDownloadSteps(identity?: string) {
  return [
    // A first run has no list yet: the default keeps null out of the list remembered below.
    { id: 'known', tool: 'memory.read', with: { key: memoryKey, scope: 'agent', default: [] } },
    { id: 'fresh', tool: 'transform', with: { expression: freshExpression(identity) } },
    {
      id: 'download',
      tool: 'browser.download',
      forEach: { items: 'steps.fresh.value', as: 'file' },
      with: {
        url: '{{ file.href }}',
        known: '{{ steps.known.value }}',
        identity: identity ? `{{ file.${field(identity)} }}` : 'name+size',
      },
    },
    {
      id: 'remember',
      tool: 'memory.write',
      with: {
        key: memoryKey,
        scope: 'agent',
        // Skipped files' identities too: a file an earlier run kept but did not remember is
        // remembered now. Only strings: an identity is never null.
        value: `{{ [$distinct($append(steps.known.value, steps.download.identity))[$type($) = 'string']] }}`,
      },
    },
  ];
}

export const portalDownloadOutput = {
  count: '{{ $count(steps.download[skipped = false]) }}',
  downloaded: '{{ [steps.download[skipped = false].name] }}',
};
