// The run page's step rows: every step of the agent's version in order, each with what the
// stream and the stored run know of it; and a failure shown with its code, fix and screenshot.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FailureView } from '../../web/src/runs/FailureView.tsx';
import { stepRows } from '../../web/src/runs/RunSteps.tsx';
import { foldRunEvents, noProgress } from '../../web/src/runs/run-progress.ts';

const at = '2026-12-05T10:00:00.000Z';

describe('run steps', () => {
  it('lists the version’s steps in order, those not reached yet with neither stream nor record', () => {
    const progress = foldRunEvents(noProgress, [
      { id: 1, kind: 'step', at, stepId: 'fetch', status: 'succeeded' },
      { id: 2, kind: 'step', at, stepId: 'extract', status: 'running' },
    ]);
    const stored = [
      {
        id: 'fetch',
        tool: 'http.request',
        status: 'succeeded',
        attempts: 1,
        input: { url: 'http://127.0.0.1/page' },
        output: { status: 200 },
        error: null,
        startedAt: at,
        finishedAt: at,
        durationMs: 12,
        usage: null,
      },
    ];
    const rows = stepRows(
      [
        { id: 'fetch', tool: 'http.request' },
        { id: 'extract', tool: 'html.extract' },
        { id: 'report', tool: 'notify.webhook' },
      ],
      stored,
      progress,
    );
    expect(rows.map((row) => [row.id, row.tool, row.live?.status, row.stored?.status])).toEqual([
      ['fetch', 'http.request', 'succeeded', 'succeeded'],
      ['extract', 'html.extract', 'running', undefined],
      ['report', 'notify.webhook', undefined, undefined],
    ]);
  });

  it('shows a failure’s message, code, fix and the page it failed on', () => {
    const html = renderToStaticMarkup(
      createElement(FailureView, {
        failure: {
          code: 'selector_not_found',
          message: 'nothing matched ".team"',
          details: {
            url: 'http://127.0.0.1/team',
            screenshot: { id: 'f1', path: '/api/workspaces/w/deliverables/f1/content' },
          },
        },
      }),
    );
    expect(html).toContain('nothing matched &quot;.team&quot;');
    expect(html).toContain('selector_not_found');
    expect(html).toContain('ask the Orchestrator for a new selector');
    expect(html).toContain('<img src="/api/workspaces/w/deliverables/f1/content"');
  });
});
