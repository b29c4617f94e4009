// User memory's learned section: what Orca learned about how the person works, from what they
// built (orchestrator/learning/). They read it with GET /api/me/memory, turn learning off with
// PATCH { learning: false }, and delete it here, all of it or one item.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { notFound } from '../../domain/errors.ts';
import {
  type LearnedPreferences,
  learnedItemViews,
  learnedPreferences,
} from '../../orchestrator/learning/learned-memory.ts';
import { learnedCategories } from '../../orchestrator/learning/observations.ts';
import {
  deleteLearnedItem,
  deleteLearnedItems,
  type LearnedItemRecord,
} from '../../store/learned-item-repository.ts';
import type { UserMemoryRecord } from '../../store/user-memory-repository.ts';
import { requireSession } from '../authentication.ts';
import type { ApiEnv } from '../context.ts';
import { commonErrors, idParameter, jsonResponse, securedBy, timestamp } from '../schemas.ts';

const learnedItemSchema = z
  .object({
    id: z.string(),
    category: z.enum(learnedCategories),
    key: z.string().describe('What was learned, as a name from a closed set, a time zone or a language tag.'),
    label: z.string().describe('The same in words: "price monitor + e-mail on change".'),
    count: z.number().int().describe('How many times it was seen in what you built.'),
    source: z.string().describe('Where it was last seen: plan, agents_api, schedule or sign_in.'),
    sourceLabel: z.string(),
    firstSeenAt: timestamp,
    lastSeenAt: timestamp,
  })
  .openapi('LearnedItem');

const learnedPreferenceSchema = z
  .object({
    value: z.string(),
    label: z.string(),
    learnedFrom: z.string(),
    applies: z.boolean().describe('Used by the Orchestrator: only while you have not set this yourself.'),
    suggestion: z.boolean().describe('You set a different value: this one is offered, never applied.'),
  })
  .nullable();

export const learnedSectionSchema = z
  .object({
    items: z.array(learnedItemSchema),
    preferences: z.object({
      notificationChannel: learnedPreferenceSchema,
      timezone: learnedPreferenceSchema,
      locale: learnedPreferenceSchema,
    }),
  })
  .openapi('LearnedMemory');

/** The learned section of GET /api/me/memory. */
export function learnedView(
  items: readonly LearnedItemRecord[],
  memory: UserMemoryRecord | undefined,
  userEmail: string,
): { items: ReturnType<typeof learnedItemViews>; preferences: LearnedPreferences } {
  return {
    items: learnedItemViews(items),
    preferences: learnedPreferences(items, memory ?? {}, userEmail),
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const forgetAllRoute = createRoute({
  method: 'delete',
  operationId: 'forgetLearnedItems',
  path: '/api/me/memory/learned',
  tags: ['accounts'],
  summary: 'Forget everything Orca learned about how you work (your own settings stay)',
  security: securedBy,
  responses: {
    200: jsonResponse(z.object({ deleted: z.number().int() }), 'How many learned items were deleted.'),
    401: commonErrors[401],
    403: commonErrors[403],
  },
});

const forgetOneRoute = createRoute({
  method: 'delete',
  operationId: 'forgetLearnedItem',
  path: '/api/me/memory/learned/{itemId}',
  tags: ['accounts'],
  summary: 'Forget one thing Orca learned about how you work',
  security: securedBy,
  request: { params: z.object({ itemId: idParameter('itemId') }) },
  responses: {
    204: { description: 'Forgotten.' },
    401: commonErrors[401],
    403: commonErrors[403],
    404: commonErrors[404],
  },
});

export function registerLearnedMemoryRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(forgetAllRoute, async (c) => {
    const principal = requireSession(c);
    const deleted = await c.get('services').store.asUser(principal.user.id, deleteLearnedItems);
    return c.json({ deleted }, 200);
  });

  app.openapi(forgetOneRoute, async (c) => {
    const principal = requireSession(c);
    const { itemId } = c.req.valid('param');
    const deleted =
      uuidPattern.test(itemId) &&
      (await c.get('services').store.asUser(principal.user.id, (scope) => deleteLearnedItem(scope, itemId)));
    if (!deleted) throw notFound('This learned item');
    return c.body(null, 204);
  });
}
