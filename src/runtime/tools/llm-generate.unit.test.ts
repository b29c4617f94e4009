// llm.generate against a real provider stack: the AI SDK's OpenAI-compatible provider, built by
// createLanguageModel, talking HTTP to the scripted OpenAI-protocol server (the LLM is mocked).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ScriptedLlmServer, startScriptedLlmServer } from '../../../test/support/scripted-llm-server.ts';
import { toolContext } from '../../../test/support/tool-context.ts';
import { createLanguageModel } from '../../llm/language-model.ts';
import { parseLlmSetting } from '../../llm/llm-setting.ts';
import type { TokenUsage, ToolContext } from '../tool.ts';
import { ToolError } from '../tool-error.ts';
import type { LanguageModelService } from '../tool-services.ts';
import { llmGenerateTool } from './llm-generate.ts';

let server: ScriptedLlmServer;
let llm: LanguageModelService;

beforeAll(async () => {
  server = await startScriptedLlmServer();
  llm = createLanguageModel(parseLlmSetting(`openai-compatible:${server.baseUrl}#test-model`));
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const agent = { id: '00000000-0000-4000-8000-000000000003', name: 'Newsletter writer', version: 1 };

function contextWith(overrides: Partial<Omit<ToolContext, 'services'>> = {}) {
  const usage: TokenUsage[] = [];
  const context = toolContext({
    agent,
    recordUsage: (used) => void usage.push(used),
    services: { llm },
    ...overrides,
  });
  return { context, usage };
}

const run = (input: Record<string, unknown>, context: ToolContext) =>
  llmGenerateTool.run(llmGenerateTool.input.parse(input), context);

async function failure(promise: Promise<unknown>): Promise<ToolError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ToolError);
  return error as ToolError;
}

const leadSchema = {
  type: 'object',
  properties: { company: { type: 'string' }, score: { type: 'integer', minimum: 0, maximum: 10 } },
  required: ['company', 'score'],
};

