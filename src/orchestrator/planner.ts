// The one contract both planners (built-in and LLM) follow: a message in, a reply and maybe a
// plan out. Planners only propose; nothing changes until the user approves the plan.
import type { AgentSpec } from '../domain/agent-spec.ts';
import type { PlannedChange } from '../domain/plan.ts';

/** What a planner knows of the workspace: compact, and the same for both planners. */
export interface WorkspaceSnapshot {
  agents: {
    id: string;
    name: string;
    status: 'active' | 'paused';
    version: number;
    spec: AgentSpec;
    lastRun?: {
      id: string;
      status: string;
      error?: { code: string; message: string; stepId?: string } | null;
      finishedAt?: string | null;
    };
  }[];
  timezone?: string;
}

export interface PlannerRequest {
  text: string;
  snapshot: WorkspaceSnapshot;
  /** The planner's own notes from the open plan of this conversation, when it asked questions. */
  draft?: Record<string, unknown>;
  /** The address of the person asking: "e-mail me" means this. */
  userEmail?: string;
  /**
   * Called with the reply as it is written, for planners that write it gradually (an LLM).
   * `restart` means the reply so far is dropped: the planner is writing it again.
   */
  onReplyDelta?(delta: string, restart: boolean): void;
}

export interface PlannerAnswer {
  reply: string;
  /** Absent for answers that change nothing (a question about the workspace). */
  plan?: PlannedChange & { draft?: Record<string, unknown> };
}

export interface Planner {
  readonly name: string;
  plan(request: PlannerRequest): Promise<PlannerAnswer>;
}
