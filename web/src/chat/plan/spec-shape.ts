// Agent specs as the plan card reads them. The API gives a plan's operations (and their specs) as
// open JSON records; the types come from the server's own schemas (type-only imports, nothing of
// the server is bundled), and every reader here still copes with a field that is missing.
import type { AgentSpec, AgentStep } from '../../../../src/domain/agent-spec.ts';
import type { PlanOperation } from '../../../../src/domain/plan.ts';

export type { AgentSpec, AgentStep, PlanOperation };

/** A spec as it arrives: possibly partial (an LLM's draft is validated only when approved). */
export type StepRecord = Omit<Partial<AgentStep>, 'tool'> & { tool?: string } & Record<string, unknown>;
export type SpecRecord = Omit<Partial<AgentSpec>, 'steps'> & { steps?: StepRecord[] } & Record<
    string,
    unknown
  >;

export function stepsOf(spec: SpecRecord | undefined): StepRecord[] {
  return Array.isArray(spec?.steps) ? spec.steps : [];
}

export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A value in a line of text: strings as they are, anything else as compact JSON. */
export function valueText(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  return JSON.stringify(value);
}
