// Changes to a portal agent's spec that fix what a person said went wrong: its listing read on
// every page (one browser.paginate step instead of the old "pagination links, then each page"
// pair, or around a one-page browser.extract), reached through a link or tab, read at a new
// address or with a new selector, and its sign-in page moved. Pure functions: each answers the
// changed spec and what changed in words, or why it cannot.
import type { AgentSpec, AgentStep } from '../../domain/agent-spec.ts';

export type FixOutcome = { spec: AgentSpec; words: string } | { problem: string };

/** The step that reads the listing, as the agent has it. */
type Listing =
  /** Already walks every page. */
  | { kind: 'paginate'; step: AgentStep; url?: string }
  /** The old portal template: a step reads the pagination links, a forEach reads each page. */
  | { kind: 'perPage'; step: AgentStep; pagesStep?: AgentStep; url?: string }
  /** One page read by browser.extract. */
  | { kind: 'single'; step: AgentStep; url?: string };

/** How the next page is reached, when the person said it. */
export interface PageWalk {
  next?: string;
  mode?: 'next' | 'loadMore' | 'scroll';
}

const isRecordsExtract = (step: AgentStep) =>
  step.tool === 'browser.extract' && step.with.records !== undefined;

const fixedUrl = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** Whether any part of the spec but `skipped` reads the output of step `id`. */
function referenced(spec: AgentSpec, id: string, skipped: AgentStep): boolean {
  const pattern = new RegExp(`\\bsteps\\.${id}\\b`);
  const others = { steps: spec.steps.filter((step) => step !== skipped), output: spec.output };
  return pattern.test(JSON.stringify(others));
}

/** The listing step of an agent: the first that walks pages, else reads each page, else the one page it reads. */
export function listingOf(spec: AgentSpec): Listing | undefined {
  const paginate = spec.steps.find((step) => step.tool === 'browser.paginate');
  if (paginate) return { kind: 'paginate', step: paginate, url: fixedUrl(paginate.with.url) };
  const perPage = spec.steps.find((step) => isRecordsExtract(step) && step.forEach);
  if (perPage?.forEach) {
    const items = perPage.forEach.items;
    const pagesId = /\bsteps\.([A-Za-z_]\w*)/.exec(items)?.[1];
    const pagesStep = spec.steps.find(
      (step) => step.id === pagesId && step.tool === 'browser.extract' && step.with.records === undefined,
    );
    // The first page is the address the links were read on, or the one the loop starts with.
    const literal = /"(https?:\/\/[^"]+)"/.exec(items)?.[1];
    return { kind: 'perPage', step: perPage, pagesStep, url: fixedUrl(pagesStep?.with.url) ?? literal };
  }
  const singles = spec.steps.filter((step) => isRecordsExtract(step) && !step.forEach);
  const [single] = singles;
  if (singles.length === 1 && single) return { kind: 'single', step: single, url: fixedUrl(single.with.url) };
  return undefined;
}

/** Whether an agent reads a listing in the browser: what a portal fix changes. */
export function readsListing(spec: AgentSpec): boolean {
  return listingOf(spec) !== undefined;
}

/** The agent's sign-in step, if it signs in. */
export function loginStepOf(spec: AgentSpec): AgentStep | undefined {
  return spec.steps.find((step) => step.tool === 'browser.login');
}

