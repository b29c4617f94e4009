// memory.read: one entry by its key.
import { z } from 'zod';
import { memoryKeySchema } from '../../domain/memory.ts';
import { defineTool } from '../tool.ts';
import { memoryEntryOutput, memoryScopeField } from './memory-schemas.ts';

const input = z.strictObject({
  key: memoryKeySchema.describe('The key the entry was written under.'),
  scope: memoryScopeField,
});

const output = z.object({
  found: z.boolean(),
  entry: memoryEntryOutput.nullable(),
  value: z.unknown().describe('The entry’s value, or null when there is no such entry.'),
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
    return { found: entry !== undefined, entry: entry ?? null, value: entry?.value ?? null };
  },
});
