// The signed-in account: who I am, my workspaces, and my memory.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ruleViolated } from '../../domain/errors.ts';
import { listLearnedItems, setLearning } from '../../store/learned-item-repository.ts';
import type { AccountScope } from '../../store/store.ts';
import { getUserMemory, saveUserMemory, type UserMemoryRecord } from '../../store/user-memory-repository.ts';
import { findMember, getWorkspace, listWorkspacesOfUser } from '../../store/workspace-repository.ts';
import { requirePrincipal, requireSession } from '../authentication.ts';
import type { ApiEnv } from '../context.ts';
import { commonErrors, jsonBody, jsonResponse, securedBy, timestamp, userSchema } from '../schemas.ts';
import { userView, workspaceView } from '../serialize.ts';
import { lesserRole } from '../workspace-access.ts';
import { learnedSectionSchema, learnedView } from './learned-memory-routes.ts';

const isTimeZone = (value: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

const isLocale = (value: string) => {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
};

// Any JSON value of modest size. (A recursive zod schema would be exact, but the OpenAPI
// generator cannot describe recursion without a named component; the size check suffices.)
const jsonValue = z
  .unknown()
  .refine(
    (value) => value !== undefined && JSON.stringify(value).length <= 4000,
    'each preference must be JSON of at most 4000 characters',
  )
  // PostgreSQL's jsonb cannot hold a NUL character; say so instead of failing at the database.
  .refine(
    (value) => !JSON.stringify(value ?? null).includes('\\u0000'),
    'preferences must not contain NUL characters',
  )
  .openapi({ description: 'Any JSON value' });

const memoryLimitBytes = 16 * 1024;

const memorySchema = z
  .object({
    timezone: z.string().nullable(),
    locale: z.string().nullable(),
    preferences: z.record(z.string(), z.unknown()),
    facts: z.array(z.string()),
    learning: z
      .boolean()
      .describe('Whether Orca learns from what you build; PATCH { learning: false } stops it.'),
    learned: learnedSectionSchema.describe(
      'What Orca learned about how you work, from what you built: shapes, never workspace data. What you set yourself wins.',
    ),
    updatedAt: timestamp.nullable(),
  })
  .openapi('UserMemory');

const memoryPatch = z.strictObject({
  timezone: z
    .string()
    .max(100)
    .refine(isTimeZone, 'timezone must be an IANA time zone such as Europe/Paris or America/New_York')
    .nullable()
    .optional(),
  locale: z
    .string()
    .max(35)
    .refine(isLocale, 'locale must be a language tag such as en-GB')
    .nullable()
    .optional(),
  preferences: z
    .record(z.string().min(1).max(100), jsonValue)
    .optional()
    .describe('Merged into the stored preferences; a key set to null is removed.'),
  facts: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(500, 'each fact must be at most 500 characters')
        .refine((fact) => !fact.includes('\u0000'), 'facts must not contain NUL characters'),
    )
    .max(100, 'keep at most 100 facts')
    .optional()
    .describe('Replaces the stored list of facts.'),
  learning: z
    .boolean()
    .optional()
    .describe('false stops learning from what you build (what was learned stays until you delete it).'),
});

function memoryView(memory: UserMemoryRecord | undefined) {
  return {
    timezone: memory?.timezone ?? null,
    locale: memory?.locale ?? null,
    preferences: memory?.preferences ?? {},
    facts: memory?.facts ?? [],
    updatedAt: memory ? memory.updatedAt.toISOString() : null,
  };
}

/** The memory with its learned section, as GET and PATCH answer. */
async function fullMemoryView(scope: AccountScope, userEmail: string) {
  const memory = await getUserMemory(scope);
  const items = await listLearnedItems(scope);
  return {
    ...memoryView(memory),
    learning: memory?.learning ?? true,
    learned: learnedView(items, memory, userEmail),
  };
}

