// When the built-in planner reads a request as an agent that signs in to a portal and downloads
// its files ("log into https://portal.example.com and download all the invoices"): the agent of
// the README's Invoice Collector, after a connectAccount when the workspace has no login for the
// portal yet. What it cannot tell (which page lists the files, who signs in, which links are
// files) becomes a targeted question, and the answer completes the draft.
import type { PlanOperation, PlanQuestion } from '../../domain/plan.ts';
import { connectionSettings, hostAllowed, serviceSchema } from '../../vault/connection-rules.ts';
import { connectionNamed } from '../connection-help.ts';
import type { ConnectionSnapshot, PlannerAnswer, PlannerRequest } from '../planner.ts';
import {
  type CaptureReading,
  captureName,
  capturePageQuestion,
  captureSpecFor,
  isCaptureRequest,
  readCapture,
} from './capture-planning.ts';
import { scheduleNewAgent, uniqueName, withDefaults } from './new-agents.ts';
import { emailsIn, givenName, hasAny, selectorIn, urlsIn, withoutAddresses } from './request-text.ts';
import { scheduleIn } from './schedule-phrases.ts';
import { portalSpec } from './spec-templates.ts';
import {
  defaultDocuments,
  documentExtensions,
  documentNouns,
  downloadWords,
  fileLinkLayouts,
  fileTypes,
  genericHostParts,
  notPortalNames,
  portalNouns,
  signInPathPattern,
  signInWords,
} from './vocabulary/portal-vocabulary.ts';

/** What the planner keeps while it waits for answers about a portal agent. */
export interface PortalDraft {
  kind: 'portal';
  noun: string;
  name: string;
  /** Whether the request said which files: when not, and no selector is given, it asks. */
  filesNamed: boolean;
  extensions: string[];
  linkSelector?: string;
  loginUrl?: string;
  listingUrl?: string;
  /** The portal's name in the request: "our bank portal" → bank-portal. */
  service?: string;
  username?: string;
  schedule?: { words: string; timezone?: string };
  goal: string;
  /** A picture of a page is what the agent keeps, not files (capture-planning.ts). */
  capture?: CaptureReading;
}

const fileTypeWords = Object.values(fileTypes).flatMap((type) => type.words);
const documentWords = documentNouns.flatMap((entry) => entry.words);

/**
 * Whether a request asks for an agent that works in a browser: one that signs in somewhere and
 * fetches files from there, or one that keeps screenshots of a page.
 */
