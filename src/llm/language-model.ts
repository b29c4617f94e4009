// The LLM seam: turns the ORCA_LLM setting into the AI SDK model every LLM step and the Orchestrator
// call. Only this file knows the provider packages.
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import {
  defaultSettingsMiddleware,
  type LanguageModel,
  type LanguageModelMiddleware,
  wrapLanguageModel,
} from 'ai';
import { OrcaError } from '../domain/errors.ts';
import type { LanguageModelService } from '../runtime/tool-services.ts';
import { type LlmSetting, llmSettingName } from './llm-setting.ts';

// OpenAI's strict mode refuses any schema that leaves out `additionalProperties: false` or lists
// an optional property, and agent specs carry schemas written freely. Non-strict mode still sends
// the schema (servers that constrain decoding, such as vLLM and llama.cpp, still use it); the
// llm.generate tool validates the answer against the schema itself.
const lenientJsonSchema = defaultSettingsMiddleware({
  settings: {
    providerOptions: { openai: { strictJsonSchema: false }, openaiCompatible: { strictJsonSchema: false } },
  },
});

// The SDK would also print its warnings on the console; llm.generate records them in the run's
// log instead, where the user sees them next to the step.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

function requiredKey(
  provider: 'openai' | 'anthropic',
  key: string | undefined,
  fallbackName: string,
): string {
  if (key) return key;
  throw new OrcaError(
    'configuration_invalid',
    `ORCA_LLM uses ${provider}, which needs an API key: set ORCA_LLM_API_KEY (or ${fallbackName}).`,
  );
}

function providerModel(setting: LlmSetting, apiKey: string | undefined, environment: NodeJS.ProcessEnv) {
  switch (setting.provider) {
    case 'openai-compatible':
      return wrapLanguageModel({
        model: createOpenAICompatible({
          name: 'openai-compatible',
          baseURL: setting.baseUrl,
          apiKey,
          // Without this the provider sends `json_object` and drops the schema.
          supportsStructuredOutputs: true,
          // Streams then end with a usage chunk, so streamed calls count their tokens too.
          includeUsage: true,
        }).chatModel(setting.model),
        middleware: lenientJsonSchema,
      });
    case 'openai': {
      const key = requiredKey('openai', apiKey ?? environment.OPENAI_API_KEY, 'OPENAI_API_KEY');
      // `.chat` speaks Chat Completions; the provider's default speaks the newer Responses API.
      return wrapLanguageModel({
        model: createOpenAI({ apiKey: key }).chat(setting.model),
        middleware: lenientJsonSchema,
      });
    }
    case 'anthropic': {
      const key = requiredKey('anthropic', apiKey ?? environment.ANTHROPIC_API_KEY, 'ANTHROPIC_API_KEY');
      return createAnthropic({ apiKey: key }).languageModel(setting.model);
    }
  }
}

/** Told the tokens of every call (the metrics count them by model). */
export type UsageListener = (model: string, inputTokens: number, outputTokens: number) => void;

/**
 * Counts every call's tokens, generated or streamed, at the one place all of Orca's LLM calls
 * pass (steps, the Orchestrator, style derivation), so no caller can forget to.
 */
function usageMetering(modelName: string, onUsage: UsageListener): LanguageModelMiddleware {
  return {
    specificationVersion: 'v3',
    wrapGenerate: async ({ doGenerate }) => {
      const result = await doGenerate();
      onUsage(modelName, result.usage.inputTokens.total ?? 0, result.usage.outputTokens.total ?? 0);
      return result;
    },
    wrapStream: async ({ doStream }) => {
      const result = await doStream();
      type Part = typeof result.stream extends ReadableStream<infer Item> ? Item : never;
      const counting = new TransformStream<Part, Part>({
        transform(part, controller) {
          if (part.type === 'finish') {
            onUsage(modelName, part.usage.inputTokens.total ?? 0, part.usage.outputTokens.total ?? 0);
          }
          controller.enqueue(part);
        },
      });
      return { ...result, stream: result.stream.pipeThrough(counting) };
    },
  };
}

/**
 * Builds the model for a parsed ORCA_LLM setting. `apiKey` (ORCA_LLM_API_KEY) wins over the
 * provider's own variable in `environment`; openai and anthropic fail here when neither is set.
 */
export function createLanguageModel(
  setting: LlmSetting,
  apiKey?: string,
  environment: NodeJS.ProcessEnv = process.env,
  onUsage?: UsageListener,
): LanguageModelService {
  const provided = providerModel(setting, apiKey || undefined, environment);
  const model: LanguageModel = onUsage
    ? wrapLanguageModel({ model: provided, middleware: usageMetering(setting.model, onUsage) })
    : provided;
  return {
    name: llmSettingName(setting),
    model,
    provider: setting.provider,
    modelName: setting.model,
    // Same provider, address and key: only the model's name changes.
    withModel: (modelName) =>
      createLanguageModel({ ...setting, model: modelName }, apiKey, environment, onUsage),
  };
}
