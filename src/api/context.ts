// What every request handler can reach: the platform's services and, once resolved by the
// middleware, who is calling and in which workspace.
import type { Context } from 'hono';
import type { Config } from '../config.ts';
import type { Role } from '../domain/roles.ts';
import type { FileStore } from '../files/file-store.ts';
import type { Logger } from '../logging/logger.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { Readiness } from '../operations/readiness.ts';
import type { Orchestrator } from '../orchestrator/orchestrator.ts';
import type { RunQueue } from '../queue/run-queue.ts';
import type { LanguageModelService } from '../runtime/tool-services.ts';
import type { UserRecord } from '../store/account-repository.ts';
import type { AuditActor } from '../store/audit-repository.ts';
import type { RunEventSignals } from '../store/run-event-signals.ts';
import type { Store } from '../store/store.ts';
import type { WorkspaceRecord } from '../store/workspace-repository.ts';
import type { Vault } from '../vault/vault.ts';
import type { AccessChanges } from './access-changes.ts';

export type { Logger } from '../logging/logger.ts';

export interface ApiServices {
  config: Config;
  store: Store;
  mailer: Mailer;
  /** Within a request: the request's logger, whose lines carry its `requestId`. */
  logger: Logger;
  runQueue: RunQueue;
  files: FileStore;
  orchestrator: Orchestrator;
  vault: Vault;
  /** The configured LLM, when there is one (style memory derives descriptions with it). */
  llm?: LanguageModelService;
  /** The process's metrics: requests, webhook calls and event streams are counted here. */
  metrics: Metrics;
  /** What GET /api/ready checks. */
  readiness: Readiness;
  /** Tells this process's open event streams that someone's access may have ended. */
  accessChanges: AccessChanges;
  /** Wakes event streams and waits for a run's end when run events commit (any process). */
  runEvents: RunEventSignals;
  /** Signs in with a login account in a browser of its own: the test of a login connection. */
  checkLogin(target: {
    workspaceId: string;
    connectionId: string;
    loginUrl: string;
  }): Promise<{ status: 'working' | 'failing'; message: string }>;
}

export type Principal =
  | { kind: 'session'; user: UserRecord; sessionTokenHash: string; sessionId: string }
  | {
      kind: 'apiToken';
      user: UserRecord;
      tokenId: string;
      apiTokenHash: string;
      workspaceId: string;
      role: Role;
    };

export interface WorkspaceAccess {
  workspace: WorkspaceRecord;
  role: Role;
  actor: AuditActor;
}

export interface ApiEnv {
  Variables: {
    services: ApiServices;
    principal: Principal | undefined;
    access: WorkspaceAccess;
    /** This request's id (request-context.ts): from a sane X-Request-Id, else generated. */
    requestId: string;
  };
}

export type ApiContext = Context<ApiEnv>;
