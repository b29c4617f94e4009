import { describe, expect, it } from 'vitest';
import { loadConfig, publicUrlOf } from './config.ts';
import { OrcaError } from './domain/errors.ts';

describe('configuration', () => {
  it('has defaults for a fresh install', () => {
    const config = loadConfig({}, {});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 4400 });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDirectory).toMatch(/\.orca$/);
    expect(publicUrlOf(config)).toBe('http://127.0.0.1:4400');
  });

  it('reads the environment, and explicit options win', () => {
    const config = loadConfig(
      { port: '5000' },
      { PORT: '4000', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u@h/db' },
    );
    expect(config).toMatchObject({ port: 5000, host: '0.0.0.0', databaseUrl: 'postgres://u@h/db' });
  });

  it('gives each workspace a fifth of the queue unless its share is set', () => {
    expect(loadConfig({}, {})).toMatchObject({ queueBacklogLimit: 5000, queueWorkspaceBacklogLimit: 1000 });
    expect(loadConfig({}, { ORCA_QUEUE_BACKLOG_LIMIT: '12' }).queueWorkspaceBacklogLimit).toBe(3);
    const set = loadConfig(
      {},
      { ORCA_QUEUE_BACKLOG_LIMIT: '600', ORCA_QUEUE_WORKSPACE_BACKLOG_LIMIT: '600' },
    );
    expect(set.queueWorkspaceBacklogLimit).toBe(600);
    expect(() => loadConfig({}, { ORCA_QUEUE_WORKSPACE_BACKLOG_LIMIT: '0' })).toThrow(
      /ORCA_QUEUE_WORKSPACE_BACKLOG_LIMIT: must be at least 1/,
    );
    expect(loadConfig({}, {}).parkedRunRecheckSeconds).toBe(60);
  });

  it('fails fast naming the variable and the fix', () => {
    const attempt = () => loadConfig({}, { PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    expect(attempt).toThrow(OrcaError);
    expect(attempt).toThrow(/PORT: .*\n.*DATABASE_URL: must be a PostgreSQL URL such as postgres:\/\//s);
  });

  it('parses ORCA_LLM at boot, and refuses a malformed one with the forms it takes', () => {
    const config = loadConfig({}, { ORCA_LLM: 'openai:gpt-4o-mini', ORCA_LLM_API_KEY: 'sk-test' });
    expect(config.llm).toEqual({ provider: 'openai', model: 'gpt-4o-mini' });
    expect(config.llmApiKey).toBe('sk-test');
    expect(loadConfig({}, {}).llm).toBeUndefined();
    const attempt = () => loadConfig({}, { ORCA_LLM: 'llama3.1' });
    expect(attempt).toThrow(OrcaError);
    expect(attempt).toThrow(
      /ORCA_LLM: "llama3.1" names no provider; write it as one of openai-compatible:http/,
    );
  });
});
