// The LLM planner's connectAccount operations, checked like anything a user sends: a service name
// the vault takes, settings of the kind's schema (which has no place for a secret: a model that
// writes a key or password into them is told to leave it out), and no account connected twice: one the
// workspace has is connected again as it is.
// That a new agent's accounts exist is one of the shared plan checks (plan-checks.ts).
import { type ConnectionKindName, connectionKinds, type PlanOperation } from '../../domain/plan.ts';
import { connectionSettings, serviceSchema } from '../../vault/connection-rules.ts';
import { connectionNamed } from '../connection-help.ts';
import { accountName } from '../plan-checks.ts';
import type { WorkspaceSnapshot } from '../planner.ts';

export interface LlmConnectOperation {
  service?: string;
  kind?: string;
  label?: string;
  settings?: Record<string, unknown>;
}

type Outcome = { operation: PlanOperation } | { problem: string };

const secretWords =
  /^(api_?key|password|secret|client_?secret|token|access_?token|refresh_?token|totp_?secret)$/i;

const isKind = (kind: string | undefined): kind is ConnectionKindName =>
  (connectionKinds as readonly string[]).includes(kind ?? '');

export function connectOperation(
  raw: LlmConnectOperation,
  snapshot: WorkspaceSnapshot,
  connected: Set<string>,
): Outcome {
  const service = serviceSchema.safeParse(raw.service ?? '');
  if (!service.success) return { problem: service.error.issues[0]?.message ?? 'give the service' };
  if (!isKind(raw.kind)) return { problem: 'give `kind`: api_key, login or oauth2' };
  const settings = raw.settings ?? {};
  const secret = Object.keys(settings).find((key) => secretWords.test(key));
  if (secret) {
    return {
      problem: `settings.${secret} is a secret: a plan never carries one; leave it out (the admin sends it to the connection API after approving)`,
    };
  }
  const label = raw.label?.trim() ?? '';
  const name = accountName(service.data, label);
  const existing = connectionNamed(snapshot, name);
  if (connected.has(name)) return { problem: `the plan connects "${name}" twice; once is enough` };
  if (existing && existing.label.toLowerCase() === label.toLowerCase()) {
    // The account the workspace has, connected again ("reconnect crm"): as it is, its settings kept.
    if (existing.kind !== raw.kind) {
      return {
        problem: `the workspace already has the account "${name}" (${existing.kind}); to connect it again keep its kind, or give a new one a label`,
      };
    }
    connected.add(name);
    return {
      operation: {
        type: 'connectAccount',
        service: existing.service,
        kind: existing.kind,
        label: existing.label,
        settings: { allowedHosts: existing.allowedHosts ?? [] },
      },
    };
  }
  const parsed = connectionSettings[raw.kind].safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `settings.${issue?.path.join('.') || ''}: ${issue?.message ?? 'not valid'}` };
  }
  connected.add(name);
  return {
    operation: { type: 'connectAccount', service: service.data, kind: raw.kind, label, settings },
  };
}
