// Answers about runs, from the snapshot's run history: an agent's last runs, whether it ran in a
// period, what it cost (tokens, runs, run time) and how often it succeeded, and what failed.
import { nextOccurrence } from '../../../triggers/schedule-times.ts';
import { quotedRunData } from '../../output-words.ts';
import type { PlannerAnswer, RecentRunSnapshot, WorkspaceSnapshot } from '../../planner.ts';
import {
  count,
  durationInWords,
  type Period,
  percent,
  type RunTotals,
  totalsOver,
  whenInWords,
  within,
} from '../../run-figures.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

/** What the answers need besides the agent: when "now" is and the user's time zone. */
export interface AnswerContext {
  snapshot: WorkspaceSnapshot;
  now: Date;
  timezone: string;
}

const triggerWords: Record<string, string> = {
  manual: 'started by hand',
  orchestrator: 'started from the chat',
  schedule: 'by its schedule',
  webhook: 'by a webhook',
  chain: 'by a chain',
  agent: 'by another agent',
};

/** One run in a line: when, what started it, how it ended, how long it took and its tokens. */
export function runInWords(run: RecentRunSnapshot, context: AnswerContext): string {
  const when = whenInWords(run.startedAt ?? run.createdAt, context.now, context.timezone);
  const how = triggerWords[run.trigger] ?? `by ${run.trigger}`;
  const took =
    run.seconds !== null
      ? ` ${run.status === 'failed' ? 'after' : 'in'} ${durationInWords(run.seconds)}`
      : '';
  const tokens = run.tokens > 0 ? `, ${count(run.tokens, 'token')}` : '';
  const error = run.error
    ? `${run.error.stepId ? ` at step "${run.error.stepId}"` : ''}: ${quotedRunData(run.error.message.replace(/[.\s]+$/, ''))}`
    : '';
  return `${when}, ${how}: ${run.status}${took}${tokens}${error}`;
}

/** "3 runs, 2 succeeded (67%), 3,100 tokens, 25 s of run time". */
export function totalsInWords(totals: RunTotals): string {
  if (totals.runs === 0) return 'no runs';
  const rate = `${totals.succeeded} succeeded (${percent(totals.succeeded, totals.runs)})`;
  const failed = totals.failed > 0 ? `, ${totals.failed} failed` : '';
  return `${count(totals.runs, 'run')}, ${rate}${failed}, ${count(totals.tokens, 'token')}, ${durationInWords(totals.seconds)} of run time`;
}

function nextRunWords(agent: SnapshotAgent, context: AnswerContext): string {
  if (agent.status === 'paused') return ' It is paused, so it will not run until you resume it.';
  const schedule = agent.schedule;
  if (!schedule?.enabled) return '';
  const next = nextOccurrence(schedule.cron, schedule.timezone, context.now);
  return next ? ` It runs next ${whenInWords(next.toISOString(), context.now, context.timezone)}.` : '';
}

export function recentRuns(agent: SnapshotAgent, context: AnswerContext, lately: Period): PlannerAnswer {
  const recent = agent.history?.recent ?? [];
  if (recent.length === 0)
    return { reply: `"${agent.name}" has not run yet.${nextRunWords(agent, context)}` };
  const lines = recent.map((run) => `- ${runInWords(run, context)}`);
  const totals = totalsOver(agent.history, lately);
  return {
    reply: `The last ${recent.length === 1 ? 'run' : `${recent.length} runs`} of "${agent.name}", newest first:\n${lines.join('\n')}\n${capitalised(lately.words)}: ${totalsInWords(totals)}.${nextRunWords(agent, context)}`,
  };
}

/** The newest runs of the whole workspace, for "show me the last runs" with no agent named. */
export function workspaceRecentRuns(context: AnswerContext, shown = 10): PlannerAnswer {
  const runs = context.snapshot.agents
    .flatMap((agent) => (agent.history?.recent ?? []).map((run) => ({ agent, run })))
    .sort((a, b) => (a.run.createdAt < b.run.createdAt ? 1 : a.run.createdAt > b.run.createdAt ? -1 : 0))
    .slice(0, shown);
  if (runs.length === 0) return { reply: 'No agent has run yet.' };
  return {
    reply: `The last ${runs.length} runs in this workspace, newest first:\n${runs.map(({ agent, run }) => `- "${agent.name}" ${runInWords(run, context)}`).join('\n')}`,
  };
}

/** Lists of agents show this many; the rest are counted. */
const listed = 10;

/** The first items as lines, and how many more there are: only the lines shown are written. */
function capped<T>(items: T[], line: (item: T) => string): string {
  const lines = items.slice(0, listed).map(line);
  if (items.length > listed) lines.push(`… and ${count(items.length - listed, 'more agent')}`);
  return lines.join('\n');
}

