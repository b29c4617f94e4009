// The agent spec: what an agent is and does, as versioned JSON. Validation happens when a spec is
// saved, and every problem names the step and the field, so a user (or the Orchestrator) can fix
// it without running the agent first.
import { Ajv } from 'ajv';
import jsonata from 'jsonata';
import { z } from 'zod';
import { repeatIssues, repeatSchema } from './repeat-spec.ts';
import { expressionsIn, templateStrings } from './template.ts';
import { toolNames } from './tool-names.ts';

const identifierMessage =
  'must be an identifier such as fetch_page: letters, digits and underscores, not starting with a digit';
const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, identifierMessage);
/** The longest expression, in a condition, a loop or a template (JSONata's parse time grows with it). */
const maximumExpressionLength = 4000;
const expression = z.string().trim().min(1, 'must be a JSONata expression').max(maximumExpressionLength);

export const stepSchema = z.strictObject({
  id: identifier,
  tool: z.enum(toolNames, `must be one of the tools: ${toolNames.join(', ')}`),
  description: z.string().max(1000).optional(),
  with: z.record(z.string(), z.unknown()).default({}),
  if: expression.optional().describe('Run the step only when this JSONata expression is truthy.'),
  forEach: z
    .strictObject({
      items: expression.describe('JSONata expression giving the list to loop over.'),
      as: identifier.default('item'),
      concurrency: z.number().int().min(1).max(20).default(1),
    })
    .optional(),
  repeat: repeatSchema(identifier, expression).optional(),
  retry: z
    .strictObject({
      attempts: z.number().int().min(1, 'must be at least 1').max(10, 'must be at most 10'),
      backoffMs: z.number().int().min(0).max(600_000).default(1000),
      factor: z.number().min(1).max(10).default(2),
    })
    .optional(),
  timeoutMs: z
    .number()
    .int()
    .min(100, 'must be at least 100')
    .max(3_600_000, 'must be at most 3600000 (one hour)')
    .optional(),
  onError: z.enum(['fail', 'continue'], 'must be fail or continue').default('fail'),
});

export const agentSpecSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  goal: z.string().max(2000).default(''),
  instructions: z.string().max(20_000).default(''),
  input: z
    .record(z.string(), z.unknown())
    .default({ type: 'object', properties: {} })
    .describe('A JSON Schema that run inputs must match.'),
  steps: z
    .array(stepSchema)
    .min(1, 'an agent needs at least one step')
    .max(100, 'an agent may have at most 100 steps'),
  output: z.unknown().optional().describe('A template for the run output; by default the last step output.'),
  memory: z
    .strictObject({
      style: z
        .strictObject({
          samples: z.array(z.string().max(5000)).max(20).default([]),
          profile: z.string().max(5000).optional(),
        })
        .optional(),
    })
    .optional(),
});

export type AgentSpec = z.infer<typeof agentSpecSchema>;
export type AgentStep = z.infer<typeof stepSchema>;

export interface SpecIssue {
  /** Where, such as `steps.1.with.url`. */
  path: string;
  /** The id of the step concerned, when the problem is inside a step. */
  step?: string;
  message: string;
}

export type SpecValidation = { success: true; spec: AgentSpec } | { success: false; issues: SpecIssue[] };

const ajv = new Ajv({ strict: false, allErrors: true });

