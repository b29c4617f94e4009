// The out-of-sample corpus scored (issue 13): requests written blind, by kind, for the built-in
// planner. Printed beside the in-sample table; a measurement, never a test that fails.
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import type { PlannerAnswer } from '../../src/orchestrator/planner.ts';
import { corpusUserEmail, playConversation } from '../../test/orchestrator/conversation-harness.ts';
import { fixtureSnapshot } from '../../test/orchestrator/fixture-workspace.ts';
import {
  outOfSampleConversations,
  outOfSampleDate,
  outOfSampleRequests,
} from '../../test/orchestrator/out-of-sample-corpus.ts';
import {
  secondOutOfSampleConversations,
  secondOutOfSampleDate,
  secondOutOfSampleRequests,
} from '../../test/orchestrator/out-of-sample-corpus-2.ts';
import {
  thirdOutOfSampleConversations,
  thirdOutOfSampleDate,
  thirdOutOfSampleRequests,
} from '../../test/orchestrator/out-of-sample-corpus-3.ts';
import {
  fourthOutOfSampleConversations,
  fourthOutOfSampleDate,
  fourthOutOfSampleRequests,
} from '../../test/orchestrator/out-of-sample-corpus-4.ts';
import {
  fifthOutOfSampleConversations,
  fifthOutOfSampleDate,
  fifthOutOfSampleRequests,
} from '../../test/orchestrator/out-of-sample-corpus-5.ts';
import {
  sixthOutOfSampleConversations,
  sixthOutOfSampleDate,
  sixthOutOfSampleRequests,
} from '../../test/orchestrator/out-of-sample-corpus-6.ts';
import {
  seventhOutOfSampleConversations,
  seventhOutOfSampleDate,
  seventhOutOfSampleRequests,
} from '../../test/orchestrator/out-of-sample-corpus-7.ts';
import {
  eighthOutOfSampleConversations,
  eighthOutOfSampleDate,
  eighthOutOfSampleRequests,
} from '../../test/orchestrator/out-of-sample-corpus-8.ts';
import type {
  OutOfSampleConversation,
  OutOfSampleEntry,
} from '../../test/orchestrator/out-of-sample-helpers.ts';
import { judgeOutOfSample, type OutOfSampleCase } from '../../test/orchestrator/out-of-sample-judge.ts';
import { corpusNow } from '../../test/orchestrator/planner-corpus.ts';

export interface OutOfSampleFailure {
  kind: string;
  text: string;
  problems: string[];
}

/** One blind set: once a set has guided fixes it stops measuring, and a fresh one is written. */
export interface OutOfSampleSet {
  title: string;
  written: string;
  requests: OutOfSampleEntry[];
  conversations: OutOfSampleConversation[];
}

export const firstOutOfSampleSet: OutOfSampleSet = {
  title: 'Out-of-sample',
  written: outOfSampleDate,
  requests: outOfSampleRequests,
  conversations: outOfSampleConversations,
};

/** Written blind after the first set had been used to guide fixes. */
export const secondOutOfSampleSet: OutOfSampleSet = {
  title: 'Out-of-sample (second set)',
  written: secondOutOfSampleDate,
  requests: secondOutOfSampleRequests,
  conversations: secondOutOfSampleConversations,
};

/** Written blind after the second set had been used to guide fixes. */
export const thirdOutOfSampleSet: OutOfSampleSet = {
  title: 'Out-of-sample (third set)',
  written: thirdOutOfSampleDate,
  requests: thirdOutOfSampleRequests,
  conversations: thirdOutOfSampleConversations,
};

/** Written blind after the third set had been used to guide fixes. */
export const fourthOutOfSampleSet: OutOfSampleSet = {
  title: 'Out-of-sample (fourth set)',
  written: fourthOutOfSampleDate,
  requests: fourthOutOfSampleRequests,
  conversations: fourthOutOfSampleConversations,
};

/** Written blind while the fourth set was guiding fixes. */
export const fifthOutOfSampleSet: OutOfSampleSet = {
  title: 'Out-of-sample (fifth set)',
  written: fifthOutOfSampleDate,
  requests: fifthOutOfSampleRequests,
  conversations: fifthOutOfSampleConversations,
};

