// What an export is branded with: the workspace's export profile settings and letterhead.
import {
  defaultExportProfileSettings,
  type ExportProfileSettings,
  type LetterheadType,
  letterheadTypeOf,
  readExportProfileSettings,
} from '../domain/export-profile.ts';
import { findExportProfile } from '../store/export-profile-repository.ts';
import type { WorkspaceScope } from '../store/store.ts';

export interface BrandProfile {
  settings: ExportProfileSettings;
  letterhead?: { contentType: LetterheadType; bytes: Uint8Array };
}

export const unbranded: BrandProfile = { settings: defaultExportProfileSettings };

/** The workspace's profile, or the defaults when it has none yet. */
export async function loadBrandProfile(scope: WorkspaceScope): Promise<BrandProfile> {
  const row = await findExportProfile(scope);
  if (!row) return unbranded;
  const settings = readExportProfileSettings(row.settings);
  // The bytes decide the type, as they did when the image was accepted.
  const type = row.letterhead ? letterheadTypeOf(row.letterhead) : undefined;
  return type && row.letterhead
    ? { settings, letterhead: { contentType: type, bytes: new Uint8Array(row.letterhead) } }
    : { settings };
}
