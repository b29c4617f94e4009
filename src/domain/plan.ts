// The plan: what the Orchestrator proposes and the user reviews before anything changes. Both
// planners (built-in and LLM) produce this one type; applying it is all-or-nothing.
import { z } from 'zod';
import { agentOriginSchema } from './agent-origin.ts';

const agentReference = z.object({
  agentId: z.string().min(1).describe('The id of an agent of the workspace.'),
  agentName: z.string().min(1).describe('Its name when the plan was made, for people reading the plan.'),
});

/** Guards against applying a plan to an agent someone changed after the plan was made. */
const expectedVersion = z.number().int().min(1).describe('The agent’s version when the plan was made.');

/** An agent that exists, or (one created earlier in the same plan) only its name. */
const agentTarget = z.object({
  agentId: z
    .string()
    .min(1)
    .optional()
    .describe('An existing agent; left out for an agent created earlier in this plan.'),
  agentName: z.string().min(1).describe('Its name; how an agent this plan creates is found.'),
});

export const chainConditions = ['success', 'failure', 'always'] as const;
export type ChainConditionName = (typeof chainConditions)[number];

export const missedFiringPolicies = ['skip', 'run_once'] as const;

export const connectionKinds = ['api_key', 'login', 'oauth2'] as const;
export type ConnectionKindName = (typeof connectionKinds)[number];

/** A schedule as the reviewer sees it replaced or removed. */
export const scheduleStateSchema = z.object({
  cron: z.string(),
  timezone: z.string(),
  text: z.string().nullable().default(null),
  input: z.record(z.string(), z.unknown()).default({}),
  enabled: z.boolean().default(true),
  missed: z.enum(missedFiringPolicies).default('skip'),
  description: z.string().optional(),
});
export type ScheduleState = z.infer<typeof scheduleStateSchema>;

const scheduleBefore = scheduleStateSchema
  .nullable()
  .optional()
  .describe('The schedule when the plan was made (null: none); a different one at approval means re-plan.');

export const operationSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('createAgent'),
    spec: z.record(z.string(), z.unknown()).describe('The new agent’s spec.'),
    origin: agentOriginSchema.optional().describe('For a promoted agent: where it comes from.'),
  }),
  agentReference.extend({
    type: z.literal('updateAgent'),
    expectedVersion,
    spec: z.record(z.string(), z.unknown()).describe('The whole spec after the change.'),
    before: z.record(z.string(), z.unknown()).optional().describe('The spec before, to show the change.'),
    origin: agentOriginSchema.optional().describe('For a promoted agent: where this version comes from.'),
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
  agentTarget.extend({
    type: z.literal('scheduleAgent'),
    cron: z.string().trim().min(1).max(120).optional().describe('Five fields, or six with seconds first.'),
    text: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('The schedule in words ("every weekday at 8am"), instead of cron.'),
    runAt: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .describe('Instead of cron or text: run once, at this ISO 8601 time; the schedule is left as it is.'),
    timezone: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .describe('An IANA time zone; the approving user’s, else UTC, when left out.'),
    input: z.record(z.string(), z.unknown()).optional().describe('The input of each scheduled run.'),
    missed: z
      .enum(missedFiringPolicies)
      .optional()
      .describe('Occurrences missed while Orca was down: skip them, or run once for them.'),
    description: z.string().optional().describe('When it runs, in words, for the reviewer.'),
    nextRuns: z.array(z.string()).max(5).optional().describe('The next firing times when the plan was made.'),
    before: scheduleBefore,
  }),
  agentReference.extend({ type: z.literal('unscheduleAgent'), before: scheduleBefore }),
  z.object({
    type: z.literal('chainAgents'),
    from: agentTarget.describe('The agent whose runs, when they end, start the other.'),
    to: agentTarget.describe('The agent started with the first one’s results.'),
    on: z.enum(chainConditions).default('success').describe('Which endings start it.'),
    mapping: z
      .string()
      .trim()
      .min(1)
      .max(4000)
      .optional()
      .describe('JSONata over { output, input, run } of the first run, giving the second’s input.'),
  }),
  z.object({
    type: z.literal('unchainAgents'),
    from: agentReference,
    to: agentReference,
  }),
  // No secret field, on purpose: keys and passwords never pass through chat or sit in a plan.
  // The connection is made waiting for its secret, which an admin sends to the connection API.
  z.object({
    type: z.literal('connectAccount'),
    service: z.string().trim().min(1).max(60).describe('A short name such as github or acme-portal.'),
    kind: z.enum(connectionKinds),
    label: z.string().trim().max(60).default('').describe('Tells apart several accounts of one service.'),
    settings: z
      .record(z.string(), z.unknown())
      .describe('As the connection API takes them: allowedHosts, and per kind its other settings.'),
  }),
]);

export type PlanOperation = z.infer<typeof operationSchema>;
export type OperationType = PlanOperation['type'];

export const operationTypes = operationSchema.options.map(
  (option) => option.shape.type.value,
) as readonly OperationType[] as [OperationType, ...OperationType[]];

/** What applying one operation did, keyed by the operation's `type` and `index` in the plan. */
export const operationResultSchema = z.object({
  index: z.number().int().min(0).describe('The operation’s place in the plan.'),
  type: z.enum(operationTypes),
  agentId: z.string().optional(),
  /** Absent for a connected account. */
  agentName: z.string().optional(),
  version: z.number().int().optional(),
  runId: z.string().optional(),
  /** For a chain: the agent it starts, and the chain. */
  toAgentId: z.string().optional(),
  toAgentName: z.string().optional(),
  chainId: z.string().optional(),
  /** For a connected account: it, and the one call that gives it its secret or authorization. */
  connectionId: z.string().optional(),
  service: z.string().optional(),
  note: z.string().optional(),
});

export type OperationResult = z.infer<typeof operationResultSchema>;

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
