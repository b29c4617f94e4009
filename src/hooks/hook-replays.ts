// A hook call is taken once. A valid signature is good for one call: its timestamp and body are
// remembered while the signature could still be accepted, and the same pair again is refused
// (the header's other parts are not part of the key, so rewriting them does not make a replay
// new). A sender that retries names its call with an Idempotency-Key instead: the same key on the
// same hook within a day answers with the run the first call started, like Stripe's keys. Keys
// count only once a signature holds, and the header itself is not signed, so a key cannot turn
// a replay into a new call: the signature check above still refuses it.
import { createHash } from 'node:crypto';
import { conflict, OrcaError } from '../domain/errors.ts';
import type { HookCallKey } from '../store/hook-call-key-repository.ts';
import { signatureToleranceSeconds } from './hook-signature.ts';

export const idempotencyKeyHeader = 'Idempotency-Key';
export const idempotencyRetentionHours = 24;

// Senders make them as UUIDs or similar; printable ASCII without spaces, as Stripe takes.
const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;

// Kept a minute past the tolerance, so that a database clock a little ahead of this process's
// does not forget a signature while this process would still accept it.
const signatureMemorySeconds = signatureToleranceSeconds + 60;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export interface ClaimedKey {
  key: HookCallKey;
  expiresAt: Date;
}

/** What identifies one call to a hook: its signature (signed hooks), its Idempotency-Key (if sent). */
export interface HookCallIdentity {
  bodyHash: string;
  signature?: ClaimedKey;
  idempotencyKey?: ClaimedKey;
}

export function hookCallIdentity(call: {
  hookId: string;
  body: Buffer;
  /** The signed timestamp of a valid signature, in unix seconds. */
  signedAt?: number;
  idempotencyKey: string | null;
  now?: Date;
}): HookCallIdentity {
  const bodyHash = sha256(call.body);
  const now = call.now ?? new Date();
  const identity: HookCallIdentity = { bodyHash };
  if (call.signedAt !== undefined) {
    identity.signature = {
      key: {
        hookId: call.hookId,
        kind: 'signature',
        keyHash: sha256(`${call.signedAt}.${bodyHash}`),
        bodyHash,
      },
      expiresAt: new Date((call.signedAt + signatureMemorySeconds) * 1000),
    };
  }
  if (call.idempotencyKey !== null) {
    if (!idempotencyKeyPattern.test(call.idempotencyKey)) {
      throw new OrcaError(
        'bad_request',
        `The ${idempotencyKeyHeader} header must be 1 to 255 printable characters without spaces (a UUID is a good key).`,
      );
    }
    identity.idempotencyKey = {
      key: { hookId: call.hookId, kind: 'idempotency_key', keyHash: sha256(call.idempotencyKey), bodyHash },
      expiresAt: new Date(now.getTime() + idempotencyRetentionHours * 3600_000),
    };
  }
  return identity;
}

export const replayedSignature = () =>
  conflict(
    'This signed call was already taken: a signature (its timestamp and body) is good for one call, and this one started a run before. ' +
      `Sign each new call when you send it; to retry a call safely, send the same ${idempotencyKeyHeader} header with it.`,
  );

/** 422, as for every other route that takes the header (api/idempotency.ts). */
export const idempotencyKeyReused = () =>
  new OrcaError(
    'idempotency_key_reused',
    `This ${idempotencyKeyHeader} was used in the last ${idempotencyRetentionHours} hours for a call with a different body. ` +
      'Send a new key with each new call, and the same key only when you retry the same call.',
  );
