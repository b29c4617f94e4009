// A scripted LLM for tests: a real HTTP server on 127.0.0.1 that speaks the OpenAI Chat Completions
// protocol, answers with the replies a test scripts, and records every request it receives. The LLM
// is the one part Orca's tests mock, and it is mocked at the wire so that the AI SDK providers run
// their real request building, response parsing and error handling.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatMessage {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
  /** A string, or a list of parts such as `{ type: 'text', text }`. */
  content?: unknown;
  tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

/** A request body as a provider sends it; fields the protocol has and this type leaves out stay readable. */
export interface ChatCompletionRequest {
  model: string;
  messages: ChatMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: {
    type: 'text' | 'json_object' | 'json_schema';
    json_schema?: { name: string; schema: Record<string, unknown>; strict?: boolean; description?: string };
  };
  tools?: {
    type: 'function';
    function: { name: string; description?: string; parameters: Record<string, unknown>; strict?: boolean };
  }[];
  tool_choice?: unknown;
  temperature?: number;
  max_tokens?: number;
  [field: string]: unknown;
}

export interface RecordedRequest {
  headers: IncomingHttpHeaders;
  body: ChatCompletionRequest;
  /** The text of the system and developer messages, joined by blank lines. */
  system: string;
  /** Resolves when the connection closes: after the answer, or when the client gives up. */
  closed: Promise<void>;
}

/** Token counts to report; left out, they are estimated at four characters a token. */
export interface ScriptedUsage {
  promptTokens?: number;
  completionTokens?: number;
}

interface ScriptedCompletion {
  usage?: ScriptedUsage;
  /** As the protocol writes it: `stop` (the default), `length`, `content_filter`. */
  finishReason?: string;
}

export interface ScriptedToolCall {
  name: string;
  /** Sent as JSON, or verbatim when a string (to script arguments that do not parse). */
  arguments: unknown;
  id?: string;
}

export type ScriptedReply =
  /** An assistant message with this text. */
  | ({ text: string } & ScriptedCompletion)
  /** An assistant message whose text is this value as JSON, as a model answering a JSON schema writes. */
  | ({ json: unknown } & ScriptedCompletion)
  /** An assistant message calling tools, finishing with `tool_calls`. */
  | ({ toolCalls: ScriptedToolCall[]; text?: string } & Omit<ScriptedCompletion, 'finishReason'>)
  /** A failure: this status with `body` (OpenAI's error shape with a made-up message when left out). */
  | { status: number; body?: unknown }
  /** This exact response body, such as JSON that is cut short, with status 200 unless given. */
  | { raw: string; status?: number }
  /** No answer at all: the request stays open until the client gives up or the server closes. */
  | { stall: true };

export type Responder = (request: RecordedRequest) => ScriptedReply | Promise<ScriptedReply>;

export interface ScriptedLlmServer {
  /** Such as `http://127.0.0.1:43121/v1`: what a provider takes as its base URL. */
  readonly baseUrl: string;
  /** Every chat completion request received, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Queues replies: each chat request takes the oldest one left. */
  reply(...replies: ScriptedReply[]): void;
  /** Answers the requests that find the queue empty. */
  respondWith(responder: Responder): void;
  /** Resolves once this many chat requests have arrived in all. */
  waitForRequests(count: number): Promise<void>;
  /** Forgets the queued replies, the responder and the recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export interface ScriptedLlmServerOptions {
  /** What `GET /v1/models` lists; `test-model` when left out. */
  models?: string[];
  /** When given, requests without `Authorization: Bearer <apiKey>` are refused with a 401. */
  apiKey?: string;
}

const estimatedTokens = (text: string) => Math.ceil(text.length / 4);

function errorBody(message: string, type: string, code: string | null = null) {
  return { error: { message, type, param: null, code } };
}

/** The text of a message, whether its content is a string or a list of parts. */
export function messageText(message: ChatMessage): string {
  if (typeof message.content === 'string') return message.content;
  if (!Array.isArray(message.content)) return '';
  return message.content
    .map((part: { type?: unknown; text?: unknown }) =>
      part.type === 'text' && typeof part.text === 'string' ? part.text : '',
    )
    .join('');
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

interface Answer {
  content: string | null;
  toolCalls: { id: string; name: string; arguments: string }[];
  finishReason: string;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

function answerFor(
  reply: Extract<ScriptedReply, { text: string } | { json: unknown } | { toolCalls: ScriptedToolCall[] }>,
  request: RecordedRequest,
  sequence: number,
): Answer {
  const content = 'json' in reply ? JSON.stringify(reply.json) : (reply.text ?? null);
  const toolCalls =
    'toolCalls' in reply
      ? reply.toolCalls.map((call, index) => ({
          id: call.id ?? `call_${sequence}_${index}`,
          name: call.name,
          arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
        }))
      : [];
  const finishReason = 'toolCalls' in reply ? 'tool_calls' : (reply.finishReason ?? 'stop');
  const written = (content ?? '') + toolCalls.map((call) => call.name + call.arguments).join('');
  const promptTokens =
    reply.usage?.promptTokens ??
    estimatedTokens(request.body.messages.map((message) => messageText(message)).join(''));
  const completionTokens = reply.usage?.completionTokens ?? estimatedTokens(written);
  return {
    content,
    toolCalls,
    finishReason,
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

function completion(answer: Answer, model: string, id: string) {
  return {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: answer.content,
          ...(answer.toolCalls.length > 0 && {
            tool_calls: answer.toolCalls.map((call) => ({
              id: call.id,
              type: 'function',
              function: { name: call.name, arguments: call.arguments },
            })),
          }),
        },
        logprobs: null,
        finish_reason: answer.finishReason,
      },
    ],
    usage: answer.usage,
  };
}

/** Sends the answer as server-sent chunks, a word at a time, as a streaming server would. */
function stream(response: ServerResponse, answer: Answer, body: ChatCompletionRequest, id: string) {
  const created = Math.floor(Date.now() / 1000);
  const send = (data: unknown) => response.write(`data: ${JSON.stringify(data)}\n\n`);
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
    send({
      id,
      object: 'chat.completion.chunk',
      created,
      model: body.model,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    });
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  chunk({ role: 'assistant', content: '' });
  for (const piece of answer.content?.match(/\s*\S+\s*/g) ?? []) chunk({ content: piece });
  answer.toolCalls.forEach((call, index) => {
    chunk({
      tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }],
    });
    chunk({ tool_calls: [{ index, function: { arguments: call.arguments } }] });
  });
  chunk({}, answer.finishReason);
  // As OpenAI does: usage comes in a last chunk without choices, and only when asked for.
  if (body.stream_options?.include_usage) {
    send({
      id,
      object: 'chat.completion.chunk',
      created,
      model: body.model,
      choices: [],
      usage: answer.usage,
    });
  }
  response.end('data: [DONE]\n\n');
}

