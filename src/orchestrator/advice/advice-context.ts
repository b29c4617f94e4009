// What every piece of advice reads and makes: the agent with its run figures, and a suggestion
// whose id names what it was computed from, so a dismissed one is not made again until that
// changes.
import { createHash } from 'node:crypto';
import type { PlannedChange, PlanOperation } from '../../domain/plan.ts';
import type { HealedSelectorEvent } from '../../store/healed-selector-repository.ts';
import type { AgentRunStats, RecentRun, StepFigures } from '../../store/run-repository.ts';
import { scheduleState } from '../builtin/schedule-planning.ts';
import type { ScheduleSnapshot, WorkspaceSnapshot } from '../planner.ts';
import { schedulePreview } from '../schedule-preview.ts';
import { slowerSchedule } from './slower-schedule.ts';

export const suggestionKinds = [
  'repeated_failures',
  'never_runs',
  'split',
  'chain',
  'cost',
  'never_changes',
  'costly_step',
  'selector_changed',
  // A newer version of the agent a promoted agent came from (src/promote/promotion-updates.ts).
  'promotion_update',
  'learned_pattern',
] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

export interface Suggestion {
  id: string;
  kind: SuggestionKind;
  agentId: string;
  agentName: string;
  /** Why, with the figures seen. */
  reason: string;
  plan: PlannedChange;
  /** For a plan with questions: the built-in planner's draft that the answers complete. */
  draft?: Record<string, unknown>;
}

export type SnapshotAgent = WorkspaceSnapshot['agents'][number];

export interface AdvisorInput {
  snapshot: WorkspaceSnapshot;
  stats: AgentRunStats[];
  /** Each agent's newest finished runs, newest first. */
  recentRuns: RecentRun[];
  /** Each agent's steps with what they spent over its newest succeeded runs. */
  stepFigures?: StepFigures[];
  /** When each agent was created. */
  createdAt: Map<string, Date>;
  now: Date;
  /** The configured LLM (ORCA_LLM), whose cheaper siblings the cost advice may propose. */
  llm?: { provider: string; modelName: string };
  /** Selectors steps healed in each agent's newest runs, newest first (selector-advice.ts). */
  healedSelectors?: HealedSelectorEvent[];
}

/** One agent, as each piece of advice looks at it. */
export interface AgentAdvice {
  agent: SnapshotAgent;
  stats?: AgentRunStats;
  /** The agent's newest finished runs, newest first. */
  runs: RecentRun[];
  /** What each of the agent's steps spent over its newest succeeded runs. */
  steps: StepFigures[];
  input: AdvisorInput;
  runsOf(agentId: string): RecentRun[];
}

export type Adviser = (advice: AgentAdvice) => Suggestion | undefined;

/** A suggestion's id: its kind, the agent and its version, and anything else it was computed from. */
export function suggestionId(kind: SuggestionKind, agent: SnapshotAgent, ...more: string[]): string {
  const base = `${kind}-${agent.id}-v${agent.version}`;
  if (more.length === 0) return base;
  // Ids go in URL paths: what else they name is hashed to a few safe characters.
  return `${base}-${createHash('sha256').update(more.join('\n')).digest('hex').slice(0, 12)}`;
}

/** JSON with object keys sorted, so equal values compare equal whatever order a database gave. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The runs since the schedule was set as it is: those tell how that schedule serves. */
export function runsSinceScheduled(runs: readonly RecentRun[], schedule: ScheduleSnapshot): RecentRun[] {
  const since = schedule.setAt ? new Date(schedule.setAt).getTime() : 0;
  return runs.filter((run) => run.createdAt.getTime() >= since);
}

/**
 * A plan that moves an enabled schedule one step slower, keeping its time zone, input and
 * missed-firing policy; undefined when it is as slow as advice goes.
 */
export function slowerSchedulePlan(
  agent: SnapshotAgent,
  now: Date,
): { plan: PlannedChange; from: string; to: string; cron: string } | undefined {
  const schedule = agent.schedule;
  if (!schedule?.enabled) return undefined;
  const slower = slowerSchedule(schedule.cron);
  if (!slower) return undefined;
  const preview = schedulePreview({ cron: slower.cron, timezone: schedule.timezone }, undefined, now);
  const operation: PlanOperation = {
    type: 'scheduleAgent',
    agentId: agent.id,
    agentName: agent.name,
    cron: slower.cron,
    timezone: preview.timezone,
    input: schedule.input,
    missed: schedule.missed,
    description: preview.description,
    nextRuns: preview.nextRuns,
    before: scheduleState(schedule),
  };
  return {
    plan: {
      summary: `Run "${agent.name}" ${slower.to} instead of ${slower.from}: ${preview.description}.`,
      questions: [],
      operations: [operation],
    },
    from: slower.from,
    to: slower.to,
    cron: schedule.cron,
  };
}
