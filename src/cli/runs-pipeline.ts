// `orca runs pipeline <runId>`: a pipeline of chained runs (and agents called by runs), from its
// first run to its last, as an indented tree, read from a running Orca's HTTP API.
import { OrcaError } from '../domain/errors.ts';

export interface PipelineOptions {
  url: string;
  token: string;
  workspace: string;
  runId: string;
  write: (line: string) => void;
}

interface PipelineRun {
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

/** Prints the pipeline; resolves with whether every run of it succeeded. */
export async function printPipeline(options: PipelineOptions): Promise<boolean> {
  const base = options.url.replace(/\/+$/, '');
  const path = `/api/workspaces/${encodeURIComponent(options.workspace)}/runs/${encodeURIComponent(options.runId)}/pipeline`;
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${options.token}` } });
  } catch (error) {
    throw new OrcaError(
      'bad_request',
      `Cannot reach Orca at ${base} (${(error as Error).message}). Is it running? Pass --url if it listens elsewhere.`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as {
    runs?: PipelineRun[];
    error?: { message?: string };
  };
  if (!response.ok || !body.runs) {
    throw new OrcaError(
      'bad_request',
      `Orca answered ${response.status}: ${body.error?.message ?? response.statusText}`,
    );
  }
  for (const run of body.runs) options.write(describePipelineRun(run));
  return body.runs.every((run) => run.status === 'succeeded');
}
