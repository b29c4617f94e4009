// Several requests in one message: each part is planned on its own, in order, through the
// planner's one-request path, and the operations join into one plan with one summary. A later
// part's "it" is the agent of the part before, even one the plan only creates (found by its
// planned name when the plan is applied). A part that cannot be planned is never dropped: the plan
// waits with a question about it, and the answer re-plans the whole message.

import type { AgentSpec } from '../../domain/agent-spec.ts';
import type { PlanOperation, PlanQuestion } from '../../domain/plan.ts';
import type { PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { agentsMentioned, nameWords } from './agent-names.ts';
import {
  addressList,
  afterLeadingName,
  asksAboutWorkspace,
  masked,
  nameLedList,
  objectList,
  opensRequest,
  repeatedPrepositionList,
  scheduleLedList,
  sharedVerbList,
  splitClauses,
} from './clause-splitting.ts';
import { asksForDigest } from './digest-planning.ts';
import { parseDraft } from './drafts.ts';
import { listedRequests } from './listed-requests.ts';
import { numberedAgents } from './numbered-agents.ts';
import { addToPendingPlan } from './pending-plan-additions.ts';
import { addedRequest } from './pending-plan-growth.ts';
import { isCorrection } from './plan-corrections.ts';
import { isPortalRequest } from './portal-planning.ts';
import { withoutAsides } from './request-asides.ts';
import { hasAny, urlsIn } from './request-text.ts';
import { scheduleIn } from './schedule-phrases.ts';
import { copyAddressPattern, duplicatePatterns, leadIns } from './vocabulary/agent-verb-vocabulary.ts';
import { connectPatterns } from './vocabulary/connect-vocabulary.ts';
import { createWords, noWords } from './vocabulary/vocabulary.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];
type PlanOne = (request: PlannerRequest) => Promise<PlannerAnswer>;

/** What the plan keeps while it waits for an answer about one of the parts. */
export interface SeveralDraft {
  kind: 'several';
  parts: string[];
  /** The part the question is about. */
  pending: number;
  /** That part's own draft, when its planner asked the question. */
  inner?: Record<string, unknown>;
}

/** An agent the plan creates stands in the workspace under this id until the plan is applied. */
const plannedPrefix = 'planned:';

/** Replies that mean the part was not understood, as opposed to an answer ("already paused"). */
const notUnderstood =
  /did not understand|Do you want to run, change|What should I change in|not sure what to change|could not find an agent|Which agent should/;

/**
 * Verbs whose part is done only by a plan that does what they say: "rename B to C" answered with
 * anything but a new name is a part not understood (a question naming it), never a wrong plan.
 */
const verbsThatNeed: { verb: RegExp; done: (operations: readonly PlanOperation[]) => boolean }[] = [
  {
    verb: /^(?:please\s+)?rename\b/i,
    done: (operations) =>
      operations.some(
        (operation) =>
          /rename/i.test(operation.type) ||
          (operation.type === 'updateAgent' &&
            (operation.spec as { name?: unknown }).name !==
              (operation.before as { name?: unknown } | undefined)?.name),
      ),
  },
];

function unmet(part: string, answer: PlannerAnswer): string | undefined {
  const need = verbsThatNeed.find((entry) => entry.verb.test(part.trim()));
  if (!need || (answer.plan?.questions.length ?? 0) > 0) return undefined;
  return need.done(answer.plan?.operations ?? []) ? undefined : 'I did not understand it.';
}

/** The agent a part acts on first: "it" in the next part. */
function subjectOf(operations: readonly PlanOperation[], part = ''): string | undefined {
  for (const operation of operations) {
    if (operation.type === 'createAgent') return String(operation.spec.name);
    // "Unchain the reporting agent from the lead scraper and have it run after …": the agent the
    // part named first, whichever end of the chain it is.
    if (operation.type === 'chainAgents' || operation.type === 'unchainAgents')
      return namedFirst(part, [operation.from.agentName, operation.to.agentName]);
    if ('agentName' in operation) return operation.agentName;
  }
  return undefined;
}

/** Of these names, the one whose own words the text says first; the first name when none is said. */
function namedFirst(text: string, names: readonly [string, string]): string {
  const lower = text.toLowerCase();
  const words = names.map((name) =>
    name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length >= 3),
  );
  const positions = names.map((_, index) => {
    const own = (words[index] ?? []).filter((word) => !(words[1 - index] ?? []).includes(word));
    const found = own
      .map((word) => lower.search(new RegExp(`\\b${word.slice(0, Math.max(4, word.length - 2))}`)))
      .filter((at) => at >= 0);
    return found.length > 0 ? Math.min(...found) : Number.POSITIVE_INFINITY;
  });
  return (positions[1] ?? Number.POSITIVE_INFINITY) < (positions[0] ?? Number.POSITIVE_INFINITY)
    ? names[1]
    : names[0];
}

