// "Which agent runs the longest", "what's the slowest agent", "which one runs the most": the
// agents ranked by how long a run takes or by how often they ran, over a period (the last 30 days
// unless the question names one). Tokens and cost rank in workspace-facts.ts (mostUsage), failures
// in workspace-questions.ts (success rates): each with its own figures.
import type { PlannerAnswer } from '../../planner.ts';
import { count, durationInWords, periodNamed, periodOf, totalsOver } from '../../run-figures.ts';
import type { AnswerContext } from './run-answers.ts';

export type RankingMeasure = 'time' | 'runs';

/** How long a run takes, from the longest or the shortest. */
const timeWords = [
  /\b(?:slowest|fastest|quickest|longest|shortest|slower|faster|quicker)\b/,
  /\b(?:takes?|took|taking|needs?|spends?)\b.*\b(?:most|least|longest|shortest|more|less) (?:time|long)\b/,
  /\b(?:most|least) (?:run ?time|running time|time)\b/,
];
/** The most runs: "runs the most", "most often", "busiest". */
const runsWords = [
  /\b(?:runs?|ran|fires?|goes off)\b.*\b(?:the )?most(?: often)?\b/,
  /\bmost (?:runs|often|frequently|active)\b/,
  /\b(?:busiest|most used|least used)\b/,
  /\b(?:runs?|ran)\b.*\b(?:the )?least(?: often)?\b/,
];
/** "The fastest", "the least time": the ranking starts from the smallest. */
const ascending = /\b(?:fastest|quickest|shortest|faster|quicker|least|fewest)\b/;

/** The measure a question ranks agents by, when it asks for a ranking of these. */
export function rankingMeasure(lower: string): RankingMeasure | undefined {
  if (timeWords.some((pattern) => pattern.test(lower))) return 'time';
  // "Which agent uses the most tokens" is the cost's ranking, "fails the most" the failures'.
  if (/\b(?:tokens?|costs?|credits?|spend\w*|expensive|fail\w*|errors?|usage)\b/.test(lower))
    return undefined;
  if (runsWords.some((pattern) => pattern.test(lower))) return 'runs';
  return undefined;
}

/** The agents that ran in the period, ranked by the measure the question asks about. */
export function rankAgents(text: string, context: AnswerContext): PlannerAnswer | undefined {
  const lower = text.toLowerCase();
  const measure = rankingMeasure(lower);
  if (!measure) return undefined;
  const period = periodOf(periodNamed(text) ?? 'pastMonth', context.now, context.timezone);
  const ran = context.snapshot.agents
    .map((agent) => ({ agent, totals: totalsOver(agent.history, period) }))
    .filter(({ totals }) => totals.runs > 0);
  if (ran.length === 0) return { reply: `No agent ran ${period.words}, so there is nothing to rank.` };
  const smallestFirst = ascending.test(lower);
  const value = ({ totals }: (typeof ran)[number]) =>
    measure === 'time' ? totals.seconds / totals.runs : totals.runs;
  const ranked = [...ran].sort((a, b) => (smallestFirst ? value(a) - value(b) : value(b) - value(a)));
  const lines = ranked.slice(0, 10).map((entry) => {
    const { agent, totals } = entry;
    return measure === 'time'
      ? `- "${agent.name}": ${durationInWords(value(entry))} a run on average (${count(totals.runs, 'run')}, ${durationInWords(totals.seconds)} in all)`
      : `- "${agent.name}": ${count(totals.runs, 'run')} (${totals.succeeded} succeeded, ${totals.failed} failed)`;
  });
  const order =
    measure === 'time'
      ? smallestFirst
        ? 'By how long a run takes, quickest first'
        : 'By how long a run takes, slowest first'
      : smallestFirst
        ? 'By how often they ran, least first'
        : 'By how often they ran, most first';
  const top = ranked[0] as (typeof ran)[number];
  const headline =
    measure === 'time'
      ? `${smallestFirst ? 'The quickest' : 'The slowest'}: "${top.agent.name}", ${durationInWords(value(top))} a run on average ${period.words}.`
      : `${smallestFirst ? 'The least run' : 'The most run'}: "${top.agent.name}", ${count(top.totals.runs, 'run')} ${period.words}.`;
  return {
    reply: `${headline}\n${order}:\n${lines.join('\n')}`,
    referents: [top.agent.name],
  };
}
