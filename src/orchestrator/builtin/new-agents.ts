// What every new agent the built-in planner proposes shares: its spec as it will be stored, a
// name no other agent has, and the schedule its request asked for.
import { validateAgentSpec } from '../../domain/agent-spec.ts';
import { OrcaError } from '../../domain/errors.ts';
import type { PlanOperation } from '../../domain/plan.ts';
import type { PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { onceInWords } from './one-off-planning.ts';
import { inSentence, nextTimesInWords, scheduleOperation } from './schedule-planning.ts';

/** The spec as it will be stored (defaults filled in), so the plan shows exactly what applies. */
export function withDefaults(spec: object): Record<string, unknown> {
  const validation = validateAgentSpec(spec);
  return (validation.success ? validation.spec : spec) as Record<string, unknown>;
}

/**
 * A change to an existing agent: its new spec as it will be stored, against the version and spec
 * it had when planned (apply refuses if it changed meanwhile; the card shows before → after).
 */
export function updateOperation(
  agent: Pick<WorkspaceSnapshot['agents'][number], 'id' | 'name' | 'version' | 'spec'>,
  spec: object,
): PlanOperation {
  return {
    type: 'updateAgent',
    agentId: agent.id,
    agentName: agent.name,
    expectedVersion: agent.version,
    spec: withDefaults(spec),
    before: agent.spec as unknown as Record<string, unknown>,
  };
}

/** The wanted name, or with a number after it when an agent has it already. */
export function uniqueName(wanted: string, agents: readonly WorkspaceSnapshot['agents'][number][]) {
  const taken = new Set(agents.map((agent) => agent.name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let number = 2; ; number++) {
    const candidate = `${wanted} ${number}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** The schedule a request for a new agent asked for, as the plan's last operation, with its words. */
export function scheduleNewAgent(
  agentName: string,
  schedule: { words: string; timezone?: string } | { runAt: string; timezone: string } | undefined,
  request: PlannerRequest,
): { operation?: PlanOperation; reply: string; summary: string } {
  if (!schedule) return { reply: '', summary: '' };
  if ('runAt' in schedule) {
    const description = onceInWords(new Date(schedule.runAt), schedule.timezone, request.now ?? new Date());
    return {
      operation: {
        type: 'scheduleAgent',
        agentName,
        runAt: schedule.runAt,
        timezone: schedule.timezone,
        description,
        nextRuns: [schedule.runAt],
      },
      reply: ` Then it runs ${inSentence(description)}.`,
      summary: `; then run it ${inSentence(description)}`,
    };
  }
  try {
    const { operation, preview } = scheduleOperation({ agentName }, { kind: 'found', ...schedule }, request);
    return {
      operation,
      reply: ` Then it runs ${inSentence(preview.description)}. ${nextTimesInWords(preview.nextRuns, preview.timezone)} (${preview.timezoneNote}).`,
      summary: `; then run it ${inSentence(preview.description)}, ${preview.timezoneNote}`,
    };
  } catch (error) {
    if (!(error instanceof OrcaError)) throw error;
    return { reply: ` I did not schedule it: ${error.message}`, summary: '' };
  }
}
