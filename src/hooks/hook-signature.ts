// Signed hooks take the scheme Orca's own notify.webhook sends, so that one Orca (or anything
// written for Orca's outgoing webhooks) can call another: a header
// `Orca-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the
// hook's signing secret, accepted within five minutes of its timestamp. A refusal says which
// part was wrong, since the sender is the hook's own owner setting it up, never anyone else's.
// A valid signature is good once: the caller remembers its timestamp and body (hook-replays.ts).
import { unauthenticated } from '../domain/errors.ts';
import {
  parseSignatureHeader,
  verifyWebhookSignature,
  webhookSignatureHeader,
} from '../runtime/tools/notify-webhook.ts';

export const hookSignatureHeader = webhookSignatureHeader;
export const signatureToleranceSeconds = 300;

export const signatureScheme =
  'Orca-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the signing secret>';

function timestampOf(header: string): number | undefined {
  const match = /(?:^|,)\s*t=(\d{1,12})\s*(?:,|$)/.exec(header);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * Throws a 401 that names the problem unless `header` signs `body` with `secret`, recently;
 * returns the signed timestamp (unix seconds).
 */
export function requireValidSignature(check: {
  header: string | undefined;
  body: Buffer;
  secret: string;
  now?: Date;
}): number {
  const now = check.now ?? new Date();
  if (!check.header) {
    throw unauthenticated(`This hook takes signed calls only: send the header ${signatureScheme}.`);
  }
  const valid = verifyWebhookSignature({
    header: check.header,
    body: check.body,
    secret: check.secret,
    toleranceSeconds: signatureToleranceSeconds,
    now,
  });
  if (valid) return Number(parseSignatureHeader(check.header).timestamp);
  const timestamp = timestampOf(check.header);
  if (timestamp === undefined || !/(?:^|,)\s*v1=[0-9a-fA-F]{64}\s*(?:,|$)/.test(check.header)) {
    throw unauthenticated(`The Orca-Signature header is malformed. Send ${signatureScheme}.`);
  }
  const skew = Math.round(now.getTime() / 1000 - timestamp);
  if (Math.abs(skew) > signatureToleranceSeconds) {
    throw unauthenticated(
      `The signature's timestamp is ${Math.abs(skew)} seconds ${skew > 0 ? 'old' : 'in the future'}; ` +
        `it must be within ${signatureToleranceSeconds} seconds of now. Sign each call when you send it (and check your clock).`,
    );
  }
  throw unauthenticated(
    "The signature does not match the body. Sign the raw body exactly as sent, as <t>.<body>, with the hook's signing secret.",
  );
}
