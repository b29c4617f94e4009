// Judging the out-of-sample corpus (issue 13): the corpus judge's checks, plus what these cases
// need and the in-sample corpus never did. A blind writer cannot know which of several sensible
// answers the planner picks, so a case may list other acceptable outcomes (`or`); it cannot know
// the name a planner gives a new agent; it may accept a fix plan beside an explanation.
import type { OperationType, PlanOperation } from '../../src/domain/plan.ts';
import type { PlannerAnswer } from '../../src/orchestrator/planner.ts';
import { judge, operationTarget, type SpecExpectation } from './corpus-judge.ts';
import type { CorpusCase } from './planner-corpus.ts';

export interface Expectation extends CorpusCase {
  spec?: SpecExpectation;
  /** An answer that may come with a plan (a fix proposed beside the explanation of a failure). */
  planAllowed?: boolean;
  /** The agents of the operations in any order (a list the writer cannot order for the planner). */
  sameTargets?: string[];
  /** The account a connectAccount operation connects; each field is checked when given. */
  account?: { service?: string; kind?: 'api_key' | 'login' | 'oauth2'; allowedHosts?: string[] };
  /** Every chainAgents operation goes from / to these agents, on this ending. */
  chained?: { from?: string; to?: string; on?: 'success' | 'failure' | 'always' };
}

export interface OutOfSampleCase extends Expectation {
  /** Other outcomes a sensible product could give and that count as understood. */
  or?: Expectation[];
}

function extraProblems(entry: Expectation, operations: readonly PlanOperation[]): string[] {
  const problems: string[] = [];
  if (entry.sameTargets) {
    const got = operations.map(operationTarget).sort();
    const wanted = [...entry.sameTargets].sort();
    if (JSON.stringify(got) !== JSON.stringify(wanted))
      problems.push(`on ${JSON.stringify(wanted)} in any order wanted, got ${JSON.stringify(got)}`);
  }
  for (const operation of operations) {
    if (operation.type === 'connectAccount' && entry.account) {
      const { service, kind, allowedHosts } = entry.account;
      if (service && operation.service !== service)
        problems.push(`account ${operation.service}, not ${service}`);
      if (kind && operation.kind !== kind) problems.push(`account kind ${operation.kind}, not ${kind}`);
      const hosts = (operation.settings.allowedHosts as string[] | undefined) ?? [];
      for (const host of allowedHosts ?? [])
        if (!hosts.includes(host)) problems.push(`account hosts ${JSON.stringify(hosts)} lack ${host}`);
    }
    if (operation.type === 'chainAgents' && entry.chained) {
      const { from, to, on } = entry.chained;
      if (from && operation.from.agentName !== from)
        problems.push(`chain from ${operation.from.agentName}, not ${from}`);
      if (to && operation.to.agentName !== to) problems.push(`chain to ${operation.to.agentName}, not ${to}`);
      if (on && operation.on !== on) problems.push(`chain on ${operation.on}, not ${on}`);
    }
  }
  return problems;
}

/** The problems of one expectation; none means the request was understood this way. */
export function expectationProblems(entry: Expectation, answer: PlannerAnswer): string[] {
  const operations = answer.plan?.operations ?? [];
  const problems = judge(entry, answer).problems.filter(
    // The corpus judge wants no plan beside an answer; a fix plan is welcome here.
    (problem) => !(entry.planAllowed && problem.startsWith('no plan was wanted')),
  );
  return [...problems, ...extraProblems(entry, operations)];
}

/** Understood when the case or any of its alternatives has no problem; else the case's own problems. */
export function judgeOutOfSample(entry: OutOfSampleCase, answer: PlannerAnswer): string[] {
  const own = expectationProblems(entry, answer);
  if (own.length === 0) return own;
  for (const alternative of entry.or ?? [])
    if (expectationProblems(alternative, answer).length === 0) return [];
  return own;
}

/**
 * The plans that create agents, with or without the test run a product may add after each new
 * agent (PRODUCT.md: the Orchestrator runs test executions after building).
 */
export function withTestRuns(operations: OperationType[]): OperationType[][] {
  let variants: OperationType[][] = [[]];
  for (const operation of operations) {
    const next: OperationType[][] = [];
    for (const variant of variants) {
      next.push([...variant, operation]);
      if (operation === 'createAgent') next.push([...variant, operation, 'runAgent']);
    }
    variants = next;
  }
  return variants;
}
