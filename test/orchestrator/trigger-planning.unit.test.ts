// The built-in planner's schedules and chains beyond single requests: the time zone it falls back
// to and says so, "it" for the agent the conversation was about, answers to its questions, inputs
// for scheduled runs, and the times it gives for "when does X run next".
import { describe, expect, it } from 'vitest';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import type { PlannerAnswer, PlannerRequest } from '../../src/orchestrator/planner.ts';
import { resolveCron } from '../../src/triggers/schedule-times.ts';
import { agentId, fixtureSnapshot } from './fixture-workspace.ts';
import { corpusNow } from './planner-corpus.ts';

const planner = new BuiltInPlanner();
const snapshot = fixtureSnapshot();

function ask(text: string, extra: Partial<PlannerRequest> = {}) {
  return planner.plan({ text, snapshot, now: corpusNow, ...extra });
}

/** The next message of the conversation, answering the plan's questions. */
function answer(previous: PlannerAnswer, text: string, extra: Partial<PlannerRequest> = {}) {
  return ask(text, { draft: previous.plan?.draft, ...extra });
}

describe('the built-in planner on schedules and chains', () => {
  it('plans in UTC when the user memory has no time zone, and says so in the summary', async () => {
    const planned = await planner.plan({
      text: 'run the lead scraper every weekday at 9:30',
      snapshot: fixtureSnapshot({ timezone: undefined }),
      now: corpusNow,
    });
    expect(planned.plan?.operations[0]).toMatchObject({ type: 'scheduleAgent', timezone: 'UTC' });
    expect(planned.plan?.summary).toMatch(/in UTC, because your user memory has no time zone/);
    expect(planned.reply).toMatch(/Next: Wednesday 25 November at 09:30; Thursday 26 November at 09:30/);
  });

  it('takes "it" to be the agent the conversation was about', async () => {
    const chained = await ask('when it finishes, send its results to the reporter', {
      lastAgentName: 'Data Collector',
    });
    expect(chained.plan?.operations).toEqual([
      {
        type: 'chainAgents',
        from: { agentId: agentId('Data Collector'), agentName: 'Data Collector' },
        to: { agentId: agentId('Reporter'), agentName: 'Reporter' },
        on: 'success',
      },
    ]);
    const scheduled = await ask('run it every 15 minutes', { lastAgentName: 'Reporter' });
    expect(scheduled.plan?.operations[0]).toMatchObject({ type: 'scheduleAgent', agentName: 'Reporter' });
  });

  it('asks which collector, then chains the one chosen', async () => {
    const question = await ask('when the collector finishes, send its results to the reporter');
    expect(question.plan?.questions[0]?.options).toEqual(['Job Collector', 'Data Collector']);
    const chained = await answer(question, 'the data one');
    expect(chained.plan?.operations).toEqual([
      expect.objectContaining({
        type: 'chainAgents',
        from: expect.objectContaining({ agentName: 'Data Collector' }),
        to: expect.objectContaining({ agentName: 'Reporter' }),
      }),
    ]);
  });

  it('quotes the schedule words it did not understand, then takes the answer as the schedule', async () => {
    const question = await ask('schedule the job collector every blue moon');
    expect(question.plan?.questions[0]?.text).toMatch(
      /When should "Job Collector" run\? Could not understand "blue moon" in "every blue moon"\. Say it like "every weekday at 8am"/,
    );
    const scheduled = await answer(question, 'every weekday at 8am');
    const [operation] = scheduled.plan?.operations ?? [];
    expect(operation?.type === 'scheduleAgent' && resolveCron(operation)).toBe('0 8 * * 1-5');
    // The Job Collector is paused: the plan says it will not run until resumed.
    expect(scheduled.reply).toMatch(/It is paused/);
  });

  it('refuses a time zone it does not know, naming it', async () => {
    const question = await ask('run the reporter every day at 7 in Mars/Olympus');
    expect(question.plan?.questions[0]?.text).toMatch(/"Mars\/Olympus" is not a time zone Orca knows/);
    const scheduled = await answer(question, 'in Europe/Paris');
    expect(scheduled.plan?.operations[0]).toMatchObject({ timezone: 'Europe/Paris', text: 'every day at 7' });
  });

  it('asks for the input a scheduled run needs, and keeps the input given', async () => {
    const needsUrl = fixtureSnapshot();
    const reporter = needsUrl.agents.find((agent) => agent.name === 'Reporter');
    if (!reporter) throw new Error('no Reporter in the fixture');
    reporter.spec = {
      ...reporter.spec,
      input: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
    };
    const missing = await planner.plan({
      text: 'run the reporter hourly',
      snapshot: needsUrl,
      now: corpusNow,
    });
    expect(missing.plan).toBeUndefined();
    expect(missing.reply).toMatch(/needs url as input on each scheduled run/);
    const given = await planner.plan({
      text: 'run the reporter hourly on https://example.com/report and catch up if missed',
      snapshot: needsUrl,
      now: corpusNow,
    });
    expect(given.plan?.operations[0]).toMatchObject({
      type: 'scheduleAgent',
      text: 'hourly',
      input: { url: 'https://example.com/report' },
      missed: 'run_once',
    });
  });

  it('says when an agent runs next in words, and what starts the ones without a schedule', async () => {
    const weekly = await ask('when does the weekly report run next?');
    expect(weekly.plan).toBeUndefined();
    expect(weekly.reply).toBe(
      '"Weekly Report" runs at 08:00 AM, only on Monday (Europe/Berlin). Next: Monday 30 November at 08:00; Monday 7 December at 08:00; Monday 14 December at 08:00.',
    );
    const all = await ask('when do my agents run next?');
    expect(all.reply).toMatch(/^"example\.com Price Monitor" runs .*\n"Weekly Report" runs/s);
  });

  it('schedules a new agent in the same plan, after its test run, by its name', async () => {
    const planned = await ask(
      'create an agent that monitors https://example.com/status every morning at 8am',
    );
    const [create, run, schedule] = planned.plan?.operations ?? [];
    expect([create?.type, run?.type, schedule?.type]).toEqual(['createAgent', 'runAgent', 'scheduleAgent']);
    const name = create?.type === 'createAgent' ? create.spec.name : undefined;
    expect(schedule).toMatchObject({ agentName: name, text: 'every morning at 8am', before: null });
    expect(schedule).not.toHaveProperty('agentId');
    expect(planned.plan?.summary).toMatch(
      /then run it at 08:00 AM \(Europe\/Berlin\), times in Europe\/Berlin/,
    );
  });

  it('unchains either way round, and does not chain an agent to itself', async () => {
    const unchained = await ask('unchain the reporting agent');
    expect(unchained.plan?.operations[0]).toMatchObject({
      type: 'unchainAgents',
      from: { agentName: 'Lead Scraper' },
      to: { agentName: 'Reporting Agent' },
    });
    const itself = await ask('when the data collector finishes, run the data collector');
    expect(itself.plan).toBeUndefined();
    expect(itself.reply).toMatch(/cannot start itself/);
  });
});

