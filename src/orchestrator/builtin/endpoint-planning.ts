// Requests for an agent on an address that is no page to scrape: a JSON API is read whole (no
// selector to ask for), a feed by its items, and "is https://… up?" by its status. Asked when no
// agent is named to act on (a new address for an agent that exists is a change, not this).
import type { PlanOperation, PlanQuestion } from '../../domain/plan.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { agentsMentioned } from './agent-names.ts';
import { asksToBeTold, hasChannel, howToTell } from './change-conditions.ts';
import { apiSpec, feedSpec, uptimeSpec } from './endpoint-templates.ts';
import { scheduleNewAgent, uniqueName, withDefaults } from './new-agents.ts';
import { oneOffInRequest } from './one-off-planning.ts';
import { isPortalRequest } from './portal-planning.ts';
import { givenName, siteName, urlsIn, withoutAddresses } from './request-text.ts';
import { scheduleIn } from './schedule-phrases.ts';
import type { Notification } from './spec-templates.ts';
import {
  apiAddress,
  apiWords,
  changeWords,
  feedAddress,
  feedWords,
  uptimeWords,
} from './vocabulary/endpoint-vocabulary.ts';
import { createWords } from './vocabulary/vocabulary.ts';

export type EndpointKind = 'api' | 'feed' | 'uptime';

/** What the planner keeps while it asks for the address. */
export interface EndpointDraft {
  kind: 'endpoint';
  endpoint: EndpointKind;
  text: string;
  /** The address, when what is asked is how to tell the person rather than where to look. */
  url?: string;
}

/** Where results go, for the address the agent reads (the planner's own reading of the request). */
export type NoticeTargets = (text: string, pageUrl: string | undefined) => Notification;

const matches = (text: string, patterns: readonly RegExp[]) => patterns.some((pattern) => pattern.test(text));

/** The kind an address or the request's words ask for: an uptime check first, then a feed, an API. */
export function endpointKind(text: string, url: string | undefined): EndpointKind | undefined {
  const words = withoutAddresses(text).toLowerCase().replace(/’/g, "'");
  if (matches(words, uptimeWords)) return 'uptime';
  if ((url && matches(url, feedAddress)) || matches(words, feedWords)) return 'feed';
  if ((url && matches(url, apiAddress)) || matches(words, apiWords)) return 'api';
  return undefined;
}

const urlQuestion = (kind: EndpointKind): PlanQuestion => ({
  id: 'url',
  text:
    kind === 'uptime'
      ? 'Which address should it check? Give it, e.g. https://example.com or https://api.example.com/health.'
      : kind === 'feed'
        ? 'Which feed should it read? Give its address, e.g. https://example.com/feed.xml.'
        : 'Which endpoint should it call? Give its address, e.g. https://api.example.com/v1/orders.',
});

/**
 * A plan for an API, feed or uptime agent, or undefined when the request is not one: it names an
 * agent to act on, signs in to a portal, or has neither an address of such a kind nor its words.
 */
export function planEndpointRequest(
  text: string,
  request: PlannerRequest,
  noticeTargets: NoticeTargets,
): PlannerAnswer | undefined {
  if (isPortalRequest(text)) return undefined;
  const urls = urlsIn(text);
  const url = urls[0];
  const kind = endpointKind(text, url);
  if (!kind) return undefined;
  const lower = text.toLowerCase();
  const asksForNew = createWords.some((word) => lower.includes(word));
  // "Point the lead scraper at https://api…" changes an agent; "run the uptime check" runs one.
  if (agentsMentioned(withoutAddresses(text), request.snapshot.agents).length > 0 && !(asksForNew && url))
    return undefined;
  if (!url) {
    // Without an address only a request for a new agent is ours: "is anything down?" is a question.
    if (!asksForNew) return undefined;
    const question = urlQuestion(kind);
    return {
      reply: question.text,
      plan: {
        summary: 'A new agent, once its address is known.',
        questions: [question],
        operations: [],
        draft: { kind: 'endpoint', endpoint: kind, text } satisfies EndpointDraft,
      },
    };
  }
  // "Notify me when something new shows up" names no channel (and no preferred one was found).
  if (asksToBeTold(text) && !hasChannel(noticeTargets(text, url)))
    return {
      reply: howToTell.text,
      plan: {
        summary: 'A new agent, once it is known how to tell you.',
        questions: [howToTell],
        operations: [],
        draft: { kind: 'endpoint', endpoint: kind, text, url } satisfies EndpointDraft,
      },
    };
  return endpointPlan(kind, text, url, request, noticeTargets);
}

