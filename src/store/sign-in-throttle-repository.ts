// The counters behind sign-in throttling and the sign-up rate limit, kept in the database so that
// every API process (several `orca serve` on one PostgreSQL) shares them. System scope only.
import { eq, sql } from 'drizzle-orm';
import { type CounterState, secondsUntilAllowed, signInThrottle } from '../domain/sign-in-throttle.ts';
import { knownSignInAddresses, loginAttempts, signUpAttempts } from './schema.ts';
import type { SystemScope } from './store.ts';

export type Reservation =
  | { allowed: false; retryAfterSeconds: number }
  | { allowed: true; attemptId: number };

interface CounterRow extends Record<string, unknown> {
  now_ms: number;
  known: boolean;
  pair_failures: number;
  pair_latest_ms: number | null;
  address_failures: number;
  address_latest_ms: number | null;
  account_failures: number;
  account_latest_ms: number | null;
}

function state(failures: number, latestMs: number | null): CounterState {
  return {
    failures: Number(failures),
    latestFailureAt: latestMs === null ? null : new Date(Number(latestMs)),
  };
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Serialises concurrent attempts on one key, so parallel guesses cannot all slip through. */
async function lock(scope: SystemScope, key: string) {
  await scope.db.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/**
 * Checks the three sign-in counters and, when none asks to wait, records this attempt as a failure
 * before the password is checked (the caller marks it succeeded afterwards), so an attempt in
 * flight counts at once. Run inside a transaction (Store.systemTransaction).
 */
export async function reserveSignInAttempt(
  scope: SystemScope,
  attempt: { email: string; address: string },
): Promise<Reservation> {
  const { email, address } = attempt;
  await lock(scope, `login-address:${address}`);
  await lock(scope, `login-email:${email}`);
  const window = sql`now() - make_interval(hours => ${signInThrottle.windowHours}::int)`;
  const pair = sql`recent.email = ${email} and recent.address = ${address}`;
  // A success resets the account-and-address counter only: spraying from one address, or guessing
  // one account from many, is not forgiven because someone signed in meanwhile.
  const result = await scope.db.execute(sql`
    with recent as (
      select email, address, succeeded, attempted_at from ${loginAttempts}
      where attempted_at > ${window} and (email = ${email} or address = ${address})
    ), pair_reset as (
      select coalesce(max(attempted_at), '-infinity'::timestamptz) as at
      from recent where ${pair} and succeeded
    ), counted as (
      select recent.*, (${pair} and not recent.succeeded and recent.attempted_at > pair_reset.at) as pair_failure
      from recent cross join pair_reset
    )
    select
      (extract(epoch from now()) * 1000)::float8 as now_ms,
      exists (
        select 1 from ${knownSignInAddresses} known join users on users.id = known.user_id
        where users.email = ${email} and known.address = ${address}
      ) as known,
      count(*) filter (where pair_failure)::int as pair_failures,
      (extract(epoch from max(attempted_at) filter (where pair_failure)) * 1000)::float8 as pair_latest_ms,
      count(*) filter (where address = ${address} and not succeeded)::int as address_failures,
      (extract(epoch from max(attempted_at) filter (where address = ${address} and not succeeded)) * 1000)::float8
        as address_latest_ms,
      count(*) filter (where email = ${email} and not succeeded)::int as account_failures,
      (extract(epoch from max(attempted_at) filter (where email = ${email} and not succeeded)) * 1000)::float8
        as account_latest_ms
    from counted
  `);
  const [row] = rowsOf<CounterRow>(result);
  if (!row) throw new Error('the sign-in counter query returned no row');
  const now = new Date(Number(row.now_ms));
  const waits = [
    secondsUntilAllowed(state(row.pair_failures, row.pair_latest_ms), signInThrottle.accountAndAddress, now),
  ];
  if (!row.known) {
    waits.push(
      secondsUntilAllowed(state(row.address_failures, row.address_latest_ms), signInThrottle.address, now),
      secondsUntilAllowed(state(row.account_failures, row.account_latest_ms), signInThrottle.account, now),
    );
  }
  const retryAfterSeconds = Math.max(...waits);
  if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds };
  const [inserted] = await scope.db
    .insert(loginAttempts)
    .values({ email, address, succeeded: false })
    .returning({ id: loginAttempts.id });
  if (!inserted) throw new Error('insert into login_attempts returned no row');
  return { allowed: true, attemptId: inserted.id };
}

export async function markSignInAttemptSucceeded(scope: SystemScope, attemptId: number) {
  await scope.db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
}

/** Remembers that the account signed in (or signed up) from this address. */
export async function rememberSignInAddress(scope: SystemScope, userId: string, address: string) {
  await scope.db
    .insert(knownSignInAddresses)
    .values({ userId, address })
    .onConflictDoUpdate({
      target: [knownSignInAddresses.userId, knownSignInAddresses.address],
      set: { lastSignedInAt: sql`now()` },
    });
}

/**
 * Counts the address's sign-ups in the last `windowMinutes` and records this one when under
 * `limit`. Run inside a transaction.
 */
export async function reserveSignUpAttempt(
  scope: SystemScope,
  attempt: { address: string; limit: number; windowMinutes: number },
): Promise<Reservation> {
  const { address, limit, windowMinutes } = attempt;
  await lock(scope, `signup-address:${address}`);
  const result = await scope.db.execute(sql`
    select count(*)::int as attempts,
      (extract(epoch from (min(attempted_at) + make_interval(mins => ${windowMinutes}::int) - now())))::float8
        as seconds_left
    from ${signUpAttempts}
    where address = ${address} and attempted_at > now() - make_interval(mins => ${windowMinutes}::int)
  `);
  const [row] = rowsOf<{ attempts: number; seconds_left: number | null }>(result);
  if (row && Number(row.attempts) >= limit) {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Number(row.seconds_left ?? 1))) };
  }
  const [inserted] = await scope.db
    .insert(signUpAttempts)
    .values({ address })
    .returning({ id: signUpAttempts.id });
  if (!inserted) throw new Error('insert into sign_up_attempts returned no row');
  return { allowed: true, attemptId: inserted.id };
}

/** Forgets attempts past every window and addresses unused for half a year. */
export async function pruneThrottleRecords(scope: SystemScope) {
  await scope.db.delete(loginAttempts).where(sql`${loginAttempts.attemptedAt} < now() - interval '2 days'`);
  await scope.db.delete(signUpAttempts).where(sql`${signUpAttempts.attemptedAt} < now() - interval '2 days'`);
  await scope.db
    .delete(knownSignInAddresses)
    .where(sql`${knownSignInAddresses.lastSignedInAt} < now() - interval '180 days'`);
}
