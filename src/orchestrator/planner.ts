// The one contract both planners (built-in and LLM) follow: a message in, a reply and maybe a
// plan out. Planners only propose; nothing changes until the user approves the plan.
import type { AgentSpec } from '../domain/agent-spec.ts';
import type { ChainConditionName, PlannedChange, ScheduleState } from '../domain/plan.ts';
import type { WorkspaceScope } from '../store/store.ts';
import type { ConversationContext, OpenQuestion } from './conversation-state.ts';
import type { NotificationPreference } from './notification-preference.ts';

/** An agent's schedule as planners see it: the cron in words and when it fires next. */
export interface ScheduleSnapshot extends ScheduleState {
  description: string;
  nextRun: string | null;
  /** When the schedule was set as it is: advice counts only the runs since. */
  setAt?: string;
}

export interface ChainSnapshot {
  fromAgentId: string;
  toAgentId: string;
  on: ChainConditionName;
  mapping: string | null;
  enabled: boolean;
}

/** Why a run failed, with what troubleshooting needs of the error's details. */
export interface RunErrorSnapshot {
  code: string;
  message: string;
  stepId?: string;
  /** Where the failure screenshot of a browser step can be fetched, when it has one. */
  screenshot?: string;
  /** The page the browser was at, or the HTTP status an address answered. */
  url?: string;
  status?: number;
  /** The selector that matched nothing. */
  selector?: string;
}

/** One of an agent's newest runs, compact: what answers about runs and failures need. */
export interface RecentRunSnapshot {
  id: string;
  status: string;
  /** What started it: manual, orchestrator, schedule, webhook, chain or agent. */
  trigger: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Its time from start to end, when it has finished. */
  seconds: number | null;
  /** Language-model tokens it used, input and output together. */
  tokens: number;
  error: { code: string; message: string; stepId?: string } | null;
}

/** An agent's runs of one calendar day, in the snapshot's time zone (UTC when it has none). */
export interface RunDaySnapshot {
  /** YYYY-MM-DD. */
  day: string;
  runs: number;
  succeeded: number;
  failed: number;
  tokens: number;
  seconds: number;
}

/** An agent's recent history: its newest runs, and its runs per day over the last weeks. */
export interface RunHistorySnapshot {
  /** Newest first. */
  recent: RecentRunSnapshot[];
  /** Oldest first; days without runs are left out. */
  days: RunDaySnapshot[];
  /** The first day `days` covers: before it, nothing is counted. */
  since: string;
}

/** An inbound webhook of an agent as planners see it: its name and use, never its token. */
export interface HookSnapshot {
  name: string;
  enabled: boolean;
  signed: boolean;
  lastUsedAt: string | null;
}

/** A connected account as planners see it: never its secret. */
export interface ConnectionSnapshot {
  id: string;
  workspaceId: string;
  service: string;
  label: string;
  kind: 'api_key' | 'login' | 'oauth2';
  isDefault: boolean;
  status: 'untested' | 'working' | 'failing';
  /** The hosts its credential may be sent to: a portal's address finds its account by them. */
  allowedHosts?: string[];
  /** A login's own sign-in page, when it has one (its test signs in there). */
  loginUrl?: string;
}

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
      error?: RunErrorSnapshot | null;
      finishedAt?: string | null;
    };
    schedule?: ScheduleSnapshot;
    /** Its recent runs and their figures, for questions about runs, failures and costs. */
    history?: RunHistorySnapshot;
    /** One-off runs still ahead ("next Tuesday at 3pm"), soonest first. */
    oneOffRuns?: { runAt: string; timezone: string }[];
    /** Its inbound webhooks (never their tokens): calls to them start it. */
    hooks?: HookSnapshot[];
  }[];
  chains: ChainSnapshot[];
  /** The workspace's connected accounts (left out where a planner has no use for them). */
  connections?: ConnectionSnapshot[];
  /** The user's time zone, from their memory. */
  timezone?: string;
  /** The workspace's credits and what was spent, for "what did X cost", "how many credits are left". */
  credits?: CreditSnapshot;
}

export interface CreditSnapshot {
  plan: string;
  balance: number;
  reserved: number;
  allowanceLeft: number;
  monthlyAllowance: number;
  periodEnds: string;
  /** Credits consumed per agent (null: the Orchestrator) and hour, over the snapshot's history. */
  spending: { agentId: string | null; hour: string; credits: number; runs: number }[];
}

/**
 * Reads of the workspace a planner may make while it thinks (an LLM's tools), each in a short
 * transaction of its own, scoped to the conversation's workspace by row-level security.
 */
export interface WorkspaceReader {
  read<T>(work: (scope: WorkspaceScope) => Promise<T>): Promise<T>;
}

export interface PlannerRequest {
  text: string;
  snapshot: WorkspaceSnapshot;
  /** The planner's own notes from the open plan of this conversation, when it asked questions. */
  draft?: Record<string, unknown>;
  /**
   * The language model configured for the workspace's agents (llm.generate), by name; left out
   * when none is: the built-in planner then builds no agent that needs one.
   */
  languageModel?: string;
  /** The address of the person asking: "e-mail me" means this. */
  userEmail?: string;
  /** Where the person prefers to be told, from their memory: "tell me" with no channel goes there. */
  notificationPreference?: NotificationPreference;
  /** The agent this conversation was last about (by a plan, an answer or the user): "it". */
  lastAgentName?: string;
  /** What the conversation remembers: its agents, the plan waiting for approval, an open question. */
  conversation?: ConversationContext;
  /** The time the request is planned at (next firing times count from it); now when left out. */
  now?: Date;
  /**
   * Called with the reply as it is written, for planners that write it gradually (an LLM).
   * `restart` means the reply so far is dropped: the planner is writing it again.
   */
  onReplyDelta?(delta: string, restart: boolean): void;
  /** Aborted when the person stops the message: a planner that waits on a model gives up. */
  signal?: AbortSignal;
  /** The workspace itself, for a planner that reads more of it than the snapshot holds. */
  workspace?: WorkspaceReader;
}

export interface PlannerAnswer {
  reply: string;
  /** Absent for answers that change nothing (a question about the workspace). */
  plan?: PlannedChange & { draft?: Record<string, unknown> };
  /** A question the reply asks only in its words, and what the answer to it fills. */
  openQuestion?: OpenQuestion;
  /** The agents the answer is about, when its words do not name them exactly. */
  referents?: string[];
  /** The request a follow-up was read as, in full words ("same for X" → "pause the X"). */
  understood?: string;
  /** What the reply offers to do, as a request a "yes" or "do it" next asks for. */
  offer?: string;
}

export interface Planner {
  readonly name: string;
  plan(request: PlannerRequest): Promise<PlannerAnswer>;
  /**
   * Whether answering needs the agents' run history: reading it costs a pass over a month of
   * runs, so a planner that can tell says when it does not. Left out, it is always read.
   */
  needsRunHistory?(text: string, draft?: Record<string, unknown>): boolean;
}
