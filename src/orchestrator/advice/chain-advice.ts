// Advice to chain two agents when one is started by hand, again and again, with what the other
// just produced: the chain does the same, without the person in between.
import type { RecentRun } from '../../store/run-repository.ts';
import { type Adviser, type AgentAdvice, canonicalJson, suggestionId } from './advice-context.ts';

/** Of an agent's last `window` runs, at least `handFed` were started by hand with another's output. */
export const chainFigures = { window: 5, handFed: 3 };

/** Outputs this short ("true", "0", "{}") match inputs by chance, not because they were passed on. */
const shortestPassedOn = 8;

/**
 * How an input carries an output: all of it (the mapping is the output itself), or as one field
 * (the mapping puts the output under that name); undefined when it does not.
 */
function carried(input: Record<string, unknown>, output: string): { field?: string } | undefined {
  if (canonicalJson(input) === output) return {};
  const field = Object.entries(input).find(([, value]) => canonicalJson(value) === output)?.[0];
  return field === undefined ? undefined : { field };
}

function outputsOf(runs: readonly RecentRun[]): string[] {
  return runs
    .filter((run) => run.status === 'succeeded' && run.output !== null)
    .map((run) => canonicalJson(run.output))
    .filter((output) => output.length >= shortestPassedOn);
}

function chained(advice: AgentAdvice, fromId: string) {
  return advice.input.snapshot.chains.some(
    (chain) => chain.fromAgentId === fromId && chain.toAgentId === advice.agent.id,
  );
}

export const handFedRuns: Adviser = (advice) => {
  const { agent, input } = advice;
  if (agent.status !== 'active') return undefined;
  const recent = advice.runs.slice(0, chainFigures.window);
  const manual = recent.filter((run) => run.trigger === 'manual');
  if (manual.length < chainFigures.handFed) return undefined;
  for (const source of input.snapshot.agents) {
    if (source.id === agent.id || chained(advice, source.id)) continue;
    const outputs = outputsOf(advice.runsOf(source.id));
    if (outputs.length === 0) continue;
    const matches = manual
      .map((run) => outputs.map((output) => carried(run.input, output)).find(Boolean))
      .filter((match) => match !== undefined);
    if (matches.length < chainFigures.handFed) continue;
    // The field the output went under in the newest such run, or none when it was the whole input.
    const field = matches.find((match) => match.field !== undefined)?.field;
    const mapping = field === undefined ? undefined : `{${JSON.stringify(field)}: output}`;
    return {
      id: suggestionId('chain', agent, source.id, String(source.version)),
      kind: 'chain',
      agentId: agent.id,
      agentName: agent.name,
      reason: `${manual.length} of the last ${recent.length} runs of "${agent.name}" were started by hand, ${matches.length} of them with the output of a run of "${source.name}" as ${field === undefined ? 'their input' : `"${field}" in their input`}. Chained, "${agent.name}" starts by itself each time "${source.name}" succeeds.`,
      plan: {
        summary: `Start "${agent.name}" with the output of "${source.name}" each time it succeeds.`,
        questions: [],
        operations: [
          {
            type: 'chainAgents',
            from: { agentId: source.id, agentName: source.name },
            to: { agentId: agent.id, agentName: agent.name },
            on: 'success',
            ...(mapping ? { mapping } : {}),
          },
        ],
      },
    };
  }
  return undefined;
};
