// The services a tool reaches the rest of Orca through. The executor builds them for each run,
// bound to the run's workspace and agent (src/runtime/run-services.ts); tests hand in their own.
import type { LanguageModel } from 'ai';
import type { BrowserSession } from '../browser/browser-pool.ts';
import type { LearnedStyle } from '../domain/style-memory.ts';

/** Shared context is the workspace's, read and written by all its agents; agent memory is private. */
export type MemoryScope = 'workspace' | 'agent';

export interface MemoryEntry {
  id: string;
  scope: MemoryScope;
  key: string;
  value: unknown;
  /** The text search looks at: given with the entry, or drawn from the strings in its value. */
  text: string;
  tags: string[];
  sourceRunId: string | null;
  updatedAt: string;
}

export interface MemoryService {
  write(entry: {
    scope: MemoryScope;
    key: string;
    value: unknown;
    text?: string;
    tags?: string[];
  }): Promise<MemoryEntry>;
  read(scope: MemoryScope, key: string): Promise<MemoryEntry | undefined>;
  /** Full-text search, best match first. */
  search(query: {
    scope: MemoryScope;
    text: string;
    tags?: string[];
    limit: number;
  }): Promise<(MemoryEntry & { rank: number })[]>;
  /** Newest first. */
  list(query: {
    scope: MemoryScope;
    prefix?: string;
    tags?: string[];
    limit: number;
  }): Promise<MemoryEntry[]>;
}

export interface StoredFile {
  id: string;
  name: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  runId: string | null;
  createdAt: string;
}

export interface FileService {
  /**
   * Keeps a file as a deliverable of the run. `key` identifies the save: saving again under the
   * same key (a replay after a crash) returns the file already kept instead of a second copy.
   */
  save(file: { name: string; contentType: string; content: Uint8Array; key: string }): Promise<StoredFile>;
  /** A file of the workspace by id, or the newest one with that name. */
  read(reference: { id?: string; name?: string }): Promise<{ file: StoredFile; content: Buffer } | undefined>;
}

export interface OutgoingMail {
  to: string[];
  cc?: string[];
  bcc?: string[];
  replyTo?: string;
  subject: string;
  text?: string;
  html?: string;
  /** Sent as the Message-ID, so a receiver can recognise a replayed message. */
  messageId?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

export interface MailService {
  readonly configured: boolean;
  send(message: OutgoingMail): Promise<{ messageId: string; accepted: string[]; rejected: string[] }>;
}

/** The LLM configured with ORCA_LLM, or undefined when there is none. */
export interface LanguageModelService {
  /** Such as `openai-compatible:llama3.1`, for logs and run records. */
  readonly name: string;
  readonly model: LanguageModel;
  /** The configured provider and model name, such as openai and gpt-4o. */
  readonly provider: string;
  readonly modelName: string;
  /** Another model of the same provider, by its name (gpt-4o-mini beside gpt-4o). */
  withModel(modelName: string): LanguageModelService;
}

export interface AgentCallResult {
  runId: string;
  agentId: string;
  agentName: string;
  status: 'succeeded' | 'failed' | 'cancelled';
  output: unknown;
  error: { code: string; message: string; stepId?: string } | null;
}

export interface AgentCaller {
  /**
   * Runs another agent of the workspace (by id or by name) with `input`, and answers with its
   * result. `key` identifies the call: calling again under the same key (a replay after a crash)
   * continues the run already started instead of starting another.
   */
  call(request: {
    agent: string;
    input: Record<string, unknown>;
    key: string;
    signal: AbortSignal;
  }): Promise<AgentCallResult>;
}

/** A connected account's credential, ready to authenticate requests to the hosts it allows. */
export interface Credential {
  connectionId: string;
  service: string;
  label: string;
  /** Headers that carry the credential. Never put them in outputs or logs. */
  headers: Record<string, string>;
  /** Whether the credential may be sent to this address. */
  allows(url: URL): boolean;
  allowedHosts: readonly string[];
}

/** A login connection's secrets, for the browser to sign in with. Never put them in outputs. */
export interface LoginSecret {
  service: string;
  username: string;
  password: string;
  /** The current one-time code, when the account has a TOTP secret. */
  oneTimeCode?: () => string;
  allowedHosts: readonly string[];
}

export interface ConnectionService {
  /** A login connection's user name and password (audited like every use). */
  login(reference: string, use: { stepId: string }): Promise<LoginSecret>;
  /**
   * The credential of a connected account: by id, by service (its default account) or as
   * `service/label`. Each use is written to the audit log with the run and step.
   */
  credential(reference: string, use: { stepId: string }): Promise<Credential>;
  /**
   * What the site answered a sign-in with this login connection: `failing` (the site refused it,
   * with its message) marks the account failing; `working` marks it working unless it already
   * is. Absent where a test hands in a login of its own, and where a connection check keeps the
   * outcome itself.
   */
  recordSignIn?(
    reference: string,
    outcome: { status: 'working' | 'failing'; message: string },
    use: { stepId: string },
  ): Promise<void>;
}

export interface ToolServices {
  readonly memory: MemoryService;
  readonly files: FileService;
  readonly mail: MailService;
  readonly llm: LanguageModelService | undefined;
  readonly agents: AgentCaller;
  readonly connections: ConnectionService;
  /** The run's own browser context and page (made on first use, closed when the run ends). */
  readonly browser: { session(): Promise<BrowserSession> };
  /** The workspace's secret for signing outgoing webhooks (created on first use). */
  webhookSigningSecret(): Promise<string>;
  /** The agent's style memory (samples and learned profile), read when a tool writes. */
  readonly style?: { learned(): Promise<LearnedStyle | undefined> };
}
