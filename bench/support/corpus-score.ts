// The planner corpus scored (issue 13): each request or conversation turn is a right plan, a
// right question, a right answer, wrong, or an error; per kind, for the built-in planner.
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import type { PlannerAnswer } from '../../src/orchestrator/planner.ts';
import { conversations, nameCases } from '../../test/orchestrator/conversation-corpus.ts';
import { corpusUserEmail, playConversation } from '../../test/orchestrator/conversation-harness.ts';
import { judge } from '../../test/orchestrator/corpus-judge.ts';
import { fixtureSnapshot } from '../../test/orchestrator/fixture-workspace.ts';
import { multiIntentCorpus } from '../../test/orchestrator/multi-intent-corpus.ts';
import { type CorpusCase, corpus, corpusNow } from '../../test/orchestrator/planner-corpus.ts';
import { questionCorpus } from '../../test/orchestrator/question-corpus.ts';

const outcomes = ['right plan', 'right question', 'right answer', 'wrong', 'error'] as const;
type Outcome = (typeof outcomes)[number];
type Tally = Record<Outcome, number>;

const emptyTally = (): Tally => ({
  'right plan': 0,
  'right question': 0,
  'right answer': 0,
  wrong: 0,
  error: 0,
});

/** The in-sample cases that were not right, with why: what ORCA_BENCH_SHOW_FAILURES=1 lists. */
const failures: string[] = [];

function outcomeOf(entry: CorpusCase, answer: PlannerAnswer | Error): Outcome {
  if (answer instanceof Error) {
    failures.push(`- ${entry.text}\n    error: ${answer.message}`);
    return 'error';
  }
  const { problems, kind } = judge(entry, answer);
  if (problems.length > 0) failures.push(`- ${entry.text}\n    ${problems.join('\n    ')}`);
  return problems.length > 0 ? 'wrong' : kind;
}

export function corpusFailures(): string {
  return failures.length > 0 ? failures.join('\n') : 'In-sample: no failures.';
}

export async function scoreCorpus() {
  const planner = new BuiltInPlanner();
  const snapshot = fixtureSnapshot();
  const tallies: Record<string, Tally> = {
    'one-line': emptyTally(),
    'multi-intent': emptyTally(),
    question: emptyTally(),
    names: emptyTally(),
    'follow-up turns': emptyTally(),
  };
  const oneLine = async (entry: CorpusCase, tally: Tally) => {
    const answer = await planner
      .plan({ text: entry.text, snapshot, userEmail: corpusUserEmail, now: corpusNow })
      .catch((error: Error) => error);
    tally[outcomeOf(entry, answer)]++;
  };
  const multi = new Set<CorpusCase>(multiIntentCorpus);
  const questions = new Set<CorpusCase>(questionCorpus);
  // A question is a request answered in words: the question corpus, and one-line cases that
  // want an answer rather than a plan or a question back.
  const kindOf = (entry: CorpusCase) =>
    multi.has(entry)
      ? 'multi-intent'
      : questions.has(entry) || (!entry.operations && !entry.question)
        ? 'question'
        : 'one-line';
  for (const entry of corpus) await oneLine(entry, tallies[kindOf(entry)] as Tally);
  for (const entry of nameCases) await oneLine(entry, tallies.names as Tally);
  let wholeRight = 0;
  for (const conversation of conversations) {
    const played = await playConversation(planner, conversation);
    let right = true;
    for (const [index, turn] of conversation.turns.entries()) {
      const outcome = outcomeOf(turn, played[index]?.answer ?? new Error('not played'));
      (tallies['follow-up turns'] as Tally)[outcome]++;
      if (outcome === 'wrong' || outcome === 'error') right = false;
    }
    if (right) wholeRight++;
  }
  return { tallies, conversations: { right: wholeRight, total: conversations.length } };
}

export function corpusTable(score: Awaited<ReturnType<typeof scoreCorpus>>): string {
  const rows = Object.entries(score.tallies).map(([kind, tally]) => {
    const total = outcomes.reduce((sum, outcome) => sum + tally[outcome], 0);
    const right = tally['right plan'] + tally['right question'] + tally['right answer'];
    return `| ${kind} | ${total} | ${outcomes.map((outcome) => tally[outcome]).join(' | ')} | ${Math.round((100 * right) / total)}% |`;
  });
  return [
    `| corpus kind | cases | ${outcomes.join(' | ')} | right |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    `| whole conversations | ${score.conversations.total} | | | | | | ${Math.round((100 * score.conversations.right) / score.conversations.total)}% (${score.conversations.right}) |`,
  ].join('\n');
}
