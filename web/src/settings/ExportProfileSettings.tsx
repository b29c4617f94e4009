// How branded exports (a file's "Export as PDF / HTML") look: a letterhead image at the top of the
// first page, an accent colour for headings and rules, the body and heading fonts, a contact
// block and a footer line. Admins and owners change it; everyone else sees what is set.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime } from '../shared/format.ts';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { type ExportProfile, exportProfileActions, useExportProfile } from './export-profile-queries.ts';

const adminRoles = new Set(['owner', 'admin']);
const hexColour = /^#[0-9a-f]{6}$/i;

export function ExportProfileSettings() {
  const { workspace } = useWorkspace();
  const profile = useExportProfile(workspace.id);
  const canChange = adminRoles.has(workspace.role);
  return (
    <div className="settings-section">
      <h2>Export profile</h2>
      <p className="muted">
        How a file looks when exported as a PDF or a web page from the Files page: your letterhead, colour,
        fonts, contact details and footer.
      </p>
      {profile.isPending ? <p className="loading">Loading…</p> : null}
      <ErrorMessage error={profile.error} onRetry={() => void profile.refetch()} />
      {profile.data ? (
        <>
          <Letterhead profile={profile.data} canChange={canChange} />
          <ProfileForm profile={profile.data} canChange={canChange} />
          {canChange ? null : <p className="muted">Only admins and owners can change the export profile.</p>}
        </>
      ) : null}
    </div>
  );
}

function Letterhead({ profile, canChange }: { profile: ExportProfile; canChange: boolean }) {
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const id = useId();
  const refresh = (saved?: ExportProfile) => {
    if (saved) queryClient.setQueryData(queryKeys.exportProfile(workspace.id), saved);
    return queryClient.invalidateQueries({ queryKey: queryKeys.exportProfile(workspace.id) });
  };
  const upload = useMutation({
    mutationFn: (image: File) => exportProfileActions.setLetterhead(workspace.id, image),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => exportProfileActions.removeLetterhead(workspace.id),
    onSuccess: () => refresh(),
  });
  const letterhead = profile.letterhead;
  return (
    <div className="settings-form">
      <h3>Letterhead</h3>
      {letterhead ? (
        <>
          {/* The updated time in the address shows a replaced image instead of the cached one. */}
          <img
            className="letterhead-preview"
            src={`${letterhead.path}?v=${encodeURIComponent(profile.updatedAt ?? '')}`}
            alt="The letterhead"
            width={letterhead.width}
            height={letterhead.height}
            style={{ width: 'auto', height: 'auto' }}
          />
          <p className="hint" data-testid="letterhead-facts">
            {letterhead.contentType === 'image/png' ? 'PNG' : 'JPEG'}, {letterhead.width}×{letterhead.height}{' '}
            pixels.
          </p>
        </>
      ) : (
        <p className="muted">No letterhead: exports start with the file's title.</p>
      )}
      {canChange ? (
        <>
          <label htmlFor={`${id}-letterhead`}>
            {letterhead ? 'Replace letterhead' : 'Upload letterhead'}
          </label>
          <input
            id={`${id}-letterhead`}
            type="file"
            accept="image/png,image/jpeg"
            disabled={upload.isPending}
            onChange={(event) => {
              const image = event.target.files?.[0];
              if (image) upload.mutate(image);
              event.target.value = '';
            }}
          />
          <p className="hint">
            A PNG or JPEG of at most 512 KB; a banner of about 1600×200 pixels is plenty.
          </p>
          {upload.isPending ? <p className="loading">Uploading…</p> : null}
          {letterhead ? (
            <div className="settings-row">
              <button
                type="button"
                className="danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate()}
              >
                {remove.isPending ? 'Removing…' : 'Remove letterhead'}
              </button>
            </div>
          ) : null}
          <ErrorMessage error={upload.error ?? remove.error} />
        </>
      ) : null}
    </div>
  );
}

interface Draft {
  accentColor: string;
  bodyFont: string;
  headingFont: string;
  contactBlock: string;
  footerText: string;
}

function draftOf(profile: ExportProfile): Draft {
  return {
    accentColor: profile.accentColor,
    bodyFont: profile.bodyFont,
    headingFont: profile.headingFont,
    contactBlock: profile.contactBlock,
    footerText: profile.footerText,
  };
}

function ProfileForm({ profile, canChange }: { profile: ExportProfile; canChange: boolean }) {
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(profile));
  const [saved, setSaved] = useState(false);
  // A profile saved elsewhere (another tab, the API) replaces a form nobody has touched.
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!touched) setDraft(draftOf(profile));
  }, [profile, touched]);
  const save = useMutation({
    mutationFn: () => exportProfileActions.save(workspace.id, draft),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.exportProfile(workspace.id), updated);
      setTouched(false);
      setSaved(true);
    },
  });
  const change = (field: keyof Draft, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setTouched(true);
    setSaved(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };
  const fonts = profile.allowedFonts;
  return (
    <form className="settings-form" onSubmit={submit} aria-label="Export look">
      <h3>Look</h3>
      <fieldset disabled={!canChange} className="plain-fieldset">
        <label htmlFor={`${id}-accent-text`}>Accent colour</label>
        <div className="settings-row colour-row">
          {/* The picker only knows #rrggbb: a half-typed hex leaves it on the last good colour. */}
          <input
            type="color"
            aria-label="Accent colour picker"
            value={hexColour.test(draft.accentColor) ? draft.accentColor.toLowerCase() : profile.accentColor}
            onChange={(event) => change('accentColor', event.target.value)}
          />
          <input
            id={`${id}-accent-text`}
            value={draft.accentColor}
            onChange={(event) => change('accentColor', event.target.value.trim())}
            maxLength={7}
            spellCheck={false}
            placeholder="#1f5eff"
          />
        </div>
        <p className="hint">Used for headings, rules and table headers, as #rrggbb.</p>
        <label htmlFor={`${id}-body-font`}>Body font</label>
        <select
          id={`${id}-body-font`}
          value={draft.bodyFont}
          onChange={(event) => change('bodyFont', event.target.value)}
        >
          {fonts.map((font) => (
            <option key={font} value={font}>
              {font}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-heading-font`}>Heading font</label>
        <select
          id={`${id}-heading-font`}
          value={draft.headingFont}
          onChange={(event) => change('headingFont', event.target.value)}
        >
          {fonts.map((font) => (
            <option key={font} value={font}>
              {font}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-contact`}>Contact block</label>
        <textarea
          id={`${id}-contact`}
          rows={4}
          value={draft.contactBlock}
          onChange={(event) => change('contactBlock', event.target.value)}
        />
        <p className="hint">A few lines (at most 6) at the top right of the first page.</p>
        <label htmlFor={`${id}-footer`}>Footer text</label>
        <input
          id={`${id}-footer`}
          value={draft.footerText}
          onChange={(event) => change('footerText', event.target.value)}
        />
        <p className="hint">One line at the bottom of every page, next to the page number in a PDF.</p>
      </fieldset>
      {canChange ? (
        <div className="settings-row">
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save export profile'}
          </button>
        </div>
      ) : null}
      <ErrorMessage error={save.error} />
      <p role="status" className="settings-saved">
        {saved ? `Export profile saved${profile.updatedAt ? ` (${dateTime(profile.updatedAt)})` : ''}.` : ''}
      </p>
    </form>
  );
}
