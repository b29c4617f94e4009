// What the shared context and agent memory routes take and answer: entries with who wrote them
// and their version (for edits made from a stale copy), writes, edits, and the search cursor.
import { z } from '@hono/zod-openapi';
import { OrcaError } from '../../domain/errors.ts';
import {
  memoryKeySchema,
  memoryTagsSchema,
  memoryValueSchema,
  searchableText,
  searchableTextLimit,
} from '../../domain/memory.ts';
import type { MemoryDetails } from '../../store/memory-repository.ts';
import { errorSchema, jsonResponse, timestamp } from '../schemas.ts';
import { iso } from '../serialize.ts';

export const entrySchema = z
  .object({
    id: z.string(),
    scope: z.enum(['workspace', 'agent']),
    agentId: z.string().nullable(),
    key: z.string(),
    value: z.unknown(),
    text: z.string(),
    customText: z
      .boolean()
      .describe('Whether the text was written apart from the value (false: it is the value’s words).'),
    tags: z.array(z.string()),
    version: z.number().int().describe('Counts writes; send it back as expectedVersion to edit safely.'),
    sizeBytes: z.number().int().describe('The size of the value as JSON.'),
    sourceRunId: z.string().nullable().describe('The run that wrote it last, if a run did.'),
    sourceAgentId: z.string().nullable().describe('The agent of that run.'),
    sourceAgentName: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdByName: z.string().nullable().describe('Null for a run, or a person no longer a member.'),
    updatedBy: z.string().nullable().describe('The person who wrote it last; null when a run did.'),
    updatedByName: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    rank: z.number().optional().describe('With ?q=: how well it matches.'),
    snippet: z.string().optional().describe('With ?q=: the matching words of its text, in <b>…</b>.'),
  })
  .openapi('MemoryEntry');

const expectedVersion = z.number().int().min(0).max(2_147_483_647);

const textField = z
  .string()
  .max(searchableTextLimit)
  .optional()
  .describe('What search matches; by default the value’s words.');

export const writeSchema = z
  .object({
    key: memoryKeySchema,
    value: memoryValueSchema,
    text: textField,
    tags: memoryTagsSchema,
    expectedVersion: expectedVersion
      .optional()
      .describe(
        '0: only create (refused when the key exists); n: only replace while the entry is at version n. Without it the last writer wins.',
      ),
  })
  .openapi('MemoryWrite');

export const editSchema = z
  .object({
    key: memoryKeySchema.describe('The entry’s key; a new one renames it.'),
    value: memoryValueSchema,
    text: textField,
    tags: memoryTagsSchema,
    expectedVersion: expectedVersion.describe(
      'The version you opened: the edit is refused (409) when the entry changed since.',
    ),
  })
  .openapi('MemoryEdit');

export const listQuery = z.object({
  q: z.string().trim().min(1).max(500).optional().describe('Full-text search, best match first.'),
  key: memoryKeySchema.optional().describe('Only the entry with exactly this key.'),
  prefix: z.string().max(200).optional().describe('Only keys starting with this.'),
  tags: z.string().max(1100).optional().describe('Comma-separated: only entries with all these tags.'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const deleteQuery = z.object({
  expectedVersion: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Only delete while the entry is at this version (refused with 409 otherwise).'),
});

export const tagListSchema = z
  .object({ items: z.array(z.object({ tag: z.string(), count: z.number().int() })) })
  .openapi('MemoryTags');

export const conflictResponse = jsonResponse(
  errorSchema,
  'The entry changed since you opened it, or the key is taken: the message says which.',
);

/**
 * Whether the text was written apart from the value. Compared word by word in any order: the
 * database keeps JSON objects with their keys reordered, so the value's words come back reordered.
 */
function isCustomText(text: string, value: unknown): boolean {
  const words = (line: string) => line.split(' ').sort().join(' ');
  return words(text) !== words(searchableText(value));
}

export function entryView(record: MemoryDetails & { rank?: number; snippet?: string }) {
  return {
    id: record.id,
    scope: record.agentId === null ? ('workspace' as const) : ('agent' as const),
    agentId: record.agentId,
    key: record.key,
    value: record.value,
    text: record.text,
    customText: isCustomText(record.text, record.value),
    tags: record.tags,
    version: record.version,
    sizeBytes: record.sizeBytes,
    sourceRunId: record.sourceRunId,
    sourceAgentId: record.sourceAgentId,
    sourceAgentName: record.sourceAgentName,
    createdBy: record.createdBy,
    createdByName: record.createdByName,
    updatedBy: record.updatedBy,
    updatedByName: record.updatedByName,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    ...(record.rank === undefined ? {} : { rank: record.rank, snippet: record.snippet }),
  };
}

/** Who wrote the entry last, in words, as the person asking would say it. */
export function lastWriterInWords(entry: MemoryDetails, askingUserId: string | undefined): string {
  if (entry.updatedBy && entry.updatedBy === askingUserId) return 'you (in another tab or window)';
  if (entry.updatedByName) return entry.updatedByName;
  if (entry.updatedBy) return 'a former member';
  if (entry.sourceAgentName) return `a run of the agent “${entry.sourceAgentName}”`;
  if (entry.sourceRunId) return 'a run';
  return 'someone else';
}

// Search results are ordered by rank, not time, so their cursor is the position in the results.
const searchCursorSchema = z.object({ offset: z.number().int().min(0).max(10_000) });

export function encodeSearchCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

export function decodeSearchCursor(cursor: string): number {
  try {
    return searchCursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).offset;
  } catch {
    throw new OrcaError(
      'bad_request',
      'The cursor is not valid for this search. Pass the nextCursor of the previous page of the same search unchanged.',
    );
  }
}
