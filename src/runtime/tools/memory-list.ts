// memory.list: entries most recently written first, optionally under a key prefix or with tags.
import { z } from 'zod';
import { memoryTagsSchema } from '../../domain/memory.ts';
import { defineTool } from '../tool.ts';
import { memoryEntryOutput, memoryScopeField } from './memory-schemas.ts';

const input = z.strictObject({
  prefix: z.string().max(200).optional().describe('Only keys starting with this, e.g. leads/.'),
  tags: memoryTagsSchema.describe('Only entries carrying all of these tags.'),
  limit: z.number().int().min(1).max(500).default(50),
  scope: memoryScopeField,
});

const output = z.object({ items: z.array(memoryEntryOutput), count: z.number().int() });

export const memoryListTool = defineTool({
  name: 'memory.list',
  description:
    'List entries of the shared context (scope workspace) or of this agent’s memory (scope agent), newest first, filtered by key prefix and tags.',
  input,
  output,
  sideEffect: false,
  async run(request, context) {
    const items = await context.services.memory.list(request);
    return { items, count: items.length };
  },
});
