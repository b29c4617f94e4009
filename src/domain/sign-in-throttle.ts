// How failed sign-ins slow further attempts down (docs/decisions/0011-sign-in-throttling.md).
// Nothing locks: each counter allows a few free failures, then makes the next attempt wait a delay
// that doubles with every further failure, up to a cap. The counters:
// - per account and client address: guessing one account from one place;
// - per client address: one place trying many accounts (password spraying);
// - per account: many places guessing one account (a distributed attack).
// The last two do not apply at an address the account has signed in from before, so a stranger
// cannot slow its owner down there; only the first does, and only a stranger at the same address
// moves it.

export interface ThrottleCounter {
  /** Failures allowed before any delay. */
  freeFailures: number;
}

export const signInThrottle = {
  /** Failures older than this are forgotten. */
  windowHours: 24,
  accountAndAddress: { freeFailures: 5 },
  address: { freeFailures: 20 },
  account: { freeFailures: 10 },
  firstDelaySeconds: 1,
  maximumDelaySeconds: 15 * 60,
} as const;

/** The wait, in seconds, that `failures` recent failures on one counter impose after the latest. */
export function throttleDelaySeconds(failures: number, counter: ThrottleCounter): number {
  if (failures < counter.freeFailures) return 0;
  const doublings = failures - counter.freeFailures;
  // Past 2^20 the cap has long been reached; stopping there keeps the power finite.
  const delay = signInThrottle.firstDelaySeconds * 2 ** Math.min(doublings, 20);
  return Math.min(delay, signInThrottle.maximumDelaySeconds);
}

export interface CounterState {
  failures: number;
  latestFailureAt: Date | null;
}

/** Seconds until `counter` allows another attempt (0: allowed now). */
export function secondsUntilAllowed(state: CounterState, counter: ThrottleCounter, now: Date): number {
  if (!state.latestFailureAt) return 0;
  const allowedAt = state.latestFailureAt.getTime() + throttleDelaySeconds(state.failures, counter) * 1000;
  return Math.max(0, Math.ceil((allowedAt - now.getTime()) / 1000));
}
