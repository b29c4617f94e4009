// A pipeline, followed from its first run to its last: from any run, up through the runs that
// started it to the first, then down through every run started after it (chained runs and
// called agents), in the order they happened.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { notFound } from '../../domain/errors.ts';
import { listAgents } from '../../store/agent-repository.ts';
import { childRuns, findRun, type RunRecord } from '../../store/run-repository.ts';
import type { WorkspaceScope } from '../../store/store.ts';
import type { ApiEnv } from '../context.ts';
import { commonErrors, idParameter, jsonResponse, securedBy } from '../schemas.ts';
import { requireAction } from '../workspace-access.ts';
import { runSchema, runView } from './run-routes.ts';

const pipelineRunSchema = runSchema
  .extend({
    agentName: z.string(),
    level: z.number().int().describe('0 for the first run, 1 for the runs it started, and so on.'),
  })
  .openapi('PipelineRun');

const pipelineSchema = z
  .object({
    rootRunId: z.string(),
    runs: z.array(pipelineRunSchema).describe('Each run after the one that started it.'),
  })
  .openapi('Pipeline');

/** A pipeline longer than this is cut off; chains have a depth limit well below it. */
const maximumRuns = 500;

const route = createRoute({
  method: 'get',
  operationId: 'getRunPipeline',
  path: '/api/workspaces/{ws}/runs/{runId}/pipeline',
  tags: ['runs'],
  summary: 'The whole pipeline a run belongs to, from its first run to its last',
  security: securedBy,
  request: { params: z.object({ ws: idParameter('ws'), runId: idParameter('runId') }) },
  responses: { 200: jsonResponse(pipelineSchema, 'The runs of the pipeline.'), ...commonErrors },
});

async function rootOf(scope: WorkspaceScope, run: RunRecord): Promise<RunRecord> {
  let current = run;
  for (let hops = 0; current.parentRunId && hops < maximumRuns; hops++) {
    const parent = await findRun(scope, current.parentRunId);
    if (!parent) break;
    current = parent;
  }
  return current;
}

async function pipelineOf(scope: WorkspaceScope, root: RunRecord) {
  const children = new Map<string, RunRecord[]>();
  let level = [root];
  let count = 1;
  while (level.length > 0 && count < maximumRuns) {
    const found = await childRuns(
      scope,
      level.map((run) => run.id),
    );
    for (const child of found) {
      const siblings = children.get(child.parentRunId ?? '') ?? [];
      siblings.push(child);
      children.set(child.parentRunId ?? '', siblings);
    }
    count += found.length;
    level = found;
  }
  const ordered: { run: RunRecord; level: number }[] = [];
  const visit = (run: RunRecord, depth: number) => {
    if (ordered.length >= maximumRuns) return;
    ordered.push({ run, level: depth });
    for (const child of children.get(run.id) ?? []) visit(child, depth + 1);
  };
  visit(root, 0);
  return ordered;
}

export function registerPipelineRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(route, async (c) => {
    const access = requireAction(c, 'runs.read');
    const { runId } = c.req.valid('param');
    const body = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      const run = await findRun(scope, runId);
      if (!run) throw notFound('This run');
      const root = await rootOf(scope, run);
      const ordered = await pipelineOf(scope, root);
      const names = new Map(
        (await listAgents(scope, { limit: 10_000 })).map((agent) => [agent.id, agent.name]),
      );
      return {
        rootRunId: root.id,
        runs: ordered.map(({ run: member, level }) => ({
          ...runView(member),
          agentName: names.get(member.agentId) ?? '',
          level,
        })),
      };
    });
    return c.json(body, 200);
  });
}
