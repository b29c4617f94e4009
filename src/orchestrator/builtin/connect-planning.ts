// When the built-in planner reads a request as connecting an account ("connect my GitHub account",
// "add an API key for Stripe", "connect the supplier portal login buyer@example.com at
// https://portal.example.com"): a connectAccount operation when it has what it needs, else
// targeted questions. The secret itself never passes through the chat: the plan says where to send it.
import type { ConnectionKindName, PlanOperation, PlanQuestion } from '../../domain/plan.ts';
import { connectionSettings, serviceSchema } from '../../vault/connection-rules.ts';
import { connectionNamed, reconnectInstructions } from '../connection-help.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { agentsMentioned } from './agent-names.ts';
import { emailsIn, firstOf, hasAny, urlsIn, withoutAddresses } from './request-text.ts';
import {
  connectionKindOptions,
  connectionKindWords,
  connectionNouns,
  connectPatterns,
  knownServices,
  notServiceNames,
} from './vocabulary/connect-vocabulary.ts';
import { noWords } from './vocabulary/vocabulary.ts';

/** What the planner keeps while it waits for answers about an account to connect. */
export interface ConnectDraft {
  kind: 'connect';
  service?: string;
  connectionKind?: ConnectionKindName;
  label: string;
  settings: Record<string, unknown>;
  /** The plan that waited for this account (a new agent that uses it): it follows the connection. */
  followedBy?: { summary: string; operations: PlanOperation[] };
}

const hostPattern = /^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?$/;

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

export function slug(words: string): string | undefined {
  const made = words
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const parsed = serviceSchema.safeParse(made);
  return parsed.success && !notServiceNames.has(made) ? parsed.data : undefined;
}

function knownServiceIn(text: string): string | undefined {
  return Object.entries(knownServices).find(([, service]) => hasAny(text, service.words))?.[0];
}

/** "portal.acme-supplies.com" is the "acme-supplies" account: the name its owner registered. */
function siteOfHost(host: string): string {
  const labels = host.split(':')[0]?.split('.') ?? [];
  // "example.co.uk", "shop.com.au": a second-level suffix is not the name.
  const suffixes =
    labels.length >= 3 && /^(?:co|com|org|net|gov|ac|edu)$/.test(labels[labels.length - 2] ?? '') ? 2 : 1;
  return labels[labels.length - 1 - suffixes] ?? host;
}