/** The answer to "which address?" or "how should I tell you?": the request completed with it. */
export function continueEndpointDraft(
  draft: EndpointDraft,
  text: string,
  request: PlannerRequest,
  noticeTargets: NoticeTargets,
): PlannerAnswer | undefined {
  // When the address is known, an address in the answer is where to post, not what to read.
  const url = draft.url ?? urlsIn(text)[0];
  if (!url) return undefined;
  const words = `${draft.text} ${text}`;
  if (draft.url && !hasChannel(noticeTargets(words, url))) return undefined;
  return endpointPlan(draft.endpoint, words, url, request, noticeTargets);
}

/** The connected account whose hosts include the address's host: an API key the call needs. */
function accountFor(url: string, request: PlannerRequest): string | undefined {
  const host = new URL(url).hostname.toLowerCase();
  const fits = (pattern: string) =>
    pattern.startsWith('*.') ? host.endsWith(pattern.slice(1).toLowerCase()) : host === pattern.toLowerCase();
  const connection = (request.snapshot.connections ?? []).find(
    (candidate) => candidate.kind !== 'login' && (candidate.allowedHosts ?? []).some(fits),
  );
  return connection?.service;
}

function endpointPlan(
  kind: EndpointKind,
  text: string,
  url: string,
  request: PlannerRequest,
  noticeTargets: NoticeTargets,
): PlannerAnswer {
  const notify = noticeTargets(text, url);
  // The host as it is written ("hnrss.org Feed Reader"), like the scrapers' and monitors' names.
  const site = siteName(url);
  const goal = text.slice(0, 500);
  const agents = request.snapshot.agents;
  const told = [notify.email && `e-mail ${notify.email}`, notify.webhook && `post to ${notify.webhook}`]
    .filter(Boolean)
    .join(' and ');
  let spec: { name: string };
  let what: string;
  if (kind === 'uptime') {
    spec = uptimeSpec({
      name: uniqueName(givenName(text) ?? `${site} Uptime Check`, agents),
      url,
      goal,
      notify,
    });
    what = `checks that ${url} answers with a 2xx status and, when it does not (an error status or no answer at all), ${told || 'records it as down in the run'}`;
  } else if (kind === 'feed') {
    spec = feedSpec({
      name: uniqueName(givenName(text) ?? `${site} Feed Reader`, agents),
      url,
      goal,
      notify,
    });
    what = `reads the items of the feed at ${url} (title, link, date, summary) and remembers them${told ? `; when new items appear, it will ${told}` : ''}`;
  } else {
    const onChange = matches(withoutAddresses(text).toLowerCase(), changeWords);
    const connection = accountFor(url, request);
    spec = apiSpec({
      name: uniqueName(givenName(text) ?? `${site} API Reader`, agents),
      url,
      goal,
      notify,
      report: onChange ? 'on change' : 'every run',
      connection,
    });
    const when = onChange ? 'when the answer changes' : 'after each run';
    what = `calls ${url}${connection ? ` with the "${connection}" account` : ''} and keeps its whole JSON answer (no selector needed)${told ? `; ${when} it will ${told}` : ''}`;
  }
  const operations: PlanOperation[] = [
    { type: 'createAgent', spec: withDefaults(spec) },
    { type: 'runAgent', agentName: spec.name, input: {}, test: true },
  ];
  const scheduled = scheduleNewAgent(spec.name, scheduleOf(text, request), request);
  if (scheduled.operation) operations.push(scheduled.operation);
  return {
    reply: `I will create "${spec.name}", which ${what}, and test it once.${scheduled.reply} Approve the plan to go ahead.`,
    plan: { summary: `Create "${spec.name}" and test it${scheduled.summary}.`, questions: [], operations },
  };
}

/** The schedule the request asks for: one run ahead, or a repeating one said in words. */
function scheduleOf(text: string, request: PlannerRequest) {
  const once = oneOffInRequest(text, request);
  if (once?.reading.kind === 'at' && once.reading.at.getTime() > (request.now ?? new Date()).getTime())
    return { runAt: once.reading.at.toISOString(), timezone: once.timezone };
  const schedule = scheduleIn(text);
  return schedule?.kind === 'found' ? { words: schedule.words, timezone: schedule.timezone } : undefined;
}
