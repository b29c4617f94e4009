// The LLM planner on rename, copy, split and digest requests, against a scripted
// OpenAI-protocol server (only the model is scripted): the prompt says how each is planned,
// and a rename to a name another agent has goes back for repair, then becomes a question.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLanguageModel } from '../../src/llm/language-model.ts';
import { parseLlmSetting } from '../../src/llm/llm-setting.ts';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import { LlmPlanner } from '../../src/orchestrator/llm/llm-planner.ts';
import { builtInTools } from '../../src/runtime/tools/index.ts';
import {
  messageText,
  type ScriptedLlmServer,
  startScriptedLlmServer,
} from '../support/scripted-llm-server.ts';
import { fixtureSnapshot } from './fixture-workspace.ts';

const snapshot = fixtureSnapshot();
let server: ScriptedLlmServer;
let planner: LlmPlanner;

beforeAll(async () => {
  server = await startScriptedLlmServer();
  planner = new LlmPlanner({
    llm: createLanguageModel(parseLlmSetting(`openai-compatible:${server.baseUrl}#scripted`)),
    tools: builtInTools(),
    fallback: new BuiltInPlanner(),
    timeoutMs: 5000,
  });
});
afterAll(() => server.close());

describe('the LLM planner on agent verbs', () => {
  it('is told how to rename, copy, split, change and digest', async () => {
    server.reset();
    server.reply({ json: { reply: 'Which name?', summary: '', questions: [], operations: [] } });
    await planner.plan({ text: 'rename the lead scraper', snapshot });
    const system = server.requests[0]?.system ?? '';
    expect(system).toMatch(/renaming .*updateAgent of X with its whole spec and only `name` changed/);
    expect(system).toMatch(/Copying .*createAgent with X’s spec under a name no agent has/);
    expect(system).toMatch(/Splitting .*chainAgents from the first to the second/);
    expect(system).toMatch(/"have X also …".*change X \(updateAgent\)/);
    expect(system).toMatch(/digest .*memory\.list with scope workspace.*llm\.generate/);
  });

  it('sends a rename to a name another agent has back for repair, then asks', async () => {
    server.reset();
    const lead = snapshot.agents.find((agent) => agent.name === 'Lead Scraper');
    const clash = {
      reply: 'Renaming.',
      summary: 'Rename',
      questions: [],
      operations: [
        { type: 'updateAgent', agent: 'Lead Scraper', spec: { ...lead?.spec, name: 'weekly report' } },
      ],
    };
    server.reply({ json: clash }, { json: clash });
    const answer = await planner.plan({ text: 'rename the lead scraper to weekly report', snapshot });
    expect(messageText(server.requests[1]?.body.messages.at(-1) ?? { role: 'user' })).toMatch(
      /another agent is already named "Weekly Report"/,
    );
    expect(answer.plan?.operations).toEqual([]);
    expect(answer.plan?.questions[0]?.text).toMatch(/already named "Weekly Report"/);
  });

  it('keeps a rename to a free name as the model wrote it', async () => {
    server.reset();
    const lead = snapshot.agents.find((agent) => agent.name === 'Lead Scraper');
    server.reply({
      json: {
        reply: 'Renaming.',
        summary: 'Rename',
        questions: [],
        operations: [
          { type: 'updateAgent', agent: 'Lead Scraper', spec: { ...lead?.spec, name: 'Lead Finder' } },
        ],
      },
    });
    const answer = await planner.plan({ text: 'rename the lead scraper to lead finder', snapshot });
    expect(answer.plan?.operations).toEqual([
      expect.objectContaining({
        type: 'updateAgent',
        agentName: 'Lead Scraper',
        spec: expect.objectContaining({ name: 'Lead Finder' }),
      }),
    ]);
  });
});
