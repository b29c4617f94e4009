// Reading rename, copy, split and change requests, and the digest agent with and without a model,
// on the fixture workspace of the planner corpus.
import { describe, expect, it } from 'vitest';
import { planAgentVerb } from '../../src/orchestrator/builtin/agent-verbs.ts';
import { planDigest } from '../../src/orchestrator/builtin/digest-planning.ts';
import { readDuplicate } from '../../src/orchestrator/builtin/duplicate-planning.ts';
import { leadingAgent } from '../../src/orchestrator/builtin/leading-agent.ts';
import { readNewName } from '../../src/orchestrator/builtin/new-names.ts';
import { readRename } from '../../src/orchestrator/builtin/rename-planning.ts';
import type { PlannerRequest } from '../../src/orchestrator/planner.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';

const snapshot = fixtureSnapshot();
const request = (text: string, extra: Partial<PlannerRequest> = {}): PlannerRequest => ({
  text,
  snapshot,
  userEmail: 'ada@example.com',
  now: new Date('2026-11-24T10:00:00Z'),
  ...extra,
});
const names = (agents: readonly { name: string }[] | undefined) => agents?.map((agent) => agent.name);

describe('the agent at the start of some words', () => {
  it('takes the shortest start that names the agent, and the rest as written', () => {
    const found = leadingAgent('the lead scraper Lead Finder', snapshot.agents);
    expect(found?.resolution).toMatchObject({ kind: 'one', agent: { name: 'Lead Scraper' } });
    expect(found?.rest).toBe('Lead Finder');
  });

  it('never reads an address as part of a name, nor a name that starts later', () => {
    expect(leadingAgent('the price monitor watch https://example.com/x', snapshot.agents)?.rest).toBe(
      'watch https://example.com/x',
    );
    expect(leadingAgent('me a digest of what the lead scraper found', snapshot.agents)).toBeUndefined();
  });

  it('reads "it" as the agent the conversation was about', () => {
    const found = leadingAgent('it Leads', snapshot.agents, 'Reporter');
    expect(found?.resolution).toMatchObject({ kind: 'one', agent: { name: 'Reporter' } });
  });
});

describe('new names', () => {
  it('takes quotes and trailing words off, and capitalises a name written in lower case', () => {
    expect(readNewName('"leads v2"')).toBe('leads v2');
    expect(readNewName('prospect finder instead please')).toBe('Prospect Finder');
    expect(readNewName('Lead Finder.')).toBe('Lead Finder');
  });

  it('refuses words that are a clause or an address, not a name', () => {
    expect(readNewName('after the scraper')).toBeUndefined();
    expect(readNewName('https://example.com')).toBeUndefined();
    expect(readNewName('')).toBeUndefined();
  });
});

describe('rename requests', () => {
  it.each([
    ['rename the lead scraper to prospect finder', 'Lead Scraper', 'Prospect Finder'],
    ['call the job collector Careers Watcher instead', 'Job Collector', 'Careers Watcher'],
    ['the data collector should be called sheet reader', 'Data Collector', 'Sheet Reader'],
    ["change the monthly report's name to Month End", 'Monthly Report', 'Month End'],
    ['give the reporter the name Portal Bot', 'Reporter', 'Portal Bot'],
  ])('%s', (text, agent, name) => {
    const found = readRename(text, request(text));
    expect(names(found?.agents)).toEqual([agent]);
    expect(found?.name).toBe(name);
  });

  it('is no rename when the words after "call" start a clause', () => {
    expect(readRename('call the reporter after the lead scraper', request(''))).toBeUndefined();
  });

  it('gives the whole spec under the new name, and asks when the name is taken', () => {
    const answer = planAgentVerb(request('rename the lead scraper to Lead Finder'));
    const operation = answer && 'plan' in answer ? answer.plan?.operations[0] : undefined;
    expect(operation).toMatchObject({ type: 'updateAgent', agentName: 'Lead Scraper', expectedVersion: 1 });
    expect(operation?.type === 'updateAgent' && operation.spec.name).toBe('Lead Finder');
    expect(operation?.type === 'updateAgent' && operation.spec.steps).toEqual(
      snapshot.agents.find((agent) => agent.name === 'Lead Scraper')?.spec.steps,
    );
    const taken = planAgentVerb(request('rename the lead scraper to REPORTER'));
    expect(taken && 'plan' in taken ? taken.plan?.questions.map((question) => question.id) : []).toEqual([
      'name',
    ]);
  });

  it('changes the agents that call the renamed one by its name', () => {
    const caller = {
      ...snapshot.agents[0],
      id: 'caller',
      name: 'Caller',
      spec: {
        name: 'Caller',
        goal: 'Calls the reporter',
        steps: [{ id: 'call', tool: 'agent.call', with: { agent: 'Reporter' } }],
      },
    } as unknown as (typeof snapshot.agents)[number];
    const answer = planAgentVerb(
      request('rename the reporter to Portal Bot', {
        snapshot: { ...snapshot, agents: [...snapshot.agents, caller] },
      }),
    );
    const operations = answer && 'plan' in answer ? (answer.plan?.operations ?? []) : [];
    expect(operations.map((operation) => 'agentName' in operation && operation.agentName)).toEqual([
      'Reporter',
      'Caller',
    ]);
    expect(JSON.stringify(operations[1])).toContain('"agent":"Portal Bot"');
  });
});

