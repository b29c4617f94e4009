// The shared plan checks, one by one, and against every plan the built-in planner makes for the
// corpora: a check that refused a sound plan would turn good answers into questions.
import { describe, expect, it } from 'vitest';
import type { PlanOperation } from '../../src/domain/plan.ts';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import {
  checkAccountsExist,
  checkAgentsExist,
  checkedAnswer,
  checkNewNamesUnique,
  checkPlan,
  checkSchedules,
  checkSpecsValid,
} from '../../src/orchestrator/plan-checks.ts';
import { agentId, fixtureSnapshot } from './fixture-workspace.ts';
import { multiIntentCorpus } from './multi-intent-corpus.ts';
import { corpus, corpusNow } from './planner-corpus.ts';
import { questionCorpus } from './question-corpus.ts';

const snapshot = fixtureSnapshot();
const scraper = { agentId: agentId('Lead Scraper'), agentName: 'Lead Scraper' };
const spec = (
  name: string,
  steps: unknown[] = [{ id: 'get', tool: 'http.request', with: { url: 'https://example.com/' } }],
) => ({
  name,
  steps,
});
const create = (name: string, steps?: unknown[]): PlanOperation => ({
  type: 'createAgent',
  spec: spec(name, steps),
});

describe('agents referenced exist', () => {
  it('passes agents of the workspace and agents the plan creates first', () => {
    expect(
      checkAgentsExist(
        [
          { type: 'pauseAgent', ...scraper },
          create('Price Watcher'),
          { type: 'runAgent', agentName: 'Price Watcher', input: {}, test: true },
        ],
        snapshot,
      ),
    ).toEqual([]);
  });

  it('refuses an unknown id, a name created only later, and a chain to nobody', () => {
    const problems = checkAgentsExist(
      [
        { type: 'pauseAgent', agentId: '00000000-0000-4000-8000-000000000999', agentName: 'Ghost' },
        { type: 'runAgent', agentName: 'Later', input: {}, test: true },
        create('Later'),
        { type: 'chainAgents', from: scraper, to: { agentName: 'Nobody' }, on: 'success' },
      ],
      snapshot,
    );
    expect(problems.map((problem) => problem.operation)).toEqual([0, 1, 3]);
    expect(problems[0]?.message).toMatch(/no agent "Ghost"/);
    expect(problems[2]?.message).toMatch(/no agent "Nobody"/);
  });
});

describe('new names are unique', () => {
  it('refuses a name the workspace has, in any case, and one the plan gives twice', () => {
    const problems = checkNewNamesUnique([create('lead scraper'), create('Twin'), create('twin')], snapshot);
    expect(problems).toEqual([
      { operation: 0, message: 'an agent named "lead scraper" already exists' },
      { operation: 2, message: 'the plan creates two agents named "twin"' },
    ]);
  });

  it('refuses renaming an agent to another agent’s name, and allows keeping its own', () => {
    const update = (name: string): PlanOperation => ({
      type: 'updateAgent',
      ...scraper,
      expectedVersion: 1,
      spec: spec(name),
    });
    expect(checkNewNamesUnique([update('Lead Scraper')], snapshot)).toEqual([]);
    expect(checkNewNamesUnique([update('Reporting Agent')], snapshot)[0]?.message).toMatch(
      /cannot be renamed "Reporting Agent"/,
    );
  });
});

describe('specs are valid', () => {
  it('refuses a spec with an unknown tool and one without steps', () => {
    const problems = checkSpecsValid(
      [create('Fine'), create('Odd', [{ id: 'x', tool: 'no.such.tool', with: {} }]), create('Empty', [])],
      snapshot,
    );
    expect(problems.map((problem) => problem.operation)).toEqual([1, 2]);
    expect(problems[0]?.message).toMatch(/^the spec does not validate: /);
  });
});

