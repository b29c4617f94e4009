// Agents named on the command line by id or by name: people remember names, scripts keep ids.
import { callApi, workspacePath } from './api-client.ts';
import type { WorkspaceSettings } from './client-settings.ts';
import { CliError, exitCodes } from './exit-codes.ts';

export interface ListedAgent {
  id: string;
  name: string;
  version: number;
  status: string;
  spec: Record<string, unknown>;
  lastRun?: { status: string; createdAt: string } | null;
  schedule?: { description: string; enabled: boolean } | null;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id of the agent named by `reference`: an id as it is, a name looked up (exactly, then ignoring case). */
export async function agentId(settings: WorkspaceSettings, reference: string): Promise<string> {
  if (uuid.test(reference)) return reference;
  const page = await callApi<{ items: ListedAgent[] }>(
    settings,
    'GET',
    `${workspacePath(settings.workspace)}/agents?limit=200&q=${encodeURIComponent(reference.slice(0, 80))}`,
  );
  const exact = page.items.filter((agent) => agent.name === reference);
  const loose = page.items.filter((agent) => agent.name.toLowerCase() === reference.toLowerCase());
  const found = exact.length === 1 ? exact[0] : loose.length === 1 ? loose[0] : undefined;
  if (found) return found.id;
  throw new CliError(
    loose.length > 1
      ? `Several agents are named "${reference}" ignoring case; name it exactly or by id.`
      : `No agent named "${reference}" in the workspace "${settings.workspace}". orca agents list shows them.`,
    exitCodes.notFound,
    'agent_not_found',
  );
}