const meRoute = createRoute({
  method: 'get',
  operationId: 'getMe',
  path: '/api/me',
  tags: ['accounts'],
  summary: 'The signed-in account and its workspaces',
  security: securedBy,
  responses: {
    200: jsonResponse(
      z.object({
        user: userSchema,
        workspaces: z.array(
          z.object({ id: z.string(), slug: z.string(), name: z.string(), role: z.string() }),
        ),
        via: z.enum(['session', 'apiToken']),
      }),
      'Who you are, and the workspaces you can switch to (an API token sees only its own).',
    ),
    401: commonErrors[401],
  },
});

const getMemoryRoute = createRoute({
  method: 'get',
  operationId: 'getMyMemory',
  path: '/api/me/memory',
  tags: ['accounts'],
  summary: 'Your memory: time zone, preferences and facts the Orchestrator uses',
  security: securedBy,
  responses: {
    200: jsonResponse(memorySchema, 'Your memory.'),
    401: commonErrors[401],
    403: commonErrors[403],
  },
});

const patchMemoryRoute = createRoute({
  method: 'patch',
  operationId: 'updateMyMemory',
  path: '/api/me/memory',
  tags: ['accounts'],
  summary: 'Change your memory',
  security: securedBy,
  request: { body: jsonBody(memoryPatch) },
  responses: {
    200: jsonResponse(memorySchema, 'Your memory after the change.'),
    400: commonErrors[400],
    401: commonErrors[401],
    403: commonErrors[403],
    422: commonErrors[422],
  },
});

export function registerMeRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(meRoute, async (c) => {
    const principal = requirePrincipal(c);
    const { store } = c.get('services');
    if (principal.kind === 'apiToken') {
      const { workspace, creator } = await store.inWorkspace(principal.workspaceId, async (scope) => ({
        workspace: await getWorkspace(scope),
        creator: await findMember(scope, principal.user.id),
      }));
      // The role the token acts with: never above its creator's current role.
      const workspaces =
        workspace && creator ? [workspaceView(workspace, lesserRole(principal.role, creator.role))] : [];
      return c.json({ user: userView(principal.user), workspaces, via: 'apiToken' as const }, 200);
    }
    const workspaces = await store.asUser(principal.user.id, listWorkspacesOfUser);
    return c.json(
      {
        user: userView(principal.user),
        workspaces: workspaces.map(({ role, ...workspace }) => workspaceView(workspace, role)),
        via: 'session' as const,
      },
      200,
    );
  });

  app.openapi(getMemoryRoute, async (c) => {
    const principal = requireSession(c);
    const memory = await c
      .get('services')
      .store.asUser(principal.user.id, (scope) => fullMemoryView(scope, principal.user.email));
    return c.json(memory, 200);
  });

  app.openapi(patchMemoryRoute, async (c) => {
    const principal = requireSession(c);
    const patch = c.req.valid('json');
    const saved = await c.get('services').store.asUser(principal.user.id, async (scope) => {
      const current = memoryView(await getUserMemory(scope));
      const preferences: Record<string, unknown> = { ...current.preferences };
      for (const [key, value] of Object.entries(patch.preferences ?? {})) {
        if (value === null) delete preferences[key];
        else preferences[key] = value;
      }
      const next = {
        timezone: patch.timezone === undefined ? current.timezone : patch.timezone,
        locale: patch.locale === undefined ? current.locale : patch.locale,
        preferences,
        facts: patch.facts ?? current.facts,
      };
      const size = Buffer.byteLength(JSON.stringify(next));
      if (size > memoryLimitBytes) {
        throw ruleViolated(
          `Your memory would take ${size} bytes; the limit is ${memoryLimitBytes}. Remove some preferences or facts.`,
        );
      }
      await saveUserMemory(scope, next);
      if (patch.learning !== undefined) await setLearning(scope, patch.learning);
      return fullMemoryView(scope, principal.user.email);
    });
    return c.json(saved, 200);
  });
}