function isChatRequest(value: unknown): value is ChatCompletionRequest {
  const body = value as Partial<ChatCompletionRequest> | null;
  return typeof body?.model === 'string' && Array.isArray(body.messages);
}

/** Starts a scripted OpenAI-protocol server on a free port of 127.0.0.1. */
export async function startScriptedLlmServer(
  options: ScriptedLlmServerOptions = {},
): Promise<ScriptedLlmServer> {
  const models = options.models ?? ['test-model'];
  const requests: RecordedRequest[] = [];
  const queue: ScriptedReply[] = [];
  let responder: Responder | undefined;
  let waiters: { count: number; resolve: () => void }[] = [];

  async function nextReply(request: RecordedRequest): Promise<ScriptedReply> {
    const queued = queue.shift();
    if (queued) return queued;
    if (responder) return responder(request);
    return {
      status: 500,
      body: errorBody(
        `The scripted LLM server has no reply for request ${requests.length}: queue one with reply() or set respondWith().`,
        'server_error',
      ),
    };
  }

  async function chat(request: IncomingMessage, response: ServerResponse) {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request));
    } catch {
      return sendJson(response, 400, errorBody('The request body is not JSON.', 'invalid_request_error'));
    }
    if (!isChatRequest(body)) {
      return sendJson(response, 400, errorBody('model and messages are required.', 'invalid_request_error'));
    }
    const recorded: RecordedRequest = {
      headers: request.headers,
      body,
      system: body.messages
        .filter((message) => message.role === 'system' || message.role === 'developer')
        .map(messageText)
        .join('\n\n'),
      closed: new Promise<void>((resolve) => response.once('close', () => resolve())),
    };
    requests.push(recorded);
    const sequence = requests.length;
    waiters = waiters.filter((waiter) => {
      if (requests.length < waiter.count) return true;
      waiter.resolve();
      return false;
    });

    let reply: ScriptedReply;
    try {
      reply = await nextReply(recorded);
    } catch (error) {
      return sendJson(
        response,
        500,
        errorBody(`The responder failed: ${(error as Error).message}`, 'server_error'),
      );
    }
    if ('stall' in reply) return;
    if ('raw' in reply) {
      return response.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(reply.raw);
    }
    if ('status' in reply) {
      const failure =
        reply.body ?? errorBody(`Scripted failure with status ${reply.status}.`, 'server_error');
      if (typeof failure === 'string') return response.writeHead(reply.status).end(failure);
      return sendJson(response, reply.status, failure);
    }
    const answer = answerFor(reply, recorded, sequence);
    const id = `chatcmpl-scripted-${sequence}`;
    if (body.stream) return stream(response, answer, body, id);
    sendJson(response, 200, completion(answer, body.model, id));
  }

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (options.apiKey !== undefined && request.headers.authorization !== `Bearer ${options.apiKey}`) {
      request.resume();
      return sendJson(
        response,
        401,
        errorBody('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'),
      );
    }
    if (request.method === 'POST' && path === '/v1/chat/completions') {
      chat(request, response).catch((error: unknown) => {
        if (!response.headersSent) sendJson(response, 500, errorBody(String(error), 'server_error'));
        else response.destroy();
      });
      return;
    }
    request.resume();
    if (request.method === 'GET' && path === '/v1/models') {
      const created = Math.floor(Date.now() / 1000);
      return sendJson(response, 200, {
        object: 'list',
        data: models.map((id) => ({ id, object: 'model', created, owned_by: 'orca-tests' })),
      });
    }
    sendJson(response, 404, errorBody(`No route ${request.method} ${path}.`, 'invalid_request_error'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reply: (...replies) => void queue.push(...replies),
    respondWith: (next) => {
      responder = next;
    },
    waitForRequests: (count) =>
      requests.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    reset: () => {
      queue.length = 0;
      responder = undefined;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Stalled requests and idle keep-alive connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
