// `orca runs list | show | start | cancel | retry | watch | pipeline`: runs through the HTTP API.
// A command that follows a run exits 1 when the run fails or is cancelled, so scripts can chain on it.
import { agentId, type ListedAgent } from './agent-lookup.ts';
import { callApi, jsonArgument, workspacePath } from './api-client.ts';
import type { WorkspaceSettings } from './client-settings.ts';
import { noWords, oneWord, type ParsedCommand, textOption, wholeNumberOption } from './command-line.ts';
import { exitCodes, UsageError } from './exit-codes.ts';
import type { Output } from './output.ts';
import { listQuery, morePages } from './pages.ts';
import { describePipelineRun, readPipeline } from './runs-pipeline.ts';
import { watchRuns } from './runs-watch.ts';
import { workspaceSubcommands } from './workspace-subcommands.ts';

interface Run {
  id: string;
  agentId: string;
  status: string;
  trigger: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: { message?: string } | null;
}

interface RunWithSteps extends Run {
  steps: {
    id: string;
    tool: string;
    status: string;
    durationMs: number | null;
    error: { message?: string } | null;
  }[];
}

const failedStatuses = new Set(['failed', 'cancelled']);
const runPath = (settings: WorkspaceSettings, runId: string, rest = '') =>
  `${workspacePath(settings.workspace)}/runs/${encodeURIComponent(runId)}${rest}`;

/** Agent names by id, for people reading a list of runs (scripts get the ids). */
async function agentNames(settings: WorkspaceSettings): Promise<Map<string, string>> {
  const page = await callApi<{ items: ListedAgent[] }>(
    settings,
    'GET',
    `${workspacePath(settings.workspace)}/agents?limit=200`,
  );
  return new Map(page.items.map((agent) => [agent.id, agent.name]));
}

const minute = (at: string | null) => (at ? at.slice(0, 19).replace('T', ' ') : '-');

async function list(command: ParsedCommand, settings: WorkspaceSettings, output: Output) {
  noWords(command);
  const agent = textOption(command.values, 'agent');
  const query = listQuery(
    command.values,
    { status: 'status', trigger: 'trigger' },
    agent ? { agent: await agentId(settings, agent) } : {},
  );
  const page = await callApi<{ items: Run[]; nextCursor: string | null }>(
    settings,
    'GET',
    `${workspacePath(settings.workspace)}/runs${query}`,
  );
  output.result(page);
  if (output.json) return;
  if (page.items.length === 0) {
    output.line('No runs.');
    return;
  }
  const names = await agentNames(settings);
  const rows = page.items.map((run) => [
    run.id,
    names.get(run.agentId) ?? run.agentId,
    run.status,
    run.trigger,
    minute(run.createdAt),
    run.status === 'failed' && run.error?.message ? run.error.message : '',
  ]);
  output.table(['ID', 'AGENT', 'STATUS', 'TRIGGER', 'CREATED', 'ERROR'], rows);
  morePages(command, page.nextCursor, output);
}

async function show(command: ParsedCommand, settings: WorkspaceSettings, output: Output) {
  const run = await callApi<RunWithSteps>(settings, 'GET', runPath(settings, oneWord(command, 'the run')));
  output.result(run);
  output.line(`run ${run.id} ${run.status} (${run.trigger}, created ${minute(run.createdAt)})`);
  for (const step of run.steps) {
    const duration = step.durationMs === null ? '' : ` in ${step.durationMs} ms`;
    output.line(
      `  ${step.id} (${step.tool}) ${step.status}${duration}${step.error?.message ? `: ${step.error.message}` : ''}`,
    );
  }
  if (run.status === 'failed' && run.error?.message) output.line(`error: ${run.error.message}`);
}

/** Follows the run, then sets the exit code from how it ended. */
async function follow(command: ParsedCommand, settings: WorkspaceSettings, runId: string | undefined) {
  const json = command.values.json === true;
  const idleSeconds = wholeNumberOption(command.values, 'idle-timeout', 1, 3600);
  const status = await watchRuns({
    settings,
    runId,
    json,
    idleLimitMs: idleSeconds === undefined ? undefined : idleSeconds * 1000,
    write: (line) => process.stdout.write(`${line}\n`),
    notice: (line) => process.stderr.write(`${line}\n`),
  });
  if (status !== undefined) {
    process.stdout.write(
      json ? `${JSON.stringify({ event: 'end', data: { status } })}\n` : `run ${status}\n`,
    );
  }
  if (status !== undefined && failedStatuses.has(status)) process.exitCode = exitCodes.failed;
}

async function start(command: ParsedCommand, settings: WorkspaceSettings, output: Output) {
  const id = await agentId(settings, oneWord(command, 'the agent to run (id or name)'));
  const given = textOption(command.values, 'input');
  const input = given === undefined ? {} : await jsonArgument(given, '--input');
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new UsageError('--input must be a JSON object, such as \'{"url": "https://example.com"}\'.');
  }
  const run = await callApi<{ id: string; status: string }>(
    settings,
    'POST',
    `${workspacePath(settings.workspace)}/agents/${encodeURIComponent(id)}/runs`,
    { body: { input } },
  );
  if (command.values.watch) {
    // With --json, the first line says which run the events that follow belong to.
    if (output.json) process.stdout.write(`${JSON.stringify({ event: 'started', data: run })}\n`);
    else output.line(`Started run ${run.id}.`);
    await follow(command, settings, run.id);
    return;
  }
  output.result(run);
  output.line(`Started run ${run.id} (${run.status}). Follow it: orca runs watch ${run.id}`);
}

async function cancel(command: ParsedCommand, settings: WorkspaceSettings, output: Output) {
  const run = await callApi<Run>(
    settings,
    'POST',
    runPath(settings, oneWord(command, 'the run to cancel'), '/cancel'),
  );
  output.result(run);
  output.line(
    run.status === 'cancelled' ? `Cancelled run ${run.id}.` : `Cancelling run ${run.id} (${run.status}).`,
  );
}

async function retry(command: ParsedCommand, settings: WorkspaceSettings, output: Output) {
  const fromStep = textOption(command.values, 'from-step');
  const run = await callApi<Run>(
    settings,
    'POST',
    runPath(settings, oneWord(command, 'the run to retry'), '/retry'),
    {
      body: fromStep ? { fromStep } : {},
    },
  );
  output.result(run);
  output.line(
    `Retrying run ${run.id}${fromStep ? ` from ${fromStep}` : ''} (${run.status}). Follow it: orca runs watch ${run.id}`,
  );
}

async function pipeline(command: ParsedCommand, settings: WorkspaceSettings, output: Output) {
  const runs = await readPipeline(settings, oneWord(command, 'a run of the pipeline'));
  output.result({ runs });
  for (const run of runs) output.line(describePipelineRun(run));
  if (!runs.every((run) => run.status === 'succeeded')) process.exitCode = exitCodes.failed;
}

async function watch(command: ParsedCommand, settings: WorkspaceSettings) {
  const [runId, ...extra] = command.positionals;
  if (extra.length > 0) throw new UsageError(`Watch one run, or all of them. Usage: orca runs watch [runId]`);
  await follow(command, settings, runId);
}

export const run = workspaceSubcommands({ list, show, start, cancel, retry, watch, pipeline });
