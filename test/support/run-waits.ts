// Waiting for a run to reach a status in a test, on the run-event seam rather than a sleep loop:
// the run is read through the API when a notice for it commits (and once a second, as the
// streams do, in case one was lost), so a wait ends within milliseconds of the change.
import { isUuid } from '../../src/domain/slug.ts';
import type { TestPlatform } from './test-platform.ts';

export const finishedRunStatuses = ['succeeded', 'failed', 'cancelled'] as const;

export interface RunWait {
  /** The workspace's id or slug, as in the API's paths. */
  workspace: string;
  runId: string;
  token: string;
  /** The statuses that end the wait; a finished one by default. */
  statuses?: readonly string[];
  /** Also wait for this to hold of the run (as the API shows it), e.g. its charge settled. */
  until?: (run: RunBody) => boolean;
  timeoutMs?: number;
}

export type RunBody = { id: string; status: string } & Record<string, unknown>;

const safetyRecheckMilliseconds = 1000;

async function workspaceIdOf(orca: TestPlatform, workspace: string, token: string): Promise<string> {
  if (isUuid(workspace)) return workspace;
  const response = await orca.request('GET', `/api/workspaces/${encodeURIComponent(workspace)}`, { token });
  if (response.status !== 200) throw new Error(`cannot read workspace ${workspace}: ${response.text}`);
  return response.body.id;
}

/** The run as the API shows it, once it has one of the statuses; throws after the timeout. */
export async function waitForRunStatus(orca: TestPlatform, wait: RunWait): Promise<RunBody> {
  const statuses = wait.statuses ?? finishedRunStatuses;
  const timeoutMs = wait.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const workspaceId = await workspaceIdOf(orca, wait.workspace, wait.token);
  const changes = orca.platform.runEvents.watch({ workspaceId, runId: wait.runId });
  try {
    for (;;) {
      const response = await orca.request('GET', `/api/workspaces/${wait.workspace}/runs/${wait.runId}`, {
        token: wait.token,
      });
      const run = response.body as RunBody;
      if (response.status === 200 && statuses.includes(run.status) && (wait.until?.(run) ?? true)) return run;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(
          `run ${wait.runId} did not reach ${statuses.join(' or ')} within ${timeoutMs} ms: ${response.text}`,
        );
      }
      await changes.next(Math.min(safetyRecheckMilliseconds, remaining));
    }
  } finally {
    changes.stop();
  }
}
