// Whole-workspace bundles: export a workspace to one JSON file and import that file into another
// workspace (of this Orca or another). Admins only: the file holds everything the workspace's
// agents know, and an import creates hooks that anyone with their address can call.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { checkBundle } from '../../bundles/bundle-checks.ts';
import { exportWorkspace } from '../../bundles/workspace-export.ts';
import { type ImportAnswer, importWorkspace } from '../../bundles/workspace-import.ts';
import { publicUrlOf } from '../../config.ts';
import { OrcaError } from '../../domain/errors.ts';
import { workspaceBundleFormat, workspaceBundleFormatVersion } from '../../domain/workspace-bundle.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import { limitRequestBody } from '../body-limit.ts';
import type { ApiEnv } from '../context.ts';
import { locateInWorkspace } from '../location.ts';
import { commonErrors, errorSchema, idParameter, jsonBody, jsonResponse, securedBy } from '../schemas.ts';
import { requireAction } from '../workspace-access.ts';

/** The import's path: it has its own body limit instead of the API's (see app.ts). */
export const bundleImportPath = /^\/api\/workspaces\/[^/]+\/import\/?$/;

const parameters = z.object({ ws: idParameter('ws') });

const bundleDocument = z
  .object({
    format: z.literal(workspaceBundleFormat),
    formatVersion: z.number().int(),
    exportedAt: z.string(),
    source: z.object({ name: z.string(), slug: z.string() }),
    notes: z.array(z.string()),
    workrooms: z.array(z.record(z.string(), z.unknown())),
    agents: z.array(z.record(z.string(), z.unknown())),
    schedules: z.array(z.record(z.string(), z.unknown())),
    oneOffRuns: z.array(z.record(z.string(), z.unknown())),
    chains: z.array(z.record(z.string(), z.unknown())),
    hooks: z.array(z.record(z.string(), z.unknown())),
    context: z.array(z.record(z.string(), z.unknown())),
    exportProfile: z.record(z.string(), z.unknown()).nullable(),
    connections: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('WorkspaceBundle', {
    description: `A whole workspace (format "${workspaceBundleFormat}", version ${workspaceBundleFormatVersion}), without secrets; agents, workrooms, schedules, chains and hooks refer to each other by name.`,
  });

const count = z.number().int();
const importAnswerSchema = z
  .object({
    dryRun: z.boolean().describe('True when nothing was kept: the answer says what an import would create.'),
    created: z.object({
      agents: count,
      versions: count,
      schedules: count,
      oneOffRuns: count,
      chains: count,
      hooks: count,
      contextEntries: count,
      agentMemoryEntries: count,
      workrooms: count,
      exportProfile: z.boolean(),
    }),
    toConnect: z
      .array(
        z.object({
          service: z.string(),
          label: z.string(),
          kind: z.enum(['api_key', 'login', 'oauth2']),
          settings: z.record(z.string(), z.unknown()),
        }),
      )
      .describe('Accounts the source had, to connect again here with their secrets.'),
    nextStep: z.string().nullable(),
    hooks: z
      .array(
        z.object({
          agent: z.string(),
          name: z.string(),
          url: z.string().optional().describe('The new address, shown only now (not in a dry run).'),
          signingSecret: z.string().optional().describe('The new signing secret, shown only now.'),
        }),
      )
      .describe('The hooks made, with their new addresses.'),
    warnings: z.array(z.string()),
  })
  .openapi('WorkspaceImport');

const routes = {
  export: createRoute({
    method: 'get',
    operationId: 'exportWorkspace',
    path: '/api/workspaces/{ws}/export',
    tags: ['workspaces'],
    summary: 'The whole workspace as one file, without secrets (admin)',
    description:
      'Agents with every version, workrooms, schedules, pending one-off runs, chains, hooks (without addresses or secrets), shared context and agent memory, the export profile with its letterhead, and connected accounts as placeholders (no secret). Runs and deliverables are not included.',
    security: securedBy,
    request: { params: parameters },
    responses: { 200: jsonResponse(bundleDocument, 'The bundle, as an attachment.'), ...commonErrors },
  }),
  import: createRoute({
    method: 'post',
    operationId: 'importWorkspace',
    path: '/api/workspaces/{ws}/import',
    tags: ['workspaces'],
    summary: 'Create everything a bundle holds in this workspace, all or nothing (admin)',
    description:
      'The body is a file from GET /export. Every problem is listed with its path (422) and clashes with what the workspace has (409); either way nothing is created. dryRun=true checks and counts without keeping anything.',
    security: securedBy,
    request: {
      params: parameters,
      query: z.object({
        dryRun: z
          .enum(['true', 'false'])
          .optional()
          .transform((value) => value === 'true')
          .describe('Check the bundle and say what would be created, keeping nothing.'),
      }),
      body: jsonBody(z.unknown().openapi({ description: 'A WorkspaceBundle, as GET /export writes it.' })),
    },
    responses: {
      200: jsonResponse(importAnswerSchema, 'What a dry run would create.'),
      201: jsonResponse(importAnswerSchema, 'What was created.'),
      ...commonErrors,
      409: jsonResponse(
        errorSchema,
        'The workspace has agents, workrooms or context entries of the same names.',
      ),
      413: jsonResponse(errorSchema, 'The bundle is larger than ORCA_BUNDLE_LIMIT_BYTES.'),
    },
  }),
};

/** The import's own body limit, larger than the API's (ORCA_BUNDLE_LIMIT_BYTES). */
const bundleBodyLimit: MiddlewareHandler<ApiEnv> = limitRequestBody(
  (c) => c.get('services').config.bundleLimitBytes,
  (limit) =>
    new OrcaError(
      'payload_too_large',
      `The bundle is larger than ${limit} bytes, the most this Orca imports. Ask its operator to raise ORCA_BUNDLE_LIMIT_BYTES, or import a smaller bundle.`,
    ),
);

/** Thrown to roll a dry run's transaction back, carrying what it would have created. */
class DryRunFinished extends Error {
  constructor(readonly answer: ImportAnswer) {
    super('dry run finished');
  }
}

function fileDate(now: Date) {
  return now.toISOString().slice(0, 10);
}

export function registerWorkspaceBundleRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.export, async (c) => {
    const access = requireAction(c, 'workspace.update');
    const now = new Date();
    const { workspace } = access;
    const bundle = await c.get('services').store.inWorkspace(workspace.id, async (scope) => {
      const written = await exportWorkspace(scope, { name: workspace.name, slug: workspace.slug }, now);
      await recordAudit(scope, access.actor, {
        action: 'workspace.exported',
        targetType: 'workspace',
        targetId: workspace.id,
        details: { agents: written.agents.length, connections: written.connections.length },
      });
      return written;
    });
    c.header('Content-Disposition', `attachment; filename="${workspace.slug}-${fileDate(now)}.orca.json"`);
    return c.json(bundle as z.infer<typeof bundleDocument>, 200);
  });

  app.use('/api/workspaces/:ws/import', bundleBodyLimit);
  app.openapi(routes.import, async (c) => {
    const access = requireAction(c, 'workspace.update');
    const { dryRun } = c.req.valid('query');
    const checked = checkBundle(c.req.valid('json'));
    const { store, vault, config } = c.get('services');
    const context = {
      actor: { userId: access.actor.userId, tokenId: access.actor.tokenId },
      vault,
      publicUrl: publicUrlOf(config),
    };
    try {
      const answer = await store.inWorkspace(access.workspace.id, async (scope) => {
        const imported = await importWorkspace(scope, checked, context);
        if (dryRun) throw new DryRunFinished(imported);
        return imported;
      });
      // What was created is many things in this workspace: the workspace is where to read them.
      locateInWorkspace(c);
      return c.json({ dryRun: false, ...answer }, 201);
    } catch (error) {
      if (!(error instanceof DryRunFinished)) throw error;
      // The addresses and secrets of a dry run's hooks were rolled back with it: never shown.
      const hooks = error.answer.hooks.map(({ agent, name }) => ({ agent, name }));
      return c.json({ dryRun: true, ...error.answer, hooks }, 200);
    }
  });
}