describe('copy requests', () => {
  it('reads the agent, the name and the address in any order of words', () => {
    const found = readDuplicate(
      'make a copy of the price monitor called Rival Watch for https://rival.example.com/pricing',
      request(''),
    );
    expect(names(found?.agents)).toEqual(['example.com Price Monitor']);
    expect(found).toMatchObject({ name: 'Rival Watch', url: 'https://rival.example.com/pricing' });
  });

  it('reads why they ask as no part of the agent or the copy', () => {
    for (const text of [
      'duplicate the lead scraper so i can try a different site',
      'copy the lead scraper because the old one is live',
      'clone the lead scraper for testing',
    ]) {
      const found = readDuplicate(text, request(''));
      expect(names(found?.agents)).toEqual(['Lead Scraper']);
      expect(found?.name).toBeUndefined();
    }
  });

  it('is no copy when more than the agent follows the verb', () => {
    expect(readDuplicate("copy the lead scraper's results to the reporter", request(''))).toBeUndefined();
  });

  it('points every use of the old page at the new one', () => {
    const answer = planAgentVerb(request('clone the price monitor for https://shop.example.org/pricing'));
    const operation = answer && 'plan' in answer ? answer.plan?.operations[0] : undefined;
    const json = JSON.stringify(operation);
    expect(json).toContain('https://shop.example.org/pricing');
    expect(json).not.toContain('https://example.com/pricing');
    expect(operation?.type === 'createAgent' && operation.spec.name).toBe(
      'example.com Price Monitor (shop.example.org)',
    );
  });
});

describe('change requests', () => {
  it('reads "can you make X …" as a change to X, and leaves schedules and new agents alone', () => {
    expect(planAgentVerb(request('can you make the price monitor also email me'))).toMatchObject({
      change: { agent: { name: 'example.com Price Monitor' }, text: 'also email me' },
    });
    expect(
      planAgentVerb(request('could you make the price monitor watch https://example.com/plans')),
    ).toMatchObject({
      change: { text: 'watch https://example.com/plans instead' },
    });
    expect(planAgentVerb(request('have the weekly report run every monday at 7'))).toBeUndefined();
    expect(planAgentVerb(request('make a monitor for https://example.com/plans'))).toBeUndefined();
  });
});

describe('the digest agent', () => {
  const stepTools = (answer: ReturnType<typeof planDigest>) => {
    const operation = answer.plan?.operations[0];
    return operation?.type === 'createAgent'
      ? (operation.spec.steps as { tool: string }[]).map((step) => step.tool)
      : [];
  };

  it('summarises the shared context with llm.generate when a model is configured', () => {
    const answer = planDigest(
      'make me a daily digest of what my agents found',
      request('', { languageModel: 'openai:gpt-4o-mini' }),
    );
    expect(stepTools(answer)).toEqual([
      'memory.list',
      'transform',
      'llm.generate',
      'files.save',
      'notify.email',
    ]);
    expect(answer.reply).toMatch(/openai:gpt-4o-mini/);
    expect(JSON.stringify(answer.plan?.operations[0])).toContain('86400000');
  });

  it('without a model, says so and offers the entries as they are', () => {
    const answer = planDigest('summarise the shared context every friday', request(''));
    expect(stepTools(answer)).toEqual(['memory.list', 'transform', 'files.save', 'notify.email']);
    expect(answer.reply).toMatch(/No language model is configured.*without summarising/s);
    expect(JSON.stringify(answer.plan?.operations[0])).toContain(String(7 * 86400000));
  });
});
