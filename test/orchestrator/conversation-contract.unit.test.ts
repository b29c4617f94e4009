// The contract on conversations: every turn of every corpus conversation goes to the built-in
// planner, and to the LLM planner talking to a scripted model that answers, per turn, with the
// plan a correct model would write (the built-in planner's, in the model's words). The LLM must
// be told the conversation's state: the agents "it" means, the plan waiting, the open question.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLanguageModel } from '../../src/llm/language-model.ts';
import { parseLlmSetting } from '../../src/llm/llm-setting.ts';
import { BuiltInPlanner } from '../../src/orchestrator/builtin/builtin-planner.ts';
import { LlmPlanner } from '../../src/orchestrator/llm/llm-planner.ts';
import type { PlannerAnswer } from '../../src/orchestrator/planner.ts';
import { builtInTools } from '../../src/runtime/tools/index.ts';
import { type ScriptedLlmServer, startScriptedLlmServer } from '../support/scripted-llm-server.ts';
import { type ConversationCase, conversations, nameCases } from './conversation-corpus.ts';
import { conversationSnapshot, corpusUserEmail, playConversation } from './conversation-harness.ts';
import { judge } from './corpus-judge.ts';
import { modelAnswer } from './model-answer.ts';
import { corpusNow } from './planner-corpus.ts';

const builtIn = new BuiltInPlanner();

function problemsOf(conversation: ConversationCase, played: { answer: PlannerAnswer | Error }[]) {
  return conversation.turns.flatMap((turn, index) => {
    const answer = played[index]?.answer;
    if (!answer) return [`turn ${index + 1} was not played`];
    if (answer instanceof Error) return [`turn ${index + 1} "${turn.text}" threw: ${answer.message}`];
    return judge(turn, answer).problems.map((problem) => `turn ${index + 1} "${turn.text}": ${problem}`);
  });
}

describe('the built-in planner on conversations', () => {
  it('has at least 40 conversations of two turns or more', () => {
    expect(
      conversations.filter((conversation) => conversation.turns.length >= 2).length,
    ).toBeGreaterThanOrEqual(40);
  });

  it.each(conversations.map((conversation) => [conversation.name, conversation] as const))(
    '%s',
    async (_name, conversation) => {
      expect(problemsOf(conversation, await playConversation(builtIn, conversation))).toEqual([]);
    },
  );

  it.each(nameCases.map((entry) => [entry.text, entry] as const))('names: %s', async (_text, entry) => {
    const snapshot = conversationSnapshot({ name: 'names', turns: [] });
    const answer = await builtIn.plan({
      text: entry.text,
      snapshot,
      userEmail: corpusUserEmail,
      now: corpusNow,
    });
    expect(judge(entry, answer).problems).toEqual([]);
  });
});

describe('the LLM planner on conversations, against a scripted model', () => {
  let server: ScriptedLlmServer;
  let planner: LlmPlanner;

  beforeAll(async () => {
    server = await startScriptedLlmServer();
    planner = new LlmPlanner({
      llm: createLanguageModel(parseLlmSetting(`openai-compatible:${server.baseUrl}#scripted`)),
      tools: builtInTools(),
      fallback: builtIn,
      timeoutMs: 5000,
    });
  });
  afterAll(() => server.close());

  it.each(conversations.map((conversation) => [conversation.name, conversation] as const))(
    '%s',
    async (_name, conversation) => {
      const snapshot = conversationSnapshot(conversation);
      // The model answers each turn as a correct model would: with the built-in planner's plan
      // for that turn of the same conversation.
      const expected = (await playConversation(builtIn, conversation)).map(
        (turn) => turn.answer as PlannerAnswer,
      );
      let turnIndex = 0;
      const played = await playConversation(planner, conversation, async () => {
        const answer = expected[turnIndex++] as PlannerAnswer;
        server.reset();
        server.reply({ json: modelAnswer(answer, snapshot) });
      });
      expect(problemsOf(conversation, played)).toEqual([]);
      for (const [index, turn] of played.entries()) {
        const answer = turn.answer as PlannerAnswer;
        expect(answer.reply).not.toMatch(/built-in planner answers instead/);
        expect(answer.plan?.operations ?? []).toEqual(expected[index]?.plan?.operations ?? []);
      }
    },
  );

  it('is told the agents "it" means, the plan waiting for approval and the question asked in words', async () => {
    const snapshot = conversationSnapshot({ name: 'state', turns: [] });
    server.reset();
    server.reply({ json: { reply: 'Which one?', summary: '', questions: [], operations: [] } });
    await planner.plan({
      text: 'actually make it 7:30',
      snapshot,
      conversation: {
        recentAgents: ['Lead Scraper', 'Reporter'],
        lastTurnAgents: ['Lead Scraper'],
        subject: 'Lead Scraper',
        pendingPlan: {
          summary: 'Run "Lead Scraper" every weekday at 09:30.',
          questions: [],
          operations: [{ type: 'pauseAgent', agentId: 'lead', agentName: 'Lead Scraper' }],
        },
        openQuestion: { text: 'Which page should it watch?', fills: 'answer', agentName: 'Lead Scraper' },
      },
    });
    const system = server.requests[0]?.system ?? '';
    expect(system).toContain('newest first: ["Lead Scraper","Reporter"]');
    expect(system).toMatch(/A plan waits for the user's approval: .*Run \\"Lead Scraper\\" every weekday/);
    expect(system).toContain('Your last reply asked: "Which page should it watch?" (about "Lead Scraper")');
  });
});
