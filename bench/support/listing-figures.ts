// Portal figures, part 2: the portal template (browser.paginate, then a download per file) on a
// 20-page listing of 200 files whose first page links only to the next two: time per page, time
// per file, and the memory of this process's Chromium while the run goes.
import { readdirSync, readFileSync } from 'node:fs';
import { portalSpec } from '../../src/orchestrator/builtin/spec-templates.ts';
import { startListingPortal } from '../../test/support/listing-portal.ts';

/** The processes below this one (the worker's Chromium), by /proc: other Chromiums on the machine are not ours. */
function descendantsOf(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may hold spaces and parentheses: the fields after its last ")" are plain.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while the list was read.
    }
  }
  const found: number[] = [];
  const below = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (below.has(parent) && !below.has(pid)) {
        below.add(pid);
        found.push(pid);
        grew = true;
      }
    }
  }
  return found;
}

/** Resident memory of this process's Chromium processes, in MB (shared pages count in each). */
export function ownChromiumMegabytes(): number {
  let kilobytes = 0;
  for (const pid of descendantsOf(process.pid)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      if (!/^Name:\s*chrom/im.test(status)) continue;
      kilobytes += Number(/^VmRSS:\s*(\d+)/m.exec(status)?.[1] ?? 0);
    } catch {
      // Gone already.
    }
  }
  return Math.round(kilobytes / 1024);
}

// biome-ignore lint/suspicious/noExplicitAny: the benchmark reads answers loosely; the tests check their shapes.
type Call = (method: string, path: string, token?: string, body?: unknown) => Promise<Record<string, any>>;

export async function listingFigures(options: {
  call: Call;
  ws: string;
  token: string;
  loginUrl: string;
  // biome-ignore lint/suspicious/noExplicitAny: as Call.
  runToEnd: (agentId: string) => Promise<Record<string, any>>;
}) {
  const pages = 20;
  const files = 200;
  const listing = await startListingPortal({ total: files, perPage: files / pages });
  try {
    const agent = await options.call('POST', `/api/workspaces/${options.ws}/agents`, options.token, {
      spec: portalSpec({
        name: 'Long Listing Collector',
        goal: 'Every file of a 20-page listing',
        connection: 'supplier-portal',
        loginUrl: options.loginUrl,
        listingUrl: `${listing.url}/numbered`,
        noun: 'documents',
        links: { selector: 'a.file', fields: { href: { attribute: 'href' } } },
      }),
    });
    const before = ownChromiumMegabytes();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, ownChromiumMegabytes());
    }, 250);
    const run = await options.runToEnd(agent.id).finally(() => clearInterval(sampler));
    if (run.status !== 'succeeded') throw new Error(`listing run failed: ${JSON.stringify(run.error)}`);
    const after = ownChromiumMegabytes();
    const step = (id: string) => run.steps.find((found: { id: string }) => found.id === id);
    const listed = step('listing');
    if (listed.output.pages !== pages || run.output.count !== files)
      throw new Error(
        `read ${listed.output.pages} pages and ${run.output.count} files, not ${pages} and ${files}`,
      );
    const downloadMs = step('download').durationMs as number;
    return {
      pages,
      files,
      runMs: new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime(),
      listingMs: listed.durationMs as number,
      perPageMs: Math.round((listed.durationMs / pages) * 10) / 10,
      downloadMs,
      perFileMs: Math.round((downloadMs / files) * 10) / 10,
      downloaded: [...listing.downloads.values()].reduce((sum, count) => sum + count, 0),
      chromiumMegabytes: { before, peak, after },
    };
  } finally {
    await listing.close();
  }
}
