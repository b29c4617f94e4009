// What every blind set (issue 13) writes its expectations with: the entry and conversation
// shapes the bench scores, and the helpers that say "a new agent, with or without a test run",
// "any of these outcomes", "a reply naming these". Shared so each new blind set is only requests.
import type { OperationType } from '../../src/domain/plan.ts';
import type { Expectation, OutOfSampleCase } from './out-of-sample-judge.ts';
import { withTestRuns } from './out-of-sample-judge.ts';
import type { CorpusCase } from './planner-corpus.ts';

export type QuestionId = NonNullable<CorpusCase['question']>;

/** The fixture workspace's time zone, which a schedule without one is given. */
export const berlin = 'Europe/Berlin';

export interface OutOfSampleEntry extends OutOfSampleCase {
  kind: 'one-line' | 'multi-intent' | 'question';
}

export interface OutOfSampleConversation {
  name: string;
  turns: OutOfSampleCase[];
}

/** A plan that creates agents (a test run after each new one is welcome), or one of these questions. */
export function creating(
  text: string,
  operations: OperationType[],
  checks: Omit<Expectation, 'text' | 'operations'> = {},
  questions: QuestionId[] = [],
): OutOfSampleCase {
  const [main, ...others] = withTestRuns(operations).map((variant) => ({
    text,
    ...checks,
    operations: variant,
  }));
  return { ...(main as Expectation), or: [...others, ...questions.map((question) => ({ text, question }))] };
}

/** Both of these outcomes are fine: the first is the case, the others its alternatives. */
export function either(first: OutOfSampleCase, ...others: OutOfSampleCase[]): OutOfSampleCase {
  return {
    ...first,
    or: [...(first.or ?? []), ...others.flatMap((other) => [other, ...(other.or ?? [])])],
  };
}

/** A reply that names all of these, in any order. */
export function naming(...parts: string[]): RegExp {
  const escaped = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.map((part) => `(?=[\\s\\S]*${part})`).join(''), 'i');
}

export const repeat = (type: OperationType, count: number): OperationType[] =>
  Array.from({ length: count }, () => type);

export const oneLine = (entry: OutOfSampleCase): OutOfSampleEntry => ({ ...entry, kind: 'one-line' });
export const several = (entry: OutOfSampleCase): OutOfSampleEntry => ({ ...entry, kind: 'multi-intent' });
export const asked = (text: string, reply: RegExp, checks: Partial<Expectation> = {}): OutOfSampleEntry => ({
  text,
  reply,
  ...checks,
  kind: 'question',
});

/** The fixture's agents as a reply may name them, each told apart from the others. */
const agentNames = [
  'Lead Scraper',
  'Price Monitor',
  'Weekly Report',
  'Monthly Report',
  'Job Collector',
  'Reporting Agent',
  'Data Collector',
  'Reporter\\b',
];

/** A reply whose first agent named is this one (the answer to "which agent …most"). */
export function firstNamed(name: string): RegExp {
  const others = agentNames.filter((other) => !other.startsWith(name));
  return new RegExp(`^(?:(?!${others.join('|')})[\\s\\S])*${name.replace(/[()]/g, '\\$&')}`);
}
