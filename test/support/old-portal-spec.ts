// A portal agent as the first portal template made it (issue 14): a step reads the listing's
// pagination links on its first page, a forEach reads each page they lead to. It misses every
// page the first one does not link to; the fix-in-chat suites start from it, whatever the
// template makes today.
export function oldPortalSpec(options: {
  name: string;
  connection: string;
  loginUrl: string;
  listingUrl: string;
  /** What marks each file: a link itself, or a row holding one. */
  links?: { selector: string; fields: Record<string, unknown> };
}) {
  const links = options.links ?? {
    selector: 'tr.document',
    fields: { href: { selector: 'a[href]', attribute: 'href' } },
  };
  return {
    name: options.name,
    goal: `Download the documents of ${options.listingUrl}`,
    instructions: `Sign in with the "${options.connection}" account, read every page of ${options.listingUrl}, and download each of the documents not downloaded before.`,
    steps: [
      { id: 'login', tool: 'browser.login', with: { connection: options.connection, url: options.loginUrl } },
      {
        id: 'pages',
        tool: 'browser.extract',
        with: {
          url: options.listingUrl,
          fields: {
            pages: {
              selector:
                '.pagination a[href], .pager a[href], nav[aria-label*="pag" i] a[href], a[rel="next"]',
              attribute: 'href',
              multiple: true,
            },
          },
        },
      },
      {
        id: 'listing',
        tool: 'browser.extract',
        forEach: {
          items: `$distinct($append([${JSON.stringify(options.listingUrl)}], steps.pages.fields.pages))`,
          as: 'page',
        },
        with: { url: '{{ page }}', records: links },
      },
      { id: 'known', tool: 'memory.read', with: { key: 'downloaded', scope: 'agent' } },
      {
        id: 'fresh',
        tool: 'transform',
        with: {
          expression: '[$distinct(steps.listing.records[href].href)[$not($ in $$.steps.known.value)]]',
        },
      },
      {
        id: 'download',
        tool: 'browser.download',
        forEach: { items: 'steps.fresh.value', as: 'file' },
        with: { url: '{{ file }}' },
      },
      {
        id: 'remember',
        tool: 'memory.write',
        with: {
          key: 'downloaded',
          scope: 'agent',
          value: '{{ [$distinct($append(steps.known.value, steps.fresh.value))] }}',
        },
      },
    ],
    output: { count: '{{ $count(steps.fresh.value) }}', downloaded: '{{ [steps.download.name] }}' },
  };
}
