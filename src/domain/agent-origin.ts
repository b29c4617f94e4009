// Where a promoted or imported agent came from: the workspace and agent it was copied from, and
// which version. Names are kept beside the ids so the agent panel can say "Promoted from Staging /
// Invoices v3" without reading a workspace the viewer may not belong to.
import { z } from 'zod';

export const agentOriginSchema = z.object({
  workspaceId: z.string().min(1).describe('The workspace the agent was promoted or imported from.'),
  workspaceName: z.string().describe('Its name at the time.'),
  agentId: z.string().min(1).describe('The agent there.'),
  agentName: z.string().describe('Its name at the time.'),
  version: z.number().int().min(1).describe('The version copied.'),
  via: z.enum(['promote', 'import']).describe('Promoted between workspaces, or imported from a file.'),
});

export type AgentOrigin = z.infer<typeof agentOriginSchema>;

/** Two origins name the same agent (whichever version each copied). */
export function sameOriginAgent(
  first: AgentOrigin | null | undefined,
  second: AgentOrigin | null | undefined,
) {
  return Boolean(
    first && second && first.workspaceId === second.workspaceId && first.agentId === second.agentId,
  );
}

/** "Staging / Invoices v3", as the agent panel and plan summaries say it. */
export function describeOrigin(origin: AgentOrigin): string {
  return `${origin.workspaceName} / ${origin.agentName} v${origin.version}`;
}
