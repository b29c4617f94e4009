// "Cancel the running lead scraper", "abort its current run", "kill the stuck reporter": a run
// that is going is stopped from its page (Stop), never by a plan, and such a request must never
// be read as "run it" because it says "running". The answer says whether a run is going.
import type { PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { whenInWords } from '../run-figures.ts';
import { agentsMentionedWithTypos } from './name-typos.ts';
import { readScheduleStop } from './schedule-stopping.ts';
import { pronouns } from './vocabulary/vocabulary.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

const cancelVerbs = /\b(?:cancel|abort|kill|terminate|interrupt)\b/;
const stopCurrent =
  /\bstop\b.*\b(?:(?:the |its |that )?(?:current|ongoing|active|running) (?:run|job)|runs? (?:that is|that's|which is) (?:going|running|stuck)|in[- ]progress|stuck|hung|hanging|mid[- ]run)\b|\bstop (?:the |that )?running\b(?! on\b)(?!.*\b(?:automatically|on (?:its|their) own|by (?:itself|themselves)|on (?:a|its|the) schedule|every)\b)/;
/** What a cancel can be about that is no run: those are other rules' (unschedule, unchain, drop a plan). */
const notRuns =
  /\b(?:schedul\w*|chains?|chained|plans?|e-?mails?|notifications?|webhooks?|hooks?|account|subscription)\b/;

const goingStatuses = new Set(['queued', 'running', 'pending', 'waiting']);

const runWords = /\b(?:run|runs|running|job|in[- ]progress|stuck|hung|now)\b/;

/**
 * Whether the text asks to stop a run: 'certainly' when it says so ("cancel the running X",
 * "stop its current run"), 'ifGoing' when only a run going would make it mean that ("abort X":
 * with nothing running, "cancel X" may mean other things, left to the other rules).
 */
export function asksToStopRun(text: string): 'certainly' | 'ifGoing' | undefined {
  const lower = text.toLowerCase().replace(/’/g, "'");
  if (notRuns.test(lower)) return undefined;
  // "Stop running X on Mondays" names times: a day off its schedule (schedule-stopping.ts).
  if (readScheduleStop(lower)) return undefined;
  if (stopCurrent.test(lower) || (cancelVerbs.test(lower) && runWords.test(lower))) return 'certainly';
  return cancelVerbs.test(lower) ? 'ifGoing' : undefined;
}

function subject(text: string, request: PlannerRequest): SnapshotAgent | undefined {
  const { agents } = request.snapshot;
  const named = agentsMentionedWithTypos(text.replace(/\b(?:running|current|run)\b/gi, ' '), agents);
  if (named.length === 1) return named[0]?.item;
  if (named.length > 1) return undefined;
  const pronoun = new RegExp(`\\b(?:${pronouns.join('|')})\\b`, 'i');
  return pronoun.test(text) ? agents.find((agent) => agent.name === request.lastAgentName) : undefined;
}

/** The answer to "cancel the running X", or undefined when the text asks no such thing. */
export function answerStopRun(text: string, request: PlannerRequest): PlannerAnswer | undefined {
  const asks = asksToStopRun(text);
  if (!asks) return undefined;
  const agent = subject(text, request);
  if (!agent) return undefined;
  const now = request.now ?? new Date();
  const timezone = request.snapshot.timezone ?? 'UTC';
  const going = (agent.history?.recent ?? []).find((run) => goingStatuses.has(run.status));
  const goingStatus =
    going?.status ??
    (agent.lastRun && goingStatuses.has(agent.lastRun.status) ? agent.lastRun.status : undefined);
  if (!goingStatus && asks === 'ifGoing') return undefined;
  if (goingStatus) {
    const since = going ? ` since ${whenInWords(going.startedAt ?? going.createdAt, now, timezone)}` : '';
    return {
      reply: `"${agent.name}" has a run ${goingStatus}${since}. Stop it with the Stop button on that run's page (Runs, then the run): the steps it finished keep what they saved. To keep it from running again afterwards, say "pause ${agent.name}".`,
      referents: [agent.name],
    };
  }
  const last = agent.history?.recent[0];
  const lastWords = last
    ? `its last run ${last.status} ${whenInWords(last.finishedAt ?? last.createdAt, now, timezone)}`
    : agent.lastRun
      ? `its last run ${agent.lastRun.status}`
      : 'it has never run';
  return {
    reply: `"${agent.name}" has no run going (${lastWords}), so there is nothing to stop. To keep it from running, say "pause ${agent.name}"; to stop its schedule, "unschedule ${agent.name}".`,
    referents: [agent.name],
  };
}
