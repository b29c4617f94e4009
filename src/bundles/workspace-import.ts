// Brings a checked bundle into a workspace, inside the caller's one transaction: either all of
// it is created or, on any error, none. Made the same way the API makes each part (schedules
// through scheduleSettings, hooks with fresh secrets), so what an import creates behaves like
// what was made by hand.
import { randomUUID } from 'node:crypto';
import { conflict } from '../domain/errors.ts';
import {
  letterheadTypeOf,
  maximumLetterheadBytes,
  readExportProfileSettings,
} from '../domain/export-profile.ts';
import { hashSecret, secretDisplayPrefix } from '../domain/secret-token.ts';
import { bundleHookSettings, currentVersionOf } from '../domain/workspace-bundle.ts';
import { newHookSigningSecret, newHookToken } from '../hooks/hook-secrets.ts';
import { sealSigningSecret } from '../hooks/hook-signing-secret.ts';
import { type AuditActor, recordAudit } from '../store/audit-repository.ts';
import { insertChain, updateChain } from '../store/chain-repository.ts';
import { insertHook } from '../store/hook-repository.ts';
import { insertOneOffRun } from '../store/one-off-run-repository.ts';
import { checkAgentLimit } from '../store/plan-limits.ts';
import { saveSchedule } from '../store/schedule-repository.ts';
import type { WorkspaceScope } from '../store/store.ts';
import {
  agentNamesTaken,
  findExportProfileRow,
  insertAgentWithVersions,
  insertMemoryEntries,
  insertWorkroomRow,
  listConnectionOutlines,
  listWorkroomRows,
  saveExportProfileRow,
  sharedKeysTaken,
} from '../store/workspace-bundle-repository.ts';
import { scheduleSettings } from '../triggers/schedule-settings.ts';
import type { Vault } from '../vault/vault.ts';
import type { CheckedBundle } from './bundle-checks.ts';

export interface ImportedHook {
  agent: string;
  name: string;
  /** The new address; anyone who has it can call the hook. Shown only in this answer. */
  url: string;
  /** The new signing secret of a signed hook. Shown only in this answer. */
  signingSecret?: string;
}

export interface AccountToConnect {
  service: string;
  label: string;
  kind: 'api_key' | 'login' | 'oauth2';
  /** The settings the source had in the clear, to give again with the secret. */
  settings: Record<string, unknown>;
}

export interface ImportAnswer {
  created: {
    agents: number;
    versions: number;
    schedules: number;
    oneOffRuns: number;
    chains: number;
    hooks: number;
    contextEntries: number;
    agentMemoryEntries: number;
    workrooms: number;
    exportProfile: boolean;
  };
  toConnect: AccountToConnect[];
  /** What to do about toConnect, in words. */
  nextStep: string | null;
  hooks: ImportedHook[];
  warnings: string[];
}

export interface ImportContext {
  actor: AuditActor & { userId: string };
  vault: Vault;
  publicUrl: string;
  now?: Date;
}

const lower = (value: string) => value.trim().toLowerCase();

/** Refuses a target that has agents, workrooms or shared context entries of the same names. */
async function refuseClashes(scope: WorkspaceScope, { bundle }: CheckedBundle) {
  const clashes: { kind: string; name: string; message: string }[] = [];
  for (const name of await agentNamesTaken(
    scope,
    bundle.agents.map((agent) => agent.name),
  )) {
    clashes.push({ kind: 'agent', name, message: `an agent named "${name}" exists here already` });
  }
  const bundleRooms = new Set(bundle.workrooms.map((room) => lower(room.name)));
  for (const room of await listWorkroomRows(scope)) {
    if (bundleRooms.has(lower(room.name))) {
      clashes.push({
        kind: 'workroom',
        name: room.name,
        message: `a workroom named "${room.name}" exists here already`,
      });
    }
  }
  for (const key of await sharedKeysTaken(
    scope,
    bundle.context.map((entry) => entry.key),
  )) {
    clashes.push({
      kind: 'context',
      name: key,
      message: `a shared context entry "${key}" exists here already`,
    });
  }
  if (clashes.length === 0) return;
  throw conflict(
    `This workspace already has ${clashes.map((clash) => `${clash.kind} "${clash.name}"`).join(', ')}, which the bundle would create too; nothing was imported. Import into a new workspace, or rename or delete those here first.`,
    clashes,
  );
}

