// The run history of the fixture workspace, as the snapshot gives it to planners: runs that
// succeeded and failed (with their errors), started by hand, from chat, by a schedule, a chain
// and a webhook, with tokens and run times, today (Tuesday 24 November 2026) and before.
import type { RecentRunSnapshot, RunHistorySnapshot } from '../../src/orchestrator/planner.ts';
import { localDay } from '../../src/orchestrator/run-figures.ts';

interface FixtureRun {
  /** When it started, UTC (Berlin is an hour ahead in November). */
  at: string;
  status: 'succeeded' | 'failed';
  trigger: string;
  seconds: number;
  tokens: number;
  error?: RecentRunSnapshot['error'];
}

const run = (
  at: string,
  status: FixtureRun['status'],
  trigger: string,
  seconds: number,
  tokens: number,
  error?: RecentRunSnapshot['error'],
): FixtureRun => ({ at: `2026-${at}:00Z`, status, trigger, seconds, tokens, error });

const timeout = {
  code: 'timeout',
  message: 'The request to https://example.com/team took longer than 30 s.',
  stepId: 'fetch',
};
const unavailable = {
  code: 'http_status',
  message: 'GET https://example.com/pricing answered 503 Service Unavailable.',
  stepId: 'fetch',
};

/**
 * Each agent's runs, newest first. The newest agrees with the agent's last run in the fixture
 * workspace (its error is given there and put in by fixtureHistory).
 */
export const fixtureRuns: Record<string, FixtureRun[]> = {
  'Lead Scraper': [
    run('11-24T08:00', 'succeeded', 'manual', 12, 1500),
    run('11-23T08:00', 'succeeded', 'manual', 10, 1400),
    run('11-20T08:00', 'failed', 'orchestrator', 3, 200, timeout),
    run('11-19T08:00', 'succeeded', 'manual', 11, 1300),
    run('11-12T08:00', 'succeeded', 'manual', 9, 1200),
    run('11-05T09:00', 'succeeded', 'manual', 10, 1200),
    run('11-05T08:00', 'succeeded', 'manual', 10, 1200),
  ],
  'example.com Price Monitor': [
    run('11-24T09:00', 'succeeded', 'schedule', 4, 0),
    run('11-24T05:00', 'succeeded', 'schedule', 4, 0),
    run('11-23T09:00', 'succeeded', 'schedule', 5, 0),
    run('11-23T05:00', 'succeeded', 'schedule', 4, 0),
    run('11-22T09:00', 'failed', 'schedule', 2, 0, unavailable),
    run('11-22T05:00', 'succeeded', 'schedule', 4, 0),
  ],
  'Weekly Report': [
    run('11-23T07:00', 'failed', 'schedule', 6, 800),
    run('11-16T07:00', 'succeeded', 'schedule', 95, 12000),
    run('11-09T07:00', 'succeeded', 'schedule', 88, 11500),
    run('11-02T07:00', 'succeeded', 'schedule', 90, 11800),
    run('10-26T07:00', 'succeeded', 'schedule', 91, 11000),
  ],
  'Monthly Report': [
    run('11-24T06:30', 'failed', 'manual', 1, 0),
    run('11-01T06:00', 'succeeded', 'manual', 120, 25000),
  ],
  'Job Collector': [
    run('11-10T09:00', 'failed', 'manual', 5, 300),
    run('11-09T09:00', 'succeeded', 'manual', 7, 300),
    run('11-08T09:00', 'succeeded', 'manual', 7, 300),
    run('11-07T09:00', 'failed', 'manual', 5, 300, {
      code: 'invalid_input',
      message: 'The selector ".lead" matches nothing on this page. Check the selector.',
      stepId: 'extract',
    }),
    run('11-06T09:00', 'succeeded', 'manual', 6, 300),
  ],
  'Reporting Agent (old)': [run('11-21T12:00', 'failed', 'webhook', 2, 0)],
  'Reporting Agent': [
    run('11-24T08:01', 'succeeded', 'chain', 20, 3000),
    run('11-23T08:01', 'succeeded', 'chain', 18, 2800),
  ],
  'Data Collector': [run('11-24T07:15', 'failed', 'manual', 1, 0)],
  Reporter: [run('11-22T18:00', 'failed', 'manual', 9, 0), run('11-15T18:00', 'succeeded', 'manual', 30, 0)],
};

/** An agent's history as the snapshot has it: its five newest runs and its runs per Berlin day. */
export function fixtureHistory(
  name: string,
  lastError: RecentRunSnapshot['error'] | undefined,
): RunHistorySnapshot {
  const runs = fixtureRuns[name] ?? [];
  const recent = runs.slice(0, 5).map((entry, index) => {
    const finished = new Date(new Date(entry.at).getTime() + entry.seconds * 1000).toISOString();
    return {
      id: `${name}-${entry.at}`,
      status: entry.status,
      trigger: entry.trigger,
      createdAt: entry.at,
      startedAt: entry.at,
      finishedAt: finished,
      seconds: entry.seconds,
      tokens: entry.tokens,
      error: index === 0 && entry.status === 'failed' ? (lastError ?? null) : (entry.error ?? null),
    };
  });
  const days = new Map<string, RunHistorySnapshot['days'][number]>();
  for (const entry of runs) {
    const day = localDay(new Date(entry.at), 'Europe/Berlin');
    const total = days.get(day) ?? { day, runs: 0, succeeded: 0, failed: 0, tokens: 0, seconds: 0 };
    total.runs += 1;
    total[entry.status] += 1;
    total.tokens += entry.tokens;
    total.seconds += entry.seconds;
    days.set(day, total);
  }
  return {
    recent,
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    since: '2026-09-23T10:00:00.000Z',
  };
}