/** The step's settings that are no part of what it reads: kept when its tool changes. */
function keptSettings(step: AgentStep): Partial<AgentStep> {
  const { retry, timeoutMs, onError, if: condition, description } = step;
  return {
    ...(retry ? { retry } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(onError ? { onError } : {}),
    ...(condition ? { if: condition } : {}),
    ...(description ? { description } : {}),
  };
}

function walkSettings(walk: PageWalk): Record<string, unknown> {
  return { ...(walk.next ? { next: walk.next } : {}), ...(walk.mode ? { mode: walk.mode } : {}) };
}

function walkWords(walk: PageWalk): string {
  if (walk.mode === 'scroll') return ', scrolling down for more';
  if (walk.next) return `, following \`${walk.next}\``;
  return '';
}

/** The listing turned into one browser.paginate step, the pagination-links step it replaces taken out. */
function paginated(spec: AgentSpec, listing: Listing, walk: PageWalk): AgentSpec | { problem: string } {
  const { step } = listing;
  if (listing.kind === 'single') {
    const extra = Object.keys(step.with).filter(
      (key) => !['url', 'records', 'required', 'timeoutMs'].includes(key),
    );
    if (extra.length > 0)
      return {
        problem: `step "${step.id}" also reads ${extra.join(', ')} of the page, which a walk over pages does not keep`,
      };
  }
  const walker: AgentStep = {
    id: step.id,
    tool: 'browser.paginate',
    ...keptSettings(step),
    with: { ...(listing.url ? { url: listing.url } : {}), records: step.with.records, ...walkSettings(walk) },
  } as AgentStep;
  const pagesStep = listing.kind === 'perPage' ? listing.pagesStep : undefined;
  const dropped = pagesStep && !referenced(spec, pagesStep.id, step) ? pagesStep : undefined;
  return {
    ...spec,
    steps: spec.steps
      .filter((candidate) => candidate !== dropped)
      .map((candidate) => (candidate === step ? walker : candidate)),
  };
}

/** "It only gets the first page": the listing read on every page. */
export function walkEveryPage(spec: AgentSpec, walk: PageWalk): FixOutcome {
  const listing = listingOf(spec);
  if (!listing) return { problem: 'it reads no listing of records in the browser' };
  if (listing.kind === 'paginate') {
    const same = Object.entries(walkSettings(walk)).every(([key, value]) => listing.step.with[key] === value);
    if (same) {
      const limit = typeof listing.step.with.maxPages === 'number' ? listing.step.with.maxPages : 50;
      return {
        problem: `step "${listing.step.id}" already walks every page of its listing (up to ${limit} pages); if it still stops early, tell me what the link to the next page says ("the link says Older")`,
      };
    }
    const step = { ...listing.step, with: { ...listing.step.with, ...walkSettings(walk) } };
    return {
      spec: {
        ...spec,
        steps: spec.steps.map((candidate) => (candidate === listing.step ? step : candidate)),
      },
      words: `walk the pages of its listing${walkWords(walk)}`,
    };
  }
  const changed = paginated(spec, listing, walk);
  if ('problem' in changed) return changed;
  const where = listing.url ? ` (${listing.url})` : '';
  return {
    spec: changed,
    words: `read every page of its listing${where} in one step (browser.paginate)${walkWords(walk)}, instead of ${listing.kind === 'perPage' ? 'only the pages its first page links to' : 'its first page only'}`,
  };
}

/** A step id no step of the spec has, from a wish such as open_reports. */
function freeId(spec: AgentSpec, wanted: string): string {
  const base =
    `open_${wanted
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')}`.slice(0, 50) || 'open_listing';
  const taken = new Set(spec.steps.map((step) => step.id));
  if (!taken.has(base)) return base;
  for (let number = 2; ; number++) if (!taken.has(`${base}_${number}`)) return `${base}_${number}`;
}

/** The Playwright selector of a link, tab or button by its text. */
export function textSelector(label: string): string {
  return `text=${label.replace(/["“”]/g, '').trim()}`;
}

/**
 * "The files are now under Reports": the agent opens its listing's page, clicks the link or tab of
 * that name, and reads the page it leads to (every page of it).
 */
export function clickThrough(spec: AgentSpec, label: string): FixOutcome {
  const listing = listingOf(spec);
  if (!listing) return { problem: 'it reads no listing of records in the browser' };
  const selector = textSelector(label);
  if (spec.steps.some((step) => step.tool === 'browser.click' && step.with.selector === selector))
    return { problem: `it clicks \`${selector}\` already` };
  // The old per-page loop opens each address itself: a click before it would be lost.
  const walked = listing.kind === 'perPage' ? paginated(spec, listing, {}) : spec;
  if ('problem' in walked) return walked;
  const reader = walked.steps.find((step) => step.id === listing.step.id) as AgentStep;
  const { url: _opened, ...reads } = reader.with;
  const opening: AgentStep[] = [
    ...(listing.url
      ? [
          {
            id: freeId(walked, 'listing'),
            tool: 'browser.goto',
            with: { url: listing.url },
            onError: 'fail',
          } as const,
        ]
      : []),
    { id: freeId(walked, label), tool: 'browser.click', with: { selector }, onError: 'fail' } as const,
  ];
  const steps = walked.steps.flatMap((step) =>
    step === reader ? [...opening, { ...step, with: reads }] : [step],
  );
  return {
    spec: { ...walked, steps },
    words: `${listing.url ? `open ${listing.url}, ` : ''}click \`${selector}\`, and read the listing it leads to${listing.kind === 'perPage' ? ' (every page of it, with browser.paginate)' : ''}`,
  };
}

/** "The table moved to https://…": the listing read at the new address. */
export function moveListing(spec: AgentSpec, url: string): FixOutcome {
  const listing = listingOf(spec);
  if (!listing) return { problem: 'it reads no listing of records in the browser' };
  if (listing.url === url) return { problem: `it reads ${url} already` };
  const steps = spec.steps.map((step) => {
    if (step === listing.step && listing.kind !== 'perPage') return { ...step, with: { ...step.with, url } };
    if (listing.kind !== 'perPage') return step;
    if (step === listing.pagesStep) return { ...step, with: { ...step.with, url } };
    if (step === listing.step && step.forEach && listing.url)
      return {
        ...step,
        forEach: {
          ...step.forEach,
          items: step.forEach.items.split(JSON.stringify(listing.url)).join(JSON.stringify(url)),
        },
      };
    return step;
  });
  return {
    spec: { ...spec, steps },
    words: `read its listing at ${url}${listing.url ? ` instead of ${listing.url}` : ''}`,
  };
}

/** "The sign-in page is now https://…": the sign-in step opens the new address. */
export function moveLogin(spec: AgentSpec, url: string): FixOutcome {
  const login = loginStepOf(spec);
  if (!login) return { problem: 'it does not sign in' };
  const old = fixedUrl(login.with.url);
  if (old === url) return { problem: `it signs in at ${url} already` };
  const steps = spec.steps.map((step) => (step === login ? { ...step, with: { ...step.with, url } } : step));
  return { spec: { ...spec, steps }, words: `sign in at ${url}${old ? ` instead of ${old}` : ''}` };
}

/** Whether every part of a selector list ends at a link itself (then a record's href is its own). */
function endsAtLinks(selector: string): boolean {
  return selector.split(',').every((part) =>
    /^a(?=$|[.#[:])/i.test(
      part
        .replace(/\[[^\]]*\]/g, '[]')
        .trim()
        .split(/[\s>+~]+/)
        .at(-1) ?? '',
    ),
  );
}

/** A records selector inside a new container: "table a[href]" in `.statements` is ".statements a[href]". */
function inside(container: string, selector: string): string {
  return selector
    .split(',')
    .map((part) => {
      const trimmed = part.trim();
      const rest = /^(?:table|tbody|ul|ol|dl)(?:[\s>]+)(.+)$/i.exec(trimmed)?.[1];
      return `${container} ${rest ?? trimmed}`;
    })
    .join(', ');
}

/** "The table is now .statements", "rows are tr.doc now": the listing reads the new selector. */
export function changeRecords(spec: AgentSpec, given: string, container: boolean): FixOutcome {
  const listing = listingOf(spec);
  if (!listing) return { problem: 'it reads no listing of records in the browser' };
  const records = listing.step.with.records as { selector?: unknown; fields?: Record<string, unknown> };
  const old = typeof records?.selector === 'string' ? records.selector : undefined;
  if (!old) return { problem: `step "${listing.step.id}" reads records by an expression, not a selector` };
  const selector = container ? inside(given, old) : given;
  if (selector === old) return { problem: `it reads \`${old}\` already` };
  // A link read from the record itself, or from a link inside it, as the new selector needs.
  const href = JSON.stringify(records.fields?.href);
  const linkField = [
    JSON.stringify({ attribute: 'href' }),
    JSON.stringify({ selector: 'a[href]', attribute: 'href' }),
  ];
  const fields =
    records.fields && linkField.includes(href)
      ? {
          ...records.fields,
          href: endsAtLinks(selector) ? { attribute: 'href' } : { selector: 'a[href]', attribute: 'href' },
        }
      : records.fields;
  const steps = spec.steps.map((step) =>
    step === listing.step
      ? { ...step, with: { ...step.with, records: { ...records, selector, fields } } }
      : step,
  );
  return {
    spec: { ...spec, steps },
    words: `read \`${selector}\` instead of \`${old}\` in step "${listing.step.id}"`,
  };
}
