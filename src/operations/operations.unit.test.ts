import { describe, expect, it } from 'vitest';
import { Metrics } from '../metrics/metrics.ts';
import { isLoopbackHost, metricsAccess } from './metrics-access.ts';
import { metricsRequestOf, metricsResponse, readinessResponse } from './operations-responses.ts';
import { cachedCheck, Readiness } from './readiness.ts';

const token = 'a-long-enough-metrics-token';

describe('metrics access', () => {
  it('is open on loopback, off elsewhere, and needs the token wherever one is set', () => {
    expect(['127.0.0.1', '::1', '[::1]', 'localhost', '127.1.2.3'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '10.0.0.5', '::', 'orca.example.com'].some(isLoopbackHost)).toBe(false);
    expect(metricsAccess({ host: '127.0.0.1' }).kind).toBe('open');
    expect(metricsAccess({ host: '0.0.0.0' }).kind).toBe('off');
    expect(metricsAccess({ host: '127.0.0.1', metricsToken: token }).kind).toBe('token');
  });

  it('answers 404 when off, 401 without the token, 200 with it', async () => {
    const metrics = new Metrics({ processMetrics: false });
    const asked = (authorization?: string) => ({ authorization, host: 'orca.example.com', forwarded: true });
    const off = await metricsResponse(metrics, metricsAccess({ host: '0.0.0.0' }), asked());
    expect(off.status).toBe(404);
    expect(await off.text()).toContain('ORCA_METRICS_TOKEN');
    const access = metricsAccess({ host: '0.0.0.0', metricsToken: token });
    expect((await metricsResponse(metrics, access, asked())).status).toBe(401);
    expect((await metricsResponse(metrics, access, asked('Bearer wrong'))).status).toBe(401);
    // With the token, wherever the request comes from.
    const allowed = await metricsResponse(metrics, access, asked(`Bearer ${token}`));
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('orca_runs_finished_total');
  });

  it('keeps open metrics to this machine: not through a proxy, not under a rebound name', async () => {
    const metrics = new Metrics({ processMetrics: false });
    const open = metricsAccess({ host: '127.0.0.1' });
    const local = metricsRequestOf((name) => ({ host: '127.0.0.1:4400' })[name]);
    expect((await metricsResponse(metrics, open, local)).status).toBe(200);
    const proxied = metricsRequestOf(
      (name) => ({ host: '127.0.0.1:4400', 'x-forwarded-for': '203.0.113.9' })[name],
    );
    const refused = await metricsResponse(metrics, open, proxied);
    expect(refused.status).toBe(404);
    expect(await refused.text()).toMatch(/not through a proxy.*ORCA_METRICS_TOKEN/);
    const rebound = metricsRequestOf((name) => ({ host: 'attacker.example:4400' })[name]);
    expect((await metricsResponse(metrics, open, rebound)).status).toBe(404);
    const forwardedHeader = metricsRequestOf(
      (name) => ({ host: 'localhost', forwarded: 'for=1.2.3.4' })[name],
    );
    expect((await metricsResponse(metrics, open, forwardedHeader)).status).toBe(404);
  });
});

describe('readiness', () => {
  it('names each failing check, and skips migrations when the database does not answer', async () => {
    const readiness = new Readiness({
      database: () => Promise.reject(new Error('connection refused')),
      migrations: () => Promise.resolve(undefined),
      queue: () => Promise.resolve(),
    });
    expect(await readiness.check()).toEqual({
      ready: false,
      checks: {
        database: { ok: false, message: 'connection refused' },
        migrations: { ok: false, message: 'not checked: the database does not answer' },
        queue: { ok: true },
      },
    });
  });

  it('keeps a launch check: a success for ten minutes, a failure for thirty seconds', async () => {
    let now = 0;
    let launches = 0;
    let fails = true;
    const check = cachedCheck(
      async () => {
        launches++;
        if (fails) throw new Error('no chromium');
      },
      { now: () => now },
    );
    await expect(check()).rejects.toThrow('no chromium');
    await expect(check()).rejects.toThrow('no chromium');
    expect(launches).toBe(1);
    now += 30_000;
    fails = false;
    await check();
    now += 9 * 60_000;
    await check();
    expect(launches).toBe(2);
    now += 60_000;
    await check();
    expect(launches).toBe(3);
  });
});

describe('readiness to strangers', () => {
  it('tells anyone which checks pass, and only this machine or the token holder why one fails', async () => {
    const readiness = new Readiness({
      database: () => Promise.reject(new Error('connection to db.internal:5432 as orca_app refused')),
      migrations: async () => undefined,
      queue: async () => undefined,
    });
    const open = metricsAccess({ host: '127.0.0.1' });
    const stranger = metricsRequestOf(
      (name) => ({ host: 'orca.example.com', 'x-forwarded-for': '1.2.3.4' })[name],
    );
    const fromOutside = await readinessResponse(readiness, open, stranger);
    expect(fromOutside.status).toBe(503);
    const told = await fromOutside.text();
    expect(told).toContain('"database":{"ok":false}');
    expect(told).not.toContain('db.internal');
    const local = metricsRequestOf((name) => ({ host: '127.0.0.1:4400' })[name]);
    expect(await (await readinessResponse(readiness, open, local)).text()).toContain('db.internal');
  });
});
