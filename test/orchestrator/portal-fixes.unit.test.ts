// A portal agent fixed from the chat with the built-in planner: "it only gets the first page",
// "the files are now under Reports", "the login page changed", "the table is now .statements".
// Each plan changes the agent's spec as the complaint asks and runs the agent once as a test; a
// changed sign-in page without its address, or two portal agents that fit, is a question first.
import { describe, expect, it } from 'vitest';
import { type AgentSpec, validateAgentSpec } from '../../src/domain/agent-spec.ts';
import type { PlanOperation } from '../../src/domain/plan.ts';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import type { PlannerAnswer, WorkspaceSnapshot } from '../../src/orchestrator/planner.ts';
import { oldPortalSpec } from '../support/old-portal-spec.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const planner = new BuiltInPlanner();

function portalAgent(
  name: string,
  id: string,
  spec: Record<string, unknown>,
): WorkspaceSnapshot['agents'][number] {
  const validation = validateAgentSpec(spec);
  if (!validation.success) throw new Error(`the spec of ${name} does not validate`);
  return {
    id,
    name,
    status: 'active',
    version: 3,
    spec: validation.spec,
    lastRun: { id: `run-${id}`, status: 'succeeded' },
  };
}

const invoices = portalAgent(
  'Invoice Collector',
  '00000000-0000-4000-8000-000000000901',
  oldPortalSpec({
    name: 'Invoice Collector',
    connection: 'supplier-portal',
    loginUrl: 'https://portal.example.com/login',
    listingUrl: 'https://portal.example.com/documents',
  }),
);
const statements = portalAgent(
  'Statement Downloader',
  '00000000-0000-4000-8000-000000000902',
  oldPortalSpec({
    name: 'Statement Downloader',
    connection: 'supplier-portal',
    loginUrl: 'https://portal.example.com/login',
    listingUrl: 'https://portal.example.com/statements',
    links: { selector: 'a[href$=".pdf" i], a[download]', fields: { href: { attribute: 'href' } } },
  }),
);
/** A portal agent that reads one page with browser.extract, no pagination at all. */
const onePage = portalAgent('Price List Reader', '00000000-0000-4000-8000-000000000903', {
  name: 'Price List Reader',
  steps: [
    {
      id: 'login',
      tool: 'browser.login',
      with: { connection: 'supplier-portal', url: 'https://portal.example.com/login' },
    },
    {
      id: 'prices',
      tool: 'browser.extract',
      with: {
        url: 'https://portal.example.com/prices',
        records: { selector: 'tr.price', fields: { name: '.name' } },
      },
    },
  ],
});

const withAgents = (...agents: WorkspaceSnapshot['agents']) => {
  const base = fixtureSnapshot();
  return { ...base, agents: [...base.agents, ...agents] };
};

async function say(
  snapshot: WorkspaceSnapshot,
  messages: string[],
  lastAgentName?: string,
): Promise<PlannerAnswer> {
  let answer: PlannerAnswer | undefined;
  for (const text of messages) {
    answer = await planner.plan({
      text,
      snapshot,
      draft: answer?.plan?.draft,
      now: corpusNow,
      lastAgentName,
    });
  }
  return answer as PlannerAnswer;
}

const types = (answer: PlannerAnswer) => answer.plan?.operations.map((operation) => operation.type);
function updated(answer: PlannerAnswer) {
  const update = answer.plan?.operations.find((operation) => operation.type === 'updateAgent') as
    | Extract<PlanOperation, { type: 'updateAgent' }>
    | undefined;
  if (!update) throw new Error(`no update in: ${answer.reply}`);
  const validation = validateAgentSpec(update.spec);
  if (!validation.success)
    throw new Error(`the changed spec does not validate: ${JSON.stringify(validation.issues)}`);
  return { update, spec: validation.spec as AgentSpec };
}
const step = (spec: AgentSpec, id: string) => spec.steps.find((candidate) => candidate.id === id);
const tools = (spec: AgentSpec) => spec.steps.map((candidate) => candidate.tool);

