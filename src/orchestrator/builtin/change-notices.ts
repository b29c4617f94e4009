// "Only e-mail me when it changes", "let me know if the scraper's output changes": an existing
// agent's notices made conditional on a change. An agent that already compares with its last run
// (a monitor) uses its own comparison; any other remembers its output in agent memory and
// compares with what it remembered, and its notification steps get an `if`.

import { preferenceInWords, preferenceReason } from '../notification-preference.ts';
import type { PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import {
  addressQuestion,
  asksOnChange,
  asksToBeTold,
  channelInAnswer,
  hasChannel,
  howToTell,
  preferredNotification,
} from './change-conditions.ts';
import { updateOperation } from './new-agents.ts';
import { emailsIn, hasAny, urlsIn, withoutAddresses } from './request-text.ts';
import { type Notification, notificationSteps } from './spec-templates.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];
type Step = Record<string, unknown> & {
  id: string;
  tool: string;
  with?: Record<string, unknown>;
  if?: string;
};

/** What the planner keeps while it asks how to tell the person about an agent's changes. */
export interface NoticeDraft {
  kind: 'notice';
  agentId: string;
  /** The request, planned again once the channel is known. */
  text: string;
}

const emailWords = ['email', 'e-mail', 'mail me', 'emial', 'by mail'];
const hookWords = ['webhook', 'slack', 'hook', 'post to', 'post it to', 'send to', 'send it to'];

/** The channel the request names: an address, a webhook, or "e-mail me" for the person's own. */
function namedChannel(text: string, userEmail: string | undefined): Notification {
  const notify: Notification = {};
  const lower = withoutAddresses(text);
  const hook = urlsIn(text).find((url) => /hook/i.test(url) || hasAny(lower, hookWords));
  if (hook) notify.webhook = hook;
  const email = emailsIn(text)[0] ?? (hasAny(lower, emailWords) ? userEmail : undefined);
  if (email) notify.email = email;
  return notify;
}

/** Tools whose steps only pass results on: what the agent produces comes before them. */
const passingOn = (tool: string) =>
  tool.startsWith('notify.') || tool === 'memory.write' || tool === 'files.save';

/** The expression for what a step produced, leaving out what changes on every run (headers, timings). */
function producedBy(step: Step): string {
  const reference = `steps.${step.id}`;
  switch (step.tool) {
    case 'html.extract':
    case 'browser.extract':
    case 'browser.paginate':
      return step.with?.records ? `${reference}.records` : `${reference}.fields`;
    case 'http.request':
      return `${reference}.body`;
    case 'transform':
    case 'memory.read':
      return `${reference}.value`;
    case 'llm.generate':
      return `${reference}.text`;
    default:
      return reference;
  }
}

/**
 * The condition "it changed" for the spec: the comparison it already makes, or new steps that
 * make one (inserted before its first notice).
 */
function changeCondition(steps: Step[]): { condition: string; added: boolean } {
  const compare = steps.find(
    (step) => step.tool === 'transform' && String(step.with?.expression ?? '').includes('"changed"'),
  );
  if (compare) return { condition: `steps.${compare.id}.value.changed`, added: false };
  const firstNotice = steps.findIndex((step) => step.tool.startsWith('notify.'));
  const at = firstNotice >= 0 ? firstNotice : steps.length;
  const watched = steps
    .slice(0, at)
    .filter((step) => !passingOn(step.tool))
    .at(-1);
  // Kept as text that is not JSON (memory.write would store JSON text as its value, and stored
  // JSON comes back with its keys reordered): the same output always reads the same.
  const produced = `"output: " & $string(${watched ? producedBy(watched) : 'null'})`;
  steps.splice(
    at,
    0,
    { id: 'lastOutput', tool: 'memory.read', with: { key: 'last-output', scope: 'agent' } },
    {
      id: 'outputChanged',
      tool: 'transform',
      with: { expression: `steps.lastOutput.found and steps.lastOutput.value != ${produced}` },
    },
    {
      id: 'rememberOutput',
      tool: 'memory.write',
      with: { key: 'last-output', scope: 'agent', value: `{{ ${produced} }}` },
    },
  );
  return { condition: 'steps.outputChanged.value', added: true };
}

function told(notify: Notification): string {
  return [notify.email && `e-mail ${notify.email}`, notify.webhook && `post to ${notify.webhook}`]
    .filter(Boolean)
    .join(' and ');
}

/** The agent's notices, sent only when what it watches changed; a question when it has no channel. */
export function planChangeNotice(
  agent: SnapshotAgent,
  text: string,
  request: PlannerRequest,
  answered?: Notification,
): PlannerAnswer {
  const spec = structuredClone(agent.spec) as unknown as { steps: Step[] };
  const hasNotices = spec.steps.some((step) => step.tool.startsWith('notify.'));
  const named = answered ?? namedChannel(text, request.userEmail);
  const preference = request.notificationPreference;
  let notify: Notification = named;
  let preferred = '';
  if (!hasChannel(named) && !hasNotices) {
    if (!preference) {
      return {
        reply: `${howToTell.text} I will then tell you only when "${agent.name}" finds something changed.`,
        plan: {
          summary: `Waiting to know how to tell you when "${agent.name}" changes.`,
          questions: [howToTell],
          operations: [],
          draft: { kind: 'notice', agentId: agent.id, text } satisfies NoticeDraft,
        },
      };
    }
    notify = preferredNotification(preference);
    preferred = ` (${preferenceInWords(preference)}: ${preferenceReason(preference)})`;
  }
  const changes: string[] = [];
  const { condition, added } = changeCondition(spec.steps);
  if (added) changes.push('remember its output after each run and compare it with the last one');
  const last = spec.steps.filter((step) => !passingOn(step.tool)).at(-1);
  for (const [channel, tool] of [
    ['email', 'notify.email'],
    ['webhook', 'notify.webhook'],
  ] as const) {
    if (
      !notify[channel] ||
      spec.steps.some(
        (step) => step.tool === tool && step.with?.[channel === 'email' ? 'to' : 'url'] === notify[channel],
      )
    )
      continue;
    const id = spec.steps.some((step) => step.id === channel) ? `${channel}OnChange` : channel;
    const [step] = notificationSteps(
      { [channel]: notify[channel] },
      {
        subject: `${agent.name}: something changed`,
        text: `${agent.name} found something changed in run {{ run.id }}.`,
        payload: {
          agent: agent.name,
          run: '{{ run.id }}',
          changed: true,
          result: last ? `{{ ${producedBy(last)} }}` : null,
        },
      },
    );
    spec.steps.push({ ...(step as Step), id });
    changes.push(`${channel === 'email' ? 'e-mail' : 'post to'} ${notify[channel]}${preferred}`);
  }
  let conditioned = 0;
  for (const step of spec.steps) {
    if (!step.tool.startsWith('notify.') || step.if?.includes(condition)) continue;
    step.if = step.if ? `(${step.if}) and ${condition}` : condition;
    conditioned++;
  }
  if (conditioned === 0 && changes.length === 0) {
    return { reply: `"${agent.name}" already tells you only when what it watches changes.` };
  }
  const when = 'only when it finds something changed since the last run (the first run only remembers it)';
  const words = [...changes, `send its notices ${when}`].join('; ');
  return {
    reply: `I will change "${agent.name}" to ${words}. Approve to make it version ${agent.version + 1}.`,
    plan: {
      summary: `Change "${agent.name}": notices only on a change${hasChannel(notify) && !hasNotices ? ` (${told(notify)})` : ''}.`,
      questions: [],
      operations: [updateOperation(agent, spec)],
    },
  };
}

/** The answer to "how should I tell you"; undefined when it names no channel. */
export function continueNoticeDraft(
  draft: NoticeDraft,
  text: string,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const agent = request.snapshot.agents.find((candidate) => candidate.id === draft.agentId);
  if (!agent) return { reply: 'That agent is gone; there is nothing to change.' };
  const answer = channelInAnswer(text, request.userEmail);
  if (answer.kind === 'none') return undefined;
  if (answer.kind === 'needsAddress') {
    const question = addressQuestion(answer.channel);
    return {
      reply: question.text,
      plan: {
        summary: `Waiting for the ${answer.channel} address.`,
        questions: [question],
        operations: [],
        draft: { ...draft },
      },
    };
  }
  return planChangeNotice(agent, draft.text, request, answer.notify);
}

/**
 * The agent a request to be told of its changes is about: the one it names, or "it"; undefined
 * when the request is not one, or asks for a new agent on a page.
 */
export function changeNoticeAgent(
  text: string,
  mentioned: readonly SnapshotAgent[],
  request: PlannerRequest,
): SnapshotAgent | undefined {
  if (
    !asksOnChange(text) ||
    !(asksToBeTold(text) || hasAny(withoutAddresses(text), [...emailWords, ...hookWords]))
  )
    return undefined;
  // A page to watch is a new agent's, not an existing one's.
  if (urlsIn(text).some((url) => !/hook/i.test(url))) return undefined;
  if (mentioned.length === 1) return mentioned[0];
  if (mentioned.length > 1 || !request.lastAgentName) return undefined;
  if (!/\b(?:it|its|it's|this|that)\b/i.test(text)) return undefined;
  return request.snapshot.agents.find((agent) => agent.name === request.lastAgentName);
}
