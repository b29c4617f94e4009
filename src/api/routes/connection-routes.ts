// Connected accounts: created with their secret, which the API never shows again (only which
// fields are set); changed, tested, deleted. Every change is audited, without the secret. OAuth 2
// accounts get their tokens through oauth-routes.ts; here they are tested, and revoked on delete.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { conflict, notFound, ruleViolated } from '../../domain/errors.ts';
import { type OutboundPolicy, outboundPolicy } from '../../network/outbound-policy.ts';
import { asToolError, fetchOneHop, policedAgent } from '../../network/policed-fetch.ts';
import { assertCredentialTransport } from '../../runtime/credential-transport.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import { isUniqueViolation, type WorkspaceScope } from '../../store/store.ts';
import {
  type ConnectionRecord,
  clearDefault,
  connectionKeyset,
  deleteConnection,
  findConnection,
  insertConnection,
  listConnections,
  updateConnection,
} from '../../store/vault-repository.ts';
import {
  apiKeyConnection,
  connectionDefinition,
  hostAllowed,
  loginConnection,
  serviceSchema,
} from '../../vault/connection-rules.ts';
import { missingSecretMessage, waitsForSecret } from '../../vault/missing-secret.ts';
import { sameProvider } from '../../vault/oauth-client.ts';
import { changedSecret, definedPart, readOAuthSecret } from '../../vault/oauth-secret.ts';
import {
  authorizeRoute,
  freshAccessToken,
  type OAuthDependencies,
  OAuthTokenError,
  oauthSettingsOf,
  revokeTokens,
  sealedOAuthSecret,
} from '../../vault/oauth-tokens.ts';
import type { SecretFields, Vault } from '../../vault/vault.ts';
import { type ConnectionUser, connectionUsers, currentAgentSpecs } from '../connection-usage.ts';
import type { ApiEnv } from '../context.ts';
import { keysetPageOf, pageParameters, requestedPage } from '../keyset-cursor.ts';
import { locateInWorkspace } from '../location.ts';
import {
  commonErrors,
  idParameter,
  jsonBody,
  jsonResponse,
  listOf,
  securedBy,
  timestamp,
} from '../schemas.ts';
import { iso, isoOrNull } from '../serialize.ts';
import { requireAction } from '../workspace-access.ts';

const connectionSchema = z
  .object({
    id: z.string(),
    service: z.string(),
    label: z.string(),
    kind: z.enum(['api_key', 'login', 'oauth2']),
    isDefault: z.boolean(),
    settings: z.record(z.string(), z.unknown()),
    secretFields: z.array(z.string()).describe('Which secret fields are set; their values are never shown.'),
    status: z.enum(['untested', 'working', 'failing']),
    statusMessage: z.string().nullable(),
    lastTestedAt: timestamp.nullable(),
    lastUsedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    waitingForSecret: z
      .boolean()
      .describe(
        'An API key or login made without its key or password (by a plan): every use refuses until it is added.',
      ),
    usedBy: z
      .array(z.object({ agentId: z.string(), agentName: z.string() }))
      .describe(
        'The agents whose current version has a step that names this account (as it resolves today).',
      ),
  })
  .openapi('Connection');

const createSchema = z
  .object({
    service: serviceSchema,
    label: z.string().trim().max(60).default(''),
    kind: z.string(),
    settings: z.record(z.string(), z.unknown()).default({}),
    secret: z
      .record(z.string(), z.unknown())
      .default({})
      .describe(
        'api_key: {apiKey}; login: {password, totpSecret?}; oauth2: {clientSecret?} (tokens come from authorizing).',
      ),
    isDefault: z.boolean().optional(),
  })
  .openapi('ConnectionCreate');

const changeSchema = z
  .object({
    label: z.string().trim().max(60).optional(),
    settings: z.record(z.string(), z.unknown()).optional().describe('The whole settings, replacing the old.'),
    secret: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('The whole secret, replacing the old (a rotation).'),
    isDefault: z.literal(true).optional().describe('Make this the service’s default account.'),
  })
  .openapi('ConnectionChange');

const params = z.object({ ws: idParameter('ws'), connectionId: idParameter('connectionId') });

function view(record: ConnectionRecord, secretFields: string[], users: Map<string, ConnectionUser[]>) {
  const fieldsSet = Object.fromEntries(secretFields.map((field) => [field, 'set']));
  return {
    id: record.id,
    service: record.service,
    label: record.label,
    kind: record.kind,
    isDefault: record.isDefault,
    settings: record.settings,
    secretFields,
    status: record.status,
    statusMessage: record.statusMessage,
    lastTestedAt: isoOrNull(record.lastTestedAt),
    lastUsedAt: isoOrNull(record.lastUsedAt),
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    waitingForSecret: waitsForSecret(record, fieldsSet),
    usedBy: users.get(record.id) ?? [],
  };
}

