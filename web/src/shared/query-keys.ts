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
  // Workspace settings.
  apiTokens: (ws: string) => ['ws', ws, 'api-tokens'] as const,
  auditLogs: (ws: string) => ['ws', ws, 'audit'] as const,
  auditLog: (ws: string, filters: Record<string, string | undefined>) =>
    ['ws', ws, 'audit', filters] as const,
  auditActions: (ws: string) => ['ws', ws, 'audit', 'actions'] as const,
  webhookSecret: (ws: string) => ['ws', ws, 'webhook-secret'] as const,
  // Automations: an agent's one-off runs and its hooks' calls sit under the agent's key, so they
  // refresh with it; the workspace's hooks and schedule previews have keys of their own.
  oneOffRuns: (ws: string, agentId: string) => ['ws', ws, 'agents', agentId, 'one-off-runs'] as const,
  hookCalls: (ws: string, agentId: string, hookId: string) =>
    ['ws', ws, 'agents', agentId, 'hooks', hookId, 'calls'] as const,
  workspaceHooks: (ws: string) => ['ws', ws, 'hooks'] as const,
  schedulePreview: (ws: string, source: { cron?: string; text?: string; timezone: string }) =>
    ['ws', ws, 'schedule-preview', source] as const,
  /** The signed-in person's own account, outside any workspace. The user memory (/api/me/memory): the account page edits it, the schedule forms read its zone. */
  accountMemory: ['account', 'memory'] as const,
  accountSessions: ['account', 'sessions'] as const,
  accountEvents: ['account', 'events'] as const,
  /** Plans made from suggestions, shown in the chat (client state: nothing to fetch). */
  acceptedPlans: (ws: string) => ['ws', ws, 'accepted-plans'] as const,
  /** Pages of files (deliverables) under filters: under `agents`, so run events refresh them. */
  fileList: (ws: string, filters: Record<string, string | undefined>) =>
    ['ws', ws, 'agents', 'files', filters] as const,
  file: (ws: string, fileId: string) => ['ws', ws, 'files', fileId] as const,
  /** Every version of a file: under `agents`, so a run that saves a new version refreshes it. */
  fileVersions: (ws: string, fileId: string) => ['ws', ws, 'agents', 'file-versions', fileId] as const,
  exportProfile: (ws: string) => ['ws', ws, 'export-profile'] as const,
  /** Shared context: under `agents`, so run events (a run may write context) refresh it. */
  context: (ws: string) => ['ws', ws, 'agents', 'shared-context'] as const,
  agentMemory: (ws: string, agentId: string) => ['ws', ws, 'agents', agentId, 'memory'] as const,
  /** Connected accounts; one account's key sits below the list's, so a change refreshes both. */
  connections: (ws: string) => ['ws', ws, 'connections'] as const,
  connection: (ws: string, connectionId: string) => ['ws', ws, 'connections', connectionId] as const,
  /** Workrooms and their counts: under `agents`, so run events (runs and files count in them) refresh them. */
  workrooms: (ws: string) => ['ws', ws, 'agents', 'workrooms'] as const,
  workroom: (ws: string, workroomId: string) => ['ws', ws, 'agents', 'workrooms', workroomId] as const,
  /** Credits: under `agents`, so run events (runs hold and spend credits) refresh them. */
  creditsAll: (ws: string) => ['ws', ws, 'agents', 'credits'] as const,
  credits: (ws: string) => ['ws', ws, 'agents', 'credits', 'summary'] as const,
  creditLedger: (ws: string) => ['ws', ws, 'agents', 'credits', 'ledger'] as const,
  creditUsage: (ws: string, groupBy: string, from: string, to: string) =>
    ['ws', ws, 'agents', 'credits', 'usage', groupBy, from, to] as const,
  agentBudget: (ws: string, agentId: string) => ['ws', ws, 'agents', 'credits', 'budget', agentId] as const,
  workroomBudget: (ws: string, workroomId: string) =>
    ['ws', ws, 'agents', 'credits', 'workroom-budget', workroomId] as const,
};
