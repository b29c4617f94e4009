// The one schema of Orca, for PGlite and PostgreSQL alike. drizzle-kit turns it into the
// numbered SQL migrations beside it; `0000_roles.sql` (hand-written) creates the application role
// and the two functions the policies below read.
//
// Isolation: every tenant table carries `workspace_id` and a row-level-security policy for the
// `orca_app` role. The application runs tenant queries as that role with `app.workspace_id` set
// for the transaction; account-level queries set `app.user_id` instead. A query that forgets its
// workspace therefore sees no rows at all rather than another workspace's.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgRole,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AgentOrigin } from '../domain/agent-origin.ts';
import type { AgentSpec } from '../domain/agent-spec.ts';
import type { HookCallOutcome, HookCallRefusal } from '../domain/hook-call-outcome.ts';
import type { PlanOperation, PlanQuestion, PlanStatus } from '../domain/plan.ts';
import type { RunError } from '../domain/run-errors.ts';
import type { StyleField, StyleSampleSource } from '../domain/style-memory.ts';
import type { MeasuredStyle } from '../domain/style-profile.ts';

export const applicationRole = pgRole('orca_app').existing();

const currentWorkspace = sql`orca_current_workspace()`;
const currentUser = sql`orca_current_user()`;

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** The policy every tenant table shares: rows of the workspace the transaction acts in. */
const workspacePolicy = (table: string) =>
  pgPolicy(`${table}_in_current_workspace`, {
    to: applicationRole,
    for: 'all',
    using: sql`workspace_id = ${currentWorkspace}`,
    withCheck: sql`workspace_id = ${currentWorkspace}`,
  });

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('users_email_unique').on(table.email),
    // A user sees their own row, and in a workspace, the rows of that workspace's members.
    pgPolicy('users_visible', {
      to: applicationRole,
      for: 'select',
      using: sql`id = ${currentUser} or id in (select m.user_id from memberships m where m.workspace_id = ${currentWorkspace})`,
    }),
    pgPolicy('users_update_self', {
      to: applicationRole,
      for: 'update',
      using: sql`id = ${currentUser}`,
      withCheck: sql`id = ${currentUser}`,
    }),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Refreshed at most every few minutes (see account-repository.ts), not on every request. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** The browser's User-Agent at sign-in, so the person can tell their sessions apart. */
    userAgent: text('user_agent'),
  },
  (table) => [
    uniqueIndex('sessions_token_hash_unique').on(table.tokenHash),
    pgPolicy('sessions_of_current_user', {
      to: applicationRole,
      for: 'all',
      using: sql`user_id = ${currentUser}`,
      withCheck: sql`user_id = ${currentUser}`,
    }),
  ],
);

/** What happened to an account's security: password changes and sign-outs (decision 0019). */
export const accountEvents = pgTable(
  'account_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (table) => [
    index('account_events_user_time').on(table.userId, table.createdAt),
    pgPolicy('account_events_of_current_user', {
      to: applicationRole,
      for: 'all',
      using: sql`user_id = ${currentUser}`,
      withCheck: sql`user_id = ${currentUser}`,
    }),
  ],
);

/** Sign-in attempts, kept in the database so that every API process shares one rate limit. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    address: text('address').notNull(),
    succeeded: boolean('succeeded').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('login_attempts_email_time').on(table.email, table.attemptedAt),
    index('login_attempts_address_time').on(table.address, table.attemptedAt),
    index('login_attempts_email_address_time').on(table.email, table.address, table.attemptedAt),
  ],
).enableRLS(); // no policy: the application role may not read or write it, only sign-in code may.

/**
 * Client addresses each account has signed in from: failed guesses from strangers elsewhere do
 * not slow the owner down at an address of theirs (docs/decisions/0011-sign-in-throttling.md).
 */
export const knownSignInAddresses = pgTable(
  'known_sign_in_addresses',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    lastSignedInAt: timestamp('last_signed_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.address] })],
).enableRLS(); // no policy: only sign-in code may read or write it.

/** Sign-up attempts per client address, for the sign-up rate limit shared by every API process. */
export const signUpAttempts = pgTable(
  'sign_up_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    address: text('address').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('sign_up_attempts_address_time').on(table.address, table.attemptedAt)],
).enableRLS(); // no policy: only sign-up code may read or write it.

export const userMemories = pgTable(
  'user_memories',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    timezone: text('timezone'),
    locale: text('locale'),
    preferences: jsonb('preferences').$type<Record<string, unknown>>().notNull().default({}),
    facts: jsonb('facts').$type<string[]>().notNull().default([]),
    /** Whether Orca records what the person builds (learned_items); they may turn it off. */
    learning: boolean('learning').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    pgPolicy('user_memories_of_current_user', {
      to: applicationRole,
      for: 'all',
      using: sql`user_id = ${currentUser}`,
      withCheck: sql`user_id = ${currentUser}`,
    }),
  ],
);

