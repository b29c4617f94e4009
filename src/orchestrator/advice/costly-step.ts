// Advice about the one step that spends most of what an agent costs: its LLM tokens or its run
// time over the agent's newest succeeded runs. For an llm.generate step a cheaper model of the
// configured provider is proposed for that step alone; otherwise, for a scheduled agent, a slower
// schedule (running less often is what cuts a step that cannot be made cheaper).
import type { AgentSpec } from '../../domain/agent-spec.ts';
import type { PlannedChange } from '../../domain/plan.ts';
import type { StepFigures } from '../../store/run-repository.ts';
import { agentChange } from '../fixes.ts';
import { type Adviser, type SnapshotAgent, slowerSchedulePlan, suggestionId } from './advice-context.ts';
import { cheaperModel } from './cheaper-models.ts';

export const costlyStepFigures = {
  /** Succeeded runs with step figures needed before a share counts. */
  runs: 3,
  /** A step spending at least this share of the agent's tokens or time dominates it. */
  share: 0.6,
  /** Below these per run on average, an agent costs too little for advice about it. */
  tokensPerRun: 5_000,
  secondsPerRun: 30,
};

const count = (value: number) => Math.round(value).toLocaleString('en-US');
const percent = (share: number) => `${Math.round(share * 100)}%`;

interface Domination {
  step: StepFigures;
  measure: 'tokens' | 'seconds';
  share: number;
  total: number;
}

/** The step that dominates the agent's tokens (first) or time, if one does and it is worth it. */
function dominatingStep(steps: readonly StepFigures[], runs: number): Domination | undefined {
  for (const measure of ['tokens', 'seconds'] as const) {
    const total = steps.reduce((sum, step) => sum + step[measure], 0);
    const floor = measure === 'tokens' ? costlyStepFigures.tokensPerRun : costlyStepFigures.secondsPerRun;
    if (total / runs < floor) continue;
    const top = [...steps].sort((a, b) => b[measure] - a[measure])[0];
    if (top && top[measure] / total >= costlyStepFigures.share)
      return { step: top, measure, share: top[measure] / total, total };
  }
  return undefined;
}

function describe(found: Domination, agent: SnapshotAgent): string {
  const { step, measure, share, total } = found;
  const runs = step.runs;
  const spent =
    measure === 'tokens'
      ? `${count(step.tokens)} of its ${count(total)} LLM tokens (${percent(share)}; ${count(step.tokens / runs)} per run)`
      : `${count(step.seconds)} of its ${count(total)} seconds of run time (${percent(share)}; ${count(step.seconds / runs)} s per run)`;
  return `Step "${step.stepId}" (${step.tool}) is most of what "${agent.name}" costs: ${spent} over its last ${runs} successful runs`;
}

/** The plan that moves one llm.generate step to a cheaper model, if one is known. */
function cheaperStepPlan(
  agent: SnapshotAgent,
  stepId: string,
  llm: { provider: string; modelName: string } | undefined,
): { plan: PlannedChange; from: string; to: string } | undefined {
  const step = agent.spec.steps.find((candidate) => candidate.id === stepId);
  if (!llm || step?.tool !== 'llm.generate') return undefined;
  const named = step.with.model;
  // A model written as a template is chosen by each run: not this advice's to change.
  if (typeof named === 'string' && named.includes('{{')) return undefined;
  const from = typeof named === 'string' ? named : llm.modelName;
  const to = cheaperModel(llm.provider, from);
  if (!to) return undefined;
  const spec: AgentSpec = {
    ...agent.spec,
    steps: agent.spec.steps.map((candidate) =>
      candidate.id === stepId ? { ...candidate, with: { ...candidate.with, model: to } } : candidate,
    ),
  };
  return {
    from,
    to,
    plan: {
      summary: `Use ${to} instead of ${from} in step "${stepId}" of "${agent.name}".`,
      questions: [],
      operations: [agentChange(agent, spec)],
    },
  };
}

export const costlyStep: Adviser = ({ agent, steps, input }) => {
  if (agent.status !== 'active' || agent.spec.steps.length < 2) return undefined;
  // Figures of steps the agent no longer has (an older version's) say nothing about it now.
  const current = steps.filter((step) => agent.spec.steps.some((spec) => spec.id === step.stepId));
  const runs = current[0]?.runs ?? 0;
  if (runs < costlyStepFigures.runs) return undefined;
  const found = dominatingStep(current, runs);
  if (!found) return undefined;
  const figures = describe(found, agent);
  const reference = { kind: 'costly_step' as const, agentId: agent.id, agentName: agent.name };
  const cheaper = cheaperStepPlan(agent, found.step.stepId, input.llm);
  if (cheaper)
    return {
      id: suggestionId('costly_step', agent, found.step.stepId, cheaper.to),
      ...reference,
      reason: `${figures}. ${cheaper.to} costs far less per token than ${cheaper.from}: use it for this step, and check a test run's output still does.`,
      plan: cheaper.plan,
    };
  const slower = slowerSchedulePlan(agent, input.now);
  if (!slower || !agent.schedule) return undefined;
  return {
    id: suggestionId('costly_step', agent, found.step.stepId, slower.cron),
    ...reference,
    reason: `${figures}, running ${agent.schedule.description}. Running it ${slower.to} instead of ${slower.from} cuts what that step spends.`,
    plan: slower.plan,
  };
};
