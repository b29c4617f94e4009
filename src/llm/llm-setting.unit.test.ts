import { describe, expect, it } from 'vitest';
import { OrcaError } from '../domain/errors.ts';
import { llmSettingName, parseLlmSetting } from './llm-setting.ts';

function problemWith(text: string): string {
  try {
    parseLlmSetting(text);
  } catch (error) {
    expect(error).toBeInstanceOf(OrcaError);
    expect((error as OrcaError).code).toBe('configuration_invalid');
    return (error as OrcaError).message;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('the ORCA_LLM setting', () => {
  it('reads an OpenAI-compatible server: base URL, then the model after #', () => {
    expect(parseLlmSetting('openai-compatible:http://127.0.0.1:11434/v1#llama3.1')).toEqual({
      provider: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3.1',
    });
    expect(parseLlmSetting(' openai-compatible:https://llm.example.com/v1/#org/model:q4 ')).toEqual({
      provider: 'openai-compatible',
      baseUrl: 'https://llm.example.com/v1',
      model: 'org/model:q4',
    });
  });

  it('reads OpenAI and Anthropic models, colons included', () => {
    expect(parseLlmSetting('openai:gpt-4o-mini')).toEqual({ provider: 'openai', model: 'gpt-4o-mini' });
    expect(parseLlmSetting('openai:ft:gpt-4o-mini:acme::abc123')).toEqual({
      provider: 'openai',
      model: 'ft:gpt-4o-mini:acme::abc123',
    });
    expect(parseLlmSetting('anthropic:claude-sonnet-4-5')).toEqual({
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
    });
  });

  it('names a setting by provider and model', () => {
    expect(llmSettingName(parseLlmSetting('openai-compatible:http://127.0.0.1:8000/v1#qwen'))).toBe(
      'openai-compatible:qwen',
    );
  });

  it('says what is wrong, with an example of each form', () => {
    const unknown = problemWith('ollama:llama3');
    expect(unknown).toMatch(/"ollama" is not a provider Orca knows/);
    expect(unknown).toContain('openai-compatible:http://127.0.0.1:11434/v1#llama3.1');
    expect(unknown).toContain('openai:gpt-4o-mini');
    expect(unknown).toContain('anthropic:claude-sonnet-4-5');

    expect(problemWith('gpt-4o-mini')).toMatch(/names no provider/);
    expect(problemWith('http://127.0.0.1:11434/v1#llama3')).toMatch(/put openai-compatible: before/);
    expect(problemWith('openai:')).toMatch(/"openai:" names no model/);
    expect(problemWith('anthropic:claude sonnet')).toMatch(/contains spaces/);
    expect(problemWith('openai-compatible:http://127.0.0.1:11434/v1')).toMatch(
      /add #model after the base URL/,
    );
    expect(problemWith('openai-compatible:http://127.0.0.1:11434/v1#')).toMatch(/names no model/);
    expect(problemWith('openai-compatible:localhost-11434#llama3')).toMatch(/is not a URL/);
    expect(problemWith('openai-compatible:ftp://127.0.0.1/v1#llama3')).toMatch(/http:\/\/ or https:\/\//);
  });
});