/**
 * What Orca learned about how a person works, from what they built: kinds of agent, tools,
 * patterns, channels, schedule shapes, time zones and locales. Keys come from closed sets or are
 * validated names (an IANA zone, a language tag): shapes, never a workspace's data.
 */
export const learnedItems = pgTable(
  'learned_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    key: text('key').notNull(),
    source: text('source').notNull(),
    count: integer('count').notNull().default(1),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('learned_items_user_category_key').on(table.userId, table.category, table.key),
    pgPolicy('learned_items_of_current_user', {
      to: applicationRole,
      for: 'all',
      using: sql`user_id = ${currentUser}`,
      withCheck: sql`user_id = ${currentUser}`,
    }),
  ],
);

export const workspaces = pgTable(
  'workspaces',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('workspaces_slug_unique').on(table.slug),
    pgPolicy('workspaces_current', {
      to: applicationRole,
      for: 'all',
      using: sql`id = ${currentWorkspace}`,
      withCheck: sql`id = ${currentWorkspace}`,
    }),
    // Account scope: the workspaces the current user belongs to (for "list mine" and switching).
    pgPolicy('workspaces_of_current_user', {
      to: applicationRole,
      for: 'select',
      using: sql`id in (select m.workspace_id from memberships m where m.user_id = ${currentUser})`,
    }),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<'owner' | 'admin' | 'builder' | 'viewer'>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.userId] }),
    index('memberships_user').on(table.userId),
    workspacePolicy('memberships'),
    pgPolicy('memberships_of_current_user', {
      to: applicationRole,
      for: 'select',
      using: sql`user_id = ${currentUser}`,
    }),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').$type<'owner' | 'admin' | 'builder' | 'viewer'>().notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('invitations_token_hash_unique').on(table.tokenHash),
    // One open invitation per address and workspace: a new one replaces the old (revoking it).
    uniqueIndex('invitations_open_email_unique')
      .on(table.workspaceId, table.email)
      .where(sql`accepted_at is null and revoked_at is null`),
    index('invitations_workspace').on(table.workspaceId, table.createdAt),
    workspacePolicy('invitations'),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role').$type<'owner' | 'admin' | 'builder' | 'viewer'>().notNull(),
    tokenHash: text('token_hash').notNull(),
    tokenPrefix: text('token_prefix').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('api_tokens_token_hash_unique').on(table.tokenHash),
    index('api_tokens_workspace').on(table.workspaceId, table.createdAt),
    workspacePolicy('api_tokens'),
  ],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorTokenId: uuid('actor_token_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    // Millisecond precision, like the JavaScript dates that page cursors carry.
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index('audit_events_workspace_time').on(table.workspaceId, table.createdAt),
    workspacePolicy('audit_events'),
  ],
);

/**
 * Workrooms group work inside a workspace (a client, a project): agents belong to at most one, and
 * each run and deliverable keeps the workroom it was made in. An optional monthly budget, in
 * credits, caps what the workroom's runs may spend.
 */
export const workrooms = pgTable(
  'workrooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    monthlyBudget: bigint('monthly_budget', { mode: 'number' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('workrooms_workspace_name_unique').on(table.workspaceId, sql`lower(${table.name})`),
    workspacePolicy('workrooms'),
  ],
);

export const agents = pgTable(
  'agents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    status: text('status').$type<'active' | 'paused'>().notNull().default('active'),
    currentVersion: integer('current_version').notNull(),
    workroomId: uuid('workroom_id').references(() => workrooms.id, { onDelete: 'set null' }),
    /** Where a promoted or imported agent came from (migration 0026); null for one made here. */
    origin: jsonb('origin').$type<AgentOrigin>(),
    /** A cap, in credits, on what the agent's runs may spend in a billing period; none when null. */
    monthlyBudget: bigint('monthly_budget', { mode: 'number' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The Orchestrator and users name agents; two agents of one workspace never share a name.
    uniqueIndex('agents_workspace_name_unique').on(table.workspaceId, sql`lower(${table.name})`),
    index('agents_workspace_created').on(table.workspaceId, table.createdAt),
    index('agents_workspace_origin_agent').on(table.workspaceId, sql`(${table.origin}->>'agentId')`),
    workspacePolicy('agents'),
  ],
);

/** Every version of every agent, immutable once written. */
export const agentVersions = pgTable(
  'agent_versions',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    spec: jsonb('spec').$type<AgentSpec>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.agentId, table.version] }), workspacePolicy('agent_versions')],
);