export async function importWorkspace(
  scope: WorkspaceScope,
  checked: CheckedBundle,
  context: ImportContext,
): Promise<ImportAnswer> {
  const { bundle, specs } = checked;
  const { userId } = context.actor;
  const now = context.now ?? new Date();
  const warnings: string[] = [];
  await refuseClashes(scope, checked);
  // All of the bundle's agents or none: refused before anything is written, dry run or not.
  if (bundle.agents.length > 0) await checkAgentLimit(scope, bundle.agents.length);

  const roomIds = new Map<string, string>();
  // Listings order by creation time: a millisecond apart keeps the bundle's order.
  const inOrder = (index: number) => new Date(now.getTime() + index);
  for (const [index, room] of bundle.workrooms.entries()) {
    roomIds.set(
      lower(room.name),
      await insertWorkroomRow(scope, { ...room, createdAt: inOrder(index) }, userId),
    );
  }

  const agents = new Map<string, { id: string; name: string; spec: (typeof specs)[number][number] }>();
  let versions = 0;
  let agentMemoryEntries = 0;
  for (const [index, agent] of bundle.agents.entries()) {
    const agentSpecs = specs[index] ?? [];
    const currentVersion = currentVersionOf(agent);
    const id = await insertAgentWithVersions(
      scope,
      {
        name: agent.name,
        status: agent.status,
        workroomId: agent.workroom === null ? null : (roomIds.get(lower(agent.workroom)) ?? null),
        monthlyBudget: agent.monthlyBudget,
        currentVersion,
        createdAt: inOrder(index),
        versions: agent.versions.map((version, position) => ({
          version: version.version,
          spec: agentSpecs[position] as (typeof agentSpecs)[number],
          note: version.note,
          createdAt: new Date(version.createdAt),
        })),
      },
      userId,
    );
    const spec = agentSpecs[currentVersion - 1] as (typeof agentSpecs)[number];
    agents.set(lower(agent.name), { id, name: agent.name, spec });
    versions += agent.versions.length;
    await insertMemoryEntries(scope, id, agent.memory, userId);
    agentMemoryEntries += agent.memory.length;
  }
  const agentOf = (name: string) => {
    const found = agents.get(lower(name));
    if (!found) throw new Error(`the checked bundle names an agent it lacks: ${name}`);
    return found;
  };

  for (const schedule of bundle.schedules) {
    const agent = agentOf(schedule.agent);
    const settings = scheduleSettings(
      {
        cron: schedule.cron,
        timezone: schedule.timezone,
        input: schedule.input,
        enabled: schedule.enabled,
        missed: schedule.missed,
      },
      { spec: agent.spec, now },
    );
    // The words it was given in are kept, to show back; the cron they became is what fires.
    await saveSchedule(scope, agent.id, { ...settings.values, text: schedule.text }, userId);
  }

  let oneOffRuns = 0;
  for (const run of bundle.oneOffRuns) {
    const runAt = new Date(run.runAt);
    if (runAt.getTime() <= now.getTime()) {
      warnings.push(
        `The one-off run of "${run.agent}" at ${run.runAt} is in the past, so it was not scheduled.`,
      );
      continue;
    }
    await insertOneOffRun(
      scope,
      agentOf(run.agent).id,
      { runAt, timezone: run.timezone, input: run.input },
      userId,
    );
    oneOffRuns++;
  }

  for (const chain of bundle.chains) {
    const created = await insertChain(
      scope,
      {
        fromAgentId: agentOf(chain.from).id,
        toAgentId: agentOf(chain.to).id,
        on: chain.on,
        mapping: chain.mapping,
      },
      userId,
    );
    if (!chain.enabled) await updateChain(scope, created.id, { enabled: false });
  }

  const hooks: ImportedHook[] = [];
  for (const hook of bundle.hooks) {
    const agent = agentOf(hook.agent);
    const id = randomUUID();
    const token = newHookToken();
    const signingSecret = hook.signed ? newHookSigningSecret() : undefined;
    await insertHook(scope, {
      id,
      agentId: agent.id,
      ...bundleHookSettings(hook),
      tokenHash: hashSecret(token),
      tokenPrefix: secretDisplayPrefix(token),
      sealedSigningSecret: signingSecret
        ? await sealSigningSecret(context.vault, scope, id, signingSecret)
        : null,
      createdBy: userId,
    });
    hooks.push({
      agent: agent.name,
      name: hook.name,
      url: `${context.publicUrl}/api/hooks/${token}`,
      ...(signingSecret ? { signingSecret } : {}),
    });
  }
  if (hooks.length > 0) {
    warnings.push(
      'Hooks have new addresses (and signed hooks new signing secrets), shown only in this answer: give them to the services that call them.',
    );
  }

  await insertMemoryEntries(scope, null, bundle.context, userId);

  let exportProfile = false;
  if (bundle.exportProfile) {
    if (await findExportProfileRow(scope)) {
      warnings.push("This workspace's export profile was replaced by the bundle's.");
    }
    // What a bundle says is checked as the export-profile routes check it: settings through their
    // schema (unknown or bad fields dropped), the letterhead by its own bytes and size.
    const given = bundle.exportProfile.letterhead;
    const bytes = given ? Buffer.from(given.base64, 'base64') : undefined;
    const letterheadType = bytes ? letterheadTypeOf(bytes) : undefined;
    const letterhead =
      bytes && letterheadType && bytes.byteLength <= maximumLetterheadBytes ? bytes : undefined;
    if (bytes && !letterhead) {
      warnings.push(
        `The bundle's letterhead was left out: it is not a PNG or JPEG of at most ${maximumLetterheadBytes / 1024} KB. Upload one under Settings → Export profile.`,
      );
    }
    await saveExportProfileRow(
      scope,
      {
        settings: readExportProfileSettings(bundle.exportProfile.settings),
        letterheadContentType: letterhead ? (letterheadType ?? null) : null,
        letterhead: letterhead ?? null,
      },
      userId,
    );
    exportProfile = true;
  }

  const connected = new Set(
    (await listConnectionOutlines(scope)).map(
      (connection) => `${connection.service}\u0000${lower(connection.label)}`,
    ),
  );
  const toConnect = bundle.connections
    .filter((connection) => !connected.has(`${lower(connection.service)}\u0000${lower(connection.label)}`))
    .map(({ service, label, kind, settings }) => ({ service: lower(service), label, kind, settings }));

  const created = {
    agents: bundle.agents.length,
    versions,
    schedules: bundle.schedules.length,
    oneOffRuns,
    chains: bundle.chains.length,
    hooks: hooks.length,
    contextEntries: bundle.context.length,
    agentMemoryEntries,
    workrooms: bundle.workrooms.length,
    exportProfile,
  };
  await recordAudit(scope, context.actor, {
    action: 'workspace.imported',
    targetType: 'workspace',
    targetId: scope.workspaceId,
    details: { source: bundle.source, created, toConnect: toConnect.length },
  });
  return {
    created,
    toConnect,
    nextStep:
      toConnect.length === 0
        ? null
        : `Connect ${toConnect.length === 1 ? 'this account' : 'these accounts'} again with ${toConnect.length === 1 ? 'its' : 'their'} password, key or sign-in (Settings → Connected accounts, or POST /api/workspaces/:ws/connections with the service, label, kind, settings shown and the secret): agents that use ${toConnect.length === 1 ? 'it' : 'them'} fail until then.`,
    hooks,
    warnings,
  };
}
