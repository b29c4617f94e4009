// Deleting a workroom loses nothing silently. A workroom that still holds agents, runs or files is
// refused (409, with its counts and the choices) until the request says what becomes of its
// files: keep them in the workspace in no workroom, move them (with the runs) to another
// workroom, or delete them, content and all. Agents always go to no workroom; runs are never
// deleted with a workroom. See docs/decisions/0025-workrooms.md.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { conflict, notFound, OrcaError, ruleViolated } from '../../domain/errors.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import {
  agentIdsInWorkroom,
  deleteWorkroom,
  deleteWorkroomDeliverables,
  emptyFigures,
  findWorkroom,
  findWorkroomForUpdate,
  reassignDeliverables,
  reassignRuns,
  startOfMonth,
  workroomFigures,
} from '../../store/workroom-repository.ts';
import type { ApiEnv } from '../context.ts';
import { commonErrors, errorSchema, jsonResponse, securedBy } from '../schemas.ts';
import { requireAction } from '../workspace-access.ts';
import { moveAndAudit } from './workroom-routes.ts';
import { workroomParameters } from './workroom-schemas.ts';

const deliverableChoices = ['keep', 'move', 'delete'] as const;
type DeliverableChoice = (typeof deliverableChoices)[number];

const outcomeSchema = z
  .object({
    workroom: z.object({ id: z.string(), name: z.string() }),
    agentsMoved: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .describe('Agents that were in the workroom: now in no workroom.'),
    runs: z.object({
      count: z.number().int(),
      movedTo: z.string().nullable().describe('The workroom they went to; null: in no workroom now.'),
    }),
    deliverables: z.object({
      choice: z.enum(deliverableChoices).nullable(),
      count: z.number().int(),
      movedTo: z.string().nullable(),
      deleted: z
        .array(z.object({ id: z.string(), name: z.string(), sizeBytes: z.number().int() }))
        .describe('With deliverables=delete: the files deleted, content included.'),
    }),
  })
  .openapi('WorkroomDeletion');

const remove = createRoute({
  method: 'delete',
  operationId: 'deleteWorkroom',
  path: '/api/workspaces/{ws}/workrooms/{workroomId}',
  tags: ['workrooms'],
  summary: 'Delete a workroom (builder), saying what becomes of its files',
  description:
    'A workroom that still holds agents, runs or files is refused with 409 (its counts in details) ' +
    'unless `deliverables` says what becomes of its files. Agents always move to no workroom.',
  security: securedBy,
  request: {
    params: workroomParameters,
    query: z.object({
      deliverables: z
        .enum(deliverableChoices, 'deliverables must be keep, move or delete')
        .optional()
        .describe(
          'keep: the files (and runs) stay in the workspace, in no workroom; move: they go to the workroom `to`; delete: the files are deleted, content included (runs stay, in no workroom).',
        ),
      to: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .optional()
        .describe('With deliverables=move: the workroom (id or name).'),
    }),
  },
  responses: {
    200: jsonResponse(outcomeSchema, 'Deleted; what became of what it held.'),
    ...commonErrors,
    409: jsonResponse(errorSchema, 'The workroom holds agents, runs or files and no choice was given.'),
  },
});

function choiceNeeded(name: string, figures: typeof emptyFigures) {
  const held = [
    `${figures.agents} agent${figures.agents === 1 ? '' : 's'}`,
    `${figures.runs} run${figures.runs === 1 ? '' : 's'}`,
    `${figures.deliverables} file${figures.deliverables === 1 ? '' : 's'}`,
  ].join(', ');
  return conflict(
    `The workroom "${name}" still holds ${held}. Say what becomes of its files: ` +
      '?deliverables=keep (they stay in the workspace, in no workroom), ' +
      '?deliverables=move&to=<workroom> (they and the runs go to another workroom) or ' +
      '?deliverables=delete (the files are deleted). Its agents move to no workroom either way.',
    { counts: figures, choices: deliverableChoices },
  );
}

export function registerWorkroomDeletionRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(remove, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { workroomId } = c.req.valid('param');
    const { deliverables: choice, to } = c.req.valid('query');
    if (choice === 'delete') requireAction(c, 'deliverables.manage');
    if (to !== undefined && choice !== 'move') {
      throw new OrcaError(
        'bad_request',
        '`to` goes with deliverables=move only: drop it, or add deliverables=move.',
      );
    }
    if (choice === 'move' && to === undefined) {
      throw new OrcaError(
        'bad_request',
        'deliverables=move needs `to`: the workroom (id or name) the files go to.',
      );
    }
    const { files, store } = c.get('services');
    const { outcome, deletedFiles } = await store.inWorkspace(access.workspace.id, async (scope) => {
      const found = await findWorkroom(scope, workroomId);
      const workroom = found && (await findWorkroomForUpdate(scope, found.id));
      if (!workroom) throw notFound(`The workroom "${workroomId}"`);
      const figures =
        (await workroomFigures(scope, [workroom.id], startOfMonth(new Date()))).get(workroom.id) ??
        emptyFigures;
      const holds = figures.agents + figures.runs + figures.deliverables > 0;
      if (holds && choice === undefined) throw choiceNeeded(workroom.name, figures);
      const target = choice === 'move' && to !== undefined ? await findWorkroom(scope, to) : null;
      if (choice === 'move' && !target) throw notFound(`The workroom "${to}" (to move the files to)`);
      if (target && target.id === workroom.id) {
        throw ruleViolated('The files cannot move to the workroom being deleted: choose another workroom.');
      }

      const agentsMoved = await moveAndAudit(
        scope,
        access,
        await agentIdsInWorkroom(scope, workroom.id),
        null,
      );
      const runsMoved = await reassignRuns(scope, workroom.id, target?.id ?? null);
      let deleted: Awaited<ReturnType<typeof deleteWorkroomDeliverables>> = [];
      let filesHandled = 0;
      if (choice === 'delete') {
        deleted = await deleteWorkroomDeliverables(scope, workroom.id);
        filesHandled = deleted.length;
      } else {
        filesHandled = await reassignDeliverables(scope, workroom.id, target?.id ?? null);
      }
      await deleteWorkroom(scope, workroom.id);
      const outcome = {
        workroom: { id: workroom.id, name: workroom.name },
        agentsMoved: agentsMoved.map((agent) => ({ id: agent.id, name: agent.name })),
        runs: { count: runsMoved, movedTo: target?.id ?? null },
        deliverables: {
          choice: (choice ?? null) as DeliverableChoice | null,
          count: filesHandled,
          movedTo: target?.id ?? null,
          deleted: deleted.map((file) => ({ id: file.id, name: file.name, sizeBytes: file.sizeBytes })),
        },
      };
      await recordAudit(scope, access.actor, {
        action: 'workroom.deleted',
        targetType: 'workroom',
        targetId: workroom.id,
        details: {
          name: workroom.name,
          agents: outcome.agentsMoved.length,
          runs: runsMoved,
          deliverables: {
            choice: outcome.deliverables.choice,
            count: filesHandled,
            to: target?.name ?? null,
          },
          deletedFiles: outcome.deliverables.deleted.slice(0, 100).map((file) => file.name),
        },
      });
      return { outcome, deletedFiles: deleted };
    });
    // The content goes once the rows are gone for good (after the commit), as for one file.
    for (const file of deletedFiles) await files.remove(file.storageKey);
    return c.json(outcome, 200);
  });
}
