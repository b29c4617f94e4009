// The plan: what the Orchestrator proposes and the user reviews before anything changes. Both
// planners (built-in and LLM) produce this one type; applying it is all-or-nothing.
import { z } from 'zod';

const agentReference = z.object({
  agentId: z.string().min(1).describe('The id of an agent of the workspace.'),
  agentName: z.string().min(1).describe('Its name when the plan was made, for people reading the plan.'),
});

/** Guards against applying a plan to an agent someone changed after the plan was made. */
const expectedVersion = z.number().int().min(1).describe('The agent’s version when the plan was made.');

export const operationSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('createAgent'),
    spec: z.record(z.string(), z.unknown()).describe('The new agent’s spec.'),
  }),
  agentReference.extend({
    type: z.literal('updateAgent'),
    expectedVersion,
    spec: z.record(z.string(), z.unknown()).describe('The whole spec after the change.'),
    before: z.record(z.string(), z.unknown()).optional().describe('The spec before, to show the change.'),
  }),
  agentReference.extend({ type: z.literal('deleteAgent'), expectedVersion }),
  agentReference.extend({ type: z.literal('pauseAgent') }),
  agentReference.extend({ type: z.literal('resumeAgent') }),
  z.object({
    type: z.literal('runAgent'),
    agentId: z
      .string()
      .min(1)
      .optional()
      .describe('An existing agent; or agentName of one created by this plan.'),
    agentName: z.string().min(1),
    input: z.record(z.string(), z.unknown()).default({}),
    test: z.boolean().default(true).describe('A test run, reported back in the chat.'),
  }),
]);

export type PlanOperation = z.infer<typeof operationSchema>;
export type OperationType = PlanOperation['type'];

export const questionSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  /** Answers to pick from, when there are few. */
  options: z.array(z.string()).optional(),
});

export type PlanQuestion = z.infer<typeof questionSchema>;

export const plannedChangeSchema = z.object({
  summary: z.string().min(1).max(2000),
  questions: z.array(questionSchema).max(10).default([]),
  operations: z.array(operationSchema).max(50).default([]),
});

/** What a planner proposes: the plan's content, before it is stored and given an id. */
export type PlannedChange = z.infer<typeof plannedChangeSchema>;

export type PlanStatus = 'proposed' | 'needs_answers' | 'applied' | 'rejected' | 'undone' | 'superseded';