/** Which agents use each of the workspace's accounts, read in the caller's transaction. */
async function usersIn(scope: WorkspaceScope) {
  return connectionUsers(await listConnections(scope), await currentAgentSpecs(scope));
}

/** The account as the API shows it: bookkeeping out, which fields are set, who uses it. */
function shown(record: ConnectionRecord, users: Map<string, ConnectionUser[]>) {
  return view({ ...record, settings: withoutBookkeeping(record.settings) }, secretFieldsOf(record), users);
}

/** The definition checked as a whole, so a message names the field that is wrong. */
function checkedDefinition(raw: { kind: string; settings: unknown; secret: unknown }) {
  const parsed = connectionDefinition.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw ruleViolated(
    `${issue?.path.join('.') || 'kind'}: ${issue?.message ?? 'is not valid'}.`,
    parsed.error.issues.map((item) => ({ path: item.path.join('.'), message: item.message })),
  );
}

/** Secret field names are kept in the clear beside the sealed value: which fields, never what. */
const secretFieldsOf = (record: ConnectionRecord) =>
  (record.settings as { secretFields?: string[] }).secretFields ?? [];

function publicSettings(settings: Record<string, unknown>, secret: Record<string, unknown>) {
  return { ...settings, secretFields: Object.keys(secret).sort() };
}

function withoutBookkeeping(settings: Record<string, unknown>) {
  const { secretFields: _secretFields, ...rest } = settings;
  return rest;
}

type Definition = ReturnType<typeof checkedDefinition>;

/** Stands in for a secret not sent yet, so that the settings are checked; never sealed. */
const placeholderSecrets: Record<ConnectionRecord['kind'], SecretFields> = {
  api_key: { apiKey: 'placeholder' },
  login: { password: 'placeholder' },
  oauth2: {},
};

/**
 * What a change of an oauth2 connection seals: the tokens stay, unless the provider or client
 * changed (they belong to the old one, and the account must be authorized again).
 */
async function changedOAuthSealing(
  scope: WorkspaceScope,
  vault: Vault,
  row: ConnectionRecord,
  stored: SecretFields,
  definition: Extract<Definition, { kind: 'oauth2' }>,
) {
  const before = oauthSettingsOf(row);
  const providerChanged = !sameProvider(before, definition.settings);
  // The tokens were granted to go to the hosts the account had. A client secret sent with the change
  // says nothing about them (refuseRedirectedSecret lets any secret through), so a new host drops
  // them: whoever authorizes again sees where they will go.
  const hostsAdded = definition.settings.allowedHosts.some((host) => !before.allowedHosts.includes(host));
  const next = changedSecret(readOAuthSecret(stored), definition.secret, providerChanged || hostsAdded);
  const reason = providerChanged ? 'The provider or client changed' : 'Its tokens may go to a new host';
  return {
    ...(await sealedOAuthSecret(scope, vault, { settings: definition.settings }, next)),
    ...(providerChanged || hostsAdded
      ? {
          status: 'untested' as const,
          statusMessage: `${reason}: authorize again with ${authorizeRoute(row)}.`,
        }
      : {}),
  };
}

interface TestOutcome {
  status: 'working' | 'failing';
  message: string;
}

/** A GET of the testUrl with the credential: 2xx means it works. */
async function probe(
  testUrl: string,
  allowedHosts: readonly string[],
  headers: Record<string, string>,
  network: OutboundPolicy,
  credential: string,
): Promise<TestOutcome> {
  const url = new URL(testUrl);
  if (!hostAllowed(url, allowedHosts))
    throw ruleViolated('The testUrl is not on one of the connection’s allowedHosts.');
  const agent = policedAgent(network);
  try {
    await assertCredentialTransport(url, network, 'The credential');
    const response = await fetchOneHop(
      url,
      { method: 'GET', headers, body: undefined, signal: AbortSignal.timeout(15_000) },
      network,
      agent,
    );
    await response.body?.cancel().catch(() => undefined);
    return response.ok
      ? { status: 'working', message: `${url.host} accepted ${credential} (${response.status}).` }
      : {
          status: 'failing',
          message: `${url.host} answered ${response.status}: ${credential} was refused or lacks rights.`,
        };
  } catch (error) {
    return {
      status: 'failing',
      message: asToolError(error, url.toString(), 15_000, new AbortController().signal).message,
    };
  } finally {
    await agent.close().catch(() => undefined);
  }
}

