import { describe, expect, it } from 'vitest';
import { uptimeSpec } from '../orchestrator/builtin/endpoint-templates.ts';
import {
  monitorSpec,
  portalSpec,
  scraperSpec,
  screenshotSpec,
} from '../orchestrator/builtin/spec-templates.ts';
import { agentShape, patternInWords } from './agent-shape.ts';

const links = { selector: 'a.statement', fields: { href: '@href' } };

describe('agentShape', () => {
  it('reads a price monitor that e-mails on change', () => {
    const spec = monitorSpec({
      name: 'Acme Price Monitor',
      url: 'https://shop.acme.test/widgets?ref=42',
      selector: '.price',
      notify: { email: 'ada@acme.test' },
      goal: 'Tell me when the price of the widget changes',
    });
    const shape = agentShape(spec);
    expect(shape.kind).toBe('price_monitor');
    expect(shape.tools).toEqual([
      'http.request',
      'html.extract',
      'memory.read',
      'transform',
      'memory.write',
      'notify.email',
    ]);
    expect(shape.channels).toEqual(['email']);
    expect(shape.patterns).toEqual(['price_monitor+email_on_change']);
  });

  it('reads a page monitor posting to Slack, and never keeps the address', () => {
    const spec = monitorSpec({
      name: 'Careers watch',
      url: 'https://jobs.example.test/open',
      notify: { webhook: 'https://hooks.slack.com/services/T000/B000/secret' },
      goal: 'Watch the careers page',
    });
    const shape = agentShape(spec);
    expect(shape.kind).toBe('page_monitor');
    expect(shape.channels).toEqual(['slack']);
    expect(shape.patterns).toEqual(['page_monitor+slack_on_change']);
    expect(JSON.stringify(shape)).not.toMatch(/example|hooks|secret|Careers/);
  });

  it('tells a webhook that is not Slack from Slack by its host alone', () => {
    const spec = monitorSpec({
      name: 'Status watch',
      url: 'https://status.example.test/',
      notify: { webhook: 'https://example.test/hooks/slack.com' },
      goal: 'watch the status page',
    });
    expect(agentShape(spec).channels).toEqual(['webhook']);
  });

  it('reads a scraper that saves a file', () => {
    const spec = scraperSpec({
      name: 'Team scraper',
      url: 'https://example.test/team',
      noun: 'people',
      records: { selector: '.person', fields: { name: 'h3' } },
      notify: {},
      goal: 'Collect the team',
    });
    const shape = agentShape(spec);
    expect(shape.kind).toBe('scraper');
    expect(shape.patterns).toEqual(['scraper+saves_files']);
    expect(shape.channels).toEqual([]);
  });

  it('reads a portal download that signs in', () => {
    const spec = portalSpec({
      name: 'Bank statements',
      goal: 'Download my statements',
      connection: 'bank',
      loginUrl: 'https://bank.test/login',
      listingUrl: 'https://bank.test/statements',
      noun: 'statements',
      links,
    });
    const shape = agentShape(spec);
    expect(shape.kind).toBe('portal_download');
    expect(shape.patterns).toContain('portal_download+signs_in');
    expect(shape.patterns).toContain('portal_download+saves_files');
  });

  it('reads a screenshot agent', () => {
    const spec = screenshotSpec({
      name: 'Homepage picture',
      goal: 'Keep a picture of the homepage',
      pageUrl: 'https://example.test/',
      fileName: 'home.png',
      fullPage: true,
    });
    expect(agentShape(spec).kind).toBe('screenshot');
  });

  it('reads an uptime check as an API monitor', () => {
    const spec = uptimeSpec({
      name: 'API uptime monitor',
      url: 'https://api.example.test/health',
      goal: 'Alert me when the API is down',
      notify: { email: 'ops@example.test' },
    });
    const shape = agentShape(spec);
    expect(shape.kind).toBe('api_monitor');
    expect(shape.patterns).toEqual(['api_monitor+email_on_change']);
  });

  it('reads a digest, a report writer and an API sync', () => {
    const digest = {
      name: 'Weekly digest',
      goal: 'Summarise what the agents found this week',
      steps: [
        { id: 'entries', tool: 'memory.list', with: { scope: 'workspace' } },
        { id: 'summary', tool: 'llm.generate', with: { prompt: 'Summarise {{ steps.entries.items }}' } },
        { id: 'email', tool: 'notify.email', with: { to: 'me@example.test', subject: 'Digest' } },
      ],
    };
    expect(agentShape(digest).kind).toBe('digest');
    expect(agentShape(digest).patterns).toEqual(['digest+email']);
    const report = {
      name: 'Quarterly report',
      goal: 'Write the quarterly client report',
      steps: [
        { id: 'data', tool: 'http.request', with: { url: 'https://crm.example.test/api/deals' } },
        { id: 'draft', tool: 'llm.generate', with: { prompt: 'Write a report of {{ steps.data.body }}' } },
        { id: 'save', tool: 'files.save', with: { name: 'report.md', content: '{{ steps.draft.text }}' } },
      ],
    };
    expect(agentShape(report).kind).toBe('report_writer');
    const sync = {
      name: 'CRM to sheet',
      steps: [
        { id: 'read', tool: 'http.request', with: { url: 'https://crm.example.test/api/contacts' } },
        { id: 'shape', tool: 'transform', with: { expression: 'steps.read.body' } },
        {
          id: 'write',
          tool: 'http.request',
          with: { url: 'https://sheet.example.test/rows', method: 'POST' },
        },
      ],
    };
    expect(agentShape(sync).kind).toBe('api_sync');
  });

  it('reads a notifier, and puts what fits no kind under "other"', () => {
    const reminder = {
      name: 'Timesheet reminder',
      steps: [{ id: 'email', tool: 'notify.email', with: { to: 'me@example.test', subject: 'Timesheet' } }],
    };
    expect(agentShape(reminder).kind).toBe('notifier');
    const other = { name: 'Wait', steps: [{ id: 'pause', tool: 'wait', with: { seconds: 5 } }] };
    expect(agentShape(other)).toEqual({ kind: 'other', tools: ['wait'], channels: [], patterns: [] });
  });

  it('survives a spec that is not one', () => {
    expect(agentShape({}).kind).toBe('other');
    expect(agentShape({ steps: [null, 3, { tool: 7 }] }).tools).toEqual([]);
  });
});

describe('patternInWords', () => {
  it('says a pattern as people would', () => {
    expect(patternInWords('price_monitor+email_on_change')).toBe('price monitor + e-mail on change');
    expect(patternInWords('scraper+saves_files')).toBe('scraper (collects records) + saves files');
    expect(patternInWords('digest+slack')).toBe('digest or summary + Slack');
  });
});