function times(value: number) {
  return value === 1 ? 'once' : `${value} times`;
}

/** "it succeeded", "all failed", "2 succeeded, 1 failed, 1 running or cancelled". */
function outcomeInWords(totals: RunTotals): string {
  const other = totals.runs - totals.succeeded - totals.failed;
  if (other === 0 && totals.failed === 0) return totals.runs === 1 ? 'it succeeded' : 'all succeeded';
  if (other === 0 && totals.succeeded === 0) return totals.runs === 1 ? 'it failed' : 'all failed';
  if (totals.runs === 1) return 'it has not finished, or was cancelled';
  const parts = [`${totals.succeeded} succeeded`, `${totals.failed} failed`];
  if (other > 0) parts.push(`${other} running or cancelled`);
  return parts.join(', ');
}

export function ranIn(agent: SnapshotAgent, context: AnswerContext, period: Period): PlannerAnswer {
  const totals = totalsOver(agent.history, period);
  const last = agent.history?.recent[0];
  if (totals.runs === 0 || !last) {
    const before = last ? ` Its last run was ${runInWords(last, context)}.` : ' It has never run.';
    // "Has not run today", but "did not run yesterday": a period that is over.
    const over = ['yesterday', 'lastWeek', 'lastMonth'].includes(period.name);
    return {
      reply: `No, "${agent.name}" ${over ? 'did not run' : 'has not run'} ${period.words}.${before}${nextRunWords(agent, context)}`,
    };
  }
  const outcome = outcomeInWords(totals);
  const lastOne = within(last.createdAt, period) ? ` The last: ${runInWords(last, context)}.` : '';
  return {
    reply: `Yes, "${agent.name}" ran ${times(totals.runs)} ${period.words} (${outcome}).${lastOne}`,
  };
}

/** "Did anything run today": the agents that ran, with how often. */
export function workspaceRanIn(context: AnswerContext, period: Period): PlannerAnswer {
  const ran = context.snapshot.agents
    .map((agent) => ({ agent, totals: totalsOver(agent.history, period) }))
    .filter(({ totals }) => totals.runs > 0);
  if (ran.length === 0) return { reply: `No agent ran ${period.words}.` };
  const lines = capped(ran, ({ agent, totals }) => `- "${agent.name}": ${totalsInWords(totals)}`);
  return { reply: `${count(ran.length, 'agent')} ran ${period.words}:\n${lines}` };
}

export function costOf(agent: SnapshotAgent, period: Period): PlannerAnswer {
  const totals = totalsOver(agent.history, period);
  if (totals.runs === 0) {
    return { reply: `"${agent.name}" did not run ${period.words}: it used no tokens and no run time.` };
  }
  const average =
    totals.runs > 1
      ? ` On average a run took ${durationInWords(totals.seconds / totals.runs)} and ${count(totals.tokens / totals.runs, 'token')}.`
      : '';
  return {
    reply: `"${agent.name}" ${period.words}: ${count(totals.runs, 'run')}, ${count(totals.tokens, 'token')} and ${durationInWords(totals.seconds)} of run time; ${totals.succeeded} of ${totals.runs} succeeded (${percent(totals.succeeded, totals.runs)}).${average}`,
  };
}

/** What the whole workspace used, with the agents that used the most tokens. */
export function workspaceCost(context: AnswerContext, period: Period): PlannerAnswer {
  const per = context.snapshot.agents
    .map((agent) => ({ agent, totals: totalsOver(agent.history, period) }))
    .filter(({ totals }) => totals.runs > 0)
    .sort((a, b) => b.totals.tokens - a.totals.tokens || b.totals.seconds - a.totals.seconds);
  if (per.length === 0) return { reply: `No agent ran ${period.words}: nothing was used.` };
  const sum = per.reduce(
    (total, { totals }) => ({
      runs: total.runs + totals.runs,
      succeeded: total.succeeded + totals.succeeded,
      failed: total.failed + totals.failed,
      tokens: total.tokens + totals.tokens,
      seconds: total.seconds + totals.seconds,
    }),
    { runs: 0, succeeded: 0, failed: 0, tokens: 0, seconds: 0 },
  );
  const lines = per.slice(0, 5).map(({ agent, totals }) => `- "${agent.name}": ${totalsInWords(totals)}`);
  return {
    reply: `All agents ${period.words}: ${totalsInWords(sum)}. By tokens used:\n${lines.join('\n')}`,
  };
}

export function successRate(agent: SnapshotAgent, context: AnswerContext, period: Period): PlannerAnswer {
  const totals = totalsOver(agent.history, period);
  if (totals.runs === 0)
    return { reply: `"${agent.name}" did not run ${period.words}, so it has no success rate yet.` };
  const failures = totals.failed > 0 ? ` and failed ${totals.failed}` : '';
  const lastFailure = agent.history?.recent.find((run) => run.status === 'failed');
  const why =
    totals.failed > 0 && lastFailure ? ` The last failure: ${runInWords(lastFailure, context)}.` : '';
  return {
    reply: `"${agent.name}" succeeded ${totals.succeeded} of ${count(totals.runs, 'run')} ${period.words}: a success rate of ${percent(totals.succeeded, totals.runs)}${failures}.${why}`,
  };
}

