// What an LLM is asked for a tool's judgement (browser.act's snapshot, healing's and extract's
// HTML) never carries the run's secrets, whatever the page showed of them.
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SecretRedactor } from '../secret-redactor.ts';
import type { ToolContext } from '../tool.ts';
import type { LanguageModelService } from '../tool-services.ts';
import { llmAnswer } from './llm-answer.ts';

describe('llmAnswer', () => {
  it('takes the run’s secrets out of the prompt', async () => {
    const model = new MockLanguageModelV3({
      doGenerate: {
        content: [{ type: 'text', text: '{"done":true}' }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
          outputTokens: { total: 1, text: 1, reasoning: 0 },
        },
        warnings: [],
      },
    });
    const secrets = new SecretRedactor();
    secrets.add('correct-horse-battery-staple');
    const context = {
      signal: new AbortController().signal,
      recordUsage: () => undefined,
      redactText: (text: string) => secrets.redactText(text),
    } as unknown as ToolContext;
    const llm = {
      name: 'mock',
      model,
      provider: 'mock',
      modelName: 'mock',
    } as unknown as LanguageModelService;
    await llmAnswer(context, llm, {
      system: 'Answer.',
      prompt: '- textbox "Password (shown)": correct-horse-battery-staple',
      schema: z.object({ done: z.boolean() }),
    });
    const sent = JSON.stringify(model.doGenerateCalls[0]?.prompt);
    expect(sent).toContain('textbox');
    expect(sent).not.toContain('correct-horse-battery-staple');
  });
});