describe('a portal agent that reads too few pages', () => {
  const snapshot = withAgents(invoices);

  it('turns the old pagination-links pair into one browser.paginate step, then tests the agent', async () => {
    const answer = await say(snapshot, ['it only gets the first page'], 'Invoice Collector');
    expect(types(answer)).toEqual(['updateAgent', 'runAgent']);
    const { update, spec } = updated(answer);
    expect(update).toMatchObject({ agentId: invoices.id, expectedVersion: 3 });
    expect(answer.plan?.operations[1]).toMatchObject({ agentId: invoices.id, test: true, input: {} });
    expect(tools(spec)).toEqual([
      'browser.login',
      'browser.paginate',
      'memory.read',
      'transform',
      'browser.download',
      'memory.write',
    ]);
    expect(step(spec, 'pages')).toBeUndefined();
    const listing = step(spec, 'listing');
    expect(listing?.forEach).toBeUndefined();
    expect(listing?.with).toEqual({
      url: 'https://portal.example.com/documents',
      records: { selector: 'tr.document', fields: { href: { selector: 'a[href]', attribute: 'href' } } },
    });
    // What comes after the listing reads it as before.
    expect(step(spec, 'fresh')).toEqual(step(invoices.spec, 'fresh'));
    expect(answer.reply).toMatch(
      /every page of its listing .*test it once and compare .* last run\. Approve to make it version 4\./,
    );
  });

  it.each([
    'it misses the files on page 3',
    'follow the next page links through every page',
    'read all the pages',
    'there are more pages',
    'it stops after page 2',
    'it only gets the frist page',
    'the invoice collector only reads page one',
    'INVOICE COLLECTOR SKIPS PAGES 2 AND 3',
    'it doesnt go to the next page',
    'the collector ignores the pagination',
    'why does it only download the first page?',
    'it needs to click next until the end',
    'only 10 of 40 invoices came through, the rest are on later pages',
  ])('reads "%s" as every page of the listing', async (text) => {
    const answer = await say(snapshot, [text]);
    expect(types(answer)).toEqual(['updateAgent', 'runAgent']);
    expect(step(updated(answer).spec, 'listing')?.tool).toBe('browser.paginate');
  });

  it('follows the link the person names to the next page', async () => {
    const older = updated(await say(snapshot, ['it only gets the first page, the link says Older']));
    expect(step(older.spec, 'listing')?.with).toMatchObject({ next: 'text=Older', mode: 'next' });
    const alone = updated(await say(snapshot, ['the next page link says Older']));
    expect(step(alone.spec, 'listing')?.with).toMatchObject({ next: 'text=Older', mode: 'next' });
    const arrow = updated(await say(snapshot, ['use the › button to get every page']));
    expect(step(arrow.spec, 'listing')?.with).toMatchObject({ next: 'text=›' });
    const more = updated(
      await say(snapshot, ['there is a Load more button and it only gets the first page']),
    );
    expect(step(more.spec, 'listing')?.with).toMatchObject({ next: 'text=Load more', mode: 'loadMore' });
  });

  it('wraps a one-page browser.extract the same way, keeping its address and records', async () => {
    const answer = await say(withAgents(onePage), ['the price list reader only gets the first page']);
    const { spec } = updated(answer);
    expect(step(spec, 'prices')).toMatchObject({
      tool: 'browser.paginate',
      with: {
        url: 'https://portal.example.com/prices',
        records: { selector: 'tr.price', fields: { name: '.name' } },
      },
    });
  });

  it('says so when the agent walks every page already', async () => {
    const walked = await say(snapshot, ['it only gets the first page']);
    const { spec } = updated(walked);
    const again = await say(withAgents({ ...invoices, spec, version: 4 }), ['read all the pages']);
    expect(again.plan).toBeUndefined();
    expect(again.reply).toMatch(/already walks every page .*up to 50 pages/);
  });
});

describe('a portal agent whose files moved', () => {
  const snapshot = withAgents(invoices);

  it('clicks the link or tab they are under now, and reads every page it leads to', async () => {
    const answer = await say(snapshot, ['the files are now under Reports']);
    expect(types(answer)).toEqual(['updateAgent', 'runAgent']);
    const { spec } = updated(answer);
    expect(spec.steps.map((candidate) => `${candidate.id}:${candidate.tool}`).slice(0, 4)).toEqual([
      'login:browser.login',
      'open_listing:browser.goto',
      'open_reports:browser.click',
      'listing:browser.paginate',
    ]);
    expect(step(spec, 'open_listing')?.with).toEqual({ url: 'https://portal.example.com/documents' });
    expect(step(spec, 'open_reports')?.with).toEqual({ selector: 'text=Reports' });
    // The listing reads the page the click led to.
    expect(step(spec, 'listing')?.with.url).toBeUndefined();
  });

  it.each([
    ['documents are in the Archive section now', 'Archive'],
    ['they put the invoices under Billing', 'Billing'],
    ["the files are now on the 'Past statements' tab", 'Past statements'],
    ['click the History tab first, the documents moved', 'History'],
  ])('reads "%s" as a click on %s', async (text, label) => {
    const { spec } = updated(await say(snapshot, [text]));
    expect(spec.steps.find((candidate) => candidate.tool === 'browser.click')?.with).toEqual({
      selector: `text=${label}`,
    });
  });

  it('reads the tab named, for the agent the files name', async () => {
    const answer = await say(withAgents(invoices, statements), ['the statements moved to the Archive tab']);
    const { update, spec } = updated(answer);
    expect(update.agentName).toBe('Statement Downloader');
    expect(step(spec, 'open_archive')?.with).toEqual({ selector: 'text=Archive' });
  });

  it('reads the listing at its new address when one is given', async () => {
    const answer = await say(snapshot, ['the table moved to https://portal.example.com/statements']);
    expect(types(answer)).toEqual(['updateAgent', 'runAgent']);
    const { spec } = updated(answer);
    expect(step(spec, 'pages')?.with.url).toBe('https://portal.example.com/statements');
    expect(step(spec, 'listing')?.forEach?.items).toContain('"https://portal.example.com/statements"');
    expect(step(spec, 'login')?.with.url).toBe('https://portal.example.com/login');
  });
});

