import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics.ts';

describe('Metrics', () => {
  it('records each event under its labels, with the orca_ prefix', async () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.runFinished('failed', 'schedule');
    metrics.stepFinished('transform', 'succeeded', 250);
    metrics.scheduleFired('schedule', new Date(1000), new Date(1500));
    metrics.webhookCalled('rate_limited');
    metrics.llmTokens('llama3.1', 12, 3);
    metrics.httpRequest('GET', '/api/workspaces/:ws', 200, 4);
    const { body, contentType } = await metrics.exposition();
    expect(contentType).toContain('text/plain');
    expect(body).toContain('orca_runs_finished_total{status="failed",trigger="schedule"} 1');
    expect(body).toContain(
      'orca_step_duration_seconds_bucket{le="0.5",tool="transform",status="succeeded"} 1',
    );
    expect(body).toContain('orca_schedule_lag_seconds_sum{kind="schedule"} 0.5');
    expect(body).toContain('orca_webhook_calls_total{outcome="rate_limited"} 1');
    expect(body).toContain('orca_llm_tokens_total{model="llama3.1",direction="input"} 12');
    expect(body).toContain('orca_llm_tokens_total{model="llama3.1",direction="output"} 3');
    expect(body).toContain(
      'orca_http_request_duration_seconds_count{method="GET",route="/api/workspaces/:ws",status="200"} 1',
    );
    for (const line of body.split('\n').filter((text) => text && !text.startsWith('#'))) {
      expect(line.startsWith('orca_')).toBe(true);
    }
  });

  it('keeps at most twenty model names as labels, the rest as other', async () => {
    const metrics = new Metrics({ processMetrics: false });
    for (let index = 0; index < 25; index++) metrics.llmTokens(`model-${index}`, 1, 0);
    const { body } = await metrics.exposition();
    const models = new Set(
      [...body.matchAll(/orca_llm_tokens_total\{model="([^"]+)"/g)].map((match) => match[1]),
    );
    expect(models.size).toBe(21);
    expect(body).toContain('orca_llm_tokens_total{model="other",direction="input"} 5');
  });

  it('keeps the configured model as its own label after steps have filled the cap with others', async () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.keepModelLabel('gpt-4o');
    for (let index = 0; index < 30; index++) metrics.llmTokens(`named-in-a-spec-${index}`, 1, 0);
    metrics.llmTokens('gpt-4o', 7, 0);
    const { body } = await metrics.exposition();
    expect(body).toContain('orca_llm_tokens_total{model="gpt-4o",direction="input"} 7');
    expect(body).toContain('orca_llm_tokens_total{model="other",direction="input"} 10');
  });

  it('counts open event streams, each closed once however often its closer is called', async () => {
    const metrics = new Metrics({ processMetrics: false });
    const first = metrics.eventStreamOpened();
    metrics.eventStreamOpened();
    first();
    first();
    expect((await metrics.exposition()).body).toContain('orca_event_streams_open 1');
  });

  it('reads the queue once per scrape for both gauges, and leaves them out of a failed read', async () => {
    const metrics = new Metrics({ processMetrics: false });
    let reads = 0;
    let fail = false;
    metrics.watchQueue(async () => {
      reads++;
      if (fail) throw new Error('database gone');
      return { depth: 7, oldestAgeSeconds: 42.5 };
    });
    metrics.watchBrowserContexts(() => 2);
    const { body } = await metrics.exposition();
    expect(reads).toBe(1);
    expect(body).toContain('orca_queue_depth 7');
    expect(body).toContain('orca_queue_oldest_age_seconds 42.5');
    expect(body).toContain('orca_browser_contexts_open 2');
    fail = true;
    await expect(metrics.exposition()).resolves.toBeDefined();
  });

  it('adds the process metrics under the same prefix', async () => {
    const { body } = await new Metrics().exposition();
    expect(body).toMatch(/^orca_process_resident_memory_bytes \d+/m);
    expect(body).toMatch(/^orca_nodejs_eventloop_lag_seconds /m);
  });
});
