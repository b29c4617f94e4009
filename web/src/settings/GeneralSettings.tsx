// The workspace's name and address, which admins and owners change, and its deletion, which only
// owners may do. A new address replaces the old one: links to the old one stop working.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { DeleteWorkspaceDialog } from './DeleteWorkspaceDialog.tsx';
import { settingsActions } from './settings-queries.ts';

const adminRoles = new Set(['owner', 'admin']);

export function GeneralSettings() {
  const { workspace } = useWorkspace();
  const canChange = adminRoles.has(workspace.role);
  const [deleting, setDeleting] = useState(false);
  return (
    <div className="settings-section">
      <h2>General</h2>
      {canChange ? (
        <>
          <NameForm />
          <SlugForm />
        </>
      ) : (
        <>
          <p>
            Name: <strong>{workspace.name}</strong>
          </p>
          <p>
            Address: <code>/w/{workspace.slug}</code>
          </p>
          <p className="muted">Only admins and owners can rename the workspace or change its address.</p>
        </>
      )}
      <h3>Delete this workspace</h3>
      {workspace.role === 'owner' ? (
        <>
          <p className="muted">
            Deleting removes its agents, runs, files, context, connected accounts and API tokens for everyone.
            It cannot be undone.
          </p>
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            Delete workspace…
          </button>
          <DeleteWorkspaceDialog open={deleting} onClose={() => setDeleting(false)} />
        </>
      ) : (
        <p className="muted">Only an owner can delete the workspace.</p>
      )}
    </div>
  );
}

function NameForm() {
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const [name, setName] = useState(workspace.name);
  const [saved, setSaved] = useState(false);
  const rename = useMutation({
    mutationFn: () => settingsActions.updateWorkspace(workspace.id, { name }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      setSaved(true);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    rename.mutate();
  };
  return (
    <form className="settings-form" onSubmit={submit}>
      <label htmlFor="workspace-name">Workspace name</label>
      <div className="settings-row">
        <input
          id="workspace-name"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setSaved(false);
          }}
          required
          maxLength={80}
        />
        <button type="submit" disabled={rename.isPending || name.trim() === workspace.name}>
          {rename.isPending ? 'Saving…' : 'Save name'}
        </button>
      </div>
      <p className="hint">
        Two of your workspaces may share a name; the switcher then shows their addresses.
      </p>
      <ErrorMessage error={rename.error} />
      <p role="status" className="settings-saved">
        {saved ? 'Name saved.' : ''}
      </p>
    </form>
  );
}

function SlugForm() {
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [slug, setSlug] = useState(workspace.slug);
  const [moved, setMoved] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: () => settingsActions.updateWorkspace(workspace.id, { slug }),
    onSuccess: async (updated) => {
      // Through the id, which both the old and the new workspace list know, so the page stays
      // while the list refreshes; then on to the new address.
      navigate(`/w/${workspace.id}/settings`, { replace: true });
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      navigate(`/w/${updated.slug}/settings`, { replace: true });
      setMoved(updated.slug);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMoved(null);
    change.mutate();
  };
  const unchanged = slug.trim().toLowerCase() === workspace.slug;
  return (
    <form className="settings-form" onSubmit={submit}>
      <label htmlFor="workspace-slug">Address</label>
      <div className="settings-row">
        <span aria-hidden="true" className="muted">
          /w/
        </span>
        <input
          id="workspace-slug"
          value={slug}
          onChange={(event) => setSlug(event.target.value)}
          required
          maxLength={48}
          aria-describedby="workspace-slug-hint"
        />
        <button type="submit" disabled={change.isPending || unchanged}>
          {change.isPending ? 'Changing…' : 'Change address'}
        </button>
      </div>
      <p className="hint" id="workspace-slug-hint">
        Lower-case letters, digits and hyphens. The old address stops working: bookmarks and shared links to
        it will find no workspace.
      </p>
      <ErrorMessage error={change.error} />
      <p role="status" className="settings-saved">
        {moved ? `Address changed: the workspace is now at /w/${moved}.` : ''}
      </p>
    </form>
  );
}
