// What became of one call to a hook, as its recent calls show it: a closed set, so that what is
// recorded is a reason chosen by Orca and never text taken from the call (its body, its headers).

export const hookCallOutcomes = ['accepted', 'replayed', 'refused'] as const;
export type HookCallOutcome = (typeof hookCallOutcomes)[number];

export const hookCallRefusals = [
  'disabled',
  'rate_limited',
  'bad_signature',
  'signature_replayed',
  'idempotency_key_reused',
  'body_too_large',
  'bad_request',
  'mapping_failed',
  'invalid_input',
  'agent_paused',
  'agent_missing',
  'insufficient_credits',
  'queue_full',
  'server_error',
] as const;
export type HookCallRefusal = (typeof hookCallRefusals)[number];

const refusalWords: Record<HookCallRefusal, string> = {
  disabled: 'the hook is turned off',
  rate_limited: 'over the hook’s rate limit',
  bad_signature: 'the signature was missing, stale or wrong',
  signature_replayed: 'the same signed call was sent again',
  idempotency_key_reused: 'its Idempotency-Key came before with another body',
  body_too_large: 'the body was too large',
  bad_request: 'the body or a header could not be read',
  mapping_failed:
    'what was sent could not be made into the run’s input (check the body, or the hook’s mapping)',
  invalid_input: 'what was sent does not fit the agent’s input',
  agent_paused: 'the agent is paused',
  agent_missing: 'the agent is gone',
  insufficient_credits: 'the workspace (or a budget) had too few credits left',
  queue_full: 'too many runs were waiting to start; the caller was asked to try again later',
  server_error: 'Orca had a problem answering',
};

/** The outcome in words: "Started a run", "Refused: the agent is paused". */
export function hookCallInWords(outcome: HookCallOutcome, refusal: HookCallRefusal | null): string {
  switch (outcome) {
    case 'accepted':
      return 'Started a run';
    case 'replayed':
      return 'Repeated call: answered with the run it started before';
    case 'refused':
      return `Refused: ${refusalWords[refusal ?? 'server_error']}`;
  }
}
