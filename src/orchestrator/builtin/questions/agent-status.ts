// "What's the status of the reporter", "is the lead scraper working", "when did it last
// succeed", "what runs next": an agent's state at a glance (active or paused, its last run, how
// its week went, when it runs next), its last good run, and the workspace's next firings.
import { nextOccurrence, nextOccurrences } from '../../../triggers/schedule-times.ts';
import type { PlannerAnswer, WorkspaceSnapshot } from '../../planner.ts';
import { count, dayInWords, periodOf, totalsOver, whenInWords } from '../../run-figures.ts';
import { inSentence } from '../schedule-planning.ts';
import { type AnswerContext, runInWords, totalsInWords } from './run-answers.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

function scheduleWords(agent: SnapshotAgent, context: AnswerContext): string {
  const schedule = agent.schedule;
  if (!schedule) return 'It has no schedule: it runs when started (or by a chain or webhook).';
  if (!schedule.enabled) return `Its schedule (${schedule.description}) is turned off.`;
  if (agent.status === 'paused') return `Its schedule (${schedule.description}) waits until it is resumed.`;
  const next = nextOccurrence(schedule.cron, schedule.timezone, context.now);
  const when = next ? `; next ${whenInWords(next.toISOString(), context.now, context.timezone)}` : '';
  return `It runs ${inSentence(schedule.description)}${when}.`;
}

/** "Is the monthly report scheduled?": yes with when, or no with how it runs instead. */
export function scheduleOf(agent: SnapshotAgent, context: AnswerContext): PlannerAnswer {
  const on = agent.schedule?.enabled && agent.status === 'active';
  return {
    reply: `${on ? 'Yes' : 'No'}: ${scheduleWords(agent, context).replace(/^It\b|^Its\b/, (word) => (word === 'It' ? `"${agent.name}"` : `"${agent.name}"'s`))}`,
    referents: [agent.name],
  };
}

/** One agent at a glance. */
export function agentStatus(agent: SnapshotAgent, context: AnswerContext): PlannerAnswer {
  const state = agent.status === 'paused' ? 'paused' : 'active';
  const [last] = agent.history?.recent ?? [];
  const lastWords = last
    ? `Its last run: ${runInWords(last, context)}.`
    : agent.lastRun
      ? `Its last run ${agent.lastRun.status}.`
      : 'It has never run.';
  const week = periodOf('pastWeek', context.now, context.timezone);
  const totals = totalsOver(agent.history, week);
  const weekWords = totals.runs > 0 ? ` ${capitalised(week.words)}: ${totalsInWords(totals)}.` : '';
  const health =
    agent.lastRun?.status === 'failed'
      ? ` It is not working right now: ask "why did ${agent.name} fail" for the cause and a fix.`
      : '';
  return {
    reply: `"${agent.name}" is ${state} (version ${agent.version}). ${lastWords}${weekWords} ${scheduleWords(agent, context)}${health}`,
    referents: [agent.name],
  };
}

/** The workspace at a glance, for "what's the status" with no agent named. */
export function workspaceStatus(context: AnswerContext): PlannerAnswer {
  const { agents } = context.snapshot;
  if (agents.length === 0) return { reply: 'This workspace has no agents yet.' };
  const paused = agents.filter((agent) => agent.status === 'paused');
  const failing = agents.filter((agent) => agent.status === 'active' && agent.lastRun?.status === 'failed');
  const quoted = (list: SnapshotAgent[]) => list.map((agent) => `"${agent.name}"`).join(', ');
  const lines = [
    `${count(agents.length, 'agent')}: ${agents.length - paused.length} active, ${paused.length} paused.`,
  ];
  if (failing.length > 0)
    lines.push(`Last run failed: ${quoted(failing)}. Ask "why did <agent> fail" for a fix.`);
  else lines.push('Every active agent that ran succeeded on its last run.');
  if (paused.length > 0) lines.push(`Paused: ${quoted(paused)}.`);
  const [next] = nextFirings(context, 1);
  if (next)
    lines.push(
      `Next to run: "${next.agent.name}" ${whenInWords(next.at.toISOString(), context.now, context.timezone)}.`,
    );
  return { reply: lines.join('\n'), referents: failing.map((agent) => agent.name) };
}

/** When an agent last succeeded: from its newest runs, else from its runs counted per day. */
export function lastSuccess(agent: SnapshotAgent, context: AnswerContext): PlannerAnswer {
  const recent = agent.history?.recent ?? [];
  const good = recent.find((run) => run.status === 'succeeded');
  const since = recent[0] && recent[0].status !== 'succeeded' ? ` Since then: ${recent[0].status}.` : '';
  if (good)
    return {
      reply: `"${agent.name}" last succeeded ${runInWords(good, context).replace(/: succeeded/, ',')}.${good === recent[0] ? ' That is its latest run.' : since}`,
      referents: [agent.name],
    };
  const day = [...(agent.history?.days ?? [])].reverse().find((entry) => entry.succeeded > 0);
  if (day)
    return {
      reply: `"${agent.name}" last succeeded on ${dayInWords(day.day)}; its ${count(recent.length, 'newest run')} all failed.`,
      referents: [agent.name],
    };
  const counted = agent.history?.since ? ` since ${dayInWords(agent.history.since.slice(0, 10))}` : '';
  return {
    reply:
      recent.length > 0 || agent.lastRun
        ? `"${agent.name}" has not succeeded${counted}: every run of it failed. Ask "why did it fail" for a fix.`
        : `"${agent.name}" has never run.`,
    referents: [agent.name],
  };
}

interface Firing {
  agent: SnapshotAgent;
  at: Date;
}

/** The workspace's next firings by schedule or one-off run, soonest first. */
function nextFirings(context: AnswerContext, wanted: number): Firing[] {
  const firings: Firing[] = [];
  for (const agent of context.snapshot.agents) {
    if (agent.status === 'paused') continue;
    const schedule = agent.schedule;
    if (schedule?.enabled)
      for (const at of nextOccurrences(schedule.cron, schedule.timezone, context.now, wanted))
        firings.push({ agent, at });
    for (const oneOff of agent.oneOffRuns ?? []) firings.push({ agent, at: new Date(oneOff.runAt) });
  }
  return firings
    .filter((firing) => firing.at.getTime() > context.now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .slice(0, wanted);
}

/** "What runs next": the next few firings across the workspace. */
export function nextUp(context: AnswerContext, shown = 5): PlannerAnswer {
  const firings = nextFirings(context, shown);
  if (firings.length === 0)
    return { reply: 'Nothing is due: no active agent has a schedule or a one-off run ahead.' };
  const lines = firings.map(
    (firing) =>
      `- ${whenInWords(firing.at.toISOString(), context.now, context.timezone)}: "${firing.agent.name}"`,
  );
  const [first] = firings as [Firing];
  return {
    reply: `Next to run is "${first.agent.name}", ${whenInWords(first.at.toISOString(), context.now, context.timezone)}. The next ${count(firings.length, 'run')}:\n${lines.join('\n')}`,
    referents: [...new Set(firings.map((firing) => firing.agent.name))],
  };
}

function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
