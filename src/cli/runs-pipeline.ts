// `orca runs pipeline <runId>`: a pipeline of chained runs (and agents called by runs), from its
// first run to its last, as an indented tree, read from a running Orca's HTTP API.
import { callApi, workspacePath } from './api-client.ts';
import type { WorkspaceSettings } from './client-settings.ts';

export interface PipelineRun {
  id: string;
  agentName: string;
  status: string;
  trigger: string;
  level: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: { message?: string } | null;
}

function duration(run: PipelineRun) {
  if (!run.startedAt || !run.finishedAt) return '';
  return ` in ${Date.parse(run.finishedAt) - Date.parse(run.startedAt)} ms`;
}

/** One line per run: indented under the run that started it. */
export function describePipelineRun(run: PipelineRun): string {
  const indent = '  '.repeat(run.level);
  const arrow = run.level > 0 ? '└ ' : '';
  const error = run.status === 'failed' && run.error?.message ? `: ${run.error.message}` : '';
  return `${indent}${arrow}${run.agentName} ${run.status}${duration(run)} (${run.trigger}, ${run.id})${error}`;
}

/** The pipeline's runs, first to last. */
export async function readPipeline(settings: WorkspaceSettings, runId: string): Promise<PipelineRun[]> {
  const body = await callApi<{ runs: PipelineRun[] }>(
    settings,
    'GET',
    `${workspacePath(settings.workspace)}/runs/${encodeURIComponent(runId)}/pipeline`,
  );
  return body.runs;
}
