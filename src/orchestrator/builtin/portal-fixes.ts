// "It only gets the first page", "the files are now under Reports", "the login page changed":
// a person telling the built-in planner a portal agent went wrong. The agent is the one named, or
// the one the conversation is about ("it"), or the workspace's only portal agent; with two that
// fit, it asks which. The plan changes the agent (portal-fix-specs.ts) and runs it once as a test,
// whose report compares what it got with its last run (run-comparison.ts). A changed sign-in page
// without its address is a question, answered in the next message.
import type { AgentSpec } from '../../domain/agent-spec.ts';
import type { PlanOperation, PlanQuestion } from '../../domain/plan.ts';
import { hostAllowed } from '../../vault/connection-rules.ts';
import { connectionPagePath } from '../../vault/missing-secret.ts';
import { connectionNamed, connectionReferenceOf } from '../connection-help.ts';
import type { PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { chosenAgent, offeredAgents, whichAgent } from './agent-choice.ts';
import { agentsMentioned } from './agent-names.ts';
import { updateOperation } from './new-agents.ts';
import { type PortalFix, readPortalFixes } from './portal-fix-reading.ts';
import {
  changeRecords,
  clickThrough,
  type FixOutcome,
  loginStepOf,
  moveListing,
  moveLogin,
  readsListing,
  walkEveryPage,
} from './portal-fix-specs.ts';
import { urlsIn } from './request-text.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

/** What the planner keeps while it asks which agent, or the sign-in page's new address. */
export interface PortalFixDraft {
  kind: 'portalFix';
  /** The message, whole: the answer completes it. */
  text: string;
  /** Asked which of these agents (ids, in the order offered). */
  candidates?: string[];
  /** Asked for the new sign-in address of this agent. */
  agentId?: string;
}

/** A request for a new agent, not a fix: "create an agent that reads all the pages of …". */
const newAgentStart =
  /^(?:please\s+|can you\s+|could you\s+|i want\s+|i need\s+)?(?:create|build|make\s+(?:me\s+)?(?:a|an)|set up|add)\b/i;
/** A question about the agent, not a complaint: "does it read all the pages?". */
const plainQuestion =
  /^(?:how|what|when|which|who|did|does|do|is|are|has|have|can|could|will|would)\b[^?]*\?\s*$/i;

/** Verbs that ask an agent to fetch something: with an address, a request for a new agent. */
const fetchVerbs = /\b(?:download|save|collect|grab|fetch|scrape|gather|pull)(?:s|es|ing)?\b/i;

/** The words that name no agent: addresses, selectors, quoted link texts, the place the files moved to. */
function namingWords(text: string, fixes: readonly PortalFix[]): string {
  let words = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/`[^`]*`|["“][^"”]*["”]|(?:^|\s)[a-z]*[.#][\w-]+\S*/gi, ' ');
  for (const fix of fixes) {
    const label =
      fix.kind === 'moved' ? fix.label : fix.kind === 'pages' ? fix.next?.replace(/^text=/, '') : undefined;
    if (label) words = words.split(label).join(' ');
  }
  return words;
}

type Choice =
  | { kind: 'one'; agent: SnapshotAgent }
  | { kind: 'several'; agents: SnapshotAgent[] }
  | { kind: 'none' };

/** The agent the message is about, among those the fixes fit. */
function chooseAgent(
  text: string,
  fixes: readonly PortalFix[],
  candidates: readonly SnapshotAgent[],
  request: PlannerRequest,
): Choice {
  const named = agentsMentioned(namingWords(text, fixes), request.snapshot.agents).map((match) => match.item);
  const namedCandidates = named.filter((agent) => candidates.includes(agent));
  if (named.length > 0) {
    const [only] = namedCandidates;
    if (namedCandidates.length === 1 && only) return { kind: 'one', agent: only };
    return namedCandidates.length > 1 ? { kind: 'several', agents: namedCandidates } : { kind: 'none' };
  }
  const spoken = request.snapshot.agents.find((agent) => agent.name === request.lastAgentName);
  if (spoken && candidates.includes(spoken)) return { kind: 'one', agent: spoken };
  // "It" about an agent that reads no listing: not this kind of fix.
  if (spoken && /\b(?:it|its|it's|that agent|this agent|that one|this one)\b/i.test(text))
    return { kind: 'none' };
  const [only] = candidates;
  if (candidates.length === 1 && only) return { kind: 'one', agent: only };
  return candidates.length > 1 ? { kind: 'several', agents: [...candidates] } : { kind: 'none' };
}

/** The agents a set of fixes can apply to: those that sign in, or read a listing. */
function fitting(fixes: readonly PortalFix[], agents: readonly SnapshotAgent[]) {
  const signIn = fixes.some((fix) => fix.kind === 'login');
  return agents.filter((agent) => (signIn ? loginStepOf(agent.spec) : readsListing(agent.spec)));
}

/** A message that says a portal agent went wrong, answered with the plan that fixes it (or a question). */
export function planPortalFix(request: PlannerRequest): PlannerAnswer | undefined {
  const text = request.text.trim();
  if (newAgentStart.test(text) || plainQuestion.test(text)) return undefined;
  const fixes = readPortalFixes(text);
  if (fixes.length === 0) return undefined;
  // An address that no fix takes is a page for a new agent ("read all the pages of https://…").
  const addressTaken = fixes.some((fix) => fix.kind === 'listingUrl' || (fix.kind === 'login' && fix.url));
  if (urlsIn(text).length > 0 && (!addressTaken || fetchVerbs.test(text))) return undefined;
  const candidates = fitting(fixes, request.snapshot.agents);
  if (candidates.length === 0) return undefined;
  const choice = chooseAgent(text, fixes, candidates, request);
  if (choice.kind === 'none') return undefined;
  if (choice.kind === 'several') return askWhich(text, choice.agents);
  return planFixes(choice.agent, fixes, text, request);
}

function askWhich(text: string, agents: readonly SnapshotAgent[]): PlannerAnswer {
  const question = whichAgent(agents);
  return {
    reply: question.text,
    plan: {
      summary: 'Waiting to know which agent to fix.',
      questions: [question],
      operations: [],
      draft: {
        kind: 'portalFix',
        text,
        candidates: agents.map((agent) => agent.id),
      } satisfies PortalFixDraft,
    },
    referents: agents.map((agent) => agent.name),
  };
}

function askSignInAddress(agent: SnapshotAgent, text: string): PlannerAnswer {
  const login = loginStepOf(agent.spec);
  const old = typeof login?.with.url === 'string' ? ` (it signs in at ${login.with.url} now)` : '';
  const question: PlanQuestion = {
    id: 'url',
    text: `Which address is the sign-in page of "${agent.name}" now${old}? Give it, e.g. https://portal.example.com/signin.`,
  };
  return {
    reply: `I can point "${agent.name}" at its new sign-in page. ${question.text}`,
    plan: {
      summary: `Waiting for the new sign-in address of "${agent.name}".`,
      questions: [question],
      operations: [],
      draft: { kind: 'portalFix', text, agentId: agent.id } satisfies PortalFixDraft,
    },
  };
}