/** Written blind while the fifth set was guiding fixes. */
export const sixthOutOfSampleSet: OutOfSampleSet = {
  title: 'Out-of-sample (sixth set)',
  written: sixthOutOfSampleDate,
  requests: sixthOutOfSampleRequests,
  conversations: sixthOutOfSampleConversations,
};

export const seventhOutOfSampleSet: OutOfSampleSet = {
  title: 'Out-of-sample (seventh set)',
  written: seventhOutOfSampleDate,
  requests: seventhOutOfSampleRequests,
  conversations: seventhOutOfSampleConversations,
};

/** Written blind while the seventh set guided fixes. */
export const eighthOutOfSampleSet: OutOfSampleSet = {
  title: 'Out-of-sample (eighth set)',
  written: eighthOutOfSampleDate,
  requests: eighthOutOfSampleRequests,
  conversations: eighthOutOfSampleConversations,
};

const kinds = ['one-line', 'multi-intent', 'question', 'follow-up turns'] as const;

function problemsOf(entry: OutOfSampleCase, answer: PlannerAnswer | Error | undefined): string[] {
  if (!answer) return ['not played'];
  if (answer instanceof Error) return [`error: ${answer.message}`];
  return judgeOutOfSample(entry, answer);
}

export async function scoreOutOfSample(set: OutOfSampleSet = firstOutOfSampleSet) {
  const planner = new BuiltInPlanner();
  const snapshot = fixtureSnapshot();
  const tallies = Object.fromEntries(kinds.map((kind) => [kind, { right: 0, total: 0 }])) as Record<
    (typeof kinds)[number],
    { right: number; total: number }
  >;
  const failures: OutOfSampleFailure[] = [];
  const count = (kind: (typeof kinds)[number], text: string, problems: string[]) => {
    tallies[kind].total++;
    if (problems.length === 0) tallies[kind].right++;
    else failures.push({ kind, text, problems });
  };
  for (const entry of set.requests) {
    const answer = await planner
      .plan({ text: entry.text, snapshot, userEmail: corpusUserEmail, now: corpusNow })
      .catch((error: Error) => error);
    count(entry.kind, entry.text, problemsOf(entry, answer));
  }
  let wholeRight = 0;
  for (const conversation of set.conversations) {
    const played = await playConversation(planner, conversation);
    let right = true;
    for (const [index, turn] of conversation.turns.entries()) {
      const problems = problemsOf(turn, played[index]?.answer);
      count('follow-up turns', `${conversation.name} / turn ${index + 1}: ${turn.text}`, problems);
      if (problems.length > 0) right = false;
    }
    if (right) wholeRight++;
  }
  return {
    title: set.title,
    written: set.written,
    tallies,
    conversations: { right: wholeRight, total: set.conversations.length },
    failures,
  };
}

export function outOfSampleTable(score: Awaited<ReturnType<typeof scoreOutOfSample>>): string {
  const percent = (right: number, total: number) => `${total ? Math.round((100 * right) / total) : 0}%`;
  const all = Object.values(score.tallies).reduce(
    (sum, tally) => ({ right: sum.right + tally.right, total: sum.total + tally.total }),
    { right: 0, total: 0 },
  );
  return [
    `${score.title} (written blind ${score.written}; understood = a right plan, question or answer):`,
    '| out-of-sample kind | cases | understood | right |',
    '| --- | --- | --- | --- |',
    ...Object.entries(score.tallies).map(
      ([kind, tally]) =>
        `| ${kind} | ${tally.total} | ${tally.right} | ${percent(tally.right, tally.total)} |`,
    ),
    `| all | ${all.total} | ${all.right} | ${percent(all.right, all.total)} |`,
    `| whole conversations | ${score.conversations.total} | ${score.conversations.right} | ${percent(score.conversations.right, score.conversations.total)} |`,
  ].join('\n');
}

/** Each request not understood, with why, for whoever fixes the kind of request it shows. */
export function outOfSampleFailures(score: Awaited<ReturnType<typeof scoreOutOfSample>>): string {
  return score.failures
    .map((failure) => `- [${failure.kind}] ${failure.text}\n    ${failure.problems.join('\n    ')}`)
    .join('\n');
}