export type RunStatus = 'queued' | 'running' | 'waiting' | 'succeeded' | 'failed' | 'cancelled';
export type RunTrigger = 'manual' | 'orchestrator' | 'schedule' | 'webhook' | 'chain' | 'agent';
export type StepStatus = 'running' | 'waiting' | 'succeeded' | 'failed' | 'skipped';

/** Tokens counted against a step or a run. */
export interface StoredUsage {
  inputTokens: number;
  outputTokens: number;
}

/** A run's or step's error (its codes are a closed set: domain/run-errors.ts). */
export type StoredError = RunError;

export const runs = pgTable(
  'runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    agentVersion: integer('agent_version').notNull(),
    status: text('status').$type<RunStatus>().notNull().default('queued'),
    trigger: text('trigger').$type<RunTrigger>().notNull().default('manual'),
    input: jsonb('input').$type<Record<string, unknown>>().notNull().default({}),
    output: jsonb('output'),
    error: jsonb('error').$type<StoredError>(),
    parentRunId: uuid('parent_run_id'),
    // For a run started by agent.call: the ids of the agents above it (cycles and depth are
    // checked against it) and the key of the call, so a replayed call finds its run again.
    callChain: jsonb('call_chain').$type<string[]>(),
    callKey: text('call_key'),
    usage: jsonb('usage').$type<StoredUsage>(),
    /** The workroom the agent was in when the run was admitted (kept if the agent moves). */
    workroomId: uuid('workroom_id').references(() => workrooms.id, { onDelete: 'set null' }),
    /**
     * How many times the run was retried. Queue jobs and side-effect keys carry it, so a job or
     * a key of an earlier try never acts on, or is mistaken for, this one.
     */
    retryCount: integer('retry_count').notNull().default(0),
    /** For a run started by a chain: which chain, and how many chained runs came before it. */
    chainId: uuid('chain_id'),
    chainDepth: integer('chain_depth').notNull().default(0),
    /** For a run a schedule fired: the occurrence it is for (at most one run per occurrence). */
    scheduledFor: timestamp('scheduled_for', { withTimezone: true, precision: 3 }),
    /** Set while the run waits (status waiting): when a worker picks it up again. */
    resumeAt: timestamp('resume_at', { withTimezone: true }),
    /**
     * Set while a queued run is parked: its workspace ran as many runs as its plan allows at once
     * when its job came, so it waits without a job until one of them ends (decision 0038).
     */
    parkedAt: timestamp('parked_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    cancelRequestedAt: timestamp('cancel_requested_at', { withTimezone: true }),
    // Set anew each time a worker claims the run; checkpoints are written only under the current
    // lease, so a worker presumed dead that wakes up cannot overwrite its successor's work.
    lease: uuid('lease'),
  },
  (table) => [
    index('runs_workspace_created').on(table.workspaceId, table.createdAt),
    index('runs_agent_created').on(table.agentId, table.createdAt),
    uniqueIndex('runs_call_key_unique')
      .on(table.workspaceId, table.callKey)
      .where(sql`${table.callKey} is not null`),
    uniqueIndex('runs_schedule_occurrence_unique')
      .on(table.agentId, table.scheduledFor)
      .where(sql`${table.scheduledFor} is not null`),
    index('runs_parent').on(table.parentRunId).where(sql`${table.parentRunId} is not null`),
    index('runs_workroom_created')
      .on(table.workroomId, table.createdAt)
      .where(sql`${table.workroomId} is not null`),
    // Runs queued or running, by workspace: a workspace's share of the queue and its plan's limit
    // of runs at once are counted here, not over its whole history.
    index('runs_workspace_active')
      .on(table.workspaceId, table.status)
      .where(sql`${table.status} in ('queued', 'running')`),
    index('runs_workspace_parked')
      .on(table.workspaceId, table.createdAt)
      .where(sql`${table.status} = 'queued' and ${table.parkedAt} is not null`),
    workspacePolicy('runs'),
  ],
);