/** One fix applied to the spec; the order they are applied in lets each build on the one before. */
function applyFix(spec: AgentSpec, fix: PortalFix): FixOutcome {
  switch (fix.kind) {
    case 'login':
      return fix.url ? moveLogin(spec, fix.url) : { problem: 'the new sign-in address is missing' };
    case 'selector':
      return changeRecords(spec, fix.selector, fix.container);
    case 'listingUrl':
      return moveListing(spec, fix.url);
    case 'pages':
      return walkEveryPage(spec, { next: fix.next, mode: fix.mode });
    case 'moved':
      return clickThrough(spec, fix.label);
  }
}

const fixOrder: PortalFix['kind'][] = ['login', 'selector', 'listingUrl', 'pages', 'moved'];

/** What else a moved sign-in page needs, that a plan cannot do: said, never done in chat. */
function signInNotes(agent: SnapshotAgent, url: string, snapshot: WorkspaceSnapshot): string {
  const reference = connectionReferenceOf(loginStepOf(agent.spec));
  const connection = reference ? connectionNamed(snapshot, reference) : undefined;
  if (!connection) return '';
  const name = connection.label ? `${connection.service}/${connection.label}` : connection.service;
  const page = connectionPagePath(connection);
  const notes: string[] = [];
  let address: URL | undefined;
  try {
    address = new URL(url);
  } catch {
    address = undefined;
  }
  const hosts = connection.allowedHosts ?? [];
  if (address && hosts.length > 0 && !hostAllowed(address, hosts))
    notes.push(
      ` The "${name}" account sends its password only to ${hosts.join(', ')}: the sign-in at ${address.host} is refused until an admin adds that host to the account on its page, ${page}, giving the password again there (never in this chat).`,
    );
  if (connection.loginUrl && connection.loginUrl !== url)
    notes.push(
      ` The "${name}" account's own sign-in page (where its test signs in) is still ${connection.loginUrl}: an admin can change it on its page, ${page}, with the password again, since Orca asks for a secret again whenever it would be sent somewhere new.`,
    );
  return notes.join('');
}

