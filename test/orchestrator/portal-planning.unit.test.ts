// Portal agents over a conversation with the built-in planner: each answer fills what the
// questions asked (the listing page, who signs in, which links are files) until the plan is whole.
import { describe, expect, it } from 'vitest';
import { validateAgentSpec } from '../../src/domain/agent-spec.ts';
import type { PlanOperation } from '../../src/domain/plan.ts';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import type { PlannerAnswer } from '../../src/orchestrator/planner.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const planner = new BuiltInPlanner();
const snapshot = fixtureSnapshot();

async function conversation(...messages: string[]) {
  let answer: PlannerAnswer | undefined;
  for (const text of messages) {
    answer = await planner.plan({ text, snapshot, draft: answer?.plan?.draft, now: corpusNow });
  }
  return answer as PlannerAnswer;
}

const questionIds = (answer: PlannerAnswer) => answer.plan?.questions.map((question) => question.id);
const created = (answer: PlannerAnswer) =>
  answer.plan?.operations.find((operation) => operation.type === 'createAgent') as Extract<
    PlanOperation,
    { type: 'createAgent' }
  >;

describe('portal agents over a conversation', () => {
  it('asks for the listing page and the user name, and takes each from its answer', async () => {
    const request = 'create an agent that logs into our bank portal and downloads the statements';
    expect(questionIds(await conversation(request))).toEqual(['url', 'username']);
    const halfway = await conversation(request, 'https://bank.example.com/statements');
    expect(questionIds(halfway)).toEqual(['username']);
    const whole = await conversation(request, 'https://bank.example.com/statements', 'ada.lovelace');
    expect(whole.plan?.operations.map((operation) => operation.type)).toEqual([
      'connectAccount',
      'createAgent',
    ]);
    expect(whole.plan?.operations[0]).toMatchObject({
      service: 'bank-portal',
      settings: { username: 'ada.lovelace', allowedHosts: ['bank.example.com'] },
    });
    expect(created(whole).spec.name).toBe('Statement Downloader');
  });

  it('reads links within the rows a selector or layout names, and the links themselves otherwise', async () => {
    const request = 'log into https://portal.example.com/archive and download what is there';
    expect(questionIds(await conversation(request))).toEqual(['records']);
    const rows = created(await conversation(request, 'links in a table'));
    const listing = (rows.spec.steps as { id: string; with: Record<string, unknown> }[]).find(
      (step) => step.id === 'listing',
    );
    // One step reads every page of the listing, however it pages.
    expect(listing).toMatchObject({
      tool: 'browser.paginate',
      with: { url: 'https://portal.example.com/archive' },
    });
    expect((rows.spec.steps as { id: string }[]).map((step) => step.id)).not.toContain('pages');
    expect(listing?.with.records).toEqual({
      selector: 'table a[href]',
      fields: { href: { attribute: 'href' } },
    });
    const marked = created(await conversation(request, 'each file is a `tr.document`'));
    const markedListing = (marked.spec.steps as { id: string; with: Record<string, unknown> }[]).find(
      (step) => step.id === 'listing',
    );
    expect(markedListing?.with.records).toEqual({
      selector: 'tr.document',
      fields: { href: { selector: 'a[href]', attribute: 'href' } },
    });
  });

  it('leaves accounts alone when the request connects one without asking for files', async () => {
    const answer = await conversation(
      'connect the acme portal login buyer@example.com at https://portal.acme.test/login',
    );
    expect(answer.plan?.operations.map((operation) => operation.type)).toEqual(['connectAccount']);
  });
});

describe('screenshot agents', () => {
  const steps = (answer: PlannerAnswer) =>
    (created(answer).spec as { steps: { tool: string; with: Record<string, unknown> }[] }).steps;
  const tools = (answer: PlannerAnswer) => steps(answer).map((step) => step.tool);

  it('signs in with the account the portal has, opens the page and saves a screenshot', async () => {
    const answer = await conversation(
      'build an agent to log in to https://portal.example.com and screenshot the dashboard every evening',
    );
    expect(tools(answer)).toEqual(['browser.login', 'browser.goto', 'browser.screenshot']);
    expect(steps(answer)[0]?.with).toMatchObject({ connection: 'supplier-portal' });
    expect(steps(answer)[2]?.with).toMatchObject({ name: 'dashboard.png', fullPage: false });
    expect(validateAgentSpec(created(answer).spec).success).toBe(true);
  });

  it('signs in nowhere when not asked to, and saves the whole page when a PDF is asked for', async () => {
    const answer = await conversation('save a pdf of https://status.example.org/report every monday at 9');
    expect(tools(answer)).toEqual(['browser.goto', 'browser.screenshot']);
    expect(steps(answer)[1]?.with).toMatchObject({ fullPage: true });
    expect(answer.reply).toMatch(/PNG/);
  });

  it('is no agent when a screenshot is only asked about', async () => {
    const answer = await conversation('where is the screenshot of the reporter failing?');
    expect(answer.plan?.operations.some((operation) => operation.type === 'createAgent') ?? false).toBe(
      false,
    );
  });
});
