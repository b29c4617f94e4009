// "It needs an api key, connect one called shop-api" while a new agent waits for approval: the
// account is connected first, and the agent's calls to the account's host carry it. The agent's
// test run leaves the plan, since it could only fail before the secret is added after approval
// ("run it" then adds it back). A question the account still needs ("which kind") keeps the plan
// in the draft, so the answer ("it's an api key") completes both.
import type { PlannedChange, PlanOperation } from '../../domain/plan.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { type ConnectDraft, kindIn, proposal, serviceIn, slug } from './connect-planning.ts';
import { withDefaults } from './new-agents.ts';
import { withoutAddresses } from './request-text.ts';
import { connectPatterns } from './vocabulary/connect-vocabulary.ts';

type Step = { id: string; tool: string; with: Record<string, unknown> };

/** "It needs an api key", "it uses a login", "connect one called shop-api": an account for the agent. */
const needsAccount = [
  /\b(?:needs?|requires?|uses?|takes?|wants?|asks? for|behind)\b.*\b(?:api[- ]?key|key|token|login|password|credentials?|oauth2?|account|auth(?:entication)?)\b/,
  /\b(?:connect|add|link|set up|create)\s+(?:one|an? (?:account|key|api key|token|login))\b/,
];

function hostOf(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.includes('{{')) return undefined;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The host the new agent calls: where the account's credential may go. */
function calledHost(spec: { steps?: Step[] }): string | undefined {
  for (const step of spec.steps ?? []) {
    if (step.tool !== 'http.request') continue;
    const host = hostOf(step.with.url);
    if (host) return host;
  }
  return undefined;
}

/** Labels of a host that say what it is, not whose: "api.shopify.com" is shopify's. */
const genericLabels = new Set([
  'api',
  'www',
  'data',
  'app',
  'apps',
  'rest',
  'gateway',
  'services',
  'v1',
  'v2',
]);

/** The service a host belongs to, named by its first label that is not generic. */
function serviceOfHost(host: string): string | undefined {
  const labels = host.replace(/:\d+$/, '').split('.').slice(0, -1);
  const own = labels.find((label) => !genericLabels.has(label)) ?? labels[0];
  return own ? slug(own) : undefined;
}

/** The pending plan's operations with the new agent's calls to `host` carrying the account; no test run. */
function usingAccount(operations: readonly PlanOperation[], service: string, host: string): PlanOperation[] {
  const created = new Set<string>();
  const changed = operations.map((operation) => {
    if (operation.type !== 'createAgent') return operation;
    created.add(String(operation.spec.name));
    const spec = structuredClone(operation.spec) as unknown as { steps: Step[] };
    for (const step of spec.steps) {
      if (step.tool === 'http.request' && hostOf(step.with.url) === host)
        step.with.auth = { connection: service };
    }
    return { ...operation, spec: withDefaults(spec as never) };
  });
  return changed.filter((operation) => !(operation.type === 'runAgent' && created.has(operation.agentName)));
}

/** The account a message asks for the agent the pending plan creates; undefined when it asks none. */
export function planAccountForPendingAgent(
  text: string,
  pending: PlannedChange,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const lower = withoutAddresses(text).toLowerCase();
  if (![...needsAccount, ...connectPatterns].some((pattern) => pattern.test(lower))) return undefined;
  const created = pending.operations.find((operation) => operation.type === 'createAgent');
  if (created?.type !== 'createAgent') return undefined;
  const host = calledHost(created.spec as { steps?: Step[] });
  if (!host) return undefined;
  const called = /\b(?:called|named|labell?ed)\s+["“']?([a-z0-9][\w-]*)/i.exec(text)?.[1];
  const service = (called && slug(called)) ?? serviceIn(text) ?? serviceOfHost(host);
  if (!service) return undefined;
  const agentName = String(created.spec.name);
  const draft: ConnectDraft = {
    kind: 'connect',
    service,
    connectionKind: kindIn(text, service),
    label: '',
    settings: { allowedHosts: [host] },
    followedBy: {
      summary: `create "${agentName}", whose calls to ${host} use "${service}" (tested once the secret is added).`,
      operations: usingAccount(pending.operations, service, host),
    },
  };
  return proposal(draft, request);
}