describe('a portal agent whose sign-in page changed', () => {
  const snapshot = withAgents(invoices);

  it('signs in at the new address given', async () => {
    const answer = await say(
      snapshot,
      ['the sign-in page is now https://portal.example.com/signin'],
      'Invoice Collector',
    );
    expect(types(answer)).toEqual(['updateAgent', 'runAgent']);
    expect(step(updated(answer).spec, 'login')?.with).toEqual({
      connection: 'supplier-portal',
      url: 'https://portal.example.com/signin',
    });
    expect(answer.reply).not.toMatch(/sends its password only/);
  });

  it('asks for the new address when none is given, and takes it from the answer', async () => {
    const asked = await say(snapshot, ['the login page changed'], 'Invoice Collector');
    expect(asked.plan?.questions.map((question) => question.id)).toEqual(['url']);
    expect(asked.plan?.operations).toEqual([]);
    expect(asked.reply).toMatch(/Which address is the sign-in page of "Invoice Collector" now/);
    const answered = await say(
      snapshot,
      ['the login page changed', 'https://portal.example.com/auth/signin'],
      'Invoice Collector',
    );
    expect(types(answered)).toEqual(['updateAgent', 'runAgent']);
    expect(step(updated(answered).spec, 'login')?.with.url).toBe('https://portal.example.com/auth/signin');
  });

  it('says the account must allow a new host, never asking for the password in chat', async () => {
    // The fixture's Reporter signs in too: the agent is named.
    const answer = await say(snapshot, [
      'they moved the login page of the invoice collector to https://login.example.net/portal',
    ]);
    expect(step(updated(answer).spec, 'login')?.with.url).toBe('https://login.example.net/portal');
    expect(answer.reply).toMatch(/sends its password only to portal\.example\.com.*never in this chat/);
  });

  it('leaves a changed password to reconnecting', async () => {
    const answer = await say(snapshot, ['the login password changed for the invoice collector']);
    expect(types(answer) ?? []).not.toContain('updateAgent');
  });
});

describe('a portal agent whose rows are marked otherwise', () => {
  const snapshot = withAgents(invoices);

  it('reads the rows inside the new table', async () => {
    const answer = await say(snapshot, ['the table is now .statements']);
    expect(types(answer)).toEqual(['updateAgent', 'runAgent']);
    expect(step(updated(answer).spec, 'listing')?.with.records).toEqual({
      selector: '.statements tr.document',
      fields: { href: { selector: 'a[href]', attribute: 'href' } },
    });
  });

  it('reads the new rows, and a link in each', async () => {
    const answer = await say(snapshot, ['rows are tr.doc now']);
    expect(step(updated(answer).spec, 'listing')?.with.records).toMatchObject({ selector: 'tr.doc' });
    const links = await say(snapshot, ['the files are `a.file` now']);
    expect(step(updated(links).spec, 'listing')?.with.records).toEqual({
      selector: 'a.file',
      fields: { href: { attribute: 'href' } },
    });
  });
});

describe('which portal agent', () => {
  const snapshot = withAgents(invoices, statements);

  it('asks which when two portal agents fit, and fixes the one chosen', async () => {
    const asked = await say(snapshot, ['it only gets the first page']);
    expect(asked.plan?.questions).toEqual([
      expect.objectContaining({ id: 'agent', options: ['Invoice Collector', 'Statement Downloader'] }),
    ]);
    expect(asked.plan?.operations).toEqual([]);
    const chosen = await say(snapshot, ['it only gets the first page', 'the statement one']);
    expect(types(chosen)).toEqual(['updateAgent', 'runAgent']);
    expect(updated(chosen).update.agentName).toBe('Statement Downloader');
  });

  it('takes the agent the conversation is about', async () => {
    const answer = await say(snapshot, ['that agent misses page 3'], 'Statement Downloader');
    expect(updated(answer).update.agentName).toBe('Statement Downloader');
  });

  it('takes the agent named', async () => {
    const answer = await say(snapshot, ['the invoice collector stops after page 2']);
    expect(updated(answer).update.agentName).toBe('Invoice Collector');
  });

  it('leaves new agents and questions to the other rules', async () => {
    const created = await say(snapshot, [
      'create an agent that logs into https://portal.example.com/login and downloads the invoices on every page of https://portal.example.com/archive',
    ]);
    expect(types(created)).toContain('createAgent');
    const question = await say(snapshot, ['how many pages did the invoice collector read?']);
    expect(types(question) ?? []).not.toContain('updateAgent');
  });
});
