// `orca agents list | show | export | import`: the agents of a workspace through the HTTP API.
import { readFile, writeFile } from 'node:fs/promises';
import { agentId, type ListedAgent } from './agent-lookup.ts';
import { callApi, workspacePath } from './api-client.ts';
import type { WorkspaceSettings } from './client-settings.ts';
import { noWords, oneWord, type ParsedCommand, textOption } from './command-line.ts';
import { UsageError } from './exit-codes.ts';
import type { Output } from './output.ts';
import { listQuery, morePages } from './pages.ts';
import { workspaceSubcommands } from './workspace-subcommands.ts';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

async function list(command: ParsedCommand, settings: WorkspaceSettings, output: Output) {
  noWords(command);
  const query = listQuery(command.values, { status: 'status', search: 'q' });
  const page = await callApi<Page<ListedAgent>>(
    settings,
    'GET',
    `${workspacePath(settings.workspace)}/agents${query}`,
  );
  output.result(page);
  if (page.items.length === 0) {
    output.line(`No agents${query ? ' match' : ` in "${settings.workspace}" yet`}.`);
    return;
  }
  const rows = page.items.map((agent) => [
    agent.name,
    agent.status,
    String(agent.version),
    agent.lastRun ? `${agent.lastRun.status} ${agent.lastRun.createdAt.slice(0, 16).replace('T', ' ')}` : '-',
    agent.schedule ? agent.schedule.description : '-',
    agent.id,
  ]);
  output.table(['NAME', 'STATUS', 'VERSION', 'LAST RUN', 'SCHEDULE', 'ID'], rows);
  morePages(command, page.nextCursor, output);
}

async function show(command: ParsedCommand, settings: WorkspaceSettings, output: Output) {
  const id = await agentId(settings, oneWord(command, 'the agent (id or name)'));
  const agent = await callApi<ListedAgent & { createdAt: string; updatedAt: string }>(
    settings,
    'GET',
    `${workspacePath(settings.workspace)}/agents/${encodeURIComponent(id)}`,
  );
  output.result(agent);
  output.line(`${agent.name} (${agent.id})`);
  output.line(`  status ${agent.status}, version ${agent.version}, changed ${agent.updatedAt}`);
  if (typeof agent.spec.goal === 'string') output.line(`  goal: ${agent.spec.goal}`);
  const steps = Array.isArray(agent.spec.steps) ? (agent.spec.steps as { id?: string; tool?: string }[]) : [];
  output.line(`  steps: ${steps.map((step) => `${step.id} (${step.tool})`).join(', ') || 'none'}`);
  output.line('Spec:');
  for (const line of JSON.stringify(agent.spec, null, 2).split('\n')) output.line(`  ${line}`);
}

async function exportAgent(command: ParsedCommand, settings: WorkspaceSettings, output: Output) {
  const id = await agentId(settings, oneWord(command, 'the agent to export (id or name)'));
  const file = await callApi<{ agent?: { spec?: { name?: string } } }>(
    settings,
    'GET',
    `${workspacePath(settings.workspace)}/agents/${encodeURIComponent(id)}/export`,
  );
  const out = textOption(command.values, 'out');
  const text = `${JSON.stringify(file, null, 2)}\n`;
  if (!out) {
    // The file is JSON already: the same text with or without --json.
    process.stdout.write(text);
    return;
  }
  await writeFile(out, text, { mode: 0o600 });
  output.result({ agentId: id, file: out });
  output.line(`Exported the agent "${file.agent?.spec?.name ?? id}" to ${out}.`);
}

async function importAgent(command: ParsedCommand, settings: WorkspaceSettings, output: Output) {
  const path = oneWord(command, 'the file to import');
  let bundle: unknown;
  try {
    bundle = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`Cannot read ${path} as JSON: ${(error as Error).message}.`);
  }
  const name = textOption(command.values, 'name');
  const onExisting = command.values.update ? 'update' : 'refuse';
  const agent = await callApi<ListedAgent>(
    settings,
    'POST',
    `${workspacePath(settings.workspace)}/agents/import?onExisting=${onExisting}`,
    { body: { bundle, ...(name ? { name } : {}) } },
  );
  output.result(agent);
  output.line(`Imported the agent "${agent.name}" (${agent.id}) at version ${agent.version}.`);
}

export const run = workspaceSubcommands({ list, show, export: exportAgent, import: importAgent });
