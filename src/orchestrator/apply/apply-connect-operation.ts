// Applying a plan's connectAccount operation inside the plan's transaction: the connection is made
// with the connection API's rules, but waiting for its secret (or, for OAuth 2, its
// authorization), since a plan never carries a secret. Undo deletes it while no run has used it.
import { conflict, ruleViolated } from '../../domain/errors.ts';
import type { PlanOperation } from '../../domain/plan.ts';
import { type AuditActor, recordAudit } from '../../store/audit-repository.ts';
import { isUniqueViolation, type WorkspaceScope } from '../../store/store.ts';
import {
  deleteConnection,
  findConnection,
  insertConnection,
  listConnections,
  updateConnection,
} from '../../store/vault-repository.ts';
import { connectionSettings, serviceSchema } from '../../vault/connection-rules.ts';
import { connectionPath, nextStepFor, waitingMessage, waitsForSecret } from '../../vault/missing-secret.ts';
import { readOAuthSecret } from '../../vault/oauth-secret.ts';
import type { Vault } from '../../vault/vault.ts';

type ConnectOperation = Extract<PlanOperation, { type: 'connectAccount' }>;

export interface ConnectUndoStep {
  kind: 'deleteConnection';
  connectionId: string;
  service: string;
}

export interface ConnectContext {
  scope: WorkspaceScope;
  actor: AuditActor;
  planId: string;
  vault: Vault;
  undo: { push(step: ConnectUndoStep): void };
}

export interface ConnectResult {
  connectionId: string;
  service: string;
  label: string;
  note: string;
}

/** The operation's service and settings checked as the connection API checks them. */
function checkedConnection(operation: ConnectOperation, index: number) {
  const service = serviceSchema.safeParse(operation.service);
  if (!service.success) {
    throw ruleViolated(`Operation ${index + 1}: ${service.error.issues[0]?.message ?? 'the service'}.`);
  }
  const settings = connectionSettings[operation.kind].safeParse(operation.settings);
  if (!settings.success) {
    const issue = settings.error.issues[0];
    throw ruleViolated(
      `Operation ${index + 1} connects "${service.data}" with settings that do not fit a ${operation.kind} account: ${issue?.path.join('.') || 'settings'}: ${issue?.message ?? 'not valid'}.`,
      settings.error.issues.map((item) => ({ path: item.path.join('.'), message: item.message })),
    );
  }
  return { service: service.data, settings: settings.data };
}

export async function applyConnect(
  context: ConnectContext,
  operation: ConnectOperation,
  index: number,
): Promise<ConnectResult> {
  const { scope, actor, planId, vault } = context;
  const reconnected = await reconnect(context, operation);
  if (reconnected) return reconnected;
  const { service, settings } = checkedConnection(operation, index);
  const existing = await listConnections(scope, service);
  // The first account of a service is its default, as when it is connected through the API.
  const makeDefault = existing.length === 0;
  let connection: Awaited<ReturnType<typeof insertConnection>>;
  try {
    connection = await insertConnection(scope, {
      service,
      label: operation.label,
      kind: operation.kind,
      isDefault: makeDefault,
      // No secret field is set: the API shows it as waiting, and every use refuses until it is.
      settings: { ...settings, secretFields: [] },
      sealedSecret: await vault.sealSecret(scope, {}),
      createdBy: actor.userId,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        `The workspace already has ${operation.label ? `a "${service}" account labelled "${operation.label}"` : `an account for "${service}"`}. Send your request again with a label to keep both.`,
      );
    }
    throw error;
  }
  // The status names the connection's own path, so it is written once its id is known.
  await updateConnection(scope, connection.id, { statusMessage: waitingMessage(connection) });
  await recordAudit(scope, actor, {
    action: 'connection.created',
    targetType: 'connection',
    targetId: connection.id,
    details: { service, label: connection.label, kind: connection.kind, planId },
  });
  context.undo.push({ kind: 'deleteConnection', connectionId: connection.id, service });
  return {
    connectionId: connection.id,
    service,
    label: connection.label,
    note: `"${service}" is connected and waits: ${nextStepFor(connection)}.`,
  };
}

/**
 * An account the workspace has, of the same service, label and kind: connected again, not made
 * twice. Its settings and the agents using it stay; the result names the one call that gives it
 * a new secret (or a new authorization), which an admin makes outside the chat. Nothing is
 * changed, so there is nothing to undo.
 */
async function reconnect(
  context: ConnectContext,
  operation: ConnectOperation,
): Promise<ConnectResult | undefined> {
  const service = serviceSchema.safeParse(operation.service);
  if (!service.success) return undefined;
  const existing = (await listConnections(context.scope, service.data)).find(
    (connection) => connection.label === operation.label && connection.kind === operation.kind,
  );
  if (!existing) return undefined;
  await recordAudit(context.scope, context.actor, {
    action: 'connection.reconnect_requested',
    targetType: 'connection',
    targetId: existing.id,
    details: {
      service: existing.service,
      label: existing.label,
      kind: existing.kind,
      planId: context.planId,
    },
  });
  return {
    connectionId: existing.id,
    service: existing.service,
    label: existing.label,
    note: `"${existing.service}" is already connected; to connect it again, ${nextStepFor(existing)}.`,
  };
}

/**
 * Deletes a connection the plan made, unless a run has used it since (taking it away would break
 * the agents that rely on it) or it holds an OAuth grant (a disconnect revokes that first).
 */
export async function undoConnect(
  scope: WorkspaceScope,
  actor: AuditActor,
  vault: Vault,
  step: ConnectUndoStep,
  planId: string,
) {
  const connection = await findConnection(scope, step.connectionId);
  if (!connection) return;
  const path = connectionPath(connection);
  if (connection.lastUsedAt) {
    throw conflict(
      `The "${connection.service}" account has been used by runs since the plan connected it; undoing would break them. Disconnect it yourself with DELETE ${path} if you mean to.`,
    );
  }
  const secret = await vault.openSecret(scope, connection);
  if (connection.kind === 'oauth2' && readOAuthSecret(secret).accessToken) {
    throw conflict(
      `The "${connection.service}" account has been authorized since; disconnect it with DELETE ${path}, which also revokes its tokens.`,
    );
  }
  // An admin sent the key, password or client secret after the plan: undoing would throw it away.
  const secretGiven =
    connection.kind === 'oauth2'
      ? Boolean(readOAuthSecret(secret).clientSecret)
      : !waitsForSecret(connection, secret);
  if (secretGiven) {
    throw conflict(
      `The "${connection.service}" account has been given its secret since the plan connected it; undoing would throw that away. Disconnect it yourself with DELETE ${path} if you mean to.`,
    );
  }
  await deleteConnection(scope, connection.id);
  await recordAudit(scope, actor, {
    action: 'connection.deleted',
    targetType: 'connection',
    targetId: connection.id,
    details: { service: connection.service, label: connection.label, planId, undo: true },
  });
}
