// A worker's small HTTP port (ORCA_WORKER_HTTP_PORT, 4401 by default, on HOST): `orca worker`
// serves no API, but Prometheus and an orchestrator's probes still need to reach it. It answers
// GET /metrics (same access rule as the API's), /api/health (liveness) and /api/ready
// (readiness), and 404 to everything else.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import type { Metrics } from '../metrics/metrics.ts';
import { metricsAccess } from './metrics-access.ts';
import { metricsRequestOf, metricsResponse, readinessResponse } from './operations-responses.ts';
import type { Readiness } from './readiness.ts';

export interface OperationsServerOptions {
  host: string;
  port: number;
  metricsToken?: string;
  metrics: Metrics;
  readiness: Readiness;
  /** What /api/health says besides `status: "ok"` (the API's says which database). */
  health: Record<string, unknown>;
}

export interface OperationsServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startOperationsServer(options: OperationsServerOptions): Promise<OperationsServer> {
  const app = new Hono();
  const access = metricsAccess(options);
  app.get('/api/health', (c) => c.json({ status: 'ok', ...options.health }));
  app.get('/api/ready', (c) =>
    readinessResponse(
      options.readiness,
      access,
      metricsRequestOf((name) => c.req.header(name)),
    ),
  );
  app.get('/metrics', (c) =>
    metricsResponse(
      options.metrics,
      access,
      metricsRequestOf((name) => c.req.header(name)),
    ),
  );
  app.notFound((c) =>
    c.json(
      {
        error: {
          code: 'not_found',
          message: `A worker answers only GET /metrics, /api/health and /api/ready, not ${c.req.method} ${c.req.path}.`,
        },
      },
      404,
    ),
  );
  const server = createAdaptorServer({ fetch: app.fetch, createServer }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