/** The service's name: a known one, the words before "account" / "login"…, or after "for". */
export function serviceIn(text: string): string | undefined {
  const lower = withoutAddresses(text);
  const known = knownServiceIn(lower);
  if (known) return known;
  const nouns = connectionNouns.map((noun) => noun.replace(/[-\s]/g, '[-\\s]')).join('|');
  const before = new RegExp(
    `\\b(?:my|our|the|a|an)\\s+((?:[a-z0-9-]+\\s+){0,2}[a-z0-9-]+?)\\s+(${nouns})\\b`,
  ).exec(lower);
  // "Our billing portal" is the "billing-portal" account: a portal is part of what it is called.
  const portal = before?.[2] === 'portal' ? ' portal' : '';
  const named = before?.[1] && slug(`${before[1].replace(/^(?:new|api)\s+|\s+api$/g, '')}${portal}`);
  if (named) return named;
  const after = /\b(?:for|to|with|of)\s+(?:my\s+|our\s+|the\s+)?([a-z0-9][a-z0-9.-]*[a-z0-9])/.exec(lower);
  // "… with the login anna@…": a word that names no service lets the words below be tried.
  const afterName = after?.[1] && slug(hostPattern.test(after[1]) ? siteOfHost(after[1]) : after[1]);
  if (afterName) return afterName;
  // "Connect our acme", "integrate acme (api key)": the one word after the verb.
  const bare =
    /^(?:(?:please|pls|can you|could you|let's|lets)\s+)?(?:connect|integrate|hook up|link up)\s+(?:(?:our|my|the|a|an)\s+)?([a-z][\w.-]*)/.exec(
      lower.trim(),
    );
  const bareName = bare?.[1] && slug(bare[1]);
  if (bareName) return bareName;
  // "Connect a login for https://billing.vendor.com": the account of the site named.
  const address = urlsIn(text)[0];
  const host = address && hostOf(address);
  return host ? slug(siteOfHost(host)) : undefined;
}

export function kindIn(text: string, service: string | undefined): ConnectionKindName | undefined {
  const found = (Object.entries(connectionKindWords) as [ConnectionKindName, readonly string[]][])
    .map(([kind, words]) => ({ kind, at: firstOf(withoutAddresses(text), words)?.index ?? -1 }))
    .filter((entry) => entry.at >= 0)
    .sort((first, second) => first.at - second.at);
  // "… at https://wiki.example.org as bob@example.org": someone to sign in as is a login.
  const signsInAs = /\bas\s+[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/.test(text);
  return (
    found[0]?.kind ??
    (service ? knownServices[service]?.kind : undefined) ??
    (signsInAs ? 'login' : undefined)
  );
}

function usernameIn(text: string): string | undefined {
  const email = emailsIn(text)[0];
  if (email) return email;
  return /\b(?:user ?name|user)\s+(?:is\s+)?["'“]?([^\s"'”,]+)/i.exec(text)?.[1];
}

function clientIdIn(text: string): string | undefined {
  return /\bclient[ _-]?id\s+(?:is\s+)?["'“]?([^\s"'”,]+)/i.exec(text)?.[1];
}

function labelIn(text: string): string {
  return /\blabel(?:l?ed)?\s+["“']([^"”']{1,60})["”']/i.exec(text)?.[1]?.trim() ?? '';
}

/** Fills the draft's settings from a request or an answer: addresses, hosts, user name, client id. */
function filled(draft: ConnectDraft, text: string, answering: boolean): ConnectDraft {
  const settings = { ...draft.settings };
  const url = urlsIn(text)[0];
  const bareHost = text
    .toLowerCase()
    .split(/[\s,;()[\]]+/)
    .map((word) => word.replace(/[.:!?]+$/, ''))
    .find((word) => hostPattern.test(word) && !word.includes('@'));
  const host = (url && hostOf(url)) ?? bareHost;
  if (host && !settings.allowedHosts) settings.allowedHosts = [host];
  if (draft.connectionKind === 'login') {
    if (url && !settings.loginUrl) settings.loginUrl = url;
    // An answer to "which user name" may be the name alone, once the sign-in address is known.
    const alone =
      answering && settings.allowedHosts && !url && /^[^\s@"'”“]{1,100}$/.test(text.trim())
        ? text.trim()
        : undefined;
    const username = usernameIn(text) ?? alone;
    if (username && !settings.username) settings.username = username;
  }
  if (draft.connectionKind === 'oauth2') {
    // An answer to "what is the client id" may be the id alone.
    const alone = answering && /^\S+$/.test(text.trim()) ? text.trim() : undefined;
    const clientId = clientIdIn(text) ?? alone;
    if (clientId && !settings.clientId) settings.clientId = clientId;
  }
  return { ...draft, settings };
}

const questions = {
  service: (): PlanQuestion => ({
    id: 'service',
    text: 'Which service is the account for? Give a short name, such as github or acme-portal.',
  }),
  kind: (service: string): PlanQuestion => ({
    id: 'kind',
    text: `How does "${service}" take its credential: an API key, a login (user name and password), or OAuth?`,
    options: Object.keys(connectionKindOptions),
  }),
  host: (service: string, kind: ConnectionKindName): PlanQuestion => ({
    id: 'host',
    text:
      kind === 'login'
        ? `At which address does one sign in to "${service}"? Give it, e.g. https://portal.example.com/login: the password is sent only there.`
        : `To which host may the "${service}" credential be sent? Give its API's address, e.g. api.${service}.com: requests elsewhere never carry it.`,
  }),
  username: (service: string): PlanQuestion => ({
    id: 'username',
    text: `Which user name (or e-mail) signs in to "${service}"? Only the name: the password is added afterwards, never in this chat.`,
  }),
  client: (service: string): PlanQuestion => ({
    id: 'client',
    text: `What is the OAuth client id registered for Orca at "${service}"? (Its client secret, if it has one, is added afterwards, never in this chat.)`,
  }),
};

function missing(draft: ConnectDraft): PlanQuestion[] {
  if (!draft.service) return [questions.service()];
  if (!draft.connectionKind) return [questions.kind(draft.service)];
  const pending: PlanQuestion[] = [];
  if (!draft.settings.allowedHosts) pending.push(questions.host(draft.service, draft.connectionKind));
  if (draft.connectionKind === 'login' && !draft.settings.username)
    pending.push(questions.username(draft.service));
  if (draft.connectionKind === 'oauth2' && !draft.settings.clientId)
    pending.push(questions.client(draft.service));
  return pending;
}

const kindWords: Record<ConnectionKindName, string> = {
  api_key: 'an API key',
  login: 'a login',
  oauth2: 'an OAuth',
};

/** What comes after approval: the account's page (the approval's result links to it), or the API
 * calls, whose connection id is known only then. */
function nextStepWords(kind: ConnectionKindName) {
  const path = '/api/workspaces/:ws/connections/:id';
  switch (kind) {
    case 'api_key':
      return `add the key on the account's page and test it there (through the API: PATCH ${path} {"secret": {"apiKey": "…"}}, then POST ${path}/test)`;
    case 'login':
      return `add the password on the account's page and test it there (through the API: PATCH ${path} {"secret": {"password": "…"}}, then POST ${path}/test)`;
    case 'oauth2':
      return `press Connect on the account's page to sign in at the provider (through the API: POST ${path}/authorize and open the authorizationUrl it answers)`;
  }
}

/** The plan that connects the draft's account, or the questions it still needs answered. */
export function proposal(draft: ConnectDraft, request: PlannerRequest): PlannerAnswer {
  const service = draft.service as string;
  const kind = draft.connectionKind as ConnectionKindName;
  if (kind === 'oauth2' && !draft.settings.authorizationUrl) {
    return {
      reply: `I know the OAuth addresses of ${Object.keys(knownServices)
        .filter((known) => knownServices[known]?.settings.oauth2)
        .join(
          ' and ',
        )} only. Connect "${service}" through the API with its provider's addresses: POST /api/workspaces/:ws/connections {"service": "${service}", "kind": "oauth2", "settings": {"authorizationUrl": "…", "tokenUrl": "…", "clientId": "…", "allowedHosts": ["…"]}}.`,
    };
  }
  // "Connect the supplier portal" when it is connected: said before asking for what it already has.
  const connected = service
    ? connectionNamed(request.snapshot, draft.label ? `${service}/${draft.label}` : service)
    : undefined;
  if (connected && connected.label === draft.label)
    return {
      reply: `"${connected.service}${draft.label ? `/${draft.label}` : ''}" is already connected (${kindWords[connected.kind]} account, ${connected.status}). ${reconnectInstructions(connected)} To keep a second account, give it a label: connect another ${service} account labelled "work".`,
    };
  const pending = missing(draft);
  if (pending.length > 0) {
    return {
      reply: pending.map((question) => question.text).join('\n'),
      plan: {
        summary: service
          ? `Connect a "${service}" account, once these are answered.`
          : 'Connect an account, once these are answered.',
        questions: pending,
        operations: [],
        draft: { ...draft },
      },
    };
  }
  const settings = connectionSettings[kind].safeParse(draft.settings);
  if (!settings.success) {
    const issue = settings.error.issues[0];
    return { reply: `I cannot connect "${service}" so: ${issue?.path.join('.')}: ${issue?.message}.` };
  }
  const hosts = (draft.settings.allowedHosts as string[]).join(', ');
  const operation: PlanOperation = {
    type: 'connectAccount',
    service,
    kind,
    label: draft.label,
    settings: draft.settings,
  };
  const existing = connectionNamed(request.snapshot, draft.label ? `${service}/${draft.label}` : service);
  const name = draft.label ? `${service}/${draft.label}` : service;
  if (existing && existing.label === draft.label) {
    return {
      reply: `"${name}" is already connected (${kindWords[existing.kind]} account, ${existing.status}). ${reconnectInstructions(existing)} To keep a second account, give it a label: connect another ${service} account labelled "work".`,
    };
  }
  if (draft.followedBy) {
    return {
      reply: `I will connect "${name}" as ${kindWords[kind]} account whose credential is sent only to ${hosts}, then: ${draft.followedBy.summary} Secrets never pass through this chat: once you approve, ${nextStepWords(kind)} (the approval's result links to the page and names the exact address); then say "run it" to test the agent.`,
      plan: {
        summary: `Connect ${kindWords[kind]} account "${name}" (sent only to ${hosts}), then: ${draft.followedBy.summary}`,
        questions: [],
        operations: [operation, ...draft.followedBy.operations],
      },
    };
  }
  return {
    reply: `I will connect "${name}" as ${kindWords[kind]} account whose credential is sent only to ${hosts}. Secrets never pass through this chat: once you approve, ${nextStepWords(kind)} (the approval's result links to the page and names the exact address).`,
    plan: {
      summary: `Connect ${kindWords[kind]} account "${name}" (sent only to ${hosts}); its ${kind === 'oauth2' ? 'authorization comes' : 'secret is added'} afterwards, outside the chat.`,
      questions: [],
      operations: [operation],
    },
  };
}

function withKind(draft: ConnectDraft, kind: ConnectionKindName | undefined): ConnectDraft {
  if (!kind || !draft.service) return { ...draft, connectionKind: kind };
  const known = knownServices[draft.service]?.settings[kind];
  return { ...draft, connectionKind: kind, settings: { ...(known ?? {}), ...draft.settings } };
}

/** A request to connect an account, answered; undefined when the request is about something else. */
export function planConnectRequest(text: string, request: PlannerRequest): PlannerAnswer | undefined {
  const lower = withoutAddresses(text);
  const matched = connectPatterns.filter((pattern) => pattern.test(lower));
  if (matched.length === 0) return undefined;
  // "Connect the reporter" with no account word names an agent (a chain to come), not a service.
  const bare = matched.every((pattern) => pattern === connectPatterns[1]);
  if (bare && agentsMentioned(text, request.snapshot.agents).length > 0) return undefined;
  const service = serviceIn(text);
  const draft = withKind(
    { kind: 'connect', service, label: labelIn(text), settings: {} },
    kindIn(text, service),
  );
  return proposal(filled(draft, text, false), request);
}

/** An answer to the questions of a connect draft; undefined when it answers none of them. */
export function continueConnectDraft(
  draft: ConnectDraft,
  text: string,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  if (hasAny(text, noWords) && text.split(/\s+/).length <= 3) return undefined;
  let next: ConnectDraft = draft;
  if (!next.service) {
    // "acme-portal — it's a username/password login at https://…": the name before the rest, and
    // what the rest says of the account (its kind, address and user name) kept as answers too.
    const name = withoutAddresses(text).split(/\s[—–-]\s|[,;:(]|\s+(?:it'?s|it is|which|that)\b/i)[0] ?? '';
    next = { ...next, service: slug(name.split(/\s+/).slice(0, 3).join(' ')) };
    const kind = next.service ? kindIn(text.slice(name.length), undefined) : undefined;
    if (kind) next = filled(withKind(next, kind), text, true);
  } else if (!next.connectionKind) {
    const chosen = Object.entries(connectionKindOptions).find(([words]) => hasAny(text, [words]))?.[1];
    // "https://portal.acme.test/login" as the answer: a sign-in page is a login, and its address.
    const signIn = urlsIn(text).some((url) => /\/(?:log-?in|sign-?in|auth)\b/i.test(url))
      ? 'login'
      : undefined;
    const kind = chosen ?? kindIn(text, undefined) ?? signIn;
    next = kind ? filled(withKind(next, kind), text, true) : next;
  } else next = filled(next, text, true);
  if (JSON.stringify(next) === JSON.stringify(draft)) return undefined;
  // "Acme portal" as the service: a portal is signed in to.
  if (next.service && !next.connectionKind)
    next = withKind(next, knownServices[next.service]?.kind ?? kindIn(text, undefined));
  return proposal(next, request);
}