/** An oauth2 account works when its token can be renewed (when it has a refresh token) and used. */
async function testOAuth(
  dependencies: OAuthDependencies,
  row: ConnectionRecord,
  secret: SecretFields,
): Promise<TestOutcome> {
  const settings = oauthSettingsOf(row);
  const refreshable = readOAuthSecret(secret).refreshToken !== undefined;
  let accessToken: string;
  try {
    accessToken = await freshAccessToken(dependencies, row, secret, { force: true });
  } catch (error) {
    if (!(error instanceof OAuthTokenError)) throw error;
    if (error.reason === 'not_authorized') throw ruleViolated(error.message);
    return { status: 'failing', message: error.message };
  }
  if (settings.testUrl) {
    const headers = { authorization: `Bearer ${accessToken}` };
    return probe(settings.testUrl, settings.allowedHosts, headers, dependencies.network, 'the access token');
  }
  return {
    status: 'working',
    message: refreshable
      ? `${new URL(settings.tokenUrl).host} renewed the access token: the authorization holds.`
      : 'The access token has not expired (the provider gave no refresh token to renew it with).',
  };
}

/** Settings that decide where a connection's secret is sent. */
const destinationSettings = [
  'allowedHosts',
  'testUrl',
  'loginUrl',
  'tokenUrl',
  'revocationUrl',
  'authorizationUrl',
];

/**
 * Pointing a stored secret somewhere new needs the secret again in the same change: otherwise an
 * admin could have Orca send a password or key it never shows to a site of their choosing.
 */
function refuseRedirectedSecret(
  row: ConnectionRecord,
  settings: Record<string, unknown>,
  stored: Record<string, unknown>,
  secretGiven: boolean,
) {
  if (secretGiven) return;
  const holdsSecret = Object.values(stored).some((value) => typeof value === 'string' && value.length > 0);
  if (!holdsSecret) return;
  const before = withoutBookkeeping(row.settings);
  const moved = destinationSettings.filter(
    (name) => JSON.stringify(before[name] ?? null) !== JSON.stringify(settings[name] ?? null),
  );
  if (moved.length === 0) return;
  throw ruleViolated(
    `Changing ${moved.join(', ')} changes where this account's secret is sent: send the secret again in the same change ("secret": {…}).`,
    moved.map((name) => ({ path: `settings.${name}`, message: 'needs the secret again' })),
  );
}

const routes = {
  list: createRoute({
    method: 'get',
    operationId: 'listConnections',
    path: '/api/workspaces/{ws}/connections',
    tags: ['connections'],
    summary: 'Connected accounts (builder): no secret is ever shown',
    security: securedBy,
    request: {
      params: z.object({ ws: idParameter('ws') }),
      query: z.object({ service: serviceSchema.optional(), ...pageParameters(200) }),
    },
    responses: {
      200: jsonResponse(listOf(connectionSchema), 'The accounts, by service.'),
      ...commonErrors,
    },
  }),
  create: createRoute({
    method: 'post',
    operationId: 'createConnection',
    path: '/api/workspaces/{ws}/connections',
    tags: ['connections'],
    summary:
      'Connect an account (admin): api_key, login or oauth2 (then authorize it), with the hosts its credential may go to',
    security: securedBy,
    request: { params: z.object({ ws: idParameter('ws') }), body: jsonBody(createSchema) },
    responses: { 201: jsonResponse(connectionSchema, 'Connected.'), ...commonErrors },
  }),
  read: createRoute({
    method: 'get',
    operationId: 'getConnection',
    path: '/api/workspaces/{ws}/connections/{connectionId}',
    tags: ['connections'],
    summary: 'A connected account (builder)',
    security: securedBy,
    request: { params },
    responses: { 200: jsonResponse(connectionSchema, 'The account.'), ...commonErrors },
  }),
  change: createRoute({
    method: 'patch',
    operationId: 'updateConnection',
    path: '/api/workspaces/{ws}/connections/{connectionId}',
    tags: ['connections'],
    summary: 'Change a connected account (admin): label, settings, a new secret, or make it the default',
    security: securedBy,
    request: { params, body: jsonBody(changeSchema) },
    responses: { 200: jsonResponse(connectionSchema, 'Changed.'), ...commonErrors },
  }),
  remove: createRoute({
    method: 'delete',
    operationId: 'deleteConnection',
    path: '/api/workspaces/{ws}/connections/{connectionId}',
    tags: ['connections'],
    summary: 'Disconnect an account (admin); an oauth2 account’s tokens are revoked at its revocationUrl',
    security: securedBy,
    request: { params },
    responses: { 204: { description: 'Disconnected.' }, ...commonErrors },
  }),
  test: createRoute({
    method: 'post',
    operationId: 'testConnection',
    path: '/api/workspaces/{ws}/connections/{connectionId}/test',
    tags: ['connections'],
    summary:
      'Check that an account works (admin): an API key against its testUrl; an oauth2 account by renewing its token (and its testUrl)',
    security: securedBy,
    request: { params },
    responses: {
      200: jsonResponse(connectionSchema, 'The account, with the outcome in status.'),
      ...commonErrors,
    },
  }),
};

