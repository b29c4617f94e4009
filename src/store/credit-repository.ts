// A workspace's credits: the balance row and the ledger behind it. Every movement goes through a
// `Ledger`, which holds the balance row locked (SELECT … FOR UPDATE) until its transaction ends,
// numbers its entries under that lock and writes the new balance with them, so the entries always
// sum to the balance and two transactions never both spend the same last credits.
import { and, eq, gte, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import {
  type CreditSettings,
  defaultCreditSettings,
  type Plan,
  periodEndAfter,
  planNamed,
} from '../domain/credits.ts';
import { isUuid } from '../domain/slug.ts';
import {
  agents,
  type ChargeItem,
  type CreditEntryKind,
  creditBalances,
  creditEntries,
  creditSettings,
  runCharges,
  workrooms,
} from './schema.ts';
import type { SystemScope, WorkspaceScope } from './store.ts';

export type CreditEntryRecord = typeof creditEntries.$inferSelect;
export type RunChargeRecord = typeof runCharges.$inferSelect;

export interface NewCreditEntry {
  kind: CreditEntryKind;
  amount: number;
  reason: string;
  runId?: string | null;
  agentId?: string | null;
  workroomId?: string | null;
  actorUserId?: string | null;
  details?: Record<string, unknown>;
}

/** Publishes the plans and prices this process was configured with (every process, at boot). */
export async function publishCreditSettings(scope: SystemScope, settings: CreditSettings) {
  await scope.db
    .insert(creditSettings)
    .values({ id: 1, settings: settings as unknown as Record<string, unknown> })
    .onConflictDoUpdate({
      target: creditSettings.id,
      set: { settings: settings as unknown as Record<string, unknown>, updatedAt: new Date() },
    });
}

interface BalanceRow {
  plan: string;
  balance: number;
  reserved: number;
  periodAllowance: number;
  allowanceLeft: number;
  periodStartedAt: Date;
  periodEndsAt: Date;
  lastPosition: number;
}

/** Whether an entry takes credits (its allowance share is spent first). */
const debits = (amount: number) => amount < 0;

/** The balance row of one workspace, locked, with the entries and reservations to write with it. */
export class Ledger {
  readonly #scope: WorkspaceScope;
  readonly #row: BalanceRow;
  readonly #entries: (typeof creditEntries.$inferInsert)[] = [];
  readonly #charges: (typeof runCharges.$inferInsert)[] = [];
  readonly settings: CreditSettings;
  readonly now: Date;

  constructor(scope: WorkspaceScope, row: BalanceRow, settings: CreditSettings, now: Date) {
    this.#scope = scope;
    this.#row = row;
    this.settings = settings;
    this.now = now;
  }

  get balance() {
    return this.#row.balance;
  }
  get reserved() {
    return this.#row.reserved;
  }
  get plan(): Plan {
    return planNamed(this.settings, this.#row.plan);
  }
  get period() {
    const { periodStartedAt, periodEndsAt, periodAllowance, allowanceLeft } = this.#row;
    return { startedAt: periodStartedAt, endsAt: periodEndsAt, allowance: periodAllowance, allowanceLeft };
  }

  /** Adds an entry: the balance moves by its amount, and the allowance is spent before the rest. */
  append(entry: NewCreditEntry) {
    const row = this.#row;
    row.balance += entry.amount;
    row.lastPosition += 1;
    if (debits(entry.amount)) row.allowanceLeft = Math.max(0, row.allowanceLeft + entry.amount);
    else if (entry.kind === 'release' || entry.kind === 'refund') {
      row.allowanceLeft = Math.min(row.periodAllowance, row.allowanceLeft + entry.amount);
    }
    this.#entries.push({
      workspaceId: this.#scope.workspaceId,
      position: row.lastPosition,
      kind: entry.kind,
      amount: entry.amount,
      balanceAfter: row.balance,
      runId: entry.runId ?? null,
      agentId: entry.agentId ?? null,
      workroomId: entry.workroomId ?? null,
      actorUserId: entry.actorUserId ?? null,
      reason: entry.reason,
      details: entry.details ?? {},
      createdAt: this.now,
    });
  }

  /** Holds credits for a run that was just admitted; settled when it ends. */
  reserveRun(
    run: { runId: string; agentId: string; workroomId: string | null; amount: number },
    /** The run has a charge already (a retry): the caller reopens it rather than adding one. */
    options: { reopen?: boolean } = {},
  ) {
    this.append({
      kind: 'reservation',
      amount: -run.amount,
      runId: run.runId,
      agentId: run.agentId,
      workroomId: run.workroomId,
      reason: 'Reserved for the run (its estimate)',
    });
    this.#row.reserved += run.amount;
    if (options.reopen) return;
    this.#charges.push({
      runId: run.runId,
      workspaceId: this.#scope.workspaceId,
      agentId: run.agentId,
      workroomId: run.workroomId,
      reserved: run.amount,
      reservedAt: this.now,
    });
  }

  /** Gives back what a settled run had reserved. */
  releaseReservation(amount: number) {
    this.#row.reserved -= amount;
  }

  /**
   * Moves the period on when it has ended: what is left of the last allowance expires (an entry),
   * and the plan's allowance for the new period is granted (another).
   */
  rollPeriod() {
    const row = this.#row;
    if (row.periodEndsAt.getTime() > this.now.getTime()) return false;
    const expiring = Math.min(row.allowanceLeft, Math.max(0, row.balance));
    if (expiring > 0) {
      this.append({
        kind: 'expiry',
        amount: -expiring,
        reason: `Unused allowance of the period ${row.periodStartedAt.toISOString().slice(0, 10)} – ${row.periodEndsAt.toISOString().slice(0, 10)} expired`,
      });
    }
    let start = row.periodEndsAt;
    let end = periodEndAfter(start);
    while (end.getTime() <= this.now.getTime()) {
      start = end;
      end = periodEndAfter(start);
    }
    row.periodStartedAt = start;
    row.periodEndsAt = end;
    const allowance = this.plan.monthlyAllowance;
    row.periodAllowance = allowance;
    row.allowanceLeft = 0;
    if (allowance > 0) {
      this.append({
        kind: 'allowance',
        amount: allowance,
        reason: `Monthly allowance of the ${this.plan.name} plan`,
      });
      row.allowanceLeft = allowance;
    }
    return true;
  }

  changePlan(plan: string) {
    this.#row.plan = plan;
  }

  /**
   * Writes the entries, the reservations and the balance in one statement: the inserts ride on the
   * balance's update as \`with\` parts, a round trip or two less while the balance row is locked
   * (every start and settlement of the workspace waits for that lock).
   */
  async save() {
    const scope = this.#scope;
    const row = this.#row;
    const writes: SQL[] = [];
    if (this.#entries.length > 0) {
      writes.push(scope.db.insert(creditEntries).values(this.#entries.splice(0)).getSQL());
    }
    if (this.#charges.length > 0) {
      writes.push(scope.db.insert(runCharges).values(this.#charges.splice(0)).getSQL());
    }
    const update = scope.db
      .update(creditBalances)
      .set({
        plan: row.plan,
        balance: row.balance,
        reserved: row.reserved,
        periodAllowance: row.periodAllowance,
        allowanceLeft: row.allowanceLeft,
        periodStartedAt: row.periodStartedAt,
        periodEndsAt: row.periodEndsAt,
        lastPosition: row.lastPosition,
        updatedAt: this.now,
      })
      .where(eq(creditBalances.workspaceId, scope.workspaceId));
    if (writes.length === 0) {
      await update;
      return;
    }
    const parts = sql.join(
      writes.map((write, index) => sql`${sql.raw(`write_${index}`)} as (${write})`),
      sql`, `,
    );
    await scope.db.execute(sql`with ${parts} ${update.getSQL()}`);
  }
}

async function selectLocked(scope: WorkspaceScope) {
  return selectBalance(scope, { lock: true });
}

async function selectBalance(scope: WorkspaceScope, options: { lock: boolean }) {
  const result = await scope.db.execute(sql`
    select b.plan, b.balance, b.reserved, b.period_allowance as "periodAllowance",
           b.allowance_left as "allowanceLeft", b.period_started_at as "periodStartedAt",
           b.period_ends_at as "periodEndsAt", b.last_position as "lastPosition",
           (select s.settings from credit_settings s where s.id = 1) as settings
    from credit_balances b
    where b.workspace_id = ${scope.workspaceId}
    ${options.lock ? sql`for update of b` : sql``}`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows[0];
}

const asDate = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));
const asSettings = (value: unknown): CreditSettings =>
  value == null
    ? defaultCreditSettings
    : ((typeof value === 'string' ? JSON.parse(value) : value) as CreditSettings);

/**
 * Locks the workspace's balance row until the transaction ends and answers its ledger, with a
 * billing period that has ended already rolled on. A workspace's first look opens its balance on
 * the default plan, whose allowance is then granted as the first period begins.
 */
export async function openLedger(scope: WorkspaceScope, now = new Date()): Promise<Ledger> {
  let found = await selectLocked(scope);
  if (!found) {
    const settings = asSettings(
      (await scope.db.select({ settings: creditSettings.settings }).from(creditSettings))[0]?.settings,
    );
    // The period "ends" now, so the roll below grants the first allowance as an entry.
    await scope.db
      .insert(creditBalances)
      .values({
        workspaceId: scope.workspaceId,
        plan: settings.defaultPlan,
        balance: 0,
        periodStartedAt: now,
        periodEndsAt: now,
      })
      .onConflictDoNothing();
    found = await selectLocked(scope);
    if (!found) throw new Error('the credit balance just opened cannot be read back');
  }
  const ledger = ledgerOf(scope, found, now);
  if (ledger.rollPeriod()) await ledger.save();
  return ledger;
}

/**
 * The ledger to read (balances, budgets, the ledger's pages) without locking the balance row, so
 * reports never queue behind runs being admitted. Only a workspace whose balance is not open yet,
 * or whose period has ended, takes the lock: its first allowance or its roll is written then.
 */
export async function viewLedger(scope: WorkspaceScope, now = new Date()): Promise<Ledger> {
  const found = await selectBalance(scope, { lock: false });
  if (!found || asDate(found.periodEndsAt).getTime() <= now.getTime()) return openLedger(scope, now);
  return ledgerOf(scope, found, now);
}

function ledgerOf(scope: WorkspaceScope, found: Record<string, unknown>, now: Date) {
  return new Ledger(
    scope,
    {
      plan: String(found.plan),
      balance: Number(found.balance),
      reserved: Number(found.reserved),
      periodAllowance: Number(found.periodAllowance),
      allowanceLeft: Number(found.allowanceLeft),
      periodStartedAt: asDate(found.periodStartedAt),
      periodEndsAt: asDate(found.periodEndsAt),
      lastPosition: Number(found.lastPosition),
    },
    asSettings(found.settings),
    now,
  );
}

/** What the agent's or the workroom's runs have taken since `since` (reservations included). */
export async function spentSince(
  scope: WorkspaceScope,
  of: { agentId: string } | { workroomId: string },
  since: Date,
): Promise<number> {
  const [row] = await scope.db
    .select({ spent: sql<string>`coalesce(-sum(${creditEntries.amount}), 0)` })
    .from(creditEntries)
    .where(
      and(
        eq(creditEntries.workspaceId, scope.workspaceId),
        'agentId' in of ? eq(creditEntries.agentId, of.agentId) : eq(creditEntries.workroomId, of.workroomId),
        inArray(creditEntries.kind, ['reservation', 'consumption', 'release']),
        gte(creditEntries.createdAt, since),
      ),
    );
  return Number(row?.spent ?? 0);
}

export async function findWorkroomBudget(scope: WorkspaceScope, workroomId: string) {
  if (!isUuid(workroomId)) return undefined;
  const [row] = await scope.db
    .select({ id: workrooms.id, name: workrooms.name, monthlyBudget: workrooms.monthlyBudget })
    .from(workrooms)
    .where(and(eq(workrooms.workspaceId, scope.workspaceId), eq(workrooms.id, workroomId)));
  return row;
}

export async function setAgentBudget(scope: WorkspaceScope, agentId: string, budget: number | null) {
  if (!isUuid(agentId)) return undefined;
  const [row] = await scope.db
    .update(agents)
    .set({ monthlyBudget: budget })
    .where(and(eq(agents.workspaceId, scope.workspaceId), eq(agents.id, agentId)))
    .returning({ id: agents.id, name: agents.name, monthlyBudget: agents.monthlyBudget });
  return row;
}

export async function setWorkroomBudget(scope: WorkspaceScope, workroomId: string, budget: number | null) {
  if (!isUuid(workroomId)) return undefined;
  const [row] = await scope.db
    .update(workrooms)
    .set({ monthlyBudget: budget, updatedAt: new Date() })
    .where(and(eq(workrooms.workspaceId, scope.workspaceId), eq(workrooms.id, workroomId)))
    .returning({ id: workrooms.id, name: workrooms.name, monthlyBudget: workrooms.monthlyBudget });
  return row;
}

/**
 * Marks the run's open reservation settled with what it charged, and answers it; undefined when
 * it has none open (never reserved, or settled already by another ending of the same run).
 */
export async function closeRunCharge(
  scope: WorkspaceScope,
  runId: string,
  settlement: { at: Date; charged: number; items: ChargeItem[] },
) {
  const [row] = await scope.db
    .update(runCharges)
    .set({ settledAt: settlement.at, charged: settlement.charged, items: settlement.items })
    .where(
      and(
        eq(runCharges.workspaceId, scope.workspaceId),
        eq(runCharges.runId, runId),
        isNull(runCharges.settledAt),
      ),
    )
    .returning();
  return row;
}

export async function findRunCharge(scope: WorkspaceScope, runId: string) {
  if (!isUuid(runId)) return undefined;
  const [row] = await scope.db
    .select()
    .from(runCharges)
    .where(and(eq(runCharges.workspaceId, scope.workspaceId), eq(runCharges.runId, runId)));
  return row;
}

/** A retried run is reserved again; its settlement then charges only the steps run since. */
export async function reopenRunCharge(scope: WorkspaceScope, runId: string, reserved: number, now: Date) {
  await scope.db
    .update(runCharges)
    .set({ reserved, reservedAt: now, settledAt: null })
    .where(and(eq(runCharges.workspaceId, scope.workspaceId), eq(runCharges.runId, runId)));
}

/** Ledger entries newest first, before a position (the cursor of the previous page). */
export async function listCreditEntries(
  scope: WorkspaceScope,
  page: { limit: number; beforePosition?: number; runId?: string },
): Promise<CreditEntryRecord[]> {
  const conditions = [eq(creditEntries.workspaceId, scope.workspaceId)];
  if (page.beforePosition !== undefined)
    conditions.push(sql`${creditEntries.position} < ${page.beforePosition}`);
  if (page.runId) conditions.push(eq(creditEntries.runId, page.runId));
  return scope.db
    .select()
    .from(creditEntries)
    .where(and(...conditions))
    .orderBy(sql`${creditEntries.position} desc`)
    .limit(page.limit);
}

/** One entry of the workspace's ledger, by id. */
export async function findCreditEntry(
  scope: WorkspaceScope,
  id: string,
): Promise<CreditEntryRecord | undefined> {
  const [row] = await scope.db
    .select()
    .from(creditEntries)
    .where(and(eq(creditEntries.workspaceId, scope.workspaceId), eq(creditEntries.id, id)));
  return row;
}

/** The sum of every entry of the workspace (equal to its balance; checked by tests and benches). */
export async function sumOfEntries(scope: WorkspaceScope) {
  const [row] = await scope.db
    .select({ sum: sql<string>`coalesce(sum(${creditEntries.amount}), 0)` })
    .from(creditEntries)
    .where(eq(creditEntries.workspaceId, scope.workspaceId));
  return Number(row?.sum ?? 0);
}

/** The balance row as it is, without locking it or rolling its period (for reports). */
export async function readBalance(scope: WorkspaceScope) {
  const [row] = await scope.db
    .select()
    .from(creditBalances)
    .where(eq(creditBalances.workspaceId, scope.workspaceId));
  return row;
}

/** Credits consumed per agent and hour since `since` (the Orchestrator's under a null agent). */
export async function hourlySpending(scope: WorkspaceScope, since: Date) {
  const result = await scope.db.execute(sql`
    select agent_id as "agentId", date_trunc('hour', created_at) as hour,
           -sum(amount) as credits, count(distinct run_id) as runs
    from credit_entries
    where workspace_id = ${scope.workspaceId} and kind = 'consumption'
      and created_at >= ${since.toISOString()}::timestamptz
    group by 1, 2
    order by 2`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((row) => ({
    agentId: row.agentId === null ? null : String(row.agentId),
    hour: (row.hour instanceof Date ? row.hour : new Date(String(row.hour))).toISOString(),
    credits: Number(row.credits),
    runs: Number(row.runs),
  }));
}
