// Liveness: answers while the process serves, with no credential, for load balancers and probes.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../context.ts';
import { errorSchema, jsonResponse, publicRoute } from '../schemas.ts';

const healthRoute = createRoute({
  method: 'get',
  operationId: 'getHealth',
  path: '/api/health',
  tags: ['operations'],
  summary: 'Liveness: 200 while the process serves',
  security: publicRoute,
  responses: {
    200: jsonResponse(
      z
        .object({
          status: z.literal('ok'),
          database: z.enum(['pglite', 'postgres']).describe('Which database this process uses.'),
        })
        .openapi('Health'),
      'The process serves.',
    ),
    401: jsonResponse(errorSchema, 'An Authorization header was sent and is not valid (even here).'),
  },
});

export function registerHealthRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(healthRoute, (c) =>
    c.json({ status: 'ok' as const, database: c.get('services').store.database.kind }, 200),
  );
}
