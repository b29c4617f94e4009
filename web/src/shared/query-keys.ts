// One place for TanStack Query keys, so a live event or a mutation in one feature refreshes the
// views of every other feature that shows the same data. Every key starts with the workspace.
export const queryKeys = {
  me: ['me'] as const,
  workspace: (ws: string) => ['ws', ws] as const,
  agents: (ws: string) => ['ws', ws, 'agents'] as const,
  agent: (ws: string, agentId: string) => ['ws', ws, 'agents', agentId] as const,
  runs: (ws: string) => ['ws', ws, 'runs'] as const,
  run: (ws: string, runId: string) => ['ws', ws, 'runs', runId] as const,
  schedules: (ws: string) => ['ws', ws, 'schedules'] as const,
  chains: (ws: string) => ['ws', ws, 'chains'] as const,
  conversations: (ws: string) => ['ws', ws, 'conversations'] as const,
  conversation: (ws: string, conversationId: string) => ['ws', ws, 'conversations', conversationId] as const,
  plans: (ws: string) => ['ws', ws, 'plans'] as const,
  plan: (ws: string, planId: string) => ['ws', ws, 'plans', planId] as const,
  agentSchedule: (ws: string, agentId: string) => ['ws', ws, 'agents', agentId, 'schedule'] as const,
  suggestions: (ws: string) => ['ws', ws, 'suggestions'] as const,
};
