// An audit event in words: who acted ("Olga Owner", "Olga Owner's token “CI”", "Orca") and what
// they did ("renamed the workspace from “A” to “B”"). Actions without words of their own read
// as their name with the target, so a new kind of event still shows sensibly.
import type { AuditEvent } from './settings-queries.ts';

export function actorInWords(event: AuditEvent): string {
  const person = event.actorName ?? (event.actorUserId ? 'A former member' : null);
  if (event.actorTokenId) {
    const token = event.actorTokenName ? `the token “${event.actorTokenName}”` : 'an API token';
    return person ? `${person}, through ${token}` : `Through ${token}`;
  }
  return person ?? 'Orca (automatically)';
}

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';
const quoted = (value: unknown) => `“${text(value)}”`;

function workspaceChange(details: Record<string, unknown>): string {
  const before = (details.before ?? {}) as Record<string, unknown>;
  const after = (details.after ?? {}) as Record<string, unknown>;
  const changes: string[] = [];
  if (before.name !== after.name)
    changes.push(`renamed the workspace from ${quoted(before.name)} to ${quoted(after.name)}`);
  if (before.slug !== after.slug)
    changes.push(`changed its address from /w/${text(before.slug)} to /w/${text(after.slug)}`);
  return changes.length ? changes.join(' and ') : 'saved the workspace settings unchanged';
}

const describers: Record<string, (details: Record<string, unknown>) => string> = {
  'workspace.created': (details) => `created the workspace ${quoted(details.name)}`,
  'workspace.updated': workspaceChange,
  'member.invited': (details) => `invited ${text(details.email)} as ${text(details.role)}`,
  'member.joined': (details) => `joined as ${text(details.role)} (${text(details.email)})`,
  'member.role_changed': (details) =>
    `changed the role of ${text(details.email)} from ${text(details.from)} to ${text(details.to)}`,
  'member.removed': (details) => `removed ${text(details.email)} (${text(details.role)})`,
  'member.left': () => 'left the workspace',
  'invitation.revoked': (details) => `revoked the invitation to ${text(details.email)}`,
  'token.created': (details) =>
    `created the API token ${quoted(details.name)} with role ${text(details.role)}` +
    (details.expiresAt ? '' : ', never expiring'),
  'token.revoked': (details) => `revoked the API token ${quoted(details.name)}`,
  'webhook_secret.rotated': () => 'replaced the webhook signing secret',
  'workroom.created': (details) => `created the workroom ${quoted(details.name)}`,
  'workroom.renamed': (details) => {
    const before = (details.before ?? {}) as Record<string, unknown>;
    return `renamed the workroom ${quoted(before.name)} to ${quoted(details.name)}`;
  },
  'workroom.updated': (details) => `changed the workroom ${quoted(details.name)}`,
  'workroom.deleted': (details) => `deleted the workroom ${quoted(details.name)}`,
  'agent.workroom_changed': (details) =>
    details.workroom
      ? `moved the agent ${quoted(details.name)} to the workroom ${quoted(details.workroom)}`
      : `took the agent ${quoted(details.name)} out of its workroom`,
};

export function actionInWords(event: AuditEvent): string {
  const describe = describers[event.action];
  if (describe) return describe(event.details);
  const name = text(event.details.name) || text(event.details.label) || text(event.details.service);
  return `${event.action.replaceAll('_', ' ')}${name ? ` (${name})` : ''}`;
}
