// "What did the lead scraper get last time", "show me the results of the weekly report", "did the
// price monitor find anything": what the agent's newest finished run produced, read from that run
// (through the workspace reader, one short read) and said as the test-run report says it: the
// records counted with the first few quoted as run data, never as links.
import { findRun } from '../../../store/run-repository.ts';
import { describeOutput } from '../../output-words.ts';
import type { PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../../planner.ts';
import { whenInWords } from '../../run-figures.ts';
import { agentsMentionedWithTypos } from '../name-typos.ts';
import { pronouns, runAsNoun } from '../vocabulary/vocabulary.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

const asks = [
  /\bwhat (?:did|has|have) .+ (?:get|got|gotten|find|found|collect(?:ed)?|scrape[d]?|fetch(?:ed)?|produce[d]?|return(?:ed)?|output|extract(?:ed)?|grab(?:bed)?|pull(?:ed)?|bring back|brought back|come back with|came back with|save[d]?|pick(?:ed)? up)\b/,
  /\b(?:show|give|tell)(?: me)? (?:the |its |their |what )?(?:latest |last |newest |recent )?(?:output|results?|data|findings|records|leads|rows|items)\b/,
  /\b(?:latest|last|newest|recent|most recent) (?:output|results?|data|findings)\b/,
  /\b(?:did|has) .+ (?:find|found|catch|caught|spot(?:ted)?|detect(?:ed)?|see|seen|notice[d]?) (?:any(?:thing)?|something|changes?|new)\b/,
  /\bwhat(?:'s| is| was) in (?:the |its )?(?:last |latest )?(?:output|results?|run)\b/,
];

export function asksForOutput(text: string): boolean {
  const lower = text.toLowerCase().replace(/’/g, "'");
  // "Give the data collector a test run" asks for a run, whatever words the agent's name holds.
  return !/https?:\/\//.test(lower) && !runAsNoun.test(lower) && asks.some((pattern) => pattern.test(lower));
}

const askingWords =
  /\b(?:output|results?|data|findings|records|latest|last|newest|recent|get|got|find|found|changes?)\b/gi;

function subject(text: string, request: PlannerRequest): SnapshotAgent | SnapshotAgent[] | undefined {
  const { agents } = request.snapshot;
  // The asking words out ("results" is no agent), unless an agent's own name holds them ("Data Collector").
  const whole = agentsMentionedWithTypos(text, agents).filter((match) => match.score === 1);
  const named =
    whole.length === 1
      ? [whole[0]?.item as SnapshotAgent]
      : agentsMentionedWithTypos(text.replace(askingWords, ' '), agents).map((match) => match.item);
  if (named.length === 1) return named[0];
  if (named.length > 1) return named;
  const pronoun = new RegExp(`\\b(?:${pronouns.join('|')}|they|them)\\b`, 'i');
  return pronoun.test(text) ? agents.find((agent) => agent.name === request.lastAgentName) : undefined;
}

/** The answer, or undefined when the text asks no such thing or names no agent. */
export async function answerOutputQuestion(
  text: string,
  request: PlannerRequest,
): Promise<PlannerAnswer | undefined> {
  if (!asksForOutput(text)) return undefined;
  const found = subject(text, request);
  if (!found || Array.isArray(found)) return undefined;
  const agent = found;
  const now = request.now ?? new Date();
  const timezone = request.snapshot.timezone ?? 'UTC';
  const recent = agent.history?.recent ?? [];
  const good = recent.find((run) => run.status === 'succeeded');
  const latest = recent[0];
  if (!good) {
    const why = latest
      ? ` Its last run ${latest.status} ${whenInWords(latest.createdAt, now, timezone)}${latest.status === 'failed' ? ': ask "why did it fail" for the cause' : ''}.`
      : ' It has never run: say "run it" to see what it gets.';
    return {
      reply: `"${agent.name}" has no finished run with results to show.${why}`,
      referents: [agent.name],
    };
  }
  const when = whenInWords(good.finishedAt ?? good.createdAt, now, timezone);
  const newer =
    latest && latest !== good
      ? ` Its newest run since then ${latest.status} (${whenInWords(latest.createdAt, now, timezone)}).`
      : '';
  const run = request.workspace
    ? await request.workspace.read((scope) => findRun(scope, good.id))
    : undefined;
  const got = run
    ? describeOutput(run.output as Parameters<typeof describeOutput>[0])
    : 'Open it under Runs to see what it got.';
  return {
    reply: `The last run of "${agent.name}" that succeeded finished ${when}. ${got}${newer}`,
    referents: [agent.name],
  };
}