describe('accounts referenced exist', () => {
  const login = (connection: string) => [{ id: 'login', tool: 'browser.login', with: { connection } }];

  it('passes an account of the workspace and one the plan connects first', () => {
    const connect: PlanOperation = {
      type: 'connectAccount',
      service: 'acme',
      kind: 'login',
      label: '',
      settings: { allowedHosts: ['acme.example.com'], username: 'ada' },
    };
    expect(
      checkAccountsExist([create('A', login('crm')), connect, create('B', login('acme'))], snapshot),
    ).toEqual([]);
  });

  it('refuses an account nobody connects', () => {
    const problems = checkAccountsExist([create('A', login('acme'))], snapshot);
    expect(problems[0]?.message).toMatch(/uses the account "acme", which the workspace does not have/);
  });

  it('holds an update only to the accounts it adds', () => {
    const update = (connection: string, before: string): PlanOperation => ({
      type: 'updateAgent',
      ...scraper,
      expectedVersion: 1,
      spec: spec('Lead Scraper', login(connection)),
      before: spec('Lead Scraper', login(before)),
    });
    expect(checkAccountsExist([update('gone', 'gone')], snapshot)).toEqual([]);
    expect(checkAccountsExist([update('gone', 'crm')], snapshot)).toHaveLength(1);
  });
});

describe('schedules are valid', () => {
  const schedule = (fields: Partial<Extract<PlanOperation, { type: 'scheduleAgent' }>>): PlanOperation => ({
    type: 'scheduleAgent',
    ...scraper,
    ...fields,
  });

  it('passes a cron, words, and a one-off time', () => {
    expect(
      checkSchedules(
        [
          schedule({ cron: '0 8 * * 1-5', timezone: 'Europe/Berlin' }),
          schedule({ text: 'every weekday at 8am' }),
          schedule({ runAt: '2026-12-08T15:00:00+01:00' }),
        ],
        snapshot,
      ),
    ).toEqual([]);
  });

  it('refuses a bad cron, unreadable words, an unknown time zone, a bad time, and none at all', () => {
    const problems = checkSchedules(
      [
        schedule({ cron: '61 * * * *' }),
        schedule({ text: 'every blue moon' }),
        schedule({ cron: '0 8 * * *', timezone: 'Mars/Olympus' }),
        schedule({ runAt: 'next tuesday' }),
        schedule({ runAt: '2026-12-08T15:00:00Z', cron: '0 8 * * *' }),
        schedule({}),
      ],
      snapshot,
    );
    expect(problems.map((problem) => problem.operation)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(problems[2]?.message).toMatch(/not a time zone Orca knows/);
  });
});

describe('a plan that fails a check', () => {
  it('becomes a question with no operations, naming the operation and the problem', () => {
    const answer = checkedAnswer(
      {
        reply: 'Creating it.',
        plan: { summary: 'Create Lead Scraper', questions: [], operations: [create('Lead Scraper')] },
      },
      snapshot,
    );
    expect(answer.plan?.operations).toEqual([]);
    expect(answer.plan?.questions[0]?.text).toMatch(
      /operation 1 \(createAgent\): an agent named "Lead Scraper" already exists/,
    );
    expect(answer.reply).toBe(answer.plan?.questions[0]?.text);
  });

  it('leaves a sound plan and a plain answer as they are', () => {
    const sound = {
      reply: 'Pausing.',
      plan: { summary: 'Pause', questions: [], operations: [{ type: 'pauseAgent' as const, ...scraper }] },
    };
    expect(checkedAnswer(sound, snapshot)).toBe(sound);
    const words = { reply: 'You have 9 agents.' };
    expect(checkedAnswer(words, snapshot)).toBe(words);
  });
});

describe('the built-in planner’s plans', () => {
  const planner = new BuiltInPlanner();
  const cases = [...corpus, ...multiIntentCorpus, ...questionCorpus];
  it.each(cases.map((entry) => [entry.text] as const))('pass every check: %s', async (text) => {
    const answer = await planner.plan({ text, snapshot, userEmail: 'ada@example.com', now: corpusNow });
    expect(checkPlan(answer.plan?.operations ?? [], snapshot)).toEqual([]);
  });
});
