// The chat's plan card, rendered to markup without a browser: each operation type reads as a
// change (an updateAgent as a diff before → after), edits land in the operations sent to
// approve, and replies and the event stream are cut up correctly.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlanOperation } from '../../src/domain/plan.ts';

// The API client reads the page's address when it is loaded; give it one.
vi.stubGlobal('window', { location: { origin: 'http://127.0.0.1' } });
// Files share a worker's globals (vitest.config.ts: isolate false): take the page away after.
afterAll(() => vi.unstubAllGlobals());

let OperationView: typeof import('../../web/src/chat/plan/OperationView.tsx').OperationView;
let specDiff: typeof import('../../web/src/chat/plan/spec-diff.ts').specDiff;
let applyEdits: typeof import('../../web/src/chat/plan/plan-edits.ts').applyEdits;
let editableFields: typeof import('../../web/src/chat/plan/plan-edits.ts').editableFields;
let replyParts: typeof import('../../web/src/chat/reply-parts.ts').replyParts;
let paragraphs: typeof import('../../web/src/chat/reply-parts.ts').paragraphs;
let SseParser: typeof import('../../web/src/chat/sse-parser.ts').SseParser;

beforeAll(async () => {
  ({ OperationView } = await import('../../web/src/chat/plan/OperationView.tsx'));
  ({ specDiff } = await import('../../web/src/chat/plan/spec-diff.ts'));
  ({ applyEdits, editableFields } = await import('../../web/src/chat/plan/plan-edits.ts'));
  ({ replyParts, paragraphs } = await import('../../web/src/chat/reply-parts.ts'));
  ({ SseParser } = await import('../../web/src/chat/sse-parser.ts'));
});

function render(node: ReactNode): string {
  const queryClient = new QueryClient();
  return renderToStaticMarkup(
    createElement(QueryClientProvider, { client: queryClient }, createElement(MemoryRouter, null, node)),
  );
}

function renderOperation(operation: PlanOperation, options: { applied?: boolean; result?: object } = {}) {
  return render(
    createElement(OperationView, {
      ws: 'acme',
      operation,
      applied: options.applied ?? false,
      result: options.result as never,
    }),
  );
}