export function isPortalRequest(text: string): boolean {
  if (isCaptureRequest(text)) return true;
  const lower = withoutAddresses(text);
  return hasAny(lower, signInWords) && hasAny(lower, [...downloadWords, ...documentWords, ...fileTypeWords]);
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

const isSignInPage = (url: string) => {
  try {
    return signInPathPattern.test(new URL(url).pathname);
  } catch {
    return false;
  }
};

/** The portal's name from "our bank portal", "the supplier portal", "my Acme account". */
function portalNameIn(lower: string): string | undefined {
  const nouns = portalNouns.join('|');
  const found = new RegExp(`\\b((?:[a-z0-9-]+\\s+){0,1}[a-z0-9-]+)\\s+(${nouns})\\b`).exec(lower);
  if (!found?.[1]) return undefined;
  const words = found[1].split(/\s+/).filter((word) => !notPortalNames.has(word));
  if (words.length === 0) return undefined;
  return [...words, ...(found[2] === 'portal' ? ['portal'] : [])].join('-');
}

/** A service name from the portal's host: portal.acme.com → acme-portal. */
function serviceFromHost(host: string): string {
  const hostname = host.split(':')[0] ?? host;
  if (/^[\d.]+$/.test(hostname) || hostname === 'localhost') return 'portal';
  const parts = hostname.split('.').slice(0, -1);
  const owner = parts.find((part) => !genericHostParts.has(part));
  if (!owner) return 'portal';
  // A service name is at most 60 characters (room left for a "-2") and starts with a letter or digit.
  const name = `${owner
    .replace(/[^a-z0-9-]/g, '')
    .replace(/^-+/, '')
    .slice(0, 53)}-portal`;
  return serviceSchema.safeParse(name).success ? name : 'portal';
}

function usernameIn(text: string): string | undefined {
  const email = emailsIn(text)[0];
  if (email) return email;
  return (
    // "log in as ada", "sign into https://… as ada": one word (the address) may stand between.
    /\b(?:in|on|into|to)\s+(?:\S+\s+)?as\s+["'“]?([^\s"'”,]+)/i.exec(text)?.[1] ??
    /\buser ?name\s+(?:is\s+)?["'“]?([^\s"'”,]+)/i.exec(text)?.[1]
  );
}

/** What the request calls the files, and the types it names. */
function filesIn(lower: string) {
  const noun = documentNouns.find((entry) => hasAny(lower, entry.words));
  const types = Object.values(fileTypes).filter((type) => hasAny(lower, type.words));
  return { noun, extensions: [...new Set(types.flatMap((type) => type.extensions))] };
}

/** A draft from a request, with the addresses read as the sign-in page and the listing. */
export function readPortalRequest(text: string): PortalDraft {
  const lower = withoutAddresses(text);
  const urls = urlsIn(text);
  const loginUrl = urls.find(isSignInPage);
  const listingUrl = urls.find((url) => url !== loginUrl);
  const { noun, extensions } = filesIn(lower);
  const schedule = scheduleIn(text);
  const username = usernameIn(text);
  const given = givenName(text);
  return {
    kind: 'portal',
    noun: noun?.noun ?? defaultDocuments.noun,
    // A quoted user name is not the agent's name.
    name: (given !== username ? given : undefined) ?? noun?.name ?? defaultDocuments.name,
    filesNamed: noun !== undefined || extensions.length > 0,
    extensions,
    linkSelector: selectorIn(text),
    loginUrl,
    listingUrl,
    service: portalNameIn(lower),
    username,
    schedule: schedule?.kind === 'found' ? { words: schedule.words, timezone: schedule.timezone } : undefined,
    goal: text.slice(0, 500),
    ...(isCaptureRequest(text) ? { capture: readCapture(text) } : {}),
  };
}

/** The login account the agent signs in with: one the workspace has, or the one to connect. */
function accountFor(draft: PortalDraft, request: PlannerRequest) {
  const signInUrl = draft.loginUrl ?? draft.listingUrl;
  const host = hostOf(signInUrl);
  const fits = (connection: ConnectionSnapshot) =>
    connection.kind === 'login' &&
    (!signInUrl ||
      !connection.allowedHosts?.length ||
      hostAllowed(new URL(signInUrl), connection.allowedHosts));
  const named = draft.service ? connectionNamed(request.snapshot, draft.service) : undefined;
  const existing =
    (named && fits(named) ? named : undefined) ??
    (host
      ? (request.snapshot.connections ?? []).find(
          (connection) => connection.allowedHosts?.length && fits(connection),
        )
      : undefined);
  if (existing) {
    return {
      existing,
      reference: existing.label ? `${existing.service}/${existing.label}` : existing.service,
    };
  }
  // A portal named like an account on another host gets a name of its own, from its host.
  let service = (!named && draft.service) || (host ? serviceFromHost(host) : (draft.service ?? 'portal'));
  for (let number = 2; connectionNamed(request.snapshot, service); number++) service = `${service}-${number}`;
  const hosts = [
    ...new Set([draft.loginUrl, draft.listingUrl].map(hostOf).filter((found) => found !== undefined)),
  ];
  return { existing: undefined, reference: service, hosts };
}

/** Records for the links to download: each match is a link, or holds one. */
function linkRecords(selector: string) {
  // The last element of each part of the selector, with attribute tests (which may hold spaces) left out.
  const targets = selector.split(',').map((part) =>
    part
      .replace(/\[[^\]]*\]/g, '[]')
      .trim()
      .split(/[\s>+~]+/)
      .at(-1),
  );
  const linksThemselves = targets.every((target) => /^a(?=$|[.#[:])/i.test(target ?? ''));
  return {
    selector,
    fields: { href: linksThemselves ? { attribute: 'href' } : { selector: 'a[href]', attribute: 'href' } },
  };
}

function fileLinks(draft: PortalDraft) {
  if (draft.linkSelector)
    return { selector: draft.linkSelector, words: `what matches "${draft.linkSelector}"` };
  const extensions = draft.extensions.length > 0 ? draft.extensions : documentExtensions;
  const selector = [
    ...extensions.map((extension) => `a[href$=".${extension}" i]`),
    // Links marked for download count too, when the request did not narrow the types.
    ...(draft.extensions.length > 0 ? [] : ['a[download]']),
  ].join(', ');
  return {
    selector,
    words: `the links to ${extensions.map((extension) => `.${extension}`).join(', ')} files`,
  };
}

const questions = {
  url: (draft: PortalDraft): PlanQuestion => ({
    id: 'url',
    text: `Which page lists the ${draft.noun} once signed in? Give its address, e.g. https://portal.example.com/documents${draft.loginUrl ? '' : ': it signs in there too, since portals send you to their sign-in page first'}.`,
  }),
  username: (): PlanQuestion => ({
    id: 'username',
    text: 'Which user name (or e-mail) signs in to the portal? Only the name: the password is added afterwards, never in this chat.',
  }),
  records: (): PlanQuestion => ({
    id: 'records',
    text: 'What marks each file to download on that page? Give a CSS selector such as `a.download` or `tr.document a`, or pick one of these.',
    options: Object.keys(fileLinkLayouts),
  }),
};

function proposal(draft: PortalDraft, request: PlannerRequest): PlannerAnswer {
  const { capture } = draft;
  // A capture that does not sign in needs no account.
  const signsIn = !capture || capture.signIn;
  const account = accountFor(draft, request);
  const pending: PlanQuestion[] = [];
  if (capture ? !draft.listingUrl && !draft.loginUrl : !draft.listingUrl)
    pending.push(capture ? capturePageQuestion(capture) : questions.url(draft));
  if (signsIn && !account.existing && !draft.username) pending.push(questions.username());
  if (!capture && !draft.filesNamed && !draft.linkSelector) pending.push(questions.records());
  if (pending.length > 0) {
    return {
      reply: pending.map((question) => question.text).join('\n'),
      plan: {
        summary: capture
          ? 'An agent that takes screenshots of a page, once these are answered.'
          : `An agent that downloads ${draft.noun} from a portal, once these are answered.`,
        questions: pending,
        operations: [],
        draft: { ...draft },
      },
    };
  }
  if (capture) return captureProposal({ ...draft, capture }, account, request);
  const listingUrl = draft.listingUrl as string;
  const loginUrl = draft.loginUrl ?? listingUrl;
  const links = fileLinks(draft);
  const spec = portalSpec({
    name: uniqueName(draft.name, request.snapshot.agents),
    goal: draft.goal,
    connection: account.reference,
    loginUrl,
    listingUrl,
    noun: draft.noun,
    links: linkRecords(links.selector),
  });
  const what = `signs in at ${loginUrl} with the "${account.reference}" login, reads every page of ${listingUrl}, downloads ${links.words} it has not downloaded before into the run's files, and remembers them`;
  return proposeAgent(spec, what, draft, account, request);
}

/** A capture agent's plan: its spec, and the login it signs in with when it signs in. */
function captureProposal(
  draft: PortalDraft & { capture: CaptureReading },
  account: PortalAccount,
  request: PlannerRequest,
): PlannerAnswer {
  const name = uniqueName(
    captureName(draft.capture, (draft.listingUrl ?? draft.loginUrl) as string),
    request.snapshot.agents,
  );
  const connection = draft.capture.signIn ? account.reference : undefined;
  const { spec, words } = captureSpecFor(draft, name, connection);
  return proposeAgent(spec, words, draft, draft.capture.signIn ? account : undefined, request);
}

type PortalAccount = ReturnType<typeof accountFor>;

/**
 * The plan for a browser agent: the login to connect first when the workspace has none (no test
 * run then: it would only wait for the password), the agent, a test run, and its schedule.
 * `account` is undefined for an agent that signs in nowhere.
 */
function proposeAgent(
  spec: { name: string },
  what: string,
  draft: PortalDraft,
  account: PortalAccount | undefined,
  request: PlannerRequest,
): PlannerAnswer {
  const operations: PlanOperation[] = [];
  if (account && !account.existing) {
    const settings = {
      username: draft.username,
      allowedHosts: account.hosts,
      ...(draft.loginUrl ? { loginUrl: draft.loginUrl } : {}),
    };
    const checked = connectionSettings.login.safeParse(settings);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return {
        reply: `I cannot connect the portal's login so: ${issue?.path.join('.')}: ${issue?.message}.`,
      };
    }
    operations.push({
      type: 'connectAccount',
      service: account.reference,
      kind: 'login',
      label: '',
      settings,
    });
  }
  operations.push({ type: 'createAgent', spec: withDefaults(spec) });
  // A test run before the password is added would only fail waiting for it.
  if (!account || account.existing)
    operations.push({ type: 'runAgent', agentName: spec.name, input: {}, test: true });
  const scheduled = scheduleNewAgent(spec.name, draft.schedule, request);
  if (scheduled.operation) operations.push(scheduled.operation);
  if (!account || account.existing) {
    return {
      reply: `I will create "${spec.name}", which ${what}; then I test it once.${scheduled.reply} Approve the plan to go ahead.`,
      plan: { summary: `Create "${spec.name}" and test it${scheduled.summary}.`, questions: [], operations },
    };
  }
  return {
    reply: `I will connect a "${account.reference}" login for ${draft.username}, whose password is sent only to ${account.hosts?.join(', ')}, and create "${spec.name}", which ${what}.${scheduled.reply} Secrets never pass through this chat: once you approve, add the password on the account's page (the approval's result links to it; through the API: PATCH /api/workspaces/:ws/connections/:id {"secret": {"password": "…"}}, and "totpSecret" when it signs in with a one-time code), then run it. I do not test it now: it would fail waiting for the password.`,
    plan: {
      summary: `Connect a "${account.reference}" login (sent only to ${account.hosts?.join(', ')}; its password is added afterwards, outside the chat) and create "${spec.name}"${scheduled.summary}.`,
      questions: [],
      operations,
    },
  };
}

/** A request for a portal agent, answered with a plan or the questions it needs answered. */
export function planPortalRequest(text: string, request: PlannerRequest): PlannerAnswer {
  return proposal(readPortalRequest(text), request);
}

/** An answer to a portal draft's questions; undefined when it answers none of them. */
export function continuePortalDraft(
  draft: PortalDraft,
  text: string,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const next: PortalDraft = { ...draft };
  for (const url of urlsIn(text)) {
    if (!next.loginUrl && isSignInPage(url) && next.listingUrl) next.loginUrl = url;
    else if (!next.listingUrl && !isSignInPage(url)) next.listingUrl = url;
    else if (!next.loginUrl && isSignInPage(url)) next.loginUrl = url;
  }
  const rest = withoutAddresses(text).trim();
  const layout = Object.values(fileLinkLayouts).find((entry) => hasAny(rest, entry.words));
  if (!next.filesNamed && !next.linkSelector) {
    const selector = selectorIn(text) ?? layout?.selector;
    if (selector) next.linkSelector = selector;
    if (selector || layout) next.filesNamed = true;
  }
  // "ada" alone answers "which user name": one word that is no address, selector or layout.
  const alone =
    !layout && /^[^\s.#`][^\s`]*$/.test(rest) && urlsIn(text).length === 0 ? text.trim() : undefined;
  next.username ??= usernameIn(text) ?? alone;
  if (JSON.stringify(next) === JSON.stringify(draft)) return undefined;
  return proposal(next, request);
}