describe('the built-in planner on times (issue 13)', () => {
  it('takes the time answered to "At what time tomorrow?" as tomorrow, not every day', async () => {
    const question = await ask('run the lead scraper tomorrow');
    expect(question.plan?.questions[0]?.options).toEqual(['tomorrow at 9:00', 'tomorrow at 14:00']);
    const planned = await answer(question, '3pm');
    expect(planned.plan?.operations[0]).toMatchObject({
      type: 'scheduleAgent',
      agentName: 'Lead Scraper',
      runAt: '2026-11-25T14:00:00.000Z',
    });
    const option = await answer(question, 'tomorrow at 9:00');
    expect(option.plan?.operations[0]).toMatchObject({ runAt: '2026-11-25T08:00:00.000Z' });
  });

  it('plans one of the options it offered for what a schedule cannot say', async () => {
    const question = await ask('run the reporter every other week on friday at 10');
    expect(question.reply).not.toMatch(/already runs/);
    const options = question.plan?.questions[0]?.options ?? [];
    expect(options).toEqual(['every friday at 10:00', 'first friday of the month at 10:00']);
    const planned = await answer(question, options[0] ?? '');
    const operation = planned.plan?.operations[0];
    expect(operation?.type === 'scheduleAgent' && resolveCron(operation)).toBe('0 10 * * 5');
  });

  it('plans the times it proposed for "three times a day"', async () => {
    const question = await ask('run the data collector three times a day');
    const planned = await answer(question, question.plan?.questions[0]?.options?.[0] ?? '');
    const operation = planned.plan?.operations[0];
    expect(operation?.type === 'scheduleAgent' && resolveCron(operation)).toBe('0 8,13,18 * * *');
  });

  it('runs "it" once in two hours, and says nothing of a schedule it does not have', async () => {
    const planned = await ask('run it in two hours', { lastAgentName: 'Data Collector' });
    expect(planned.plan?.operations).toEqual([
      {
        type: 'scheduleAgent',
        agentId: agentId('Data Collector'),
        agentName: 'Data Collector',
        runAt: '2026-11-24T12:00:00.000Z',
        timezone: 'Europe/Berlin',
        description: 'Once, on Tuesday 24 November at 13:00 (Europe/Berlin)',
        nextRuns: ['2026-11-24T12:00:00.000Z'],
      },
    ]);
    expect(planned.reply).not.toMatch(/schedule/);
  });
});

describe('when an agent runs next, with one-off runs ahead', () => {
  it('names the one-off runs beside the schedule, and counts an agent with only one-offs', async () => {
    const base = fixtureSnapshot();
    const withOneOffs = {
      ...base,
      agents: base.agents.map((agent) =>
        agent.name === 'Weekly Report' || agent.name === 'Lead Scraper'
          ? { ...agent, oneOffRuns: [{ runAt: '2026-12-01T14:00:00.000Z', timezone: 'Europe/Berlin' }] }
          : agent,
      ),
    };
    const weekly = await planner.plan({
      text: 'when does the weekly report run next?',
      snapshot: withOneOffs,
      now: corpusNow,
    });
    expect(weekly.reply).toMatch(
      /Next: Monday 30 November at 08:00.* It also runs once on Tuesday 1 December at 15:00 \(Europe\/Berlin\)\./,
    );
    const all = await planner.plan({
      text: 'when do my agents run next?',
      snapshot: withOneOffs,
      now: corpusNow,
    });
    expect(all.reply).toMatch(
      /"Lead Scraper" has no schedule: it runs when started by hand\. It also runs once on Tuesday 1 December/,
    );
  });
});
