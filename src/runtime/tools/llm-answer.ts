// One structured answer from the operator's LLM for a tool that needs the model's judgement
// (browser.act, browser.extract by description, selector healing): the answer is checked against a
// zod schema, and its tokens are counted against the step as llm.generate counts them.
import { generateText, NoObjectGeneratedError, Output } from 'ai';
import type { z } from 'zod';
import type { ToolContext } from '../tool.ts';
import { ToolError } from '../tool-error.ts';
import type { LanguageModelService } from '../tool-services.ts';
import { asToolError } from './llm-generate.ts';

/** The configured LLM, or an error naming what the tool needs and what to use without one. */
export function requireLlm(context: ToolContext, purpose: string, instead: string): LanguageModelService {
  const llm = context.services.llm;
  if (llm) return llm;
  throw new ToolError(
    'not_configured',
    `${purpose} needs an LLM, and none is configured: the operator sets ORCA_LLM (such as ORCA_LLM=openai:gpt-4o-mini with ORCA_LLM_API_KEY) and restarts Orca. Without one, ${instead}.`,
  );
}

export async function llmAnswer<Schema extends z.ZodType>(
  context: ToolContext,
  llm: LanguageModelService,
  request: { system: string; prompt: string; schema: Schema },
): Promise<z.output<Schema>> {
  try {
    const result = await generateText({
      model: llm.model,
      system: request.system,
      // The page's snapshot or HTML may show a secret the run signed in with: it never goes along.
      prompt: context.redactText ? context.redactText(request.prompt) : request.prompt,
      output: Output.object({ schema: request.schema }),
      temperature: 0,
      abortSignal: context.signal,
      // The step's retry policy decides about retries, as for llm.generate.
      maxRetries: 0,
    });
    context.recordUsage({
      inputTokens: result.totalUsage.inputTokens ?? 0,
      outputTokens: result.totalUsage.outputTokens ?? 0,
    });
    return result.output as z.output<Schema>;
  } catch (error) {
    // Tokens spent on an answer that did not fit the schema still count.
    if (NoObjectGeneratedError.isInstance(error) && error.usage) {
      context.recordUsage({
        inputTokens: error.usage.inputTokens ?? 0,
        outputTokens: error.usage.outputTokens ?? 0,
      });
    }
    throw asToolError(error, llm, context.signal);
  }
}