/** The success rates of all agents that ran, lowest first. */
export function workspaceSuccessRates(context: AnswerContext, period: Period): PlannerAnswer {
  const rated = context.snapshot.agents
    .map((agent) => ({ agent, totals: totalsOver(agent.history, period) }))
    .filter(({ totals }) => totals.runs > 0)
    .sort(
      (a, b) =>
        a.totals.succeeded / a.totals.runs - b.totals.succeeded / b.totals.runs ||
        b.totals.failed - a.totals.failed,
    );
  if (rated.length === 0) return { reply: `No agent ran ${period.words}.` };
  const lines = capped(
    rated,
    ({ agent, totals }) =>
      `- "${agent.name}": ${percent(totals.succeeded, totals.runs)} (${totals.succeeded} of ${count(totals.runs, 'run')})`,
  );
  // "Across all agents": the whole workspace's rate first, then each agent's.
  const runs = rated.reduce((sum, { totals }) => sum + totals.runs, 0);
  const succeeded = rated.reduce((sum, { totals }) => sum + totals.succeeded, 0);
  return {
    reply: `Success rates ${period.words}, lowest first:\n${lines}\nAll agents together: ${percent(succeeded, runs)} (${succeeded} of ${count(runs, 'run')} succeeded).`,
  };
}

/** One agent's failures over a period, each with its error in words. */
function failuresOf(agent: SnapshotAgent, period: Period) {
  const totals = totalsOver(agent.history, period);
  const last = agent.history?.recent[0];
  const failedNow = last?.status === 'failed';
  const failures = (agent.history?.recent ?? []).filter(
    (run) => run.status === 'failed' && within(run.createdAt, period),
  );
  return { totals, failures, failedNow, last };
}

export function agentFailures(agent: SnapshotAgent, context: AnswerContext, period: Period): PlannerAnswer {
  const { totals, failures, failedNow, last } = failuresOf(agent, period);
  if (totals.failed === 0) {
    const still = failedNow && last ? ` But its last run failed: ${runInWords(last, context)}.` : '';
    return {
      reply: `"${agent.name}" had no failures ${period.words} (${totalsInWords(totals)}).${still}`,
    };
  }
  const lines = failures.map((run) => `- ${runInWords(run, context)}`);
  const now = failedNow
    ? ' Its last run failed: ask "why did it fail" for a fix.'
    : ' Its last run succeeded.';
  return {
    reply: `"${agent.name}" failed ${totals.failed} of ${count(totals.runs, 'run')} ${period.words}:\n${lines.join('\n')}\n${now.trim()}`,
  };
}

/**
 * "What failed this week": the agents that failed in the period. "Is anything broken", naming
 * no period, also counts the agents whose last run failed, however long ago.
 */
export function workspaceFailures(
  context: AnswerContext,
  period: Period,
  stillFailing: boolean,
): PlannerAnswer {
  const failing = context.snapshot.agents
    .map((agent) => ({ agent, ...failuresOf(agent, period) }))
    .filter(({ totals, failedNow }) => totals.failed > 0 || (stillFailing && failedNow));
  if (failing.length === 0) {
    const runs = context.snapshot.agents.reduce(
      (sum, agent) => sum + totalsOver(agent.history, period).runs,
      0,
    );
    return {
      reply: `Nothing failed ${period.words}: ${runs === 0 ? 'no agent ran' : `all ${count(runs, 'run')} succeeded`}.`,
    };
  }
  const lines = capped(failing, ({ agent, totals, failures, failedNow, last }) => {
    const shown = failures[0] ?? (failedNow ? last : undefined);
    const tally =
      totals.failed > 0 ? `${totals.failed} of ${count(totals.runs, 'run')} failed` : 'its last run failed';
    const state = failedNow ? '' : ' (its last run succeeded)';
    return `- "${agent.name}": ${tally}${state}; the last failure ${shown ? runInWords(shown, context) : 'is older than its newest runs'}`;
  });
  // "Pause them" next means the agents still failing: those whose last run succeeded work again.
  const broken = failing.filter(({ failedNow }) => failedNow);
  return {
    reply: `${count(failing.length, 'agent')} failed ${period.words}${stillFailing ? ' or on their last run' : ''}:\n${lines}\nAsk "why did <agent> fail" for a fix.`,
    referents: (broken.length > 0 ? broken : failing).map(({ agent }) => agent.name),
  };
}

function capitalised(text: string) {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
