// The export profile row of a workspace: settings as JSON and the letterhead image inline.
import { eq } from 'drizzle-orm';
import { exportProfiles } from './schema.ts';
import type { WorkspaceScope } from './store.ts';

export type ExportProfileRecord = typeof exportProfiles.$inferSelect;

export async function findExportProfile(scope: WorkspaceScope): Promise<ExportProfileRecord | undefined> {
  const [row] = await scope.db
    .select()
    .from(exportProfiles)
    .where(eq(exportProfiles.workspaceId, scope.workspaceId));
  return row;
}

export async function saveExportProfileSettings(
  scope: WorkspaceScope,
  settings: Record<string, unknown>,
  updatedBy: string | null,
): Promise<ExportProfileRecord> {
  const [row] = await scope.db
    .insert(exportProfiles)
    .values({ workspaceId: scope.workspaceId, settings, updatedBy })
    .onConflictDoUpdate({
      target: exportProfiles.workspaceId,
      set: { settings, updatedBy, updatedAt: new Date() },
    })
    .returning();
  if (!row) throw new Error('the export profile was not saved');
  return row;
}

/** Sets the letterhead, or removes it with `undefined`. */
export async function saveLetterhead(
  scope: WorkspaceScope,
  letterhead: { contentType: string; bytes: Buffer } | undefined,
  updatedBy: string | null,
): Promise<ExportProfileRecord> {
  const values = {
    letterheadContentType: letterhead?.contentType ?? null,
    letterhead: letterhead?.bytes ?? null,
    updatedBy,
  };
  const [row] = await scope.db
    .insert(exportProfiles)
    .values({ workspaceId: scope.workspaceId, ...values })
    .onConflictDoUpdate({ target: exportProfiles.workspaceId, set: { ...values, updatedAt: new Date() } })
    .returning();
  if (!row) throw new Error('the letterhead was not saved');
  return row;
}