function planFixes(
  agent: SnapshotAgent,
  fixes: readonly PortalFix[],
  text: string,
  request: PlannerRequest,
): PlannerAnswer {
  const login = fixes.find((fix) => fix.kind === 'login');
  if (login && !login.url) return askSignInAddress(agent, text);
  let spec = agent.spec;
  const changes: string[] = [];
  const problems: string[] = [];
  const ordered = [...fixes].sort((a, b) => fixOrder.indexOf(a.kind) - fixOrder.indexOf(b.kind));
  for (const fix of ordered) {
    const outcome = applyFix(spec, fix);
    if ('problem' in outcome) problems.push(outcome.problem);
    else {
      spec = outcome.spec;
      changes.push(outcome.words);
    }
  }
  if (changes.length === 0)
    return { reply: `I cannot change "${agent.name}" so: ${problems.join('; ')}.`, referents: [agent.name] };
  const operations: PlanOperation[] = [updateOperation(agent, spec)];
  const required = (agent.spec.input as { required?: unknown[] } | undefined)?.required ?? [];
  const testable = agent.status === 'active' && required.length === 0;
  if (testable)
    operations.push({ type: 'runAgent', agentId: agent.id, agentName: agent.name, input: {}, test: true });
  const test = testable
    ? ', then test it once and compare what it gets with its last run'
    : agent.status === 'paused'
      ? ' (it is paused, so I do not test it now: resume it to run it)'
      : ' (it needs input to run, so I do not test it now)';
  const notes = login?.url ? signInNotes(agent, login.url, request.snapshot) : '';
  const left = problems.length > 0 ? ` I leave the rest as it is: ${problems.join('; ')}.` : '';
  return {
    reply: `I will change "${agent.name}" to ${changes.join('; ')}${test}.${left}${notes} Approve to make it version ${agent.version + 1}.`,
    plan: {
      summary: `Change "${agent.name}": ${changes.join('; ')}${testable ? '; then test it' : ''}.`,
      questions: [],
      operations,
    },
  };
}

/** The answer to a portal fix's question: which agent, or the sign-in page's new address. */
export function continuePortalFixDraft(
  draft: PortalFixDraft,
  text: string,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const { agents } = request.snapshot;
  if (draft.candidates) {
    const agent = chosenAgent(text, offeredAgents(agents, draft.candidates));
    return agent ? planFixes(agent, readPortalFixes(draft.text), draft.text, request) : undefined;
  }
  const agent = agents.find((candidate) => candidate.id === draft.agentId);
  const url = urlsIn(text)[0];
  if (!agent || !url) return undefined;
  const fixes = readPortalFixes(draft.text).map((fix) => (fix.kind === 'login' ? { ...fix, url } : fix));
  return planFixes(agent, fixes, draft.text, request);
}
