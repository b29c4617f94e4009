// A workroom as the API shows it: its name, description, monthly budget (in credits; enforced by
// the credits part, only stored and shown here) and what it holds.
import { z } from '@hono/zod-openapi';
import { emptyFigures, type WorkroomFigures, type WorkroomRecord } from '../../store/workroom-repository.ts';
import { displayName, idParameter, timestamp } from '../schemas.ts';
import { iso } from '../serialize.ts';

export const workroomNameSchema = displayName('name', 80);

export const descriptionSchema = z
  .string('description must be text')
  .trim()
  .max(2000, 'description must be at most 2000 characters');

export const monthlyBudgetSchema = z
  .number('monthlyBudget must be a whole number of credits, or null for no budget')
  .int('monthlyBudget must be a whole number of credits')
  .min(0, 'monthlyBudget must not be negative')
  .max(Number.MAX_SAFE_INTEGER, 'monthlyBudget is too large')
  .nullable()
  .describe('Credits the workroom’s runs may spend in a calendar month; null for no budget.');

export const workroomSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    monthlyBudget: z.number().int().nullable(),
    counts: z
      .object({
        agents: z.number().int().describe('Agents in the workroom now.'),
        runsThisMonth: z
          .number()
          .int()
          .describe('Runs made in the workroom since the 1st of this month (UTC).'),
        runs: z.number().int().describe('Every run made in the workroom.'),
        deliverables: z.number().int().describe('Files kept in the workroom.'),
      })
      .openapi('WorkroomCounts'),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('Workroom');

export const workspaceParameters = z.object({ ws: idParameter('ws') });

export const workroomParameters = z.object({
  ws: idParameter('ws'),
  workroomId: idParameter('workroomId').describe('The workroom’s id, or its name.'),
});

export function workroomView(record: WorkroomRecord, figures: WorkroomFigures | undefined) {
  return {
    id: record.id,
    name: record.name,
    description: record.description,
    monthlyBudget: record.monthlyBudget,
    counts: figures ?? { ...emptyFigures },
    createdBy: record.createdBy,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
  };
}
