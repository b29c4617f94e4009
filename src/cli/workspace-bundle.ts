// `orca export` and `orca import`: a whole workspace to one file and back, through a running
// Orca's HTTP API (GET /export, POST /import), so that the server applies its own checks.
import { readFile, writeFile } from 'node:fs/promises';
import { callApi, callApiText, parseJson, workspacePath } from './api-client.ts';
import type { ClientSettings, WorkspaceSettings } from './client-settings.ts';
import { UsageError } from './exit-codes.ts';
import type { Output } from './output.ts';

/** Writes the workspace's bundle to `out`, or to standard output without one. */
export async function exportBundle(settings: WorkspaceSettings, out: string | undefined, output: Output) {
  const text = await callApiText(settings, 'GET', `${workspacePath(settings.workspace)}/export`);
  if (!out) {
    // The bundle is JSON already: the same text with or without --json.
    process.stdout.write(`${text}\n`);
    return;
  }
  await writeFile(out, text, { mode: 0o600 });
  const agents = ((parseJson(text) ?? {}) as { agents?: unknown[] }).agents?.length ?? 0;
  output.result({ workspace: settings.workspace, file: out, agents });
  output.line(`Exported ${agents} agents of "${settings.workspace}" to ${out}.`);
}

interface ImportAnswer {
  created: Record<string, number | boolean>;
  toConnect: { service: string; label: string; kind: string }[];
  nextStep: string | null;
  hooks: { agent: string; name: string; url?: string; signingSecret?: string }[];
  warnings: string[];
}

/** Imports the file into a workspace, made first (through the API) when `newWorkspace` names one. */
export async function importBundle(
  settings: ClientSettings & { workspace?: string },
  options: { file: string; newWorkspace?: string },
  output: Output,
): Promise<void> {
  let body: string;
  try {
    body = await readFile(options.file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${options.file}: ${(error as Error).message}.`);
  }
  let workspace = settings.workspace;
  if (options.newWorkspace !== undefined) {
    const created = await callApi<{ slug: string }>(settings, 'POST', '/api/workspaces', {
      body: { name: options.newWorkspace },
    });
    workspace = created.slug;
    output.line(`Created the workspace "${options.newWorkspace}" (${workspace}).`);
  }
  if (!workspace)
    throw new UsageError('Name the workspace to import into with --workspace or --new-workspace.');
  const answer = await callApi<ImportAnswer>(settings, 'POST', `${workspacePath(workspace)}/import`, {
    text: body,
  });
  output.result({ workspace, ...answer });

  const { created } = answer;
  output.line(
    `Imported into ${workspace}: ${created.agents} agents (${created.versions} versions), ${created.workrooms} workrooms, ` +
      `${created.schedules} schedules, ${created.chains} chains, ${created.hooks} hooks, ${created.contextEntries} context entries.`,
  );
  for (const hook of answer.hooks) {
    output.line(`Hook "${hook.name || '(unnamed)'}" of ${hook.agent}: ${hook.url}`);
    if (hook.signingSecret) output.line(`  signing secret: ${hook.signingSecret}`);
  }
  if (answer.toConnect.length > 0) {
    output.line('Accounts to connect:');
    for (const account of answer.toConnect) {
      output.line(`  ${account.service}${account.label ? ` (${account.label})` : ''}: ${account.kind}`);
    }
    if (answer.nextStep) output.line(answer.nextStep);
  }
  for (const warning of answer.warnings) output.line(`Note: ${warning}`);
}
