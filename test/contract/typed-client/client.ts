// A client of the Orca API typed only by what openapi-typescript generates from the OpenAPI
// document with its default settings (written beside this file as schema.d.ts by
// test/contract/generated-client.unit.test.ts, which type-checks this file against it).
// No `as` casts: if the document describes a body loosely, this file does not compile.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

type Schemas = components['schemas'];

export interface ScenarioResult {
  workspaceId: string;
  agentId: string;
  runId: string;
  status: Schemas['Run']['status'];
  /** The run's error, when it failed: its code is one of a closed set. */
  errorCode: Schemas['RunErrorCode'] | null;
  failedStep: string | null;
}

function failure(error: { error: { code: Schemas['ErrorCode']; message: string } } | undefined): Error {
  return new Error(error ? `${error.error.code}: ${error.error.message}` : 'no answer');
}

/** Creates a workspace and an agent, starts a run, and reads it back with its error. */
export async function runScenario(baseUrl: string, token: string): Promise<ScenarioResult> {
  const client = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });

  const workspace = await client.POST('/api/workspaces', { body: { name: 'Typed client' } });
  if (!workspace.data) throw failure(workspace.error);
  const ws = workspace.data.id;

  // Fields with defaults (goal, instructions, with, onError, …) may be left out of a request.
  const spec: Schemas['AgentSpecInput'] = {
    name: 'Fetch a page',
    input: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
    steps: [{ id: 'fetch', tool: 'http.request', with: { url: '{{ input.url }}', timeoutMs: 1000 } }],
  };
  const agent = await client.POST('/api/workspaces/{ws}/agents', {
    params: { path: { ws } },
    body: { spec, note: 'made by the typed client' },
  });
  if (!agent.data) throw failure(agent.error);
  const agentId = agent.data.id;
  // In a response, the defaults are filled in: no undefined to handle.
  const onError: 'fail' | 'continue' = agent.data.spec.steps[0]?.onError ?? 'fail';
  const goal: string = agent.data.spec.goal;
  if (goal.length > 0 || onError !== 'fail') throw new Error('unexpected defaults');

  const started = await client.POST('/api/workspaces/{ws}/agents/{agentId}/runs', {
    params: { path: { ws, agentId } },
    body: { input: { url: 'http://127.0.0.1:9/' } },
  });
  if (!started.data) throw failure(started.error);
  const runId = started.data.id;

  const run = await client.GET('/api/workspaces/{ws}/runs/{runId}', { params: { path: { ws, runId } } });
  if (!run.data) throw failure(run.error);
  const error: Schemas['RunError'] | null = run.data.error;
  const stepErrors = run.data.steps.map((step) => step.error?.code ?? null);
  return {
    workspaceId: ws,
    agentId,
    runId,
    status: run.data.status,
    errorCode: error?.code ?? stepErrors.find((code) => code !== null) ?? null,
    failedStep: error?.stepId ?? null,
  };
}
