// The built-in planner's score on the contract corpus, per kind of request: right plan, right
// question, right answer, wrong, or error. The contract test says which case fails and why; this
// says how many, so a change to the planner is seen as a figure.
import type { PlanOperation } from '../../src/domain/plan.ts';
import { BuiltInPlanner } from '../../src/orchestrator/builtin-planner.ts';
import type { PlannerAnswer } from '../../src/orchestrator/planner.ts';
import { fixtureSnapshot } from '../../test/orchestrator/fixture-workspace.ts';
import { multiIntentCorpus } from '../../test/orchestrator/multi-intent-corpus.ts';
import { type CorpusCase, corpus, corpusNow } from '../../test/orchestrator/planner-corpus.ts';

type Verdict = 'right plan' | 'right question' | 'right answer' | 'wrong' | 'error';

function target(operation: PlanOperation): string {
  if (operation.type === 'createAgent') return String(operation.spec.name);
  if (operation.type === 'chainAgents' || operation.type === 'unchainAgents')
    return `${operation.from.agentName} -> ${operation.to.agentName}`;
  if (operation.type === 'connectAccount') return operation.service;
  return operation.agentName;
}

function verdictOf(entry: CorpusCase, answer: PlannerAnswer): Verdict {
  const operations = answer.plan?.operations ?? [];
  const questions = answer.plan?.questions ?? [];
  const replied = !entry.reply || entry.reply.test(answer.reply);
  if (entry.operations) {
    const types = operations.map((operation) => operation.type).join(',');
    const targets = entry.targets ? operations.map(target).join('|') === entry.targets.join('|') : true;
    const agent =
      !entry.agent ||
      operations.every(
        (operation) =>
          operation.type === 'runAgent' || !('agentName' in operation) || operation.agentName === entry.agent,
      );
    const right =
      types === entry.operations.join(',') && questions.length === 0 && targets && agent && replied;
    return right ? 'right plan' : 'wrong';
  }
  if (entry.question) {
    const right =
      operations.length === 0 && questions.some((question) => question.id === entry.question) && replied;
    return right ? 'right question' : 'wrong';
  }
  return operations.length === 0 && replied ? 'right answer' : 'wrong';
}

/** The score per kind of request, as a Markdown table. */
export async function corpusScore(): Promise<string> {
  const planner = new BuiltInPlanner();
  const snapshot = fixtureSnapshot();
  const multi = new Set<CorpusCase>(multiIntentCorpus);
  const kinds = new Map<string, Map<Verdict, number>>();
  for (const entry of corpus) {
    const kind = multi.has(entry) ? 'multi-intent' : 'one-line';
    let verdict: Verdict;
    try {
      const answer = await planner.plan({
        text: entry.text,
        snapshot,
        userEmail: 'ada@example.com',
        now: corpusNow,
      });
      verdict = verdictOf(entry, answer);
    } catch {
      verdict = 'error';
    }
    const counts = kinds.get(kind) ?? new Map<Verdict, number>();
    counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
    kinds.set(kind, counts);
  }
  const verdicts: Verdict[] = ['right plan', 'right question', 'right answer', 'wrong', 'error'];
  const rows = [...kinds].map(([kind, counts]) => {
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    const right =
      (counts.get('right plan') ?? 0) +
      (counts.get('right question') ?? 0) +
      (counts.get('right answer') ?? 0);
    return `| ${kind} | ${total} | ${verdicts.map((verdict) => counts.get(verdict) ?? 0).join(' | ')} | ${Math.round((100 * right) / total)} % |`;
  });
  return [
    `| kind | cases | ${verdicts.join(' | ')} | right |`,
    `| --- | --- | ${verdicts.map(() => '---').join(' | ')} | --- |`,
    ...rows,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await corpusScore());
