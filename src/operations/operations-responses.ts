// The answers of the operational endpoints, the same on the API (orca start, orca serve) and on a
// worker's small HTTP port: GET /metrics, GET /api/ready. Plain Responses, so both servers use them.
import type { Metrics } from '../metrics/metrics.ts';
import { carriesToken, isLoopbackHost, type MetricsAccess } from './metrics-access.ts';
import type { Readiness } from './readiness.ts';

const noStore = { 'Cache-Control': 'no-store' };

function errorJson(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return Response.json({ error: { code, message } }, { status, headers: { ...noStore, ...headers } });
}

/** 200 { status: "ready", checks } or 503 { status: "not_ready", checks } naming what failed. */
/**
 * The readiness report. Its failures' messages (database hosts, users, install paths) go only to
 * callers who may read the metrics; anyone else learns which checks pass, as a probe needs.
 */
export async function readinessResponse(
  readiness: Readiness,
  access: MetricsAccess,
  request: MetricsRequest,
): Promise<Response> {
  const report = await readiness.check();
  const detailed = mayReadOperations(access, request);
  const checks = detailed
    ? report.checks
    : Object.fromEntries(Object.entries(report.checks).map(([name, check]) => [name, { ok: check.ok }]));
  return Response.json(
    { status: report.ready ? 'ready' : 'not_ready', checks },
    { status: report.ready ? 200 : 503, headers: noStore },
  );
}

/** Whether the request may read operational detail: with the token, or open and from this machine. */
function mayReadOperations(access: MetricsAccess, request: MetricsRequest): boolean {
  if (access.kind === 'token') return carriesToken(request.authorization, access.token);
  if (access.kind === 'off') return false;
  // A request with no Host at all never crossed HTTP/1.1 (an in-process call): it is local.
  const hostName = request.host?.replace(/:\d+$/, '');
  return !request.forwarded && (hostName === undefined || isLoopbackHost(hostName));
}

/** What /metrics needs to know of the request: its bearer token, and whether a proxy sent it. */
export interface MetricsRequest {
  authorization: string | undefined;
  /** The Host header: open metrics answer only to loopback names (a rebound DNS name is not). */
  host: string | undefined;
  /** A proxy's forwarding header is present: the caller may be anyone the proxy serves. */
  forwarded: boolean;
}

/** The parts of a request /metrics decides on, from its headers. */
export function metricsRequestOf(header: (name: string) => string | undefined): MetricsRequest {
  return {
    authorization: header('authorization'),
    host: header('host'),
    forwarded: ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((name) => header(name) !== undefined),
  };
}

export async function metricsResponse(
  metrics: Metrics,
  access: MetricsAccess,
  request: MetricsRequest,
): Promise<Response> {
  const { authorization } = request;
  if (access.kind === 'off') return errorJson(404, 'not_found', access.reason);
  // Open only to this machine: a reverse proxy on the same host would otherwise publish it, and
  // a page whose DNS name was rebound to 127.0.0.1 would read it from an operator's browser.
  // A request with no Host at all never crossed HTTP/1.1 (an in-process call): it is local.
  const hostName = request.host?.replace(/:\d+$/, '');
  if (
    access.kind === 'open' &&
    (request.forwarded || (hostName !== undefined && !isLoopbackHost(hostName)))
  ) {
    return errorJson(
      404,
      'not_found',
      'Metrics without a token answer only requests made on this machine to a loopback address, not through a proxy. Set ORCA_METRICS_TOKEN and have Prometheus send it as a bearer token.',
    );
  }
  if (access.kind === 'token' && !carriesToken(authorization, access.token)) {
    return errorJson(
      401,
      'unauthenticated',
      'GET /metrics needs the metrics token: send Authorization: Bearer <ORCA_METRICS_TOKEN>.',
      { 'WWW-Authenticate': 'Bearer realm="orca-metrics"' },
    );
  }
  const { contentType, body } = await metrics.exposition();
  return new Response(body, { status: 200, headers: { ...noStore, 'Content-Type': contentType } });
}