function stepIdAt(raw: unknown, index: number): string | undefined {
  const steps = (raw as { steps?: unknown })?.steps;
  const step = Array.isArray(steps) ? steps[index] : undefined;
  const id = (step as { id?: unknown })?.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * How long the expressions of one spec may take to parse. Specs are checked on the API's event
 * loop, and JSONata parses some forms in time that grows with the square of their length
 * (`a.*.*…` of 4,000 characters takes about 100 ms): a spec full of them would hold the server
 * for many seconds. Ordinary specs parse in a few milliseconds.
 */
const expressionCheckBudgetMs = 500;

type ExpressionCheck = (text: string, path: string, step: string | undefined) => void;

/** Checks that expressions parse, until the spec's time budget for it is spent. */
function expressionChecker(issues: SpecIssue[]): ExpressionCheck {
  const deadline = performance.now() + expressionCheckBudgetMs;
  let stopped = false;
  return (text, path, step) => {
    if (stopped) return;
    if (text.length > maximumExpressionLength) {
      issues.push({
        path,
        step,
        message: `an expression is longer than ${maximumExpressionLength} characters; split it into steps (a transform step can prepare a value)`,
      });
      return;
    }
    if (performance.now() > deadline) {
      stopped = true;
      issues.push({
        path,
        step,
        message: `the spec's expressions took longer than ${expressionCheckBudgetMs} ms to check, so this one and those after it were not checked; make them shorter or simpler`,
      });
      return;
    }
    try {
      jsonata(text);
    } catch (error) {
      const reason = (error as { message?: string }).message ?? String(error);
      issues.push({ path, step, message: `the expression "${text}" does not parse: ${reason}` });
    }
  };
}

/** Validates a spec as a whole: shape, then expressions, step references and the input schema. */
export function validateAgentSpec(raw: unknown): SpecValidation {
  const parsed = agentSpecSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      success: false,
      issues: parsed.error.issues.map((issue) => {
        const [first, index] = issue.path;
        const step = first === 'steps' && typeof index === 'number' ? stepIdAt(raw, index) : undefined;
        const message =
          issue.code === 'unrecognized_keys'
            ? `unknown field(s) ${issue.keys.join(', ')}; remove them`
            : issue.message;
        return { path: issue.path.map(String).join('.') || '(spec)', step, message };
      }),
    };
  }
  const spec = parsed.data;
  const issues: SpecIssue[] = [];
  const checkExpression = expressionChecker(issues);
  const earlier = new Set<string>();
  spec.steps.forEach((step, index) => {
    const at = `steps.${index}`;
    if (earlier.has(step.id)) {
      issues.push({
        path: `${at}.id`,
        step: step.id,
        message: `another step is called "${step.id}" already; step ids must differ`,
      });
    }
    if (step.if) checkExpression(step.if, `${at}.if`, step.id);
    if (step.forEach) checkExpression(step.forEach.items, `${at}.forEach.items`, step.id);
    if (step.repeat) checkExpression(step.repeat.until, `${at}.repeat.until`, step.id);
    for (const issue of repeatIssues(step, earlier)) {
      issues.push({ path: `${at}.${issue.field}`, step: step.id, message: issue.message });
    }
    for (const template of templateStrings(step.with, `${at}.with`)) {
      for (const text of expressionsIn(template.value)) {
        checkExpression(text, template.path, step.id);
        for (const [, referenced] of text.matchAll(/\bsteps\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
          if (referenced && !earlier.has(referenced)) {
            issues.push({
              path: template.path,
              step: step.id,
              message: `refers to steps.${referenced}, which is not an earlier step; a step can use the output of the steps before it`,
            });
          }
        }
      }
    }
    earlier.add(step.id);
  });
  for (const template of templateStrings(spec.output, 'output')) {
    for (const text of expressionsIn(template.value)) checkExpression(text, template.path, undefined);
  }
  try {
    compileSchema(spec.input);
  } catch (error) {
    issues.push({ path: 'input', message: `is not a valid JSON Schema: ${(error as Error).message}` });
  }
  return issues.length > 0 ? { success: false, issues } : { success: true, spec };
}

/** One line per issue, for messages: `step "fetch" (steps.1.with.url): …`. */
export function describeSpecIssues(issues: SpecIssue[]): string {
  return issues
    .map((issue) =>
      issue.step
        ? `step "${issue.step}" (${issue.path}): ${issue.message}`
        : `${issue.path}: ${issue.message}`,
    )
    .join('; ');
}

/**
 * Compiles a schema without Ajv keeping it: Ajv caches every schema object it compiles for the
 * life of the process, and specs are read afresh from the database for each run.
 */
function compileSchema(schema: object) {
  try {
    return ajv.compile(schema);
  } finally {
    ajv.removeSchema(schema);
  }
}

/** Validators by schema text, the most recently used kept, so a busy agent compiles once. */
const compiledInputSchemas = new Map<string, ReturnType<typeof ajv.compile>>();
const compiledInputSchemaLimit = 500;

function inputValidator(schema: object) {
  const key = JSON.stringify(schema);
  let validate = compiledInputSchemas.get(key);
  if (validate) {
    compiledInputSchemas.delete(key);
  } else {
    validate = compileSchema(schema);
    if (compiledInputSchemas.size >= compiledInputSchemaLimit) {
      const oldest = compiledInputSchemas.keys().next().value;
      if (oldest !== undefined) compiledInputSchemas.delete(oldest);
    }
  }
  compiledInputSchemas.set(key, validate);
  return validate;
}

/** Problems of a run input against the agent's input schema (an empty list when it fits). */
export function runInputIssues(spec: AgentSpec, input: unknown): SpecIssue[] {
  const validate = inputValidator(spec.input);
  if (validate(input)) return [];
  return (validate.errors ?? []).map((error) => ({
    path: `input${error.instancePath.replace(/\//g, '.')}`,
    message:
      error.keyword === 'required'
        ? `is missing the required field ${(error.params as { missingProperty?: string }).missingProperty}`
        : (error.message ?? 'is invalid'),
  }));
}
