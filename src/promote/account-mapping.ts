// Connected accounts are never copied between workspaces: their secrets stay where they were
// given. A promoted agent's steps are pointed at the target's account of the same service (the
// same label first, then its default, then its only one); a service the target lacks becomes a
// connectAccount operation that waits for its secret, with the source account's settings (hosts,
// header, sign-in page: never a secret) for the reviewer to check.
import type { PlanOperation } from '../domain/plan.ts';
import { isUuid } from '../domain/slug.ts';
import { connectionReferenceOf } from '../orchestrator/connection-help.ts';
import { connectionSettings } from '../vault/connection-rules.ts';

/** An account as the mapping needs it: never its secret. */
export interface AccountFacts {
  id: string;
  service: string;
  label: string;
  kind: 'api_key' | 'login' | 'oauth2';
  isDefault: boolean;
  settings: Record<string, unknown>;
}

export interface AccountMapping {
  /** As the step named it in the source. */
  reference: string;
  service: string;
  /** How the promoted spec names it in the target. */
  targetReference: string;
  /** The target's account, or undefined when the plan connects one. */
  targetAccountId?: string;
  outcome: 'mapped' | 'connect' | 'unknown';
  /** The steps that use it. */
  stepIds: string[];
}

export interface MappedAccounts {
  spec: Record<string, unknown>;
  mappings: AccountMapping[];
  connectOperations: Extract<PlanOperation, { type: 'connectAccount' }>[];
}

/** The account a reference names, as the vault finds it: by id, service, or service/label. */
function resolveAccount(accounts: readonly AccountFacts[], reference: string): AccountFacts | undefined {
  if (isUuid(reference)) return accounts.find((account) => account.id === reference);
  const [service = '', label] = reference.trim().toLowerCase().split('/', 2);
  const candidates = accounts.filter((account) => account.service === service);
  if (label !== undefined) return candidates.find((account) => account.label.toLowerCase() === label);
  return (
    candidates.find((account) => account.isDefault) ?? (candidates.length === 1 ? candidates[0] : undefined)
  );
}

/** The target's account for a source account: same label, else the default, else the only one. */
function counterpart(targetAccounts: readonly AccountFacts[], source: { service: string; label: string }) {
  const candidates = targetAccounts.filter((account) => account.service === source.service);
  return (
    candidates.find((account) => account.label.toLowerCase() === source.label.toLowerCase()) ??
    candidates.find((account) => account.isDefault) ??
    (candidates.length === 1 ? candidates[0] : undefined)
  );
}

/** The shortest name that finds this account among the target's (the service alone when it can). */
function referenceFor(targetAccounts: readonly AccountFacts[], account: { service: string; label: string }) {
  const byService = resolveAccount(targetAccounts, account.service);
  const bare = account.label === '' || (byService && byService.label === account.label);
  return bare ? account.service : `${account.service}/${account.label.toLowerCase()}`;
}

/** Only the settings the connection API takes for this kind: the vault's own bookkeeping stays. */
function publicSettings(account: AccountFacts): Record<string, unknown> {
  const allowed = Object.keys(connectionSettings[account.kind].shape);
  return Object.fromEntries(Object.entries(account.settings).filter(([key]) => allowed.includes(key)));
}

function rewriteReference(step: Record<string, unknown>, reference: string): Record<string, unknown> {
  const input = step.with as Record<string, unknown>;
  if (typeof input.connection === 'string') return { ...step, with: { ...input, connection: reference } };
  const auth = input.auth as Record<string, unknown>;
  return { ...step, with: { ...input, auth: { ...auth, connection: reference } } };
}

/** The spec with each account reference pointed at the target, and what the target must connect. */
export function mapAccounts(
  spec: Record<string, unknown>,
  sourceAccounts: readonly AccountFacts[],
  targetAccounts: readonly AccountFacts[],
): MappedAccounts {
  const mappings = new Map<string, AccountMapping>();
  const connectOperations: MappedAccounts['connectOperations'] = [];
  const connecting: AccountFacts[] = [];
  const steps = Array.isArray(spec.steps) ? (spec.steps as Record<string, unknown>[]) : [];
  const mappedSteps = steps.map((step) => {
    const stepInput = step?.with;
    if (!stepInput || typeof stepInput !== 'object') return step;
    const reference = connectionReferenceOf(step as { with: Record<string, unknown> });
    // A reference written as a template is only known to a run: it is left as it is.
    if (!reference || reference.includes('{{')) return step;
    const known = mappings.get(reference);
    if (known) {
      known.stepIds.push(String(step.id));
      return rewriteReference(step, known.targetReference);
    }
    const source = resolveAccount(sourceAccounts, reference);
    const stepId = String(step.id);
    if (!source) {
      // Broken in the source too: kept by name, and the plan says so.
      const service = isUuid(reference) ? reference : (reference.split('/')[0] ?? reference);
      const found = isUuid(reference) ? undefined : resolveAccount(targetAccounts, reference);
      mappings.set(reference, {
        reference,
        service,
        targetReference: reference,
        targetAccountId: found?.id,
        outcome: found ? 'mapped' : 'unknown',
        stepIds: [stepId],
      });
      return step;
    }
    const target = counterpart(targetAccounts, source) ?? counterpart(connecting, source);
    if (target) {
      const targetReference = referenceFor([...targetAccounts, ...connecting], target);
      mappings.set(reference, {
        reference,
        service: source.service,
        targetReference,
        targetAccountId: targetAccounts.includes(target) ? target.id : undefined,
        outcome: targetAccounts.includes(target) ? 'mapped' : 'connect',
        stepIds: [stepId],
      });
      return rewriteReference(step, targetReference);
    }
    // The first account of a service the target connects is its default.
    const planned = { ...source, id: `planned-${connecting.length}`, isDefault: true };
    connecting.push(planned);
    connectOperations.push({
      type: 'connectAccount',
      service: source.service,
      kind: source.kind,
      label: source.label,
      settings: publicSettings(source),
    });
    const targetReference = referenceFor([...targetAccounts, ...connecting], planned);
    mappings.set(reference, {
      reference,
      service: source.service,
      targetReference,
      outcome: 'connect',
      stepIds: [stepId],
    });
    return rewriteReference(step, targetReference);
  });
  return { spec: { ...spec, steps: mappedSteps }, mappings: [...mappings.values()], connectOperations };
}
