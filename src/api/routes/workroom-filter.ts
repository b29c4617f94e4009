// The `workroom` query option of the lists (agents, runs, deliverables) and of an upload: a
// workroom's id or name, or "none" for what belongs to no workroom.
import { z } from '@hono/zod-openapi';
import { notFound } from '../../domain/errors.ts';
import type { WorkspaceScope } from '../../store/store.ts';
import { findWorkroom } from '../../store/workroom-repository.ts';

/** The word that names "no workroom" in a filter; no workroom may take it as a name. */
export const noWorkroom = 'none';

export const workroomQuery = z
  .string()
  .trim()
  .min(1, 'workroom must not be empty')
  .max(200)
  .optional()
  .describe('Only those of this workroom (its id or name), or "none" for those in no workroom.');

/**
 * The workroom id a filter names (null for "none", undefined for no filter). A workroom of
 * another workspace is not found, like any other unknown one.
 */
export async function resolveWorkroomFilter(
  scope: WorkspaceScope,
  value: string | undefined,
): Promise<string | null | undefined> {
  if (value === undefined) return undefined;
  if (value.toLowerCase() === noWorkroom) return null;
  const workroom = await findWorkroom(scope, value);
  if (!workroom) throw notFound(`The workroom "${value}"`);
  return workroom.id;
}
