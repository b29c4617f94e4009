// "How many tokens did the weekly report use on its last run", "what did the last 3 runs of the
// lead scraper cost": a question scoped to an agent's newest runs, not to a period of days. The
// answer gives those runs' own figures, read from the run history.

import { numberWordsBetween } from '../../../domain/number-words.ts';
import type { PlannerAnswer, WorkspaceSnapshot } from '../../planner.ts';
import { count, durationInWords } from '../../run-figures.ts';
import { type AnswerContext, runInWords } from './run-answers.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

const numbers = numberWordsBetween(2, 10);

/**
 * How many newest runs the question is about: 1 for "its last run", "the latest one", "last
 * time"; 3 for "the last 3 runs"; undefined when it names none ("in the last 7 days" is a period).
 */
export function newestRunsAsked(text: string): number | undefined {
  const lower = text.toLowerCase();
  const several =
    /\b(?:last|latest|newest|past|previous|most recent|recent) (\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) (?:runs|executions|times)\b/.exec(
      lower,
    );
  if (several?.[1]) return numbers[several[1]] ?? Number(several[1]);
  const one =
    /\b(?:the |its |their |that |his |her )?(?:very )?(?:last|latest|newest|previous|most recent|final|recent) (?:run|execution|one|go|attempt)\b|\blast time\b|\b(?:the )?(?:last|latest|newest|most recent) (?:time )?(?:it|they) ran\b/;
  return one.test(lower) ? 1 : undefined;
}

/** The figures of `agent`'s newest `runs` runs: each in a line, and their sum when several. */
export function newestRunsCost(agent: SnapshotAgent, runs: number, context: AnswerContext): PlannerAnswer {
  const recent = (agent.history?.recent ?? []).slice(0, runs);
  if (recent.length === 0)
    return { reply: `"${agent.name}" has not run yet: it used nothing.`, referents: [agent.name] };
  if (recent.length === 1) {
    const [run] = recent;
    const took =
      run?.seconds !== null && run?.seconds !== undefined
        ? ` and ${durationInWords(run.seconds)} of run time`
        : '';
    return {
      reply: `The last run of "${agent.name}" used ${count(run?.tokens ?? 0, 'token')}${took}: ${runInWords(run as (typeof recent)[number], context)}.`,
      referents: [agent.name],
    };
  }
  const tokens = recent.reduce((sum, run) => sum + run.tokens, 0);
  const seconds = recent.reduce((sum, run) => sum + (run.seconds ?? 0), 0);
  const fewer = recent.length < runs ? ` (it has only ${count(recent.length, 'run')})` : '';
  return {
    reply: `The last ${recent.length} runs of "${agent.name}"${fewer} used ${count(tokens, 'token')} and ${durationInWords(seconds)} of run time, newest first:\n${recent.map((run) => `- ${runInWords(run, context)}`).join('\n')}`,
    referents: [agent.name],
  };
}
