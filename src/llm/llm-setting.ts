// The ORCA_LLM setting: which provider and model Orca's LLM steps and Orchestrator use, written as
// one string so that it fits an environment variable. Parsed once at boot, so a typo stops the start
// instead of failing the first run that reaches an LLM step.
import { OrcaError } from '../domain/errors.ts';

export type LlmProvider = 'openai-compatible' | 'openai' | 'anthropic';

export type LlmSetting =
  | { provider: 'openai-compatible'; baseUrl: string; model: string }
  | { provider: 'openai'; model: string }
  | { provider: 'anthropic'; model: string };

/** One example of each form, for messages that tell an operator what to write. */
export const llmSettingExamples = [
  'openai-compatible:http://127.0.0.1:11434/v1#llama3.1',
  'openai:gpt-4o-mini',
  'anthropic:claude-sonnet-4-5',
] as const;

const forms = `write it as one of ${llmSettingExamples.join(', ')}`;

function invalid(problem: string): OrcaError {
  return new OrcaError('configuration_invalid', `${problem}; ${forms}`);
}

function modelName(text: string, provider: LlmProvider): string {
  const model = text.trim();
  if (model === '') throw invalid(`"${provider}:" names no model`);
  if (/\s/.test(model)) throw invalid(`the model name "${model}" contains spaces`);
  return model;
}

function openaiCompatible(rest: string): LlmSetting {
  const hash = rest.lastIndexOf('#');
  if (hash < 0) {
    throw invalid(`"openai-compatible:${rest}" names no model: add #model after the base URL`);
  }
  const baseUrl = rest.slice(0, hash).trim();
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw invalid(`"${baseUrl}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(`the base URL "${baseUrl}" must start with http:// or https://`);
  }
  return {
    provider: 'openai-compatible',
    baseUrl: baseUrl.replace(/\/+$/, ''),
    model: modelName(rest.slice(hash + 1), 'openai-compatible'),
  };
}

/** Reads an ORCA_LLM value such as `openai:gpt-4o-mini`; throws a configuration error saying what is wrong. */
export function parseLlmSetting(text: string): LlmSetting {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  if (colon < 0) throw invalid(`"${trimmed}" names no provider`);
  const provider = trimmed.slice(0, colon);
  const rest = trimmed.slice(colon + 1);
  switch (provider) {
    case 'openai-compatible':
      return openaiCompatible(rest);
    case 'openai':
    case 'anthropic':
      return { provider, model: modelName(rest, provider) };
    case 'http':
    case 'https':
      throw invalid(`"${trimmed}" names no provider: put openai-compatible: before a server's base URL`);
    default:
      throw invalid(`"${provider}" is not a provider Orca knows (openai-compatible, openai or anthropic)`);
  }
}

/** How the setting is named in logs and run records, such as `openai-compatible:llama3.1`. */
export function llmSettingName(setting: LlmSetting): string {
  return `${setting.provider}:${setting.model}`;
}