/** The markup's text, tags dropped and entities read, for assertions in words. */
function text(markup: string) {
  return markup
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

const scraper = {
  name: 'Team Scraper',
  goal: 'Collect the team',
  steps: [
    { id: 'fetch', tool: 'http.request', with: { url: 'https://example.com/team' } },
    {
      id: 'extract',
      tool: 'html.extract',
      with: { html: '{{ steps.fetch.body }}', records: { selector: '.person', fields: { name: '.name' } } },
    },
    { id: 'save', tool: 'files.save', with: { name: 'team.csv', content: '{{ steps.extract.records }}' } },
  ],
};

describe('an updateAgent operation', () => {
  const after = {
    ...scraper,
    goal: 'Collect the whole team',
    steps: [
      { id: 'fetch', tool: 'http.request', with: { url: 'https://example.com/people' } },
      scraper.steps[1],
      { id: 'mail', tool: 'notify.email', with: { to: 'me@example.com', subject: 'New team' } },
    ],
  };
  const operation: PlanOperation = {
    type: 'updateAgent',
    agentId: 'agent-1',
    agentName: 'Team Scraper',
    expectedVersion: 3,
    before: scraper,
    spec: after,
  };

  it('shows each changed setting and step field before → after', () => {
    const markup = renderOperation(operation);
    expect(markup).toContain('<del>https://example.com/team</del>');
    expect(markup).toContain('<ins>https://example.com/people</ins>');
    expect(markup).toContain('<del>Collect the team</del>');
    expect(markup).toContain('<ins>Collect the whole team</ins>');
    const words = text(markup);
    expect(words).toContain('version 3 → 4');
    expect(words).toContain('Added step 3 “mail”: E-mail me@example.com (subject “New team”)');
    expect(words).toContain('Removed step “save”: Save the file “team.csv”');
    expect(words).toContain('The other step stays as it is.');
    expect(markup).toContain('href="/w/acme/agents/agent-1"');
  });

  it('finds moved steps and counts the ones that stay', () => {
    const diff = specDiff(scraper, {
      ...scraper,
      steps: [1, 0, 2].map((index) => scraper.steps[index] as (typeof scraper.steps)[number]),
    });
    expect(diff.settings).toEqual([]);
    expect(diff.steps.map((change) => change.kind)).toContain('moved');
    expect(specDiff(scraper, scraper)).toEqual({ settings: [], steps: [], unchanged: 3 });
  });

  it('says when nothing changes', () => {
    expect(text(renderOperation({ ...operation, spec: scraper }))).toContain('Nothing in the agent changes.');
  });
});

describe('the other operations', () => {
  it('shows a new agent with its goal and its steps in words', () => {
    const words = text(renderOperation({ type: 'createAgent', spec: scraper }));
    expect(words).toContain('Create the agent Team Scraper');
    expect(words).toContain('Goal: Collect the team');
    expect(words).toContain('http.request Fetch https://example.com/team');
    expect(words).toContain('html.extract Extract each item marked `.person` (fields: name)');
    expect(words).toContain('files.save Save the file “team.csv”');
  });

  it('links the created agent once applied', () => {
    const markup = renderOperation(
      { type: 'createAgent', spec: scraper },
      {
        applied: true,
        result: { index: 0, type: 'createAgent', agentId: 'new-1', agentName: 'Team Scraper' },
      },
    );
    expect(markup).toContain('href="/w/acme/agents/new-1"');
  });

  it('shows a schedule in words, its zone and its next times in that zone', () => {
    const words = text(
      renderOperation({
        type: 'scheduleAgent',
        agentId: 'agent-1',
        agentName: 'Team Scraper',
        text: 'every weekday at 8am',
        timezone: 'Europe/Paris',
        description: 'At 08:00 AM, Monday through Friday (Europe/Paris)',
        nextRuns: ['2026-12-07T07:00:00.000Z'],
        before: {
          cron: '0 9 * * 1',
          timezone: 'Europe/Paris',
          text: null,
          input: {},
          enabled: true,
          missed: 'skip',
          description: 'At 09:00 AM, only on Monday',
        },
      }),
    );
    expect(words).toContain('Run Team Scraper: At 08:00 AM, Monday through Friday (Europe/Paris)');
    expect(words).toContain('In wordsevery weekday at 8am');
    expect(words).toContain('Time zoneEurope/Paris');
    expect(words).toContain('ReplacesAt 09:00 AM, only on Monday');
    expect(words).toMatch(/Next times \(Europe\/Paris\):.*8:00/);
  });

  it('shows a one-off run as one time, never as the agent’s schedule', () => {
    const words = text(
      renderOperation(
        {
          type: 'scheduleAgent',
          agentId: 'agent-1',
          agentName: 'Team Scraper',
          runAt: '2026-12-01T14:00:00.000Z',
          timezone: 'Europe/Paris',
          description: 'Once, on Tuesday 1 December at 15:00 (Europe/Paris)',
          nextRuns: ['2026-12-01T14:00:00.000Z'],
        },
        { applied: true },
      ),
    );
    expect(words).toContain('Run Team Scraper: Once, on Tuesday 1 December at 15:00 (Europe/Paris)');
    expect(words).toMatch(/Once at.*(15:00|3:00 PM)/);
    expect(words).toContain('Its schedulestays as it is');
    expect(words).not.toContain('Now scheduled');
  });

  it('shows a chain from → to with its mapping', () => {
    const words = text(
      renderOperation({
        type: 'chainAgents',
        from: { agentId: 'a', agentName: 'Lead Scraper' },
        to: { agentId: 'b', agentName: 'Reporter' },
        on: 'failure',
        mapping: '{ "leads": output.records }',
      }),
    );
    expect(words).toContain('When Lead Scraper fails, start Reporter');
    expect(words).toContain('Its input, from the first run: { "leads": output.records }');
  });

  it('says what an account connection will ask for, and where its credential may go', () => {
    const words = text(
      renderOperation({
        type: 'connectAccount',
        service: 'acme-portal',
        kind: 'login',
        label: '',
        settings: { allowedHosts: ['portal.acme.test'], username: 'ap@example.com' },
      }),
    );
    expect(words).toContain('Connect acme-portal with a sign-in (user name and password).');
    expect(words).toContain('Sent only toportal.acme.test');
    expect(words).toContain('User nameap@example.com');
    expect(words).toContain('An admin adds the password to the connection');
  });

  it('names the agent of a delete, a pause, a resume, a run and an unschedule', () => {
    const target = { agentId: 'agent-1', agentName: 'Weekly Report' };
    expect(text(renderOperation({ type: 'deleteAgent', ...target, expectedVersion: 2 }))).toContain(
      'Delete the agent Weekly Report, with its schedule and chains',
    );
    expect(text(renderOperation({ type: 'pauseAgent', ...target }))).toContain('Pause Weekly Report');
    expect(text(renderOperation({ type: 'resumeAgent', ...target }))).toContain('Resume Weekly Report');
    expect(
      text(
        renderOperation({ type: 'runAgent', ...target, input: { url: 'https://example.com' }, test: true }),
      ),
    ).toContain('Run Weekly Report once as a test with:url: https://example.com');
    expect(text(renderOperation({ type: 'unscheduleAgent', ...target, before: null }))).toContain(
      'Stop running Weekly Report on a schedule',
    );
  });
});

describe('editing a plan', () => {
  const operations: PlanOperation[] = [
    { type: 'createAgent', spec: scraper },
    { type: 'runAgent', agentName: 'Team Scraper', input: {}, test: true },
    {
      type: 'scheduleAgent',
      agentName: 'Team Scraper',
      text: 'every weekday at 8am',
      timezone: 'UTC',
      description: 'At 08:00 AM, Monday through Friday (UTC)',
      nextRuns: ['2026-12-07T08:00:00.000Z'],
    },
  ];

  it('offers names, goals, plain step values and schedule fields, not templates', () => {
    const keys = editableFields(operations).map((field) => field.key);
    expect(keys).toEqual([
      '0:name',
      '0:goal',
      '0:step:0:url',
      '0:step:1:records.selector',
      '0:step:1:records.fields.name',
      '0:step:2:name',
      '2:schedule.text',
      '2:schedule.cron',
      '2:schedule.timezone',
    ]);
  });

  it('changes only what was edited; a new time drops the stale preview, a rename follows', () => {
    const edited = applyEdits(operations, {
      '0:name': 'People Scraper',
      '0:step:0:url': 'https://example.com/people',
      '2:schedule.text': 'every weekday at 9:30am',
      '2:schedule.timezone': 'UTC',
    });
    const [create, run, schedule] = edited as [
      Extract<PlanOperation, { type: 'createAgent' }>,
      Extract<PlanOperation, { type: 'runAgent' }>,
      Extract<PlanOperation, { type: 'scheduleAgent' }>,
    ];
    expect(create.spec.name).toBe('People Scraper');
    expect((create.spec.steps as { with: { url?: string } }[])[0]?.with.url).toBe(
      'https://example.com/people',
    );
    expect((create.spec.steps as { with: { html?: string } }[])[1]?.with.html).toBe('{{ steps.fetch.body }}');
    expect(run.agentName).toBe('People Scraper');
    expect(schedule).toEqual({
      type: 'scheduleAgent',
      agentName: 'People Scraper',
      text: 'every weekday at 9:30am',
      timezone: 'UTC',
    });
    // The proposed operations are left as they were.
    expect((operations[0] as unknown as { spec: { name: string } }).spec.name).toBe('Team Scraper');
  });

  it('uses a cron instead of the words when one is given', () => {
    const [, , schedule] = applyEdits(operations, { '2:schedule.cron': '0 7 * * *' });
    expect(schedule).toMatchObject({ cron: '0 7 * * *' });
    expect(schedule).not.toHaveProperty('text');
  });
});

describe('reply text and the event stream', () => {
  it('links web addresses and app paths, leaving sentence punctuation out', () => {
    expect(replyParts('See https://example.com/a?b=1. Or open /w/acme/runs/42, then `.lead`.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: '. Or open ' },
      { kind: 'page', path: '/w/acme/runs/42' },
      { kind: 'text', text: ', then ' },
      { kind: 'code', text: '.lead' },
      { kind: 'text', text: '.' },
    ]);
    expect(paragraphs('one\ntwo\n\nthree')).toEqual(['one\ntwo', 'three']);
  });

  it('parses events split anywhere across chunks', () => {
    const parser = new SseParser();
    const stream =
      'event: reply\ndata: {"delta":"Hel","restart":false}\n\nevent: reply\r\ndata: {"delta":"lo","restart":false}\r\n\r\nevent: message\ndata: {"reply":"Hello"}\n\n';
    const events = [...stream].flatMap((character) => parser.push(character));
    expect(events).toEqual([
      { event: 'reply', data: '{"delta":"Hel","restart":false}' },
      { event: 'reply', data: '{"delta":"lo","restart":false}' },
      { event: 'message', data: '{"reply":"Hello"}' },
    ]);
  });
});
