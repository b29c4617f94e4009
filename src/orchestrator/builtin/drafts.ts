// What the built-in planner keeps while it waits for answers, as one closed set. A draft is stored
// as JSON with the plan that asked the questions, and read back when the next message comes; the
// planner switches on its `kind` exhaustively, so a new kind of draft cannot be forgotten.

import type { AgentVerbDraft } from './agent-verb-drafts.ts';
import type { ChainDraft } from './chain-planning.ts';
import type { NoticeDraft } from './change-notices.ts';
import type { ConnectDraft } from './connect-planning.ts';
import type { EndpointDraft } from './endpoint-planning.ts';
import type { PortalFixDraft } from './portal-fixes.ts';
import type { PortalDraft } from './portal-planning.ts';
import type { QuestionDraft } from './questions/workspace-questions.ts';
import type { ScheduleDraft } from './schedule-planning.ts';
import type { SeveralDraft } from './several-intents.ts';
import type { Notification } from './spec-templates.ts';
import type { FixDraft } from './troubleshooting.ts';
import type { ActionIntent, AgentKind } from './vocabulary/vocabulary.ts';

/** A new agent made from a page, waiting for its address or what marks each record. */
export interface CreateDraft {
  kind: 'create';
  agentKind?: AgentKind;
  url?: string;
  noun?: string;
  selector?: string;
  /** How html.extract finds the records: by a selector, or by itself with the fields named. */
  records?: { selector: string; fields: Record<string, unknown> } | { find: 'repeated'; fields: string[] };
  notify?: Notification;
  name?: string;
  goal?: string;
  /** The request asked to be told and named no channel: ask how, unless `preferred` says. */
  askHow?: boolean;
  /** The preferred channel from the person's memory, in words, when notices go there. */
  preferred?: string;
  /** For a new agent: the schedule the request asked for, in words, or its one run ahead. */
  schedule?: { words: string; timezone?: string } | { runAt: string; timezone: string };
}

/** An action on an agent, waiting to know which of the agents named alike it is about. */
export interface ActionDraft {
  kind: 'action';
  intent: ActionIntent;
  candidates: string[];
  text: string;
}

export type BuiltInDraft =
  | CreateDraft
  | ActionDraft
  | ConnectDraft
  | PortalDraft
  | PortalFixDraft
  | ScheduleDraft
  | ChainDraft
  | FixDraft
  | QuestionDraft
  | NoticeDraft
  | SeveralDraft
  | AgentVerbDraft
  | EndpointDraft;

export type DraftKind = BuiltInDraft['kind'];

const draftKinds: readonly string[] = [
  'create',
  'action',
  'connect',
  'portal',
  'portalFix',
  'schedule',
  'chain',
  'fix',
  'question',
  'notice',
  'several',
  'agentVerb',
  'endpoint',
] satisfies readonly DraftKind[];

const actionIntents: readonly string[] = [
  'delete',
  'pause',
  'resume',
  'run',
  'update',
] satisfies ActionIntent[];

/**
 * The draft stored with an open plan, as the planner reads it; undefined when it is none the
 * built-in planner wrote (the LLM planner's, or unreadable), so the message is planned afresh.
 */
export function parseDraft(stored: Record<string, unknown> | undefined): BuiltInDraft | undefined {
  if (!stored) return undefined;
  const { intent, kind } = stored;
  // Before drafts had a kind, a new agent's and an account's drafts used `kind` for the kind of
  // agent or account, and said what they were in `intent`.
  const legacy = typeof intent === 'string' && (intent === 'create' || intent === 'connect');
  if (!legacy && typeof kind === 'string' && draftKinds.includes(kind))
    return stored as unknown as BuiltInDraft;
  return fromLegacy(stored);
}

/** A draft stored before drafts had a kind, read by the field that told them apart then. */
function fromLegacy(stored: Record<string, unknown>): BuiltInDraft | undefined {
  const { intent, kind, ...rest } = stored;
  switch (intent) {
    case 'create':
      return { ...rest, kind: 'create', agentKind: kind } as CreateDraft;
    case 'connect':
      return { ...rest, kind: 'connect', connectionKind: kind } as ConnectDraft;
    case 'portal':
    case 'fix':
    case 'several':
      return { ...rest, kind: intent } as BuiltInDraft;
    case 'schedule':
    case 'unschedule':
      return { ...rest, kind: 'schedule', intent } as ScheduleDraft;
    case 'chain':
    case 'unchain':
      return { ...rest, kind: 'chain', intent } as ChainDraft;
  }
  if (typeof stored.question === 'string') return { ...rest, kind: 'question' } as QuestionDraft;
  if (typeof stored.endpoint === 'string') return { ...rest, kind: 'endpoint' } as EndpointDraft;
  if (typeof stored.agentVerb === 'string') return { ...rest, kind: 'agentVerb' } as AgentVerbDraft;
  if (typeof intent === 'string' && actionIntents.includes(intent) && Array.isArray(stored.candidates))
    return { ...rest, kind: 'action', intent } as ActionDraft;
  return undefined;
}

/** For the `default` of a switch over every kind: a draft of a kind no case handles fails to compile. */
export function unhandledDraft(draft: never): never {
  throw new Error(`The built-in planner has no case for the draft ${JSON.stringify(draft)}.`);
}
