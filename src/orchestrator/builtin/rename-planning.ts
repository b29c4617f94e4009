// Renaming an agent: "rename X to Y", "call X Y instead", "X should be called Y". Names are
// unique in a workspace, so a name another agent has is a question, not a plan that fails on
// approval. Agents that call the renamed one by its name (agent.call) are changed with it.
import { validateAgentSpec } from '../../domain/agent-spec.ts';
import type { PlanOperation } from '../../domain/plan.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { resolveAgent } from './agent-choice.ts';
import { type AgentVerbDraft, askWhichAgent, type SnapshotAgent } from './agent-verb-drafts.ts';
import { leadingAgent } from './leading-agent.ts';
import { updateOperation } from './new-agents.ts';
import { nameTakenBy, readNewName } from './new-names.ts';
import { renamePatterns, renameSeparators } from './vocabulary/agent-verb-vocabulary.ts';

export interface RenameReading {
  agents: SnapshotAgent[];
  name: string;
}

function reading(agentWords: string, nameWords: string, request: PlannerRequest): RenameReading | undefined {
  const name = readNewName(nameWords);
  if (!name) return undefined;
  const resolution = resolveAgent(agentWords, request.snapshot.agents, request.lastAgentName);
  if (resolution.kind === 'none') return undefined;
  return { agents: resolution.kind === 'one' ? [resolution.agent] : resolution.candidates, name };
}

/** The agent (or the agents it might be) and the new name a request asks for; undefined when it asks no rename. */
export function readRename(text: string, request: PlannerRequest): RenameReading | undefined {
  for (const pattern of renamePatterns) {
    const groups = pattern.exec(text)?.groups;
    if (!groups) continue;
    if (groups.agent !== undefined && groups.name !== undefined) {
      const found = reading(groups.agent, groups.name, request);
      if (found) return found;
      continue;
    }
    const rest = groups.rest ?? '';
    // "rename X to Y": the first "to" after which the words before it name an agent.
    for (const separator of rest.matchAll(renameSeparators)) {
      const found = reading(
        rest.slice(0, separator.index),
        rest.slice(separator.index + separator[0].length),
        request,
      );
      if (found) return found;
    }
    // "call X Y": the agent's words first, the name after them.
    const leading = leadingAgent(rest, request.snapshot.agents, request.lastAgentName);
    const name = leading && readNewName(leading.rest);
    if (leading && name) {
      const { resolution } = leading;
      return { agents: resolution.kind === 'one' ? [resolution.agent] : resolution.candidates, name };
    }
  }
  return undefined;
}

/** Another agent that calls `agent` by its name, changed to call it by the new one. */
function callersRenamed(
  agent: SnapshotAgent,
  name: string,
  agents: readonly SnapshotAgent[],
): PlanOperation[] {
  const operations: PlanOperation[] = [];
  for (const caller of agents) {
    if (caller.id === agent.id) continue;
    let changed = false;
    const steps = caller.spec.steps.map((step) => {
      if (step.tool !== 'agent.call' || String(step.with.agent).toLowerCase() !== agent.name.toLowerCase())
        return step;
      changed = true;
      return { ...step, with: { ...step.with, agent: name } };
    });
    if (!changed) continue;
    operations.push(updateOperation(caller, { ...caller.spec, steps }));
  }
  return operations;
}

export function planRename(agent: SnapshotAgent, name: string, request: PlannerRequest): PlannerAnswer {
  if (agent.name === name) return { reply: `"${agent.name}" is already called that.` };
  const taken = nameTakenBy(name, request.snapshot.agents, agent.id);
  if (taken) {
    const text = `Another agent is already called "${taken.name}", and names are unique in a workspace. What other name should "${agent.name}" have?`;
    return {
      reply: text,
      plan: {
        summary: `Waiting for another name for "${agent.name}".`,
        questions: [{ id: 'name', text }],
        operations: [],
        draft: {
          kind: 'agentVerb',
          agentVerb: 'rename',
          agentId: agent.id,
        } satisfies AgentVerbDraft as unknown as Record<string, unknown>,
      },
    };
  }
  const spec = { ...agent.spec, name };
  const validation = validateAgentSpec(spec);
  if (!validation.success)
    return {
      reply: `"${name}" cannot be an agent's name: ${validation.issues.map((issue) => issue.message).join('; ')}. Say another one.`,
      openQuestion: { text: 'Which name?', fills: 'change', agentName: agent.name },
    };
  const callers = callersRenamed(agent, name, request.snapshot.agents);
  const callerWords =
    callers.length > 0
      ? ` ${callers.map((operation) => `"${'agentName' in operation ? operation.agentName : ''}"`).join(', ')} call${callers.length === 1 ? 's' : ''} it by name, so I change ${callers.length === 1 ? 'that agent' : 'those agents'} to call "${name}".`
      : '';
  return {
    reply: `I will rename "${agent.name}" to "${name}"; its runs, schedule and chains stay with it.${callerWords} Approve to make it version ${agent.version + 1}.`,
    plan: {
      summary: `Rename "${agent.name}" to "${name}".`,
      questions: [],
      operations: [
        {
          type: 'updateAgent',
          agentId: agent.id,
          agentName: agent.name,
          expectedVersion: agent.version,
          spec: validation.spec as unknown as Record<string, unknown>,
          before: agent.spec as unknown as Record<string, unknown>,
        },
        ...callers,
      ],
    },
  };
}

/** A rename the request asks for, or a question which agent it means. */
export function renameRequest(text: string, request: PlannerRequest): PlannerAnswer | undefined {
  const found = readRename(text, request);
  if (!found) return undefined;
  const [only] = found.agents;
  if (found.agents.length === 1 && only) return planRename(only, found.name, request);
  return askWhichAgent('rename', found.agents, { name: found.name });
}
