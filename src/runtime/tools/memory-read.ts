// memory.read: one entry by its key.
import { z } from 'zod';
import { memoryKeySchema } from '../../domain/memory.ts';
import { defineTool } from '../tool.ts';
import { memoryEntryOutput, memoryScopeField } from './memory-schemas.ts';

const input = z.strictObject({
  key: memoryKeySchema.describe('The key the entry was written under.'),
  scope: memoryScopeField,
  default: z
    .unknown()
    .optional()
    .describe(
      'The value to answer when there is no such entry, such as [] for a list kept between runs (null otherwise).',
    ),
});

const output = z.object({
  found: z.boolean(),
  entry: memoryEntryOutput.nullable(),
  value: z
    .unknown()
    .describe('The entry’s value, or the default (null unless given) when there is no such entry.'),
});

export const memoryReadTool = defineTool({
  name: 'memory.read',
  description:
    'Read one entry of the shared context (scope workspace) or of this agent’s memory (scope agent) by its key. Answers found: false, not an error, when there is none.',
  input,
  output,
  sideEffect: false,
  async run(request, context) {
    const entry = await context.services.memory.read(request.scope, request.key);
    // A list read on a first run must not start with null: `default: []` answers an empty list.
    if (!entry) return { found: false, entry: null, value: request.default ?? null };
    return { found: true, entry, value: entry.value };
  },
});
