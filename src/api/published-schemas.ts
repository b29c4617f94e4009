// Schemas the OpenAPI document publishes from the domain's own zod schemas, beside the routes'.
// Routes keep validating these fields as they always did (an agent spec is checked by
// validateAgentSpec, which names each step and field at fault); the document shows clients the
// shape those checks enforce, as a component of its own.
//
// Each is published in one of zod's two views: `input` for what a client sends (a field with a
// default may be left out) and `output` for what the API answers (the default is filled in).
// zod-to-openapi has only the first (asteasolutions/zod-to-openapi#295), so openapi-document.ts
// writes these with zod's own z.toJSONSchema.
import { z } from 'zod';
import { agentSpecSchema, stepSchema } from '../domain/agent-spec.ts';
import { operationResultSchema, operationSchema } from '../domain/plan.ts';
import type { Tool } from '../runtime/tool.ts';
import { builtInTools } from '../runtime/tools/index.ts';

const templateString = z
  .string()
  .regex(/\{\{[\s\S]+\}\}/)
  .describe('A JSONata template such as {{ input.url }}, which gives the value when the step runs.');

/**
 * A step's `with` for one tool: the tool's own input fields, each also accepting a template.
 * The tool checks the rendered values when the step runs, not when the spec is saved, so a field
 * with a default stays optional in both views.
 */
function withOf(tool: Tool): z.ZodType {
  if (!(tool.input instanceof z.ZodObject)) return z.record(z.string(), z.unknown());
  const fields: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(tool.input.shape as Record<string, z.ZodType>)) {
    const value = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
    const bare = value instanceof z.ZodOptional ? (value.unwrap() as z.ZodType) : value;
    if (bare instanceof z.ZodUnknown || bare instanceof z.ZodAny) {
      fields[key] = value;
      continue;
    }
    // Any JSON value (z.json() is recursive): said as "any value", which generated types take as
    // `unknown` instead of a recursive union that some client libraries cannot map over.
    if (bare instanceof z.ZodLazy) {
      const anyValue = z
        .custom<unknown>((item) => item !== undefined)
        .describe(bare.description ?? 'Any JSON value.');
      fields[key] = value === bare ? anyValue : anyValue.optional();
      continue;
    }
    const either = z.union([value, templateString]);
    fields[key] = field.safeParse(undefined).success ? either.optional() : either;
  }
  // Loose: a spec is saved with whatever `with` holds, and the tool refuses a field it does not
  // know when the step runs; an answer may carry such a field, so the document must allow it.
  const shape = z.looseObject(fields);
  return (shape.safeParse({}).success ? shape.default({}) : shape).describe(tool.description);
}

const steps = [...builtInTools().values()].map((tool) =>
  stepSchema.extend({ tool: z.literal(tool.name), with: withOf(tool) }),
);

/** The agent spec, with each step's `with` told apart by its `tool`. */
const documentedSpec = agentSpecSchema.extend({
  steps: z
    .array(z.discriminatedUnion('tool', steps as [(typeof steps)[number], ...typeof steps]))
    .min(1)
    .max(100),
});

export const publishedSchemas = {
  AgentSpecInput: { schema: documentedSpec, io: 'input' },
  AgentSpec: { schema: documentedSpec, io: 'output' },
  PlanOperationInput: { schema: operationSchema, io: 'input' },
  PlanOperation: { schema: operationSchema, io: 'output' },
  PlanOperationResult: { schema: operationResultSchema, io: 'output' },
} satisfies Record<string, { schema: z.ZodType; io: 'input' | 'output' }>;

export type PublishedSchemaName = keyof typeof publishedSchemas;