/**
 * The one agent a part that planned nothing spoke of: "resume the reporter (already active) and
 * run it" runs the reporter. The answer's own referents first, else the one agent the part names.
 */
function spokenOf(part: string, answer: PlannerAnswer, agents: readonly SnapshotAgent[]): string | undefined {
  if (answer.referents?.length === 1) return answer.referents[0];
  const named = agentsMentioned(part, agents);
  return named.length === 1 ? named[0]?.item.name : undefined;
}

/** "Send the results …", "pass the output …": results handed on, without saying whose. */
const handsOnResults =
  /^((?:please\s+)?(?:send|pass|forward|feed|hand|push|post))\s+(?:the|its|their)\s+(results?|outputs?|data|findings)\b/i;

/** "Try again", "run again", "rerun": a run with no agent said. */
const bareRun =
  /^((?:please\s+)?(?:try|run|rerun|retry|test|start|kick off|re-?run))(\s+(?:again|once more|now|right away))?\s*[.!]*$/i;

/** "run it hourly" with the agent written in: the one-request path finds agents by name. */
function withReferent(part: string, referent: string | undefined, agents: readonly SnapshotAgent[]) {
  if (!referent) return part;
  // "Send the results to the reporter": whose results goes without saying; the agent of before.
  const handed = handsOnResults.exec(part);
  if (handed && !agentsMentioned(handed[0], agents).length)
    return part.replace(handsOnResults, (_, verb: string, what: string) => `${verb} ${referent}'s ${what}`);
  // "Once it's done start the data collector": the condition's "it" is the agent of before.
  const ending = /^((?:when|whenever|once|after|as soon as|every time)\s+)it(?:(?:'|’)s\b|\b)/i;
  if (ending.test(part))
    return part.replace(
      ending,
      (said, opening: string) => `${opening}${referent}${/s$/i.test(said) ? ' is' : ''}`,
    );
  // "Delete the old reporting agent and make the new one …": the one named alike without "old".
  const counterpart = /\bthe\s+(?:new|newer|current|other)\s+one\b/i.exec(part)
    ? renamedCounterpart(referent, agents)
    : undefined;
  if (counterpart) return part.replace(/\bthe\s+(?:new|newer|current|other)\s+one\b/i, counterpart);
  if (agentsMentioned(part, agents).length > 0) return part;
  // "… and email me the results": the agent of before tells (a condition's "it" is named below).
  if (
    /^(?:e-?mail|mail|notify|alert|ping|message|text)\s+(?:me|us)\b/i.test(part.trim()) &&
    !/\b(?:when|whenever|if|only|unless)\b|\b(?:it|its|them|they)\b/i.test(part)
  )
    return `have ${referent} ${part.trim()}`;
  // "… fix it and try again", "then run again": a verb alone acts on the agent of before.
  if (bareRun.test(part.trim()))
    return part.trim().replace(bareRun, (_, verb: string, rest = '') => `${verb} ${referent}${rest}`);
  // A part that makes a new agent keeps its own "it" ("tell me when it changes").
  // "… and change its url to https://…" is the agent before, pointed elsewhere.
  const repointed = /^(?:please\s+)?(?:change|point|switch|update|set|move|make)\s+(?:it|its)\b/i.test(part);
  if (hasAny(part, createWords) || (/https?:\/\//.test(part) && !repointed)) return part;
  // "When its done" is "when it's done", typed without the apostrophe: not a possessive. Only
  // the first pronoun is the agent named: "have it e-mail me when it's done" keeps the second.
  return part
    .replace(/\bits\s+(?=(?:done|finished|complete|completed|over|ready|through)\b)/gi, "it's ")
    .replace(
      // "The copy" is the agent this message makes, never one that exists already.
      agents.some((agent) => agent.name === referent && agent.id.startsWith(plannedPrefix))
        ? /\b(?:it(?:'|’)s|its|it|them|that one|this one|the (?:copy|clone|duplicate|new agent))\b/i
        : /\b(?:it(?:'|’)s|its|it|them|that one|this one)\b/i,
      (pronoun) =>
        /^it(?:'|’)s$/i.test(pronoun)
          ? `${referent} is`
          : /^its$/i.test(pronoun)
            ? `${referent}'s`
            : referent,
    );
}

/** "Reporting Agent (old)" → "Reporting Agent": the agent named the same but for "old". */
function renamedCounterpart(name: string, agents: readonly SnapshotAgent[]): string | undefined {
  const plain = (text: string) =>
    text
      .toLowerCase()
      .replace(/\(?\b(?:old|older|legacy|previous|v1)\b\)?/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  if (plain(name) === name.toLowerCase().trim()) return undefined;
  return agents.find((agent) => agent.name !== name && agent.name.toLowerCase().trim() === plain(name))?.name;
}

/** Operations on an agent the plan creates name it only; those that need its id cannot be planned. */
function settled(operation: PlanOperation): PlanOperation | string {
  const planned = (id: string | undefined) => id?.startsWith(plannedPrefix) === true;
  switch (operation.type) {
    case 'runAgent':
    case 'scheduleAgent':
      if (!planned(operation.agentId)) return operation;
      return { ...operation, agentId: undefined };
    case 'chainAgents':
      return {
        ...operation,
        from: planned(operation.from.agentId) ? { agentName: operation.from.agentName } : operation.from,
        to: planned(operation.to.agentId) ? { agentName: operation.to.agentName } : operation.to,
      };
    case 'createAgent':
    case 'connectAccount':
      return operation;
    case 'unchainAgents':
      return planned(operation.from.agentId) || planned(operation.to.agentId)
        ? `"${operation.from.agentName}" and "${operation.to.agentName}" are not chained yet`
        : operation;
    default:
      return planned(operation.agentId)
        ? `"${operation.agentName}" does not exist until this plan is approved: ask for that once it is.`
        : operation;
  }
}

function withoutUndefined(operation: PlanOperation): PlanOperation {
  return JSON.parse(JSON.stringify(operation)) as PlanOperation;
}

interface PartOutcome {
  part: string;
  answer: PlannerAnswer;
  /** Why the part could not be planned, when it could not. */
  refused?: string;
  /** A question answered in words: what its answer offers is not in the plan. */
  offeredOnly?: boolean;
  /** The later part (counted from 1) whose schedule for the same agent replaced this one's. */
  replacedBy?: number;
}

/** The plan for the parts, in order, with "it" carried from each to the next. */
async function planParts(
  parts: readonly string[],
  request: PlannerRequest,
  planOne: PlanOne,
  answered?: { index: number; text: string; draft?: Record<string, unknown> },
): Promise<PlannerAnswer> {
  const agents: SnapshotAgent[] = [...request.snapshot.agents];
  const outcomes: PartOutcome[] = [];
  const operations: PlanOperation[] = [];
  /** The part each operation came from, in step with `operations`. */
  const owners: PartOutcome[] = [];
  let referent = request.lastAgentName;
  for (const [index, part] of parts.entries()) {
    const snapshot = { ...request.snapshot, agents: [...agents] };
    const reanswered = answered?.index === index ? answered : undefined;
    // "Pause the reporter, and try again": a run right after a pause or a delete is not of that
    // agent; it is of the one the conversation was about, else asked.
    const stopped = operations.some(
      (operation) =>
        (operation.type === 'pauseAgent' || operation.type === 'deleteAgent') &&
        operation.agentName === referent,
    );
    const runReferent =
      stopped && bareRun.test(part.trim())
        ? request.lastAgentName !== referent
          ? request.lastAgentName
          : undefined
        : referent;
    const text = reanswered?.draft ? reanswered.text : withReferent(part, runReferent, agents);
    const planned = { ...request, snapshot, draft: reanswered?.draft, lastAgentName: referent };
    let answer = await planOne({ ...planned, text });
    // "An API key for airtable and an agent on https://api.airtable.com/…": the host is said.
    const host = asksHost(answer) ? addressElsewhere(parts, index, text) : undefined;
    if (host) answer = await planOne({ ...planned, text: `${text} at ${host}` });
    const outcome: PartOutcome = { part, answer, refused: unmet(part, answer) };
    outcomes.push(outcome);
    // "Run X now, and tell me why it failed last time": the answer is what was asked; a fix it
    // offers is said in the reply, and planned only when asked for.
    outcome.offeredOnly =
      parts.length > 1 && asksAboutWorkspace(part) && (answer.plan?.questions.length ?? 0) === 0;
    for (const operation of outcome.refused || outcome.offeredOnly ? [] : (answer.plan?.operations ?? [])) {
      const kept = settled(operation);
      if (typeof kept === 'string') {
        outcome.refused = kept;
        continue;
      }
      // A new agent is tested when it is created: "and test it" adds no second run.
      const repeated =
        kept.type === 'runAgent' &&
        operations.some(
          (earlier) => earlier.type === 'runAgent' && earlier.agentName === kept.agentName && !kept.agentId,
        );
      // "Rename X to Y and have it e-mail me": both changes, planned one on top of the other, are
      // one new version of X (two updates of one version would refuse the second at approval).
      const earlier =
        kept.type === 'updateAgent'
          ? operations.findIndex((other) => other.type === 'updateAgent' && other.agentId === kept.agentId)
          : -1;
      const previous = operations[earlier];
      // "Take X off its monday slot and run it on the 1st instead": an agent has one schedule, so
      // a second repeating schedule for it replaces the first (one-off runs add up instead).
      const replaced =
        kept.type === 'scheduleAgent' && !kept.runAt
          ? operations.findIndex(
              (other) =>
                ((other.type === 'scheduleAgent' && !other.runAt) || other.type === 'unscheduleAgent') &&
                other.agentName === kept.agentName,
            )
          : -1;
      const replacedSchedule = operations[replaced];
      if (kept.type === 'scheduleAgent' && replacedSchedule) {
        operations[replaced] = withoutUndefined({
          ...kept,
          before: replacedSchedule.type === 'scheduleAgent' ? replacedSchedule.before : kept.before,
        });
        const owner = owners[replaced];
        if (owner && owner !== outcome) owner.replacedBy = outcomes.length;
        owners[replaced] = outcome;
      } else if (kept.type === 'updateAgent' && previous?.type === 'updateAgent')
        operations[earlier] = withoutUndefined({
          ...kept,
          agentName: previous.agentName,
          before: previous.before,
        });
      else if (!repeated) {
        operations.push(withoutUndefined(kept));
        owners.push(outcome);
      }
      // Later parts see the agent as the plan changes it: its new spec (a new name included),
      // found by the name it has until the plan is approved.
      if (kept.type === 'updateAgent') {
        const at = agents.findIndex((agent) => agent.id === kept.agentId);
        const agent = agents[at];
        if (agent) agents[at] = { ...agent, spec: kept.spec as unknown as AgentSpec };
      }
      // "Resume X, schedule it …": the later parts see X as the plan leaves it.
      if (kept.type === 'resumeAgent' || kept.type === 'pauseAgent') {
        const at = agents.findIndex((agent) => agent.name === kept.agentName);
        const agent = agents[at];
        if (agent) agents[at] = { ...agent, status: kept.type === 'resumeAgent' ? 'active' : 'paused' };
      }
      if (kept.type === 'createAgent') {
        const spec = kept.spec as unknown as AgentSpec;
        agents.push({
          id: `${plannedPrefix}${spec.name}`,
          name: spec.name,
          status: 'active',
          version: 1,
          spec,
        });
      }
    }
    const plannedAny = (answer.plan?.operations.length ?? 0) > 0;
    // "… also what's wrong with X?": the answer is what was asked; a fix it offers is not waited for.
    const asks = (answer.plan?.questions.length ?? 0) > 0 && !asksAQuestion(part);
    if (!plannedAny && !asks && notUnderstood.test(answer.reply)) outcome.refused = answer.reply;
    referent = subjectOf(answer.plan?.operations ?? [], part) ?? spokenOf(part, answer, agents) ?? referent;
    if (asks || outcome.refused) {
      return waiting(parts, index, outcome, outcomes.slice(0, -1));
    }
  }
  const summaries = outcomes
    .map((outcome) => (outcome.offeredOnly || outcome.replacedBy ? undefined : outcome.answer.plan?.summary))
    .filter((summary): summary is string => Boolean(summary));
  if (operations.length === 0) {
    return { reply: outcomes.map((outcome) => outcome.answer.reply).join('\n') };
  }
  return {
    reply: [
      `Your message asks for ${outcomes.length} things; in this order:`,
      ...outcomes.map((outcome, index) =>
        outcome.replacedBy
          ? `${index + 1}. "${outcome.part}": an agent keeps one schedule, so part ${outcome.replacedBy}'s below replaces this one (to run at both times, duplicate the agent and schedule the copy).`
          : `${index + 1}. ${outcome.answer.reply.replace(/ Approve[^.]*\.$/, '')}`,
      ),
      'Approve the plan to go ahead; undo takes it all back.',
    ].join('\n'),
    plan: { summary: summaries.join(' Then: '), questions: [], operations },
  };
}

/** "… what's wrong with X?", "tell me why X failed": a question, answered in the reply. */
function asksAQuestion(part: string): boolean {
  return /\?\s*$/.test(part) || /^(?:please\s+)?(?:tell|show|explain|let)\s+(?:me|us)\b/i.test(part.trim());
}

function asksHost(answer: PlannerAnswer): boolean {
  return (answer.plan?.questions ?? []).some((question) => question.id === 'host');
}

/** An address another part of the message gives: the one whose host holds a word of `part` first. */
function addressElsewhere(parts: readonly string[], index: number, part: string): string | undefined {
  const urls = parts.flatMap((other, at) => (at === index ? [] : urlsIn(other)));
  const words = part
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 2);
  const hostOf = (url: string) => {
    try {
      return new URL(url).host.toLowerCase();
    } catch {
      return '';
    }
  };
  return urls.find((url) => words.some((word) => hostOf(url).includes(word))) ?? urls[0];
}

/** Why a part could not be planned, short: the planner's whole list of what it can do is too long here. */
function reasonOf(refused: string): string {
  return /^I did not understand/.test(refused) ? 'I did not understand it.' : refused;
}

/** The plan waits: the part it cannot do, said plainly, with a question the next message answers. */
function waiting(
  parts: readonly string[],
  index: number,
  outcome: PartOutcome,
  before: readonly PartOutcome[],
): PlannerAnswer {
  const own = outcome.refused ? [] : (outcome.answer.plan?.questions ?? []);
  const questions: PlanQuestion[] =
    own.length > 0
      ? own
      : [
          {
            id: 'part',
            text: `I could not do part ${index + 1}, "${outcome.part}": ${reasonOf(outcome.refused ?? '')} What should I do there? Say it in other words, or "skip it".`,
          },
        ];
  const understood = before.map((earlier) => `"${earlier.part}"`);
  const after = parts.slice(index + 1).map((part) => `"${part}"`);
  const reply = [
    `Your message asks for ${parts.length} things.`,
    understood.length > 0 ? `I can do ${understood.join(', ')}.` : undefined,
    own.length > 0
      ? `Part ${index + 1}, "${outcome.part}", needs an answer first: ${own.map((asked) => asked.text).join(' ')}`
      : questions[0]?.text,
    after.length > 0 ? `Then I will plan ${after.join(', ')}.` : undefined,
  ]
    .filter(Boolean)
    .join('\n');
  return {
    reply,
    plan: {
      summary: `${parts.length} requests, waiting for an answer about "${outcome.part}".`,
      questions,
      operations: [],
      draft: {
        kind: 'several',
        parts: [...parts],
        pending: index,
        inner: own.length > 0 ? outcome.answer.plan?.draft : undefined,
      } satisfies SeveralDraft,
    },
  };
}

/**
 * A part that asks in so many words for a new agent ("create …"): its planner reads the schedule
 * said with it. (A bare "scrape X and run it daily" is read as a schedule for an agent, so it stays cut.)
 */
function asksForNewAgent(part: string): boolean {
  // "Make a copy of X called Y and schedule it …": the copy's planner reads no schedule, so the
  // schedule stays a part of its own, on the copy.
  const plain = part.trim().replace(leadIns, '');
  if (duplicatePatterns.some((pattern) => pattern.test(plain))) return false;
  // "Summarise what the agents wrote today": a digest is a new agent too.
  return hasAny(part, createWords) || asksForDigest(part);
}

/** "… and run it every hour" after a new agent is when the new agent runs, not a request of its own. */
const whenItRuns =
  /^(?:run|schedule)\s+(?:it|them)\s+(?!now\b|again\b|once\b)\S|^(?:send|e-?mail|mail|give)\s+(?:me|us)\s+(?:(?:a|an|the|my|our)\s+)?(?:digest|summary|report|rundown|round-?up|results?|list)\s+(?=(?:at|every|each|daily|weekly|on|in\s+the)\b)/i;

/** Words that start a one-off time after a run now: "… and also tomorrow at 8am". */
const oneOffStart =
  '(?:tomorrow|tonight|later(?:\\s+today)?|this\\s+(?:morning|afternoon|evening)|next\\s+\\w+|on\\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|at\\s+\\d|in\\s+(?:\\d+|an?|one|two|three|half)\\s)';

/**
 * "Run X now and then every Sunday at 9pm" is a run now and a schedule: two requests, though only
 * one verb is said. The schedule part runs "it", the agent of the run; so does a one-off time
 * ("run it now and again tomorrow at 8").
 */
const nowThenSchedule = new RegExp(
  String.raw`^(.*?\b(?:now|right away|immediately|straight away|at once|asap)\b)\s*(?:,\s*)?(?:and\s+)?(?:then\s+|also\s+|again\s+|after that\s+|from then on\s+|from now on\s+|going forward\s+|thereafter\s+)*((?:every|each|daily|hourly|weekly|monthly|nightly|on\s+(?:weekdays|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)|${oneOffStart})\b.*)$`,
  'i',
);

function runNowThenSchedule(part: string): string[] {
  const found = nowThenSchedule.exec(part);
  if (!found?.[1] || !found[2] || !/\b(?:run|rerun|re-run|test|trigger|execute|kick off)\b/i.test(found[1]))
    return [part];
  const schedule = found[2].replace(
    /[,\s]*(?:after that|from then on|thereafter|going forward|afterwards)[.!]?$/i,
    '',
  );
  return [found[1].trim(), `run it ${schedule.trim()}`];
}

/** "Have the reporter run after it": the chain planner reads "run the reporter after it". */
const runsAfter =
  /^(?:have|make|let|get)\s+(.+?)\s+(?:to\s+)?(?:run|start|go)\s+((?:right\s+)?(?:after|once|when)\b.*)$/i;

function plainChain(part: string): string {
  const found = runsAfter.exec(part);
  return found ? `run ${found[1]} ${found[2]}` : part;
}

/** "Give it a test run", "give the reporter a spin": the run planner reads "test …". */
const givenRun = /^(?:give)\s+(.+?)\s+an?\s+(?:quick\s+)?(?:test(?:\s+run)?|try|spin|go|run|whirl)\b(.*)$/i;

function plainRun(part: string): string {
  const found = givenRun.exec(part);
  return found ? `test ${found[1]}${found[2]}` : part;
}

/**
 * "… then send the new posts to https://hooks…" after a request with an address is where that
 * agent reports, not a request of its own (sending to an agent by name is a chain, and stays cut).
 */
const whereItReports = /^(?:send|post|forward|pass)\b.*\bto\s+(?:https?:\/\/|[\w.+-]+@[\w-]+\.)/i;

const onlyFiller =
  /^[\s,.!]*(?:(?:actually|ok(?:ay)?|hmm+|well|so|right|wait|oh|um+|uh+|alright|all right|fine|yes|yeah|sure|then|and|also)[\s,.!]*)+$/i;

/** The message cut into its requests, each an agent list expanded; the message itself when it holds one. */
/**
 * "The weekly and monthly report" as "the weekly report and monthly report": two agents sharing
 * the last word of their names, said once. Only when each side, with that word, names one agent.
 */
export function withSharedNameWord(text: string, agents: readonly { name: string }[]): string {
  return text.replace(
    /\b([a-z][\w.-]*)\s+(?:and|&)\s+([a-z][\w.-]*)\s+([a-z]+?)(s?)\b/gi,
    (said, first: string, second: string, noun: string) => {
      // "The job collector and the data collector" names each whole: nothing is shared.
      const lastWords = new Set(agents.map((agent) => nameWords(agent.name).at(-1)));
      const sides = [first, second].map((side) => nameWords(side)[0] ?? '');
      if (sides.some((side) => side === '' || lastWords.has(side) || /^(?:the|a|an|my|our)$/i.test(side)))
        return said;
      // Each word must be a word of the one agent's name: "lead collector" is no agent.
      const one = (words: string) => {
        const found = agentsMentioned(words, agents);
        const own = new Set(nameWords(found[0]?.item.name ?? ''));
        return found.length === 1 && nameWords(words).every((word) => own.has(word));
      };
      return one(`${first} ${noun}`) && one(`${second} ${noun}`) && !one(`${first} and ${second}`)
        ? `${first} ${noun} and ${second} ${noun}`
        : said;
    },
  );
}

/** "… and e-mail me only when it finds new leads": a notice, said after what the agent should do. */
const noticeJoint =
  /\s*,?\s+and\s+(?:also\s+)?(?=(?:e-?mail|mail|notify|alert|ping|message|text)\s+(?:me|us)\b)/i;

/**
 * "Set the lead scraper to run hourly and email me only when it finds new leads": an agent that
 * exists, a schedule, then a notice: two requests (the schedule was lost when the whole was read
 * as a notice). A new agent's notice stays with it ("monitor X and email me when it changes").
 */
function noticeAfterSchedule(part: string, agents: readonly { name: string }[]): string[] {
  const joint = noticeJoint.exec(part);
  if (!joint || hasAny(part, createWords) || asksForDigest(part) || urlsIn(part).length > 0) return [part];
  const before = part.slice(0, joint.index);
  if (agentsMentioned(before, agents).length !== 1 || scheduleIn(before)?.kind !== 'found') return [part];
  return [before.trim(), part.slice(joint.index + joint[0].length).trim()];
}

/**
 * "The monthly report on the 1st, and the weekly one on tuesdays": "one" stands for the noun of
 * the agent named before it ("report"), when "the weekly report" names exactly one agent.
 */
function withKindOnes(text: string, agents: readonly { name: string }[]): string {
  return text.replace(/\bthe\s+([a-z]+)\s+one\b/gi, (said, adjective: string, at: number) => {
    if (/^(?:new|newer|current|other|old|older|same|first|second|last|next|right|wrong)$/i.test(adjective))
      return said;
    const before = agentsMentioned(text.slice(0, at), agents)[0]?.item.name;
    const noun = before?.split(/\s+/).at(-1)?.toLowerCase();
    if (!noun) return said;
    const named = `the ${adjective} ${noun}`;
    return agentsMentioned(named, agents).length === 1 ? named : said;
  });
}

/** "Update it", "fix that please": asking for the change the words before said. */
const bareChange =
  /^(?:(?:please|pls|so|and|then)\s+)*(?:update|fix|change|correct|adjust|apply|do|sort out)\s+(?:it|that|this|them)(?:\s+(?:out|for me|please|accordingly|then))*\s*[.!]*$/i;

export function requestsIn(text: string, agents: readonly { name: string }[]): string[] {
  const parts: string[] = [];
  // "Run the weekly report now + send results to the reporter": "+" and "&" between words join
  // requests as "and" does.
  const clauses = listedRequests(withKindOnes(text.replace(/(?<=\S)\s+[+&]\s+(?=\S)/g, ' and '), agents), {
    // "The weekly report should run on fridays": an agent, then what it should do.
    opensRequest: (item) =>
      opensRequest(item) ||
      (agentsMentioned(item, agents).length > 0 &&
        /\b(?:should|needs? to|must|has to|have to|is to|to be|runs?|ought to)\b/i.test(item)),
    namesAgent: (item) =>
      agentsMentioned(item, agents).length > 0 &&
      afterLeadingName(masked(item), agents)
        ?.replace(/\b(?:too|as well|also|please|pls)\b|[.,;!]/gi, '')
        .trim() === '',
  })
    .flatMap((item) => numberedAgents(withSharedNameWord(item, agents)))
    .flatMap(splitClauses)
    .map(withoutAsides)
    .flatMap(runNowThenSchedule)
    .map(plainChain)
    .map(plainRun);
  for (const part of clauses) {
    const previous = parts.at(-1);
    const reportsOnPrevious =
      previous !== undefined &&
      whereItReports.test(part) &&
      /https?:\/\//.test(previous) &&
      agentsMentioned(part, agents).length === 0;
    // "Duplicate the monitor and have it watch https://…": where the copy works, not a request.
    const addressOfCopy =
      previous !== undefined &&
      duplicatePatterns.some((pattern) => pattern.test(previous.trim().replace(leadIns, ''))) &&
      urlsIn(part).length === 1 &&
      copyAddressPattern.exec(` ${part}`)?.index === 0;
    // "Its page is now https://…, update it": the change said, then asked for in two words.
    const asksForSaidChange = previous !== undefined && bareChange.test(part.trim());
    if (
      previous !== undefined &&
      ((whenItRuns.test(part) && asksForNewAgent(previous)) ||
        reportsOnPrevious ||
        addressOfCopy ||
        asksForSaidChange)
    ) {
      parts[parts.length - 1] = `${previous} and ${part}`;
    } else {
      const listed = objectList(part, agents);
      const led = nameLedList(part, agents);
      const timed = scheduleLedList(part, agents);
      const linked = repeatedPrepositionList(part, agents);
      const pages = addressList(part);
      const told = noticeAfterSchedule(part, agents);
      parts.push(
        ...(listed.length > 1
          ? listed
          : led.length > 1
            ? led
            : timed.length > 1
              ? timed
              : linked.length > 1
                ? linked
                : pages.length > 1
                  ? pages
                  : told.length > 1
                    ? told
                    : sharedVerbList(part, agents)),
      );
    }
  }
  // "Actually, delete it": a word of hesitation before the request is not a request of its own.
  const requests = parts.filter((part) => !onlyFiller.test(part));
  // One request comes back as it was said: its asides are the one-request path's to read.
  return requests.length > 1 ? requests : [text];
}

/**
 * A message holding several requests, planned as one plan; undefined when it holds one (the
 * planner's own path plans it).
 */
export async function planSeveralIntents(
  request: PlannerRequest,
  planOne: PlanOne,
): Promise<PlannerAnswer | undefined> {
  const draft = parseDraft(request.draft);
  if (draft?.kind === 'several') return continueSeveral(draft, request, planOne);
  // An answer to another question is not a new message to cut up, nor is a correction of the
  // plan waiting ("no wait, pause it instead").
  if (request.draft) return undefined;
  const pending = request.conversation?.pendingPlan;
  if (pending && isCorrection(request.text)) return undefined;
  // "It needs an api key, connect one called shop-api": one addition to the plan waiting, not two requests.
  if (pending && pending.operations.length > 0 && addToPendingPlan(request.text, pending, request))
    return undefined;
  // "And then run the reporter and the scraper": all of it added to the plan waiting, in follow-ups.ts.
  if (pending && pending.operations.length > 0 && addedRequest(request.text)) return undefined;
  // "And then run the reporter": the word joining it to what came before opens no request of its own.
  const joined = withoutJoiningWord(request.text);
  const parts = requestsIn(joined, request.snapshot.agents);
  if (parts.length < 2) return undefined;
  // "Connect a login for https://billing… and make an agent that downloads the invoices from it":
  // a portal agent and the login it signs in with are one request to the portal planner.
  if (
    isPortalRequest(joined) &&
    parts.some((part) => connectPatterns.some((pattern) => pattern.test(part.toLowerCase())))
  )
    return undefined;
  // A plan is reviewed by a person and holds at most 50 operations: a longer list is sent in parts.
  if (parts.length > mostRequests)
    return {
      reply: `Your message asks for ${parts.length} things; I plan at most ${mostRequests} at once, so each plan stays reviewable. Send them in smaller groups (or ask for a group at once: "pause all the reports").`,
    };
  return planParts(parts, request, planOne);
}

/** Words that tie a message to the new agent waiting for answers: "and …", "its results", "once done". */
const aboutTheNewAgent =
  /^\s*(?:and|also|then|plus)\b|\b(?:it|its|the (?:results?|outputs?|findings|data)|(?:once|when) (?:it(?:'|’)?s |it is )?(?:done|finished))\b/i;

/**
 * A request about a new agent said while it waits for answers ("and send the results to the
 * reporting agent once done"): kept as a later part, planned with "it" the new agent once the
 * answers build it; the questions are asked again. `asking` is the new agent's answer so far.
 */
export function laterPartWhileAsking(
  asking: PlannerAnswer,
  goal: string,
  text: string,
): PlannerAnswer | undefined {
  const plan = asking.plan;
  if (!plan || plan.questions.length === 0 || !opensRequest(text) || !aboutTheNewAgent.test(text))
    return undefined;
  const part = withoutJoiningWord(text);
  return {
    reply: `Noted: once it is built, I will also ${part.replace(/[.!]+$/, '')}.\n${asking.reply}`,
    plan: {
      ...plan,
      draft: { kind: 'several', parts: [goal, part], pending: 0, inner: plan.draft } satisfies SeveralDraft,
    },
  };
}

/** "And then run the reporter" without the words that join it to what came before. */
function withoutJoiningWord(text: string): string {
  return text.trim().replace(/^(?:and|also|plus|then)(?:\s+(?:then|also))?[\s,]+(?=\S)/i, '');
}

/** The most requests one message is planned for. */
const mostRequests = 20;

/** The answer about the waiting part: its own question's answer, new words for it, or "skip it". */
async function continueSeveral(
  draft: SeveralDraft,
  request: PlannerRequest,
  planOne: PlanOne,
): Promise<PlannerAnswer> {
  const text = request.text.trim();
  const skip =
    /^(?:skip|drop|leave out|forget)\b/i.test(text) ||
    (hasAny(text, noWords) && text.split(/\s+/).length <= 3);
  const parts = [...draft.parts];
  if (skip) {
    parts.splice(draft.pending, 1);
    if (parts.length === 0) return { reply: 'All right, I dropped that plan.' };
    return planParts(parts, { ...request, draft: undefined }, planOne);
  }
  if (!draft.inner) parts[draft.pending] = text;
  return planParts(parts, { ...request, draft: undefined }, planOne, {
    index: draft.pending,
    text,
    draft: draft.inner,
  });
}
