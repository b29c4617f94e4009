// The fixture workspace of the planner suites: the corpus's agents with real specs, a failed
// last run, a schedule and a chain, as the workspace snapshot gives them to planners.
import { type AgentSpec, validateAgentSpec } from '../../src/domain/agent-spec.ts';
import type { WorkspaceSnapshot } from '../../src/orchestrator/planner.ts';
import { monitorSpec } from '../../src/orchestrator/spec-templates.ts';
import { describeCron } from '../../src/triggers/schedule-times.ts';
import { fixtureAgents, fixtureChains, fixtureSchedules } from './planner-corpus.ts';

function fixtureSpec(name: string): AgentSpec {
  const raw =
    name === 'example.com Price Monitor'
      ? monitorSpec({ name, url: 'https://example.com/pricing', notify: {}, goal: 'Watch the pricing page' })
      : {
          name,
          goal: `The ${name}`,
          steps: [
            { id: 'fetch', tool: 'http.request', with: { url: 'https://example.com/team' } },
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

export const agentId = (name: string) =>
  `00000000-0000-4000-8000-0000000000${String(fixtureAgents.findIndex((agent) => agent.name === name) + 10)}`;

/** The workspace the corpus runs in, as planners see it. */
export function fixtureSnapshot(overrides: Partial<WorkspaceSnapshot> = {}): WorkspaceSnapshot {
  return {
    timezone: 'Europe/Berlin',
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
      lastRun:
        agent.name === 'Weekly Report'
          ? {
              id: 'r1',
              status: 'failed',
              error: {
                code: 'network',
                message: 'The request to https://example.com/team failed: ECONNRESET.',
                stepId: 'fetch',
              },
            }
          : { id: 'r2', status: 'succeeded' },
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
    })),
    ...overrides,
  };
}
