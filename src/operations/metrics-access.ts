// Who may read /metrics (decision 0031). The figures name no tenant, but they say how busy Orca
// is, which models it calls and which routes fail: not for the whole internet. So:
// - ORCA_METRICS_TOKEN set: Prometheus sends it as a bearer token, on any bind;
// - no token, bound to loopback: open (only this machine can connect: a sidecar or local agent);
// - no token, bound to any other address: off (404), and the answer says how to turn it on.
import { createHash, timingSafeEqual } from 'node:crypto';

export type MetricsAccess =
  | { kind: 'token'; token: string }
  | { kind: 'open' }
  | { kind: 'off'; reason: string };

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

export function metricsAccess(settings: { metricsToken?: string; host: string }): MetricsAccess {
  if (settings.metricsToken) return { kind: 'token', token: settings.metricsToken };
  if (isLoopbackHost(settings.host)) return { kind: 'open' };
  return {
    kind: 'off',
    reason: `Metrics are off on this address: Orca listens on ${settings.host}, not loopback, and ORCA_METRICS_TOKEN is not set. Set ORCA_METRICS_TOKEN and have Prometheus send it as a bearer token.`,
  };
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether an Authorization header carries the token (compared in constant time). */
export function carriesToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
  if (!match?.[1]) return false;
  return timingSafeEqual(digest(match[1]), digest(token));
}
