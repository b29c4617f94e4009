// What the Orchestrator reads of workrooms: each with its agents by name, its runs this month, its
// files and its budget, and for one workroom its newest runs and files. Both planners read it
// (the built-in one to answer in words, the LLM through a tool), never the snapshot: most
// requests have nothing to do with workrooms, so it is read only when asked.
import { listAgents } from '../store/agent-repository.ts';
import { listDeliverables } from '../store/deliverable-repository.ts';
import { listRuns } from '../store/run-repository.ts';
import type { WorkspaceScope } from '../store/store.ts';
import {
  emptyFigures,
  listWorkrooms,
  startOfMonth,
  type WorkroomFigures,
  workroomFigures,
} from '../store/workroom-repository.ts';

/** Planners read at most this many workrooms and agents. */
const workroomLimit = 200;
const agentLimit = 1000;
const recentLimit = 5;

export interface WorkroomSummary {
  id: string;
  name: string;
  description: string;
  monthlyBudget: number | null;
  counts: WorkroomFigures;
  agents: string[];
}

export interface WorkroomOverview {
  workrooms: WorkroomSummary[];
  /** Agents in no workroom, by name. */
  agentsInNone: string[];
}

export async function readWorkroomOverview(scope: WorkspaceScope, now: Date): Promise<WorkroomOverview> {
  const workrooms = await listWorkrooms(scope, { limit: workroomLimit });
  const figures = await workroomFigures(
    scope,
    workrooms.map((workroom) => workroom.id),
    startOfMonth(now),
  );
  const agents = await listAgents(scope, { limit: agentLimit });
  const namesOf = (workroomId: string | null) =>
    agents.filter((agent) => agent.workroomId === workroomId).map((agent) => agent.name);
  return {
    workrooms: workrooms.map((workroom) => ({
      id: workroom.id,
      name: workroom.name,
      description: workroom.description,
      monthlyBudget: workroom.monthlyBudget,
      counts: figures.get(workroom.id) ?? { ...emptyFigures },
      agents: namesOf(workroom.id),
    })),
    agentsInNone: namesOf(null),
  };
}

export interface WorkroomRecent {
  runs: { id: string; agent: string; status: string; createdAt: string }[];
  files: { id: string; name: string; createdAt: string }[];
}

/** A workroom's newest runs (with their agents' names) and files. */
export async function readWorkroomRecent(scope: WorkspaceScope, workroomId: string): Promise<WorkroomRecent> {
  const runs = await listRuns(scope, { workroomId }, { limit: recentLimit });
  const files = await listDeliverables(scope, { workroomId }, { limit: recentLimit });
  const agents = await listAgents(scope, { limit: agentLimit });
  const nameOf = new Map(agents.map((agent) => [agent.id, agent.name]));
  return {
    runs: runs.map((run) => ({
      id: run.id,
      agent: nameOf.get(run.agentId) ?? 'a deleted agent',
      status: run.status,
      createdAt: run.createdAt.toISOString(),
    })),
    files: files.map((file) => ({ id: file.id, name: file.name, createdAt: file.createdAt.toISOString() })),
  };
}
