// One place for TanStack Query keys, so a live event or a mutation in one feature refreshes the
// views of every other feature that shows the same data. Every key starts with the workspace.
export const queryKeys = {
  me: ['me'] as const,
  workspace: (ws: string) => ['ws', ws] as const,
  agents: (ws: string) => ['ws', ws, 'agents'] as const,
  agent: (ws: string, agentId: string) => ['ws', ws, 'agents', agentId] as const,
  /** Everything below an agent's key is refreshed with it (live events refresh `agents`). */
  agentRuns: (ws: string, agentId: string) => ['ws', ws, 'agents', agentId, 'runs'] as const,
  agentSchedule: (ws: string, agentId: string) => ['ws', ws, 'agents', agentId, 'schedule'] as const,
  agentHooks: (ws: string, agentId: string) => ['ws', ws, 'agents', agentId, 'hooks'] as const,
  agentVersions: (ws: string, agentId: string) => ['ws', ws, 'agents', agentId, 'versions'] as const,
  /** A version never changes, so it stays outside `agents`, which live events refresh. */
  agentVersion: (ws: string, agentId: string, version: number) =>
    ['ws', ws, 'agent-versions', agentId, version] as const,
  /** The newest runs of the workspace, for the overview: under `agents` so run events refresh it. */
  recentRuns: (ws: string) => ['ws', ws, 'agents', 'recent-runs'] as const,
  runs: (ws: string) => ['ws', ws, 'runs'] as const,
  run: (ws: string, runId: string) => ['ws', ws, 'runs', runId] as const,
  /** Pages of the run list under its filters; every filtered list refreshes with `runLists`. */
  runLists: (ws: string) => ['ws', ws, 'runs', 'lists'] as const,
  runList: (ws: string, filters: Record<string, string | undefined>) =>
    ['ws', ws, 'runs', 'lists', filters] as const,
  runPipeline: (ws: string, runId: string) => ['ws', ws, 'runs', runId, 'pipeline'] as const,
  runFiles: (ws: string, runId: string) => ['ws', ws, 'runs', runId, 'files'] as const,
  /** The workspace's agents by name, for pickers and labels (a page of up to 200). */
  agentNames: (ws: string) => ['ws', ws, 'agents', 'names'] as const,
  schedules: (ws: string) => ['ws', ws, 'schedules'] as const,
  chains: (ws: string) => ['ws', ws, 'chains'] as const,
  conversations: (ws: string) => ['ws', ws, 'conversations'] as const,
  members: (ws: string) => ['ws', ws, 'members'] as const,
  invitations: (ws: string) => ['ws', ws, 'invitations'] as const,
  conversation: (ws: string, conversationId: string) => ['ws', ws, 'conversations', conversationId] as const,
  plans: (ws: string) => ['ws', ws, 'plans'] as const,
  /** The caller's plans waiting for approval. */
  pendingPlans: (ws: string) => ['ws', ws, 'plans', 'pending'] as const,
  plan: (ws: string, planId: string) => ['ws', ws, 'plans', planId] as const,
  suggestions: (ws: string) => ['ws', ws, 'suggestions'] as const,
  /** Connected accounts; one account's key sits below the list's, so a change refreshes both. */
  connections: (ws: string) => ['ws', ws, 'connections'] as const,
  connection: (ws: string, connectionId: string) => ['ws', ws, 'connections', connectionId] as const,
};
