// The workspace settings: General (name, address, deletion) for everyone to read, and for admins
// and owners the API tokens, the audit log and the webhook signing secret. The open tab is in the
// address (?tab=), so a link or a reload lands on it.
import * as Tabs from '@radix-ui/react-tabs';
import { useSearchParams } from 'react-router';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { AuditLog } from './AuditLog.tsx';
import { ExportProfileSettings } from './ExportProfileSettings.tsx';
import { GeneralSettings } from './GeneralSettings.tsx';
import { TokenSettings } from './TokenSettings.tsx';
import { WebhookSecretSettings } from './WebhookSecretSettings.tsx';
import { WorkspaceBundleSettings } from './WorkspaceBundleSettings.tsx';
import './settings.css';

const adminRoles = new Set(['owner', 'admin']);

const tabs = [
  { value: 'general', label: 'General', admin: false },
  { value: 'export-profile', label: 'Export profile', admin: false },
  { value: 'tokens', label: 'API tokens', admin: true },
  { value: 'audit', label: 'Audit log', admin: true },
  { value: 'webhooks', label: 'Webhook signing', admin: true },
  { value: 'bundle', label: 'Export & import', admin: true },
] as const;

export function SettingsPage() {
  const { workspace } = useWorkspace();
  const isAdmin = adminRoles.has(workspace.role);
  const [search, setSearch] = useSearchParams();
  const visible = tabs.filter((tab) => isAdmin || !tab.admin);
  const asked = search.get('tab');
  const current = visible.find((tab) => tab.value === asked)?.value ?? 'general';
  return (
    <section className="workspace settings">
      <h1>Settings</h1>
      <Tabs.Root
        value={current}
        onValueChange={(value) => setSearch(value === 'general' ? {} : { tab: value }, { replace: true })}
      >
        <Tabs.List className="settings-tabs" aria-label="Settings sections">
          {visible.map((tab) => (
            <Tabs.Trigger key={tab.value} value={tab.value}>
              {tab.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="general">
          <GeneralSettings />
        </Tabs.Content>
        <Tabs.Content value="export-profile">
          <ExportProfileSettings />
        </Tabs.Content>
        {isAdmin ? (
          <>
            <Tabs.Content value="tokens">
              <TokenSettings />
            </Tabs.Content>
            <Tabs.Content value="audit">
              <AuditLog />
            </Tabs.Content>
            <Tabs.Content value="webhooks">
              <WebhookSecretSettings />
            </Tabs.Content>
            <Tabs.Content value="bundle">
              <WorkspaceBundleSettings />
            </Tabs.Content>
          </>
        ) : (
          <p className="muted">
            API tokens, the audit log, webhook signing and export & import are for admins and owners.
          </p>
        )}
      </Tabs.Root>
    </section>
  );
}
