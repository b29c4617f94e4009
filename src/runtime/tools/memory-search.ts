// memory.search: full-text search over the shared context or the agent's memory.
import { z } from 'zod';
import { memoryTagsSchema } from '../../domain/memory.ts';
import { defineTool } from '../tool.ts';
import { memoryEntryOutput, memoryScopeField } from './memory-schemas.ts';

const input = z.strictObject({
  query: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(500)
    .describe('Words to look for; "quoted phrases", -excluded words and or work as in a web search.'),
  tags: memoryTagsSchema.describe('Only entries carrying all of these tags.'),
  limit: z.number().int().min(1).max(100).default(10),
  scope: memoryScopeField,
});

const output = z.object({
  items: z.array(memoryEntryOutput.extend({ rank: z.number() })),
  count: z.number().int(),
});

export const memorySearchTool = defineTool({
  name: 'memory.search',
  description:
    'Search the shared context (scope workspace) or this agent’s memory (scope agent) by words, best match first. Words match their other forms (price finds prices).',
  input,
  output,
  sideEffect: false,
  async run(request, context) {
    const items = await context.services.memory.search({
      scope: request.scope,
      text: request.query,
      tags: request.tags,
      limit: request.limit,
    });
    return { items, count: items.length };
  },
});
