// memory.write: keep a fact, a note or a result where later runs (and other agents) find it.
import { z } from 'zod';
import {
  memoryKeySchema,
  memoryTagsSchema,
  memoryValueSchema,
  searchableTextLimit,
} from '../../domain/memory.ts';
import { defineTool } from '../tool.ts';
import { memoryEntryOutput, memoryScopeField } from './memory-schemas.ts';

const input = z.strictObject({
  key: memoryKeySchema.describe(
    'The entry’s name, e.g. leads/acme-corp. Writing a key again replaces its value.',
  ),
  value: memoryValueSchema.describe('Any JSON value.'),
  text: z
    .string()
    .max(searchableTextLimit)
    .optional()
    .describe('What search should match; by default the words in the value.'),
  tags: memoryTagsSchema.describe('Labels to filter by, e.g. ["lead", "acme"].'),
  scope: memoryScopeField,
});

export const memoryWriteTool = defineTool({
  name: 'memory.write',
  description:
    'Write an entry to the workspace’s shared context (scope workspace, read by every agent there) or to this agent’s private memory (scope agent). An entry has a key, a JSON value, searchable text and tags; writing the same key again replaces it.',
  input,
  output: memoryEntryOutput,
  // Writing a key twice leaves the same entry: a replay changes nothing.
  sideEffect: false,
  run: (request, context) => context.services.memory.write(request),
});