export function registerConnectionRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.list, async (c) => {
    const access = requireAction(c, 'connections.read');
    const query = c.req.valid('query');
    const { rows, users } = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => ({
      rows: await listConnections(scope, query.service, requestedPage(connectionKeyset, query)),
      users: await usersIn(scope),
    }));
    const page = keysetPageOf(connectionKeyset, rows, query.limit);
    return c.json({ items: page.items.map((row) => shown(row, users)), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.create, async (c) => {
    const access = requireAction(c, 'connections.manage');
    const body = c.req.valid('json');
    const definition = checkedDefinition({ kind: body.kind, settings: body.settings, secret: body.secret });
    const { store, vault } = c.get('services');
    const created = await store.inWorkspace(access.workspace.id, async (scope) => {
      const existing = await listConnections(scope, body.service);
      const makeDefault = body.isDefault ?? existing.length === 0;
      if (makeDefault) await clearDefault(scope, body.service);
      try {
        const row = await insertConnection(scope, {
          service: body.service,
          label: body.label,
          kind: definition.kind,
          isDefault: makeDefault,
          settings: publicSettings(definition.settings, definition.secret),
          sealedSecret: await vault.sealSecret(scope, definition.secret as Record<string, string>),
          createdBy: access.actor.userId,
          // An OAuth account has no token until someone authorizes it at the provider.
          ...(definition.kind === 'oauth2'
            ? {
                statusMessage: 'Waiting for authorization: POST …/authorize, then open the authorizationUrl.',
              }
            : {}),
        });
        await recordAudit(scope, access.actor, {
          action: 'connection.created',
          targetType: 'connection',
          targetId: row.id,
          details: { service: row.service, label: row.label, kind: row.kind },
        });
        return { row, users: await usersIn(scope) };
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw conflict(
            `The workspace already has ${body.label ? `a "${body.service}" account labelled "${body.label}"` : `an account for "${body.service}"`}. Give this one a label to keep both, or change the existing one.`,
          );
        }
        throw error;
      }
    });
    locateInWorkspace(c, 'connections', created.row.id);
    return c.json(shown(created.row, created.users), 201);
  });

  app.openapi(routes.read, async (c) => {
    const access = requireAction(c, 'connections.read');
    const { row, users } = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => ({
      row: await findConnection(scope, c.req.valid('param').connectionId),
      users: await usersIn(scope),
    }));
    if (!row) throw notFound('This connection');
    return c.json(shown(row, users), 200);
  });

  app.openapi(routes.change, async (c) => {
    const access = requireAction(c, 'connections.manage');
    const body = c.req.valid('json');
    const { store, vault } = c.get('services');
    const changed = await store.inWorkspace(access.workspace.id, async (scope) => {
      const row = await findConnection(scope, c.req.valid('param').connectionId);
      if (!row) throw notFound('This connection');
      const stored = await vault.openSecret(scope, row);
      // An oauth2 connection's sealed secret also holds its tokens; the admin defines only the rest.
      const secret = body.secret ?? (row.kind === 'oauth2' ? definedPart(readOAuthSecret(stored)) : stored);
      const settings = body.settings ?? withoutBookkeeping(row.settings);
      // A connection a plan made has no secret yet: its other settings may change before it comes.
      const waiting = !body.secret && waitsForSecret(row, stored);
      refuseRedirectedSecret(row, settings, stored, body.secret !== undefined);
      const definition = checkedDefinition({
        kind: row.kind,
        settings,
        secret: waiting ? placeholderSecrets[row.kind] : secret,
      });
      if (body.isDefault) await clearDefault(scope, row.service);
      const sealing =
        definition.kind === 'oauth2'
          ? await changedOAuthSealing(scope, vault, row, stored, definition)
          : {
              settings: publicSettings(definition.settings, waiting ? {} : definition.secret),
              sealedSecret: body.secret
                ? await vault.sealSecret(scope, definition.secret as Record<string, string>)
                : row.sealedSecret,
              // A new secret has not been tested yet.
              ...(body.secret ? { status: 'untested' as const, statusMessage: null } : {}),
            };
      try {
        const updated = await updateConnection(scope, row.id, {
          label: body.label ?? row.label,
          isDefault: body.isDefault ? true : row.isDefault,
          ...sealing,
        });
        await recordAudit(scope, access.actor, {
          action: 'connection.updated',
          targetType: 'connection',
          targetId: row.id,
          details: { service: row.service, changed: Object.keys(body).sort() },
        });
        return { row: updated ?? row, users: await usersIn(scope) };
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict(`Another "${row.service}" account already has that label.`);
        throw error;
      }
    });
    return c.json(shown(changed.row, changed.users), 200);
  });

  app.openapi(routes.remove, async (c) => {
    const access = requireAction(c, 'connections.manage');
    const { store, vault, config, logger } = c.get('services');
    const connectionId = c.req.valid('param').connectionId;
    // An OAuth grant is revoked at the provider first, outside any transaction, and at best
    // effort: a provider that fails must not keep the account connected in Orca.
    const oauth = await store.inWorkspace(access.workspace.id, async (scope) => {
      const found = await findConnection(scope, connectionId);
      return found?.kind === 'oauth2'
        ? { row: found, secret: await vault.openSecret(scope, found) }
        : undefined;
    });
    let revoked: number | undefined;
    if (oauth) {
      const outcome = await revokeTokens(outboundPolicy(config.allowNetwork), oauth.row, oauth.secret).catch(
        (error: unknown) => ({ revoked: 0, failures: [(error as Error).message] }),
      );
      revoked = outcome.revoked;
      for (const failure of outcome.failures)
        logger.error(
          `Revoking the tokens of connection ${oauth.row.id} (${oauth.row.service}) failed: ${failure}`,
        );
    }
    await store.inWorkspace(access.workspace.id, async (scope) => {
      const row = await deleteConnection(scope, connectionId);
      if (!row) throw notFound('This connection');
      await recordAudit(scope, access.actor, {
        action: 'connection.deleted',
        targetType: 'connection',
        targetId: row.id,
        details: { service: row.service, label: row.label, ...(revoked === undefined ? {} : { revoked }) },
      });
    });
    return c.body(null, 204);
  });

  app.openapi(routes.test, async (c) => {
    const access = requireAction(c, 'connections.manage');
    const { store, vault, config } = c.get('services');
    const connectionId = c.req.valid('param').connectionId;
    // Read the secret, then let go of the database while the service answers.
    const { row, secret } = await store.inWorkspace(access.workspace.id, async (scope) => {
      const found = await findConnection(scope, connectionId);
      if (!found) throw notFound('This connection');
      return { row: found, secret: await vault.openSecret(scope, found) };
    });
    const network = outboundPolicy(config.allowNetwork);
    let outcome: TestOutcome;
    if (waitsForSecret(row, secret)) throw ruleViolated(missingSecretMessage(row));
    if (row.kind === 'api_key') {
      const settings = apiKeyConnection.shape.settings.parse(withoutBookkeeping(row.settings));
      if (!settings.testUrl)
        throw ruleViolated('This API key has no testUrl to check it against: add one to its settings.');
      const headers = { [settings.headerName.toLowerCase()]: `${settings.prefix}${secret.apiKey ?? ''}` };
      outcome = await probe(settings.testUrl, settings.allowedHosts, headers, network, 'the key');
    } else if (row.kind === 'oauth2') {
      outcome = await testOAuth({ store, vault, network }, row, secret);
    } else {
      const settings = loginConnection.shape.settings.parse(withoutBookkeeping(row.settings));
      if (!settings.loginUrl) {
        throw ruleViolated(
          'A login is checked by signing in at its sign-in page: add loginUrl to its settings (PATCH {"settings": {…, "loginUrl": "https://…/login"}}).',
        );
      }
      outcome = await c
        .get('services')
        .checkLogin({ workspaceId: access.workspace.id, connectionId: row.id, loginUrl: settings.loginUrl });
    }
    const { status, message } = outcome;
    const updated = await store.inWorkspace(access.workspace.id, async (scope) => {
      const saved = await updateConnection(scope, row.id, {
        status,
        statusMessage: message,
        lastTestedAt: new Date(),
      });
      await recordAudit(scope, access.actor, {
        action: 'connection.tested',
        targetType: 'connection',
        targetId: row.id,
        details: { service: row.service, status },
      });
      return { row: saved ?? row, users: await usersIn(scope) };
    });
    return c.json(shown(updated.row, updated.users), 200);
  });
}