/** One row per step (and loop item) of a run: the checkpoint a resumed run starts from. */
export const runSteps = pgTable(
  'run_steps',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    stepId: text('step_id').notNull(),
    position: integer('position').notNull(),
    tool: text('tool').notNull(),
    status: text('status').$type<StepStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    input: jsonb('input'),
    output: jsonb('output'),
    error: jsonb('error').$type<StoredError>(),
    usage: jsonb('usage').$type<StoredUsage>(),
    // What a suspended step keeps until it runs again (a wait's end time).
    resumeState: jsonb('resume_state'),
    // How many times a worker stopped (died, was killed) while running this step: a run is
    // failed rather than resumed once it reaches ORCA_MAX_STEP_INTERRUPTIONS.
    interruptions: integer('interruptions').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.runId, table.stepId] }), workspacePolicy('run_steps')],
);

/** What a run did, in order: status changes, step starts and ends, log lines. */
export const runEvents = pgTable(
  'run_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'status' | 'step' | 'log'>().notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    // The event's place in its workspace's commit order, set when its transaction commits (null
    // until then, so only the writer ever sees it unset). Streams resume after a position, never
    // after an id: ids are taken at insert and commit out of order. See 0013_run_event_order.sql.
    streamPosition: bigint('stream_position', { mode: 'number' }),
  },
  (table) => [
    uniqueIndex('run_events_workspace_position_unique').on(table.workspaceId, table.streamPosition),
    index('run_events_run_position').on(table.runId, table.streamPosition),
    workspacePolicy('run_events'),
  ],
);

/** The last stream position given out in each workspace; its row lock orders event commits. */
export const runEventPositions = pgTable(
  'run_event_positions',
  {
    workspaceId: uuid('workspace_id')
      .primaryKey()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    lastPosition: bigint('last_position', { mode: 'number' }).notNull(),
  },
  () => [workspacePolicy('run_event_positions')],
);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Shared context (no agent: every agent of the workspace reads and writes it) and each agent's
 * private memory (agent set): keyed entries, searched by PostgreSQL full-text search.
 */
