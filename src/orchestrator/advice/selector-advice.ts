// Advice from healed selectors: when a step's selector stopped matching and the LLM found the new
// one (runtime/tools/selector-healing.ts), the run went on with it; this proposes the change to
// the agent itself, so its runs stop depending on healing. One suggestion per agent version for
// the selectors it healed: the same heal in many runs is one suggestion, a dismissed one is not
// made again, and once accepted the agent's new version no longer has the old selectors.
import type { AgentSpec } from '../../domain/agent-spec.ts';
import type { HealedSelectorEvent } from '../../store/healed-selector-repository.ts';
import { agentChange } from '../fixes.ts';
import { type Adviser, canonicalJson, suggestionId } from './advice-context.ts';

const healableFields = new Set(['selector', 'records']);

function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  const selector = (value as { selector?: unknown } | null)?.selector;
  return typeof selector === 'string' ? `records "${selector}"` : JSON.stringify(value);
}

export const selectorChanged: Adviser = ({ agent, input }) => {
  // Only heals of the agent as it is now: an older version's steps may be gone or changed.
  const heals = (input.healedSelectors ?? []).filter(
    (heal) => heal.agentId === agent.id && heal.agentVersion === agent.version,
  );
  if (heals.length === 0) return undefined;
  // Newest first: for a selector healed in several runs, the newest replacement is proposed.
  const newest = new Map<string, HealedSelectorEvent>();
  for (const heal of heals) {
    const key = `${heal.stepId}\n${heal.field}\n${canonicalJson(heal.from)}`;
    if (!newest.has(key)) newest.set(key, heal);
  }
  const spec: AgentSpec = structuredClone(agent.spec);
  const changes: HealedSelectorEvent[] = [];
  for (const heal of newest.values()) {
    const step = spec.steps.find((candidate) => candidate.id === heal.stepId);
    // A selector made from an expression, or changed since, is not the one that was healed.
    if (
      !step ||
      !healableFields.has(heal.field) ||
      canonicalJson(step.with[heal.field]) !== canonicalJson(heal.from)
    )
      continue;
    step.with[heal.field] = heal.to;
    changes.push(heal);
  }
  if (changes.length === 0) return undefined;
  const runs = new Set(heals.map((heal) => heal.runId)).size;
  const listed = changes
    .map((change) => `step "${change.stepId}": ${shown(change.from)} → ${shown(change.to)}`)
    .join('; ');
  return {
    id: suggestionId(
      'selector_changed',
      agent,
      ...changes.map(
        (change) =>
          `${change.stepId}\n${change.field}\n${canonicalJson(change.from)}\n${canonicalJson(change.to)}`,
      ),
    ),
    kind: 'selector_changed',
    agentId: agent.id,
    agentName: agent.name,
    reason: `The page "${agent.name}" works on has changed, and its selectors no longer match (${listed}). The LLM found the new ones, and ${runs === 1 ? 'a run' : `${runs} runs`} went on with them; accept to keep them in the agent, so its runs no longer depend on healing.`,
    plan: {
      summary: `Update the selectors of "${agent.name}" to the page as it is now.`,
      questions: [],
      operations: [agentChange(agent, spec)],
    },
  };
};
