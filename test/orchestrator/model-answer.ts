// The answer a correct model writes for a planner's answer: the same plan, in the LLM's words
// (agents by name, the JSON shape the LLM planner asks for). Scripted models answer with it.
import type { PlanOperation } from '../../src/domain/plan.ts';
import type { PlannerAnswer, WorkspaceSnapshot } from '../../src/orchestrator/planner.ts';

/** The plan a correct model writes for a case: what the built-in planner proposes, in the LLM's words. */
export function modelAnswer(answer: PlannerAnswer, snapshot: WorkspaceSnapshot) {
  const byId = new Map(snapshot.agents.map((agent) => [agent.id, agent.name]));
  return {
    reply: answer.reply,
    summary: answer.plan?.summary ?? '',
    questions: answer.plan?.questions ?? [],
    operations: (answer.plan?.operations ?? []).map((operation: PlanOperation) => {
      switch (operation.type) {
        case 'createAgent':
          return { type: operation.type, spec: operation.spec };
        case 'updateAgent':
          return { type: operation.type, agent: operation.agentName, spec: operation.spec };
        case 'runAgent':
          return {
            type: operation.type,
            agent: (operation.agentId && byId.get(operation.agentId)) || operation.agentName,
            input: operation.input,
          };
        case 'scheduleAgent':
          return {
            type: operation.type,
            agent: operation.agentName,
            ...(operation.runAt
              ? { runAt: operation.runAt }
              : operation.cron
                ? { cron: operation.cron }
                : { text: operation.text }),
            timezone: operation.timezone,
            input: operation.input,
            missed: operation.missed,
          };
        case 'chainAgents':
          return {
            type: operation.type,
            from: operation.from.agentName,
            to: operation.to.agentName,
            on: operation.on,
            mapping: operation.mapping,
          };
        case 'unchainAgents':
          return { type: operation.type, from: operation.from.agentName, to: operation.to.agentName };
        case 'connectAccount':
          return {
            type: operation.type,
            service: operation.service,
            kind: operation.kind,
            label: operation.label,
            settings: operation.settings,
          };
        default:
          return { type: operation.type, agent: operation.agentName };
      }
    }),
  };
}