describe('llm.generate', () => {
  it('asks the model a step names, of the configured provider, and reports it', async () => {
    server.reply({ text: 'Short.' }, { text: 'Default.' });
    const { context } = contextWith();
    const cheaper = await run({ prompt: 'Summarise.', model: 'test-model-mini' }, context);
    expect(server.requests[0]?.body.model).toBe('test-model-mini');
    expect(cheaper.model).toBe('openai-compatible:test-model-mini');
    const configured = await run({ prompt: 'Summarise.' }, context);
    expect(server.requests[1]?.body.model).toBe('test-model');
    expect(configured.model).toBe('openai-compatible:test-model');
    expect(llmGenerateTool.input.safeParse({ prompt: 'x', model: 'gpt 4o; drop' }).success).toBe(false);
  });

  it('writes text and records the tokens the server reported', async () => {
    server.reply({ text: 'Three leads came in today.', usage: { promptTokens: 42, completionTokens: 7 } });
    const { context, usage } = contextWith();
    const result = await run({ system: 'You write terse reports.', prompt: 'Summarise the leads.' }, context);

    expect(result).toEqual({
      text: 'Three leads came in today.',
      model: 'openai-compatible:test-model',
      usage: { inputTokens: 42, outputTokens: 7, totalTokens: 49 },
      finishReason: 'stop',
    });
    expect(usage).toEqual([{ inputTokens: 42, outputTokens: 7 }]);
    const [request] = server.requests;
    expect(request?.body).toMatchObject({
      model: 'test-model',
      messages: [
        { role: 'system', content: 'You write terse reports.' },
        { role: 'user', content: 'Summarise the leads.' },
      ],
    });
    expect(request?.body.response_format).toBeUndefined();
  });

  it('sends a conversation, with the prompt as its last user message, and the settings', async () => {
    server.reply({ text: 'Yes.' });
    const { context } = contextWith();
    await run(
      {
        messages: [
          { role: 'user', content: 'Is Acme a lead?' },
          { role: 'assistant', content: 'Which Acme?' },
        ],
        prompt: 'Acme Tools, Lyon.',
        temperature: 0,
        maxOutputTokens: 50,
      },
      context,
    );
    expect(server.requests[0]?.body).toMatchObject({
      temperature: 0,
      max_tokens: 50,
      messages: [
        { role: 'user', content: 'Is Acme a lead?' },
        { role: 'assistant', content: 'Which Acme?' },
        { role: 'user', content: 'Acme Tools, Lyon.' },
      ],
    });
  });

  it('answers a JSON schema with a parsed object, and sends the schema as response_format', async () => {
    server.reply({ json: { company: 'Acme', score: 8 } });
    const { context } = contextWith();
    const result = await run({ prompt: 'Score this lead: Acme.', schema: leadSchema }, context);

    expect(result.object).toEqual({ company: 'Acme', score: 8 });
    expect(result.text).toBe('{"company":"Acme","score":8}');
    expect(server.requests[0]?.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'response', schema: leadSchema, strict: false },
    });
  });

  it('refuses an answer that is not JSON or breaks the schema, with the raw text', async () => {
    server.reply({ text: '{"company": "Acme", "sco' });
    const { context, usage } = contextWith();
    const notJson = await failure(run({ prompt: 'Score Acme.', schema: leadSchema }, context));
    expect(notJson).toMatchObject({ code: 'llm_invalid_output', retryable: true });
    expect(notJson.message).toMatch(/is not valid JSON/);
    expect(notJson.details).toEqual({ text: '{"company": "Acme", "sco', finishReason: 'stop' });
    expect(usage).toHaveLength(1);

    server.reply({ json: { company: 'Acme', score: 11 } });
    const outOfRange = await failure(run({ prompt: 'Score Acme.', schema: leadSchema }, context));
    expect(outOfRange.code).toBe('llm_invalid_output');
    expect(outOfRange.message).toMatch(/does not match the schema: \/score must be <= 10/);
  });

  it('does not retry an answer cut off at maxOutputTokens', async () => {
    server.reply({ text: '{"company": "Ac', finishReason: 'length' });
    const { context } = contextWith();
    const cutOff = await failure(
      run({ prompt: 'Score Acme.', schema: leadSchema, maxOutputTokens: 5 }, context),
    );
    expect(cutOff).toMatchObject({ code: 'llm_invalid_output', retryable: false });
    expect(cutOff.message).toMatch(/Raise maxOutputTokens/);
  });

  it('refuses a schema that is not a JSON Schema of an object before calling the model', async () => {
    const { context } = contextWith();
    const array = llmGenerateTool.input.safeParse({ prompt: 'x', schema: { type: 'array' } });
    expect(array.error?.issues[0]?.message).toMatch(/type "object"; put a list inside a property/);
    const broken = await failure(
      run({ prompt: 'x', schema: { type: 'object', properties: { a: { type: 'nonsense' } } } }, context),
    );
    expect(broken.code).toBe('invalid_input');
    expect(server.requests).toHaveLength(0);
  });

  it("writes in the agent's style: its profile and samples go into the system prompt", async () => {
    server.reply({ text: 'Hi all!' }, { text: 'Hello.' });
    const style = {
      profile: 'Warm, short sentences, first names.',
      samples: ['Hi team! Quick one today.', 'x'.repeat(10_000)],
    };
    const { context } = contextWith({ agent: { ...agent, style } });
    await run({ system: 'You write newsletters.', prompt: 'Write the intro.' }, context);

    const system = server.requests[0]?.system ?? '';
    expect(system).toMatch(/^You write newsletters\.\n\n## Writing style/);
    expect(system).toContain('Warm, short sentences, first names.');
    expect(system).toContain('Hi team! Quick one today.');
    // A long sample is cut short, so the style cannot crowd out the task.
    expect(system.length).toBeLessThan(3_000);

    await run({ prompt: 'Write the intro.', useStyle: false }, context);
    expect(server.requests[1]?.system).toBe('');
  });

  it('says how to configure an LLM when there is none', async () => {
    const error = await failure(run({ prompt: 'Hello' }, toolContext()));
    expect(error.code).toBe('not_configured');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/Set ORCA_LLM, such as ORCA_LLM=openai-compatible:http/);
  });

  it('makes a server error retryable and a refusal final', async () => {
    server.reply({ status: 500, body: { error: { message: 'model overloaded', type: 'server_error' } } });
    const { context } = contextWith();
    const overloaded = await failure(run({ prompt: 'Hello' }, context));
    expect(overloaded).toMatchObject({ code: 'llm_error', retryable: true });
    expect(overloaded.message).toBe(
      'openai-compatible:test-model answered 500: model overloaded. Retry later.',
    );
    expect(overloaded.details).toMatchObject({ status: 500 });
    // maxRetries is 0: the step's retry policy, not the AI SDK, retries.
    expect(server.requests).toHaveLength(1);

    server.reply({ status: 429 });
    expect(await failure(run({ prompt: 'Hello' }, context))).toMatchObject({ retryable: true });

    server.reply({
      status: 400,
      body: { error: { message: 'context too long', type: 'invalid_request_error' } },
    });
    const refused = await failure(run({ prompt: 'Hello' }, context));
    expect(refused).toMatchObject({ code: 'llm_error', retryable: false });
    expect(refused.message).toMatch(/answered 400: context too long/);
  });

  it('makes an unreachable server retryable', async () => {
    const gone = await startScriptedLlmServer();
    await gone.close();
    const unreachable = createLanguageModel(parseLlmSetting(`openai-compatible:${gone.baseUrl}#test-model`));
    const { context } = contextWith();
    const error = await failure(
      run({ prompt: 'Hello' }, { ...context, services: { ...context.services, llm: unreachable } }),
    );
    expect(error).toMatchObject({ code: 'llm_error', retryable: true });
    expect(error.message).toMatch(/could not be reached/);
  });

  it('stops when the run is cancelled', async () => {
    server.reply({ stall: true });
    const controller = new AbortController();
    const { context } = contextWith({ signal: controller.signal });
    const pending = failure(run({ prompt: 'Hello' }, context));
    await server.waitForRequests(1);
    controller.abort();
    const error = await pending;
    expect(error.code).toBe('cancelled');
    expect(error.retryable).toBe(false);
  });
});
