// The fixture workspace of the planner suites: the corpus's agents with real specs, failed
// last runs (a passing network error, a moved page, a changed layout, refused sign-ins), a
// run history, schedules, a chain and connected accounts, as the workspace snapshot gives them to planners.
import { type AgentSpec, validateAgentSpec } from '../../src/domain/agent-spec.ts';
import { monitorSpec } from '../../src/orchestrator/builtin/spec-templates.ts';
import type { WorkspaceSnapshot } from '../../src/orchestrator/planner.ts';
import { describeCron } from '../../src/triggers/schedule-times.ts';
import { fixtureHistory } from './fixture-runs.ts';
import { fixtureAgents, fixtureChains, fixtureSchedules } from './planner-corpus.ts';

/** Agents whose first step authenticates with an account: a portal sign-in, or an API's. */
const signedInSteps: Record<string, Record<string, unknown>> = {
  Reporter: {
    id: 'login',
    tool: 'browser.login',
    with: { connection: 'supplier-portal', url: 'https://portal.example.com/login' },
  },
  'Reporting Agent (old)': {
    id: 'fetch',
    tool: 'http.request',
    with: { url: 'https://crm.example.com/api/deals', auth: { connection: 'crm' } },
  },
  'Data Collector': {
    id: 'fetch',
    tool: 'http.request',
    with: { url: 'https://sheets.example.com/api/rows', auth: { connection: 'sheets' } },
  },
};

/** The last run of each agent that failed, with the error the executor records. */
const failedRuns: Record<string, NonNullable<WorkspaceSnapshot['agents'][number]['lastRun']>['error']> = {
  'Weekly Report': {
    code: 'network',
    message: 'The request to https://example.com/team failed: ECONNRESET.',
    stepId: 'fetch',
  },
  'Monthly Report': {
    code: 'http_status',
    message: 'GET https://example.com/team answered 404 Not Found.',
    stepId: 'fetch',
    status: 404,
  },
  'Job Collector': {
    code: 'invalid_input',
    message: 'The selector ".lead" matches nothing on this page. Check the selector.',
    stepId: 'extract',
    selector: '.lead',
  },
  Reporter: {
    code: 'login_failed',
    message:
      'Signing in to supplier-portal as ada was refused: "Wrong password". Check the account\'s password (test it, or connect it again).',
    stepId: 'login',
    url: 'https://portal.example.com/login',
    screenshot: '/api/workspaces/00000000-0000-4000-8000-000000000001/deliverables/shot-1/content',
  },
  'Reporting Agent (old)': {
    code: 'connection_expired',
    message: 'The connected account "crm" was refused a new access token: connect it again.',
    stepId: 'fetch',
  },
  'Data Collector': {
    code: 'not_found',
    message: 'This workspace has no connected account "sheets".',
    stepId: 'fetch',
  },
};

/** The workspace's connected accounts. */
const fixtureConnections: NonNullable<WorkspaceSnapshot['connections']> = [
  {
    id: '00000000-0000-4000-8000-000000000101',
    workspaceId: '00000000-0000-4000-8000-000000000001',
    service: 'supplier-portal',
    label: '',
    kind: 'login',
    isDefault: true,
    status: 'working',
    allowedHosts: ['portal.example.com'],
  },
  {
    id: '00000000-0000-4000-8000-000000000102',
    workspaceId: '00000000-0000-4000-8000-000000000001',
    service: 'crm',
    label: '',
    kind: 'oauth2',
    isDefault: true,
    status: 'failing',
    allowedHosts: ['crm.example.com'],
  },
];

function fixtureSpec(name: string): AgentSpec {
  const signIn = signedInSteps[name];
  const raw =
    name === 'example.com Price Monitor'
      ? monitorSpec({ name, url: 'https://example.com/pricing', notify: {}, goal: 'Watch the pricing page' })
      : {
          name,
          goal: `The ${name}`,
          steps: [
            ...(signIn ? [signIn] : []),
            ...(signIn?.id === 'fetch'
              ? []
              : [{ id: 'fetch', tool: 'http.request', with: { url: 'https://example.com/team' } }]),
            {
              id: 'extract',
              tool: 'html.extract',
              with: {
                html: '{{ steps.fetch.body }}',
                records: { selector: '.lead', fields: { name: '.name' } },
              },
            },
          ],
        };
  const validation = validateAgentSpec(raw);
  if (!validation.success) throw new Error(`fixture spec of ${name} does not validate`);
  return validation.spec;
}

/** Inbound webhooks: the old reporting agent is started by the CRM when a deal closes. */
const fixtureHooks: Record<string, NonNullable<WorkspaceSnapshot['agents'][number]['hooks']>> = {
  'Reporting Agent (old)': [
    { name: 'crm deal closed', enabled: true, signed: true, lastUsedAt: '2026-11-21T12:00:00.000Z' },
  ],
};

export const agentId = (name: string) =>
  `00000000-0000-4000-8000-0000000000${String(fixtureAgents.findIndex((agent) => agent.name === name) + 10)}`;

/** The workspace the corpus runs in, as planners see it. */
export function fixtureSnapshot(overrides: Partial<WorkspaceSnapshot> = {}): WorkspaceSnapshot {
  return {
    timezone: 'Europe/Berlin',
    connections: fixtureConnections,
    chains: fixtureChains.map((chain) => ({
      fromAgentId: agentId(chain.from),
      toAgentId: agentId(chain.to),
      on: chain.on,
      mapping: null,
      enabled: true,
    })),
    agents: fixtureAgents.map((agent) => ({
      id: agentId(agent.name),
      name: agent.name,
      status: agent.status,
      version: 1,
      spec: fixtureSpec(agent.name),
      lastRun: failedRuns[agent.name]
        ? { id: `failed-${agent.name}`, status: 'failed', error: failedRuns[agent.name] }
        : { id: 'succeeded', status: 'succeeded' },
      schedule: fixtureSchedules
        .filter((schedule) => schedule.agent === agent.name)
        .map((schedule) => ({
          cron: schedule.cron,
          timezone: schedule.timezone,
          text: null,
          input: {},
          enabled: true,
          missed: 'skip' as const,
          description: describeCron(schedule.cron, schedule.timezone),
          nextRun: null,
        }))[0],
      history: fixtureHistory(agent.name, failedRuns[agent.name]),
      ...(fixtureHooks[agent.name] ? { hooks: fixtureHooks[agent.name] } : {}),
    })),
    ...overrides,
  };
}
