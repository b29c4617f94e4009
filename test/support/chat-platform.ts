// A whole Orca on PGlite with one owner and one workspace, for suites that talk to the
// Orchestrator through POST …/orchestrator/messages: its setup and the `say` they all repeat.
import { afterAll, beforeAll, expect } from 'vitest';
import { type ApiResponse, startTestPlatform, type TestPlatform, type TestUser } from './test-platform.ts';

export interface ChatPlatform {
  orca: TestPlatform;
  owner: TestUser;
  /** The workspace's id. */
  ws: string;
  /** Sends a message (in a conversation when given) and answers the response body. */
  say(text: string, conversationId?: string): Promise<ApiResponse['body']>;
}

/**
 * Starts the platform before the suite's tests and closes it after them. The object is filled in
 * by `beforeAll`: read its fields inside hooks and tests, not at the top level of the file.
 */
export function chatPlatform(name: string, prepare?: (chat: ChatPlatform) => Promise<void>): ChatPlatform {
  const chat = {
    say: async (text: string, conversationId?: string) => {
      const response = await chat.orca.request('POST', `/api/workspaces/${chat.ws}/orchestrator/messages`, {
        token: chat.owner.token,
        body: { text, conversationId },
      });
      expect(response.status, response.text).toBe(200);
      return response.body;
    },
  } as ChatPlatform;
  beforeAll(async () => {
    chat.orca = await startTestPlatform({ configOverrides: { allowNetwork: '127.0.0.1' } });
    chat.owner = await chat.orca.signUp(`${name} Owner`);
    chat.ws = (await chat.orca.createWorkspace(chat.owner, name)).id;
    await prepare?.(chat);
  });
  afterAll(async () => {
    await chat.orca?.close();
  });
  return chat;
}
