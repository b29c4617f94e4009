// Troubleshooting's questions and their answers: the new address or selector the user gives in
// the next message completes the fix as a plan, on the step that failed; and the LLM planner is
// told the same facts (error code, step, screenshot, how to reconnect each account).
import { describe, expect, it } from 'vitest';
import type { PlanOperation } from '../../src/domain/plan.ts';
import { createLanguageModel } from '../../src/llm/language-model.ts';
import { parseLlmSetting } from '../../src/llm/llm-setting.ts';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import { LlmPlanner } from '../../src/orchestrator/llm/llm-planner.ts';
import type { WorkspaceSnapshot } from '../../src/orchestrator/planner.ts';
import { builtInTools } from '../../src/runtime/tools/index.ts';
import { startScriptedLlmServer } from '../support/scripted-llm-server.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';

const snapshot = fixtureSnapshot();
const planner = new BuiltInPlanner();

function stepOf(operation: PlanOperation | undefined, stepId: string) {
  if (operation?.type !== 'updateAgent') throw new Error('expected an updateAgent operation');
  const steps = operation.spec.steps as { id: string; with: Record<string, unknown> }[];
  return steps.find((step) => step.id === stepId);
}

describe('troubleshooting questions', () => {
  it('asks for the new address of a page that moved, and the answer points the agent there', async () => {
    const asked = await planner.plan({ text: 'why did the monthly report fail', snapshot });
    expect(asked.plan?.questions[0]?.text).toMatch(/https:\/\/example\.com\/team is not there any more/);
    const answered = await planner.plan({
      text: 'it is at https://example.com/about/team now',
      snapshot,
      draft: asked.plan?.draft,
    });
    expect(answered.plan?.operations).toHaveLength(1);
    expect(stepOf(answered.plan?.operations[0], 'fetch')?.with.url).toBe('https://example.com/about/team');
    expect(answered.plan?.operations[0]).toMatchObject({ agentName: 'Monthly Report', expectedVersion: 1 });
  });

  it('asks what marks each record now, and a layout named in the answer replaces the selector', async () => {
    const asked = await planner.plan({ text: 'why did the job collector fail', snapshot });
    expect(asked.plan?.questions[0]).toMatchObject({
      id: 'selector',
      options: expect.arrayContaining(['table rows']),
    });
    const answered = await planner.plan({
      text: 'they are table rows now',
      snapshot,
      draft: asked.plan?.draft,
    });
    const records = stepOf(answered.plan?.operations[0], 'extract')?.with.records as { selector: string };
    expect(records.selector).toBe('table tr:has(td)');
    expect(answered.reply).toMatch(/instead of `\.lead`/);
  });

  it('raises the bound of a listing or a loop that stopped with more to read, up to the largest', async () => {
    const base = fixtureSnapshot();
    const agent = (name: string, step: Record<string, unknown>, code: string) => ({
      ...(base.agents[0] as WorkspaceSnapshot['agents'][number]),
      id: `agent-${code}`,
      name,
      spec: { name, goal: '', instructions: '', input: {}, steps: [step] } as never,
      lastRun: {
        id: `run-${code}`,
        status: 'failed',
        error: { code, message: 'stopped at its bound', stepId: 'listing' },
      },
    });
    const walked = {
      ...base,
      agents: [
        agent(
          'Statement Reader',
          { id: 'listing', tool: 'browser.paginate', with: { maxPages: 50 } },
          'page_limit',
        ),
      ],
    };
    const pages = await planner.plan({ text: 'why did the statement reader fail', snapshot: walked });
    expect(pages.reply).toMatch(/bound of 50 pages with more to read: I will raise it to 100/);
    expect(stepOf(pages.plan?.operations[0], 'listing')?.with.maxPages).toBe(100);

    const looped = {
      ...base,
      agents: [
        agent(
          'Order Fetcher',
          {
            id: 'listing',
            tool: 'http.request',
            with: {},
            repeat: { until: 'loop.index > 5', maxIterations: 700 },
          },
          'repeat_limit',
        ),
      ],
    };
    const rounds = await planner.plan({ text: 'why did order fetcher fail', snapshot: looped });
    const operation = rounds.plan?.operations[0];
    if (operation?.type !== 'updateAgent') throw new Error('expected an updateAgent operation');
    expect((operation.spec.steps as { repeat: { maxIterations: number } }[])[0]?.repeat.maxIterations).toBe(
      1000,
    );

    const largest = {
      ...base,
      agents: [
        agent(
          'Statement Reader',
          { id: 'listing', tool: 'browser.paginate', with: { maxPages: 1000 } },
          'page_limit',
        ),
      ],
    };
    const none = await planner.plan({ text: 'why did the statement reader fail', snapshot: largest });
    expect(none.plan).toBeUndefined();
    expect(none.reply).toMatch(/largest bound/);
  });

  it('treats an answer without an address as a new request', async () => {
    const asked = await planner.plan({ text: 'why did the monthly report fail', snapshot });
    const other = await planner.plan({ text: 'what agents do I have', snapshot, draft: asked.plan?.draft });
    expect(other.plan).toBeUndefined();
    expect(other.reply).toMatch(/9 agents/);
  });

  it('gives the LLM planner the error code, step, screenshot and how to reconnect each account', async () => {
    const server = await startScriptedLlmServer();
    try {
      const llmPlanner = new LlmPlanner({
        llm: createLanguageModel(parseLlmSetting(`openai-compatible:${server.baseUrl}#scripted`)),
        tools: builtInTools(),
        fallback: planner,
        timeoutMs: 5000,
      });
      server.reply({
        json: { reply: 'The password was refused.', summary: '', questions: [], operations: [] },
      });
      await llmPlanner.plan({ text: 'why did the reporter fail', snapshot });
      const system = server.requests[0]?.system ?? '';
      expect(system).toContain('"code":"login_failed","step":"login","screenshot":"/api/workspaces/');
      expect(system).toContain('"selector":".lead"');
      expect(system).toMatch(
        /"reconnect":"To reconnect \\"crm\\", an admin presses Connect on its page, \/w\/[\w-]+\/accounts\/[\w-]+,.*POST \/api\/workspaces\/[\w-]+\/connections\/[\w-]+\/authorize/,
      );
    } finally {
      await server.close();
    }
  });
});
