// The LLM seam against the scripted OpenAI-protocol server (the LLM is mocked at the wire): the
// provider createLanguageModel builds sends what a real server expects, in both answer modes the
// Orchestrator and the tools use, and reads back text, tool calls and token counts.
import { APICallError, generateText, jsonSchema, streamText, tool } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ScriptedLlmServer, startScriptedLlmServer } from '../../test/support/scripted-llm-server.ts';
import { OrcaError } from '../domain/errors.ts';
import { createLanguageModel } from './language-model.ts';
import { parseLlmSetting } from './llm-setting.ts';

let server: ScriptedLlmServer;

beforeAll(async () => {
  server = await startScriptedLlmServer({ models: ['test-model', 'other-model'], apiKey: 'sk-scripted' });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const scripted = (apiKey?: string) =>
  createLanguageModel(parseLlmSetting(`openai-compatible:${server.baseUrl}#test-model`), apiKey, {});

const lookupTool = tool({
  description: 'Looks a company up.',
  inputSchema: jsonSchema<{ company: string }>({
    type: 'object',
    properties: { company: { type: 'string' } },
    required: ['company'],
  }),
});

describe('createLanguageModel', () => {
  it('needs a key for openai and anthropic: ORCA_LLM_API_KEY or the provider variable', () => {
    const openai = parseLlmSetting('openai:gpt-4o-mini');
    expect(() => createLanguageModel(openai, undefined, {})).toThrow(OrcaError);
    expect(() => createLanguageModel(openai, undefined, {})).toThrow(
      /openai, which needs an API key: set ORCA_LLM_API_KEY \(or OPENAI_API_KEY\)/,
    );
    expect(createLanguageModel(openai, 'sk-explicit', {}).name).toBe('openai:gpt-4o-mini');
    expect(createLanguageModel(openai, undefined, { OPENAI_API_KEY: 'sk-env' }).name).toBe(
      'openai:gpt-4o-mini',
    );

    const anthropic = parseLlmSetting('anthropic:claude-sonnet-4-5');
    expect(() => createLanguageModel(anthropic, undefined, {})).toThrow(/ANTHROPIC_API_KEY/);
    expect(createLanguageModel(anthropic, undefined, { ANTHROPIC_API_KEY: 'sk-ant' }).name).toBe(
      'anthropic:claude-sonnet-4-5',
    );
  });

  it('sends the key of an OpenAI-compatible server as a bearer token', async () => {
    server.reply({ text: 'Hello.' });
    const { text } = await generateText({
      model: scripted('sk-scripted').model,
      prompt: 'Hi',
      maxRetries: 0,
    });
    expect(text).toBe('Hello.');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-scripted');

    const refused = await generateText({ model: scripted().model, prompt: 'Hi', maxRetries: 0 }).catch(
      (error: unknown) => error,
    );
    expect(APICallError.isInstance(refused) && refused.statusCode).toBe(401);
  });

  it('streams text and reads the token counts from the last chunk', async () => {
    server.reply({ text: 'One two three.', usage: { promptTokens: 9, completionTokens: 4 } });
    const result = streamText({ model: scripted('sk-scripted').model, prompt: 'Count.', maxRetries: 0 });
    const pieces: string[] = [];
    for await (const piece of result.textStream) pieces.push(piece);

    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('One two three.');
    expect(await result.totalUsage).toMatchObject({ inputTokens: 9, outputTokens: 4, totalTokens: 13 });
    expect(server.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('reads tool calls, whole and streamed', async () => {
    server.reply(
      { toolCalls: [{ name: 'lookup', arguments: { company: 'Acme' } }] },
      { toolCalls: [{ name: 'lookup', arguments: { company: 'Globex' } }] },
    );
    const model = scripted('sk-scripted').model;
    const whole = await generateText({
      model,
      prompt: 'Find Acme.',
      tools: { lookup: lookupTool },
      maxRetries: 0,
    });
    expect(whole.finishReason).toBe('tool-calls');
    expect(whole.toolCalls).toMatchObject([{ toolName: 'lookup', input: { company: 'Acme' } }]);
    expect(server.requests[0]?.body.tools?.[0]?.function.name).toBe('lookup');

    const streamed = streamText({
      model,
      prompt: 'Find Globex.',
      tools: { lookup: lookupTool },
      maxRetries: 0,
    });
    expect(await streamed.toolCalls).toMatchObject([{ toolName: 'lookup', input: { company: 'Globex' } }]);
  });

  it('lists the models the scripted server was given', async () => {
    const response = await fetch(`${server.baseUrl}/models`, {
      headers: { authorization: 'Bearer sk-scripted' },
    });
    const body = (await response.json()) as { data: { id: string }[] };
    expect(body.data.map((model) => model.id)).toEqual(['test-model', 'other-model']);
  });
});
