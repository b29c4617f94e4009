// What a call to an inbound hook came to, as the metrics count it: a closed set, so that a
// sender's mistakes add no series. Refusals are told apart by their error code, never by message.
import { OrcaError } from '../domain/errors.ts';
import type { WebhookOutcome } from '../metrics/metrics.ts';

export function refusedHookCallOutcome(error: unknown): WebhookOutcome {
  if (!(error instanceof OrcaError)) return 'failed';
  switch (error.code) {
    case 'unauthenticated':
      return 'unauthorized';
    case 'not_found':
      return 'not_found';
    case 'conflict':
    case 'idempotency_key_in_progress':
    case 'idempotency_key_reused':
      return 'conflict';
    case 'queue_full':
      return 'queue_full';
    case 'rate_limited':
      return 'rate_limited';
    case 'insufficient_credits':
      return 'insufficient_credits';
    case 'bad_request':
    case 'validation_failed':
    case 'rule_violated':
    case 'payload_too_large':
    case 'method_not_allowed':
    case 'unsupported_media_type':
    case 'precondition_failed':
      return 'invalid';
    case 'forbidden':
    case 'plan_limit_reached':
    case 'data_directory_locked':
    case 'configuration_invalid':
    case 'service_unavailable':
    case 'internal':
      return 'failed';
  }
}