export const memoryEntries = pgTable(
  'memory_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    text: text('text').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    // Keys weigh more than text, so an entry named after the query ranks first. The parser reads
    // "clients/acme", "globex.example" or "jane@acme.com" as one token: keys are read with their
    // separators as spaces, and text both as it is and so, so that "acme" finds them.
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('english', regexp_replace(key, '[/._:@]+', ' ', 'g')), 'A') || setweight(to_tsvector('english', text) || to_tsvector('english', regexp_replace(text, '[/._:@]+', ' ', 'g')), 'B')`,
    ),
    sourceRunId: uuid('source_run_id').references(() => runs.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    // Counts writes, so an edit made from a stale copy is refused; who wrote last (null: a run).
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    uniqueIndex('memory_shared_key_unique')
      .on(table.workspaceId, table.key)
      .where(sql`${table.agentId} is null`),
    uniqueIndex('memory_agent_key_unique')
      .on(table.agentId, table.key)
      .where(sql`${table.agentId} is not null`),
    index('memory_search').using('gin', table.search),
    index('memory_workspace_updated').on(table.workspaceId, table.updatedAt),
    workspacePolicy('memory_entries'),
  ],
);

/** Files runs produced (and users uploaded), kept as the workspace's deliverables. */
export const deliverables = pgTable(
  'deliverables',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'set null' }),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    /** The workroom of the run that saved it (or chosen at upload). */
    workroomId: uuid('workroom_id').references(() => workrooms.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** Where the content is in the file store, relative to its root. */
    storageKey: text('storage_key').notNull(),
    /** Identifies the save that made it, so a replayed save returns this file. */
    saveKey: text('save_key'),
    /** Its versions' shared key: workroom, agent and lower-cased name (domain/deliverable-family.ts). */
    family: text('family').notNull(),
    /** 1 for the first file of its family, one more for each later save or upload. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('deliverables_save_key_unique')
      .on(table.workspaceId, table.saveKey)
      .where(sql`${table.saveKey} is not null`),
    index('deliverables_workspace_created').on(table.workspaceId, table.createdAt),
    index('deliverables_workspace_name').on(table.workspaceId, sql`lower(${table.name})`),
    index('deliverables_workroom_created')
      .on(table.workroomId, table.createdAt)
      .where(sql`${table.workroomId} is not null`),
    uniqueIndex('deliverables_family_version_unique').on(table.workspaceId, table.family, table.version),
    workspacePolicy('deliverables'),
  ],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * How a workspace brands what it delivers (letterhead, accent colour, fonts, contact block,
 * footer): its settings as JSON, and the letterhead image inline (small, and carried whole by a
 * workspace bundle).
 */
export const exportProfiles = pgTable(
  'export_profiles',
  {
    workspaceId: uuid('workspace_id')
      .primaryKey()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    letterheadContentType: text('letterhead_content_type'),
    letterhead: bytea('letterhead'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [workspacePolicy('export_profiles')],
);

/** The secret each workspace signs its outgoing webhooks with (receivers verify with it). */
export const webhookSigningSecrets = pgTable(
  'webhook_signing_secrets',
  {
    workspaceId: uuid('workspace_id')
      .primaryKey()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /**
     * Only in databases from before secrets were sealed: the secret in clear, which the first
     * start with a master key seals into `sealedSecret` and empties (src/vault/webhook-signing-secret.ts).
     */
    secret: text('secret'),
    /** The secret, sealed by the vault with the workspace's data key. */
    sealedSecret: text('sealed_secret'),
    createdAt: createdAt(),
  },
  () => [workspacePolicy('webhook_signing_secrets')],
);

/** A chat with the Orchestrator, per workspace and person. */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    /** What the conversation remembers between messages (decision 0015): agents, an open question. */
    state: jsonb('state').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index('conversations_workspace_created').on(table.workspaceId, table.createdAt),
    workspacePolicy('conversations'),
  ],
);

export const conversationMessages = pgTable(
  'conversation_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    role: text('role').$type<'user' | 'assistant'>().notNull(),
    text: text('text').notNull(),
    planId: uuid('plan_id'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index('conversation_messages_conversation').on(table.conversationId, table.id),
    workspacePolicy('conversation_messages'),
  ],
);

/** A plan the Orchestrator proposed: reviewed, then applied (with its undo) or rejected. */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    status: text('status').$type<PlanStatus>().notNull(),
    summary: text('summary').notNull(),
    questions: jsonb('questions').$type<PlanQuestion[]>().notNull().default([]),
    operations: jsonb('operations').$type<PlanOperation[]>().notNull().default([]),
    /** What the planner needs to finish the plan once its questions are answered. */
    draft: jsonb('draft').$type<Record<string, unknown>>(),
    /** How to put the workspace back as it was, written when the plan is applied. */
    undo: jsonb('undo').$type<Record<string, unknown>[]>(),
    results: jsonb('results').$type<Record<string, unknown>[]>(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    appliedBy: uuid('applied_by').references(() => users.id, { onDelete: 'set null' }),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (table) => [
    index('plans_workspace_created').on(table.workspaceId, table.createdAt),
    workspacePolicy('plans'),
  ],
);

/** Suggestions a person dismissed, so the Orchestrator does not make them again. */
export const suggestionDismissals = pgTable(
  'suggestion_dismissals',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    suggestionId: text('suggestion_id').notNull(),
    dismissedBy: uuid('dismissed_by').references(() => users.id, { onDelete: 'set null' }),
    dismissedAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.suggestionId] }),
    workspacePolicy('suggestion_dismissals'),
  ],
);

/**
 * Which suggestions each person has been shown, so the Orchestrator raises a piece of advice once
 * ("Since you were last here: …"), not on every visit.
 */
export const suggestionViews = pgTable(
  'suggestion_views',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    suggestionId: text('suggestion_id').notNull(),
    seenAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.userId, table.suggestionId] }),
    workspacePolicy('suggestion_views'),
  ],
);

/** Each workspace's data key, wrapped by the master key (envelope encryption). */
export const workspaceKeys = pgTable(
  'workspace_keys',
  {
    workspaceId: uuid('workspace_id')
      .primaryKey()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    wrappedKey: text('wrapped_key').notNull(),
    /** Which master key wrapped it (a fingerprint, never the key). */
    masterKeyId: text('master_key_id').notNull(),
    createdAt: createdAt(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
  },
  () => [workspacePolicy('workspace_keys')],
);

export type ConnectionKind = 'api_key' | 'login' | 'oauth2';

/** Accounts a workspace connected: what agents sign in or authenticate with. */
export const connections = pgTable(
  'connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    service: text('service').notNull(),
    label: text('label').notNull().default(''),
    kind: text('kind').$type<ConnectionKind>().notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    /** What is not secret: user name, header name, the hosts the credential may go to. */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    /** The secret fields, sealed with the workspace's data key. */
    sealedSecret: text('sealed_secret').notNull(),
    status: text('status').$type<'untested' | 'working' | 'failing'>().notNull().default('untested'),
    statusMessage: text('status_message'),
    lastTestedAt: timestamp('last_tested_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('connections_service_label_unique').on(
      table.workspaceId,
      table.service,
      sql`lower(${table.label})`,
    ),
    uniqueIndex('connections_default_unique')
      .on(table.workspaceId, table.service)
      .where(sql`${table.isDefault}`),
    workspacePolicy('connections'),
  ],
);

export type MissedFiringPolicy = 'skip' | 'run_once';

/**
 * One schedule per agent: a cron in a time zone. `next_fire_at` is the next occurrence; a worker
 * fires it by moving it forward with a compare-and-set, so however many workers look, each
 * occurrence is fired once.
 */
export const schedules = pgTable(
  'schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    cron: text('cron').notNull(),
    timezone: text('timezone').notNull(),
    /** The words the user gave, when the schedule was given in words. */
    text: text('text'),
    input: jsonb('input').$type<Record<string, unknown>>().notNull().default({}),
    enabled: boolean('enabled').notNull().default(true),
    missed: text('missed').$type<MissedFiringPolicy>().notNull().default('skip'),
    nextFireAt: timestamp('next_fire_at', { withTimezone: true, precision: 3 }),
    lastFiredAt: timestamp('last_fired_at', { withTimezone: true, precision: 3 }),
    lastRunId: uuid('last_run_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('schedules_agent_unique').on(table.agentId),
    index('schedules_due').on(table.nextFireAt).where(sql`${table.enabled}`),
    workspacePolicy('schedules'),
  ],
);

/**
 * A run asked for once, at one time ("next Tuesday at 3pm"): kept apart from the agent's cron
 * schedule, which it neither replaces nor changes. `fired_at` is set in the transaction that
 * starts its run, so it fires once however many workers look and whenever Orca restarts.
 */
export const oneOffRuns = pgTable(
  'one_off_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    runAt: timestamp('run_at', { withTimezone: true, precision: 3 }).notNull(),
    /** The zone the time was asked in: it is shown back in that zone. */
    timezone: text('timezone').notNull(),
    input: jsonb('input').$type<Record<string, unknown>>().notNull().default({}),
    firedAt: timestamp('fired_at', { withTimezone: true, precision: 3 }),
    runId: uuid('run_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [
    index('one_off_runs_agent').on(table.agentId, table.runAt),
    index('one_off_runs_due').on(table.runAt).where(sql`${table.firedAt} is null`),
    workspacePolicy('one_off_runs'),
  ],
);

export type ChainCondition = 'success' | 'failure' | 'always';

/** When one agent's run ends (as `on` says), start another with an input mapped from its output. */
export const chains = pgTable(
  'chains',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    fromAgentId: uuid('from_agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    toAgentId: uuid('to_agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    on: text('on').$type<ChainCondition>().notNull().default('success'),
    /** JSONata over { output, input, run }; the whole output is the input when absent. */
    mapping: text('mapping'),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('chains_pair_unique').on(table.fromAgentId, table.toAgentId),
    index('chains_from').on(table.fromAgentId),
    workspacePolicy('chains'),
  ],
);

/**
 * Inbound webhook triggers: a secret URL per trigger (only its hash is kept, like API tokens),
 * an optional HMAC signing secret (sealed by the vault), a body mapping and a rate limit counted
 * in the database, so every API process shares it.
 */
export const hooks = pgTable(
  'hooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    name: text('name').notNull().default(''),
    tokenHash: text('token_hash').notNull(),
    /** The first characters of the URL's secret, so a user can tell hooks apart. */
    tokenPrefix: text('token_prefix').notNull(),
    sealedSigningSecret: text('sealed_signing_secret'),
    /** JSONata over { body, headers, query }; the body is the input when absent. */
    mapping: text('mapping'),
    respond: text('respond').$type<'accepted' | 'result'>().notNull().default('accepted'),
    waitTimeoutMs: integer('wait_timeout_ms').notNull().default(30_000),
    ratePerMinute: integer('rate_per_minute').notNull().default(60),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }),
    windowCount: integer('window_count').notNull().default(0),
    /** Calls refused for a bad signature, counted apart so that they never use up the rate above. */
    rejectedWindowStartedAt: timestamp('rejected_window_started_at', { withTimezone: true }),
    rejectedWindowCount: integer('rejected_window_count').notNull().default(0),
    enabled: boolean('enabled').notNull().default(true),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('hooks_token_hash_unique').on(table.tokenHash),
    index('hooks_agent').on(table.agentId),
    workspacePolicy('hooks'),
  ],
);

/**
 * What a hook has already been called with: each signed call's (timestamp, body) while its
 * signature could still be accepted, so that a replay is refused; and each Idempotency-Key a
 * sender gave, for a day, so that a retry answers with the run the first call started.
 */
export const hookCallKeys = pgTable(
  'hook_call_keys',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    hookId: uuid('hook_id')
      .notNull()
      .references(() => hooks.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'signature' | 'idempotency_key'>().notNull(),
    /** SHA-256 of what identifies the call: the signed timestamp and body, or the sender's key. */
    keyHash: text('key_hash').notNull(),
    /** SHA-256 of the body, so that a key reused for a different body is refused. */
    bodyHash: text('body_hash').notNull(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.hookId, table.kind, table.keyHash] }),
    index('hook_call_keys_expiry').on(table.hookId, table.expiresAt),
    workspacePolicy('hook_call_keys'),
  ],
);

/**
 * The recent calls of each hook, for its builders to see what came in: when, what became of it
 * (a reason from a closed set, never the call's body or headers) and the run it started. Only
 * the newest few per hook are kept (hook-call-repository.ts), so a flood cannot fill the disk.
 */
export const hookCalls = pgTable(
  'hook_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    hookId: uuid('hook_id')
      .notNull()
      .references(() => hooks.id, { onDelete: 'cascade' }),
    calledAt: timestamp('called_at', { precision: 3, withTimezone: true }).notNull().defaultNow(),
    outcome: text('outcome').$type<HookCallOutcome>().notNull(),
    refusal: text('refusal').$type<HookCallRefusal>(),
    /** The HTTP status the caller was answered with. */
    status: integer('status').notNull(),
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'set null' }),
  },
  (table) => [index('hook_calls_recent').on(table.hookId, table.calledAt), workspacePolicy('hook_calls')],
);

/** A workspace's credits: the running total of its ledger, and the billing period it is in. */
export const creditBalances = pgTable(
  'credit_balances',
  {
    workspaceId: uuid('workspace_id')
      .primaryKey()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    plan: text('plan').notNull(),
    balance: bigint('balance', { mode: 'number' }).notNull(),
    /** Held by runs not yet settled (already taken off the balance). */
    reserved: bigint('reserved', { mode: 'number' }).notNull().default(0),
    periodAllowance: bigint('period_allowance', { mode: 'number' }).notNull().default(0),
    /** What is left of this period's allowance; it expires when the period ends. */
    allowanceLeft: bigint('allowance_left', { mode: 'number' }).notNull().default(0),
    periodStartedAt: timestamp('period_started_at', { withTimezone: true, precision: 3 }).notNull(),
    periodEndsAt: timestamp('period_ends_at', { withTimezone: true, precision: 3 }).notNull(),
    /** The position of the last ledger entry: entries are numbered under this row's lock. */
    lastPosition: bigint('last_position', { mode: 'number' }).notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [workspacePolicy('credit_balances')],
);

export type CreditEntryKind =
  | 'grant'
  | 'allowance'
  | 'expiry'
  | 'topup'
  | 'reservation'
  | 'consumption'
  | 'release'
  | 'refund'
  | 'adjustment';

/** Every movement of a workspace's credits; they sum to its balance. */
export const creditEntries = pgTable(
  'credit_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    position: bigint('position', { mode: 'number' }).notNull(),
    kind: text('kind').$type<CreditEntryKind>().notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    balanceAfter: bigint('balance_after', { mode: 'number' }).notNull(),
    runId: uuid('run_id'),
    agentId: uuid('agent_id'),
    workroomId: uuid('workroom_id'),
    actorUserId: uuid('actor_user_id'),
    reason: text('reason').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('credit_entries_workspace_position_unique').on(table.workspaceId, table.position),
    index('credit_entries_workspace_created').on(table.workspaceId, table.createdAt),
    index('credit_entries_agent_created')
      .on(table.agentId, table.createdAt)
      .where(sql`${table.agentId} is not null`),
    index('credit_entries_workroom_created')
      .on(table.workroomId, table.createdAt)
      .where(sql`${table.workroomId} is not null`),
    index('credit_entries_run').on(table.runId).where(sql`${table.runId} is not null`),
    workspacePolicy('credit_entries'),
  ],
);

/** One priced line of a run's cost. */
export interface ChargeItem {
  stepId: string;
  tool: string;
  credits: number;
  reason: string;
}

/** What a run was reserved at admission and charged when it ended (settled once). */
export const runCharges = pgTable(
  'run_charges',
  {
    runId: uuid('run_id').primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id').notNull(),
    workroomId: uuid('workroom_id'),
    reserved: bigint('reserved', { mode: 'number' }).notNull(),
    charged: bigint('charged', { mode: 'number' }),
    items: jsonb('items').$type<ChargeItem[]>().notNull().default([]),
    reservedAt: timestamp('reserved_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    settledAt: timestamp('settled_at', { withTimezone: true, precision: 3 }),
  },
  () => [workspacePolicy('run_charges')],
);

/** The plans and prices in force, published by each process at boot (one row). */
export const creditSettings = pgTable('credit_settings', {
  id: integer('id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An agent's writing samples: pasted or uploaded text, deliverables, and corrected outputs. */
export const styleSamples = pgTable(
  'style_samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    source: text('source').$type<StyleSampleSource>().notNull(),
    name: text('name').notNull().default(''),
    text: text('text').notNull(),
    /** For a correction: the output as the agent wrote it (the sample's text is the user's version). */
    original: text('original'),
    deliverableId: uuid('deliverable_id').references(() => deliverables.id, { onDelete: 'set null' }),
    runId: uuid('run_id').references(() => runs.id, { onDelete: 'set null' }),
    stepId: text('step_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index('style_samples_agent_created').on(table.agentId, table.createdAt),
    workspacePolicy('style_samples'),
  ],
);

/** What style memory learned of an agent's voice, and what the user set by hand (pinned). */
export const styleProfiles = pgTable(
  'style_profiles',
  {
    agentId: uuid('agent_id')
      .primaryKey()
      .references(() => agents.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    measured: jsonb('measured').$type<MeasuredStyle>(),
    description: text('description').notNull().default(''),
    tone: text('tone').notNull().default(''),
    rules: jsonb('rules').$type<string[]>().notNull().default([]),
    useWords: jsonb('use_words').$type<string[]>().notNull().default([]),
    avoidWords: jsonb('avoid_words').$type<string[]>().notNull().default([]),
    pinned: jsonb('pinned').$type<StyleField[]>().notNull().default([]),
    /** The model that wrote the description, such as openai:gpt-4o-mini. */
    derivedBy: text('derived_by'),
    derivedAt: timestamp('derived_at', { withTimezone: true }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [workspacePolicy('style_profiles')],
);

/**
 * Idempotency-Keys of API requests (api/idempotency.ts): the first answer to a key, replayed to a
 * retry with the same key and request for a day. A key belongs to a scope (the workspace, or the
 * account for requests outside any) and a principal (the user's sessions, or one API token), so
 * one caller's key never answers another's. Rows outside a workspace are the account's own.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The workspace id, or "account": part of the unique key, which NULLs cannot be. */
    scope: text('scope').notNull(),
    /** `user:<id>` for sessions, `token:<id>` for an API token. */
    principal: text('principal').notNull(),
    /** The route answered, as `POST /api/workspaces/:ws/agents`. */
    route: text('route').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the request (path parameters, query, body), so that reuse for another is refused. */
    requestHash: text('request_hash').notNull(),
    state: text('state').$type<'started' | 'finished'>().notNull(),
    responseStatus: integer('response_status'),
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    responseBody: text('response_body'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('idempotency_keys_claim').on(table.scope, table.principal, table.route, table.key),
    index('idempotency_keys_expiry').on(table.expiresAt),
    workspacePolicy('idempotency_keys'),
    pgPolicy('idempotency_keys_of_current_user', {
      to: applicationRole,
      for: 'all',
      using: sql`workspace_id is null and user_id = ${currentUser}`,
      withCheck: sql`workspace_id is null and user_id = ${currentUser}`,
    }),
  ],
);
