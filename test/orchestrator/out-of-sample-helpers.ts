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

export type Schedule = NonNullable<Expectation['schedule']>;
export type Checks = Omit<Expectation, 'text' | 'operations'>;

/** A schedule in Berlin (the workspace's zone) unless told otherwise. */
export const every = (cron: string, timezone = berlin): Schedule => ({ cron, timezone });
/** One run at this UTC time (the Berlin time the user meant, an hour earlier in November). */
export const once = (runAt: string): Schedule => ({ runAt, timezone: berlin });

/**
 * A plan that creates agents: with a test run right after each new one, all of them at the end
 * of the plan, or none; or one of these questions.
 */
export function built(
  text: string,
  operations: OperationType[],
  checks: Checks = {},
  questions: QuestionId[] = [],
): OutOfSampleCase {
  const created = operations.filter((operation) => operation === 'createAgent').length;
  const runsAtTheEnd: Expectation = {
    text,
    ...checks,
    operations: [...operations, ...repeat('runAgent', created)],
  };
  return either(creating(text, operations, checks, questions), runsAtTheEnd);
}

/** One operation of a message of several independent asks, on this agent (or chain, or service). */
export interface Part {
  operation: OperationType;
  target: string;
  schedule?: Schedule;
}

function orders<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    orders([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

/** Independent changes, in the order the user gave them or any other. */
export function inAnyOrder(
  text: string,
  parts: Part[],
  checks: Omit<Expectation, 'text' | 'operations' | 'targets' | 'schedules'> = {},
): OutOfSampleCase {
  const [first, ...others] = orders(parts).map((order): Expectation => {
    const schedules = order.flatMap((part) => (part.schedule ? [part.schedule] : []));
    return {
      text,
      ...checks,
      operations: order.map((part) => part.operation),
      targets: order.map((part) => part.target),
      ...(schedules.length > 0 ? { schedules } : {}),
    };
  });
  return { ...(first as Expectation), or: others };
}

/** The same outcome with the schedule written as any of these equivalent crons. */
export function crons(entry: OutOfSampleCase, ...alternatives: string[]): OutOfSampleCase {
  const { or = [], ...main } = entry;
  const variants: Expectation[] = [main, ...or];
  const rewritten = alternatives.flatMap((cron) =>
    variants.flatMap((variant) =>
      variant.schedule ? [{ ...variant, schedule: { ...variant.schedule, cron } }] : [],
    ),
  );
  return { ...main, or: [...or, ...rewritten] };
}

export const plan = (text: string, operations: OperationType[], checks: Checks = {}): Expectation => ({
  text,
  operations,
  ...checks,
});
