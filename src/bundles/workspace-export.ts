// Writes a workspace into a bundle (src/domain/workspace-bundle.ts). Everything refers to agents
// and workrooms by name; nothing secret is read: hooks come through the repository's public
// columns (no token hash, no sealed signing secret) and connections without their sealed part.
import {
  bundleHookSettings,
  type WorkspaceBundle,
  workspaceBundleFormat,
  workspaceBundleFormatVersion,
} from '../domain/workspace-bundle.ts';
import { listChains } from '../store/chain-repository.ts';
import { listWorkspaceHooks } from '../store/hook-repository.ts';
import { listPendingOneOffRuns } from '../store/one-off-run-repository.ts';
import { listSchedules } from '../store/schedule-repository.ts';
import type { WorkspaceScope } from '../store/store.ts';
import {
  type ConnectionOutline,
  findExportProfileRow,
  listAgentsWithVersions,
  listAllMemoryEntries,
  listConnectionOutlines,
  listWorkroomRows,
} from '../store/workspace-bundle-repository.ts';
import { connectionSettings } from '../vault/connection-rules.ts';

/** Said in the file itself, so whoever opens it knows what it does not hold. */
export const bundleNotes = [
  'No secrets: connected accounts are listed without their passwords, keys, tokens or one-time-code seeds, and must be connected again after import.',
  'Hooks are listed without their addresses or signing secrets: an import gives each a new address (and a new signing secret when signed).',
  'Runs, their history and deliverables (files) are not included.',
  'Members, invitations and API tokens are not included.',
];

/**
 * Only the settings each kind declares, so that a field a later version keeps beside them is
 * not carried along unchecked. None of them is secret (connection-rules.ts keeps secrets apart).
 */
function clearSettings(connection: ConnectionOutline): Record<string, unknown> {
  const declared = Object.keys(connectionSettings[connection.kind].shape);
  return Object.fromEntries(
    Object.entries(connection.settings).filter(([field]) => declared.includes(field)),
  );
}

export async function exportWorkspace(
  scope: WorkspaceScope,
  source: { name: string; slug: string },
  now = new Date(),
): Promise<WorkspaceBundle> {
  const agents = await listAgentsWithVersions(scope);
  const rooms = await listWorkroomRows(scope);
  const agentName = new Map(agents.map((agent) => [agent.id, agent.name]));
  const roomName = new Map(rooms.map((room) => [room.id, room.name]));
  const nameOf = (agentId: string) => {
    const name = agentName.get(agentId);
    if (name === undefined) throw new Error(`agent ${agentId} is referred to but was not read`);
    return name;
  };
  const memory = await listAllMemoryEntries(scope);
  const entry = (row: (typeof memory)[number]) => ({
    key: row.key,
    value: row.value,
    text: row.text,
    tags: row.tags,
  });
  const profile = await findExportProfileRow(scope);

  return {
    format: workspaceBundleFormat,
    formatVersion: workspaceBundleFormatVersion,
    exportedAt: now.toISOString(),
    source,
    notes: bundleNotes,
    workrooms: rooms.map((room) => ({
      name: room.name,
      description: room.description,
      monthlyBudget: room.monthlyBudget,
    })),
    agents: agents.map((agent) => ({
      name: agent.name,
      status: agent.status,
      workroom: agent.workroomId ? (roomName.get(agent.workroomId) ?? null) : null,
      monthlyBudget: agent.monthlyBudget,
      currentVersion: agent.currentVersion,
      versions: agent.versions.map((version) => ({
        version: version.version,
        spec: version.spec,
        note: version.note,
        createdAt: version.createdAt.toISOString(),
      })),
      memory: memory.filter((row) => row.agentId === agent.id).map(entry),
    })),
    schedules: (await listSchedules(scope)).map((schedule) => ({
      agent: nameOf(schedule.agentId),
      cron: schedule.cron,
      timezone: schedule.timezone,
      text: schedule.text,
      input: schedule.input,
      enabled: schedule.enabled,
      missed: schedule.missed,
    })),
    oneOffRuns: (await listPendingOneOffRuns(scope)).map((run) => ({
      agent: nameOf(run.agentId),
      runAt: run.runAt.toISOString(),
      timezone: run.timezone,
      input: run.input,
    })),
    chains: (await listChains(scope)).map((chain) => ({
      from: nameOf(chain.fromAgentId),
      to: nameOf(chain.toAgentId),
      on: chain.on,
      mapping: chain.mapping,
      enabled: chain.enabled,
    })),
    hooks: (await listWorkspaceHooks(scope)).map((hook) => ({
      agent: nameOf(hook.agentId),
      ...bundleHookSettings(hook),
      signed: hook.signed,
    })),
    context: memory.filter((row) => row.agentId === null).map(entry),
    exportProfile: profile
      ? {
          settings: profile.settings,
          letterhead:
            profile.letterhead && profile.letterheadContentType
              ? {
                  contentType: profile.letterheadContentType,
                  base64: Buffer.from(profile.letterhead).toString('base64'),
                }
              : null,
        }
      : null,
    connections: (await listConnectionOutlines(scope)).map((connection) => ({
      service: connection.service,
      label: connection.label,
      kind: connection.kind,
      isDefault: connection.isDefault,
      settings: clearSettings(connection),
    })),
  };
}
