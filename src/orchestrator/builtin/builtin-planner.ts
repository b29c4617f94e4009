// The built-in planner: understands everyday requests with no LLM, from the vocabulary in
// vocabulary.ts. It proposes plans of the same type as the LLM planner, and asks a question
// instead of guessing when a request lacks something it needs or names two agents alike.
import type { PlanOperation, PlanQuestion } from '../../domain/plan.ts';
import { preferenceInWords, preferenceReason } from '../notification-preference.ts';
import type { Planner, PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { answerAccountRemoval } from './account-removal.ts';
import { chosenAgent, offeredAgents, whichAgent } from './agent-choice.ts';
import { agentsMentioned, withoutNames } from './agent-names.ts';
import { continueAgentVerbDraft, planAgentVerb } from './agent-verbs.ts';
import {
  asksOnChange,
  asksToBeTold,
  channelInAnswer,
  hasChannel,
  howToTell,
  preferredNotification,
} from './change-conditions.ts';
import { changeNoticeAgent, continueNoticeDraft, planChangeNotice } from './change-notices.ts';
import { continueConnectDraft, planConnectRequest } from './connect-planning.ts';
import { amendCreateDraft } from './create-draft-additions.ts';
import {
  type ActionDraft,
  type BuiltInDraft,
  type CreateDraft,
  parseDraft,
  unhandledDraft,
} from './drafts.ts';
import { continueEndpointDraft, planEndpointRequest } from './endpoint-planning.ts';
import { planFollowUp } from './follow-ups.ts';
import { answerForwardRequest } from './forward-requests.ts';
import { planGroupAction } from './group-actions.ts';
import { helpAnswer, isHelpRequest } from './help.ts';
import { answerLaterAction, pauseUntilNote } from './later-actions.ts';
import { scheduleNewAgent, uniqueName, updateOperation, withDefaults } from './new-agents.ts';
import { planStopNotices } from './notice-removal.ts';
import { oneOffInRequest } from './one-off-planning.ts';
import { asksForPageSummary, planPageSummary } from './page-summary-planning.ts';
import { continuePortalFixDraft, planPortalFix } from './portal-fixes.ts';
import { continuePortalDraft, isPortalRequest, planPortalRequest } from './portal-planning.ts';
import { answerAgentSearch } from './questions/agent-search.ts';
import { answerOutputQuestion, asksForOutput } from './questions/run-output.ts';
import { answerWorkroomQuestion } from './questions/workroom-questions.ts';
import { answerFactQuestion, factKind } from './questions/workspace-facts.ts';
import {
  answerAboutNamedAgent,
  answerWorkspaceQuestion,
  continueQuestionDraft,
  questionKind,
} from './questions/workspace-questions.ts';
import { planReconnect } from './reconnect-planning.ts';
import { withoutAsides, withoutKeptState } from './request-asides.ts';
import {
  emailsIn,
  firstOf,
  givenName,
  hasAny,
  runInputFrom,
  selectorIn,
  siteName,
  titleCase,
  urlsIn,
  withoutAddresses,
  withSchemes,
} from './request-text.ts';
import { requestedFields } from './requested-fields.ts';
import { answerStopRun } from './run-stopping.ts';
import { scheduleIn, withoutPerRun } from './schedule-phrases.ts';
import { answerNextRuns } from './schedule-planning.ts';
import { planZoneChange } from './schedule-zone-change.ts';
import { laterPartWhileAsking, planSeveralIntents } from './several-intents.ts';
import { monitorSpec, type Notification, notificationSteps, scraperSpec } from './spec-templates.ts';
import { continueTriggerDraft, planTriggerRequest } from './trigger-planning.ts';
import { continueFixDraft, explainFailure, isTroubleRequest } from './troubleshooting.ts';
import { withVerbsCorrected } from './verb-typos.ts';
import { withParticlesJoined } from './vocabulary/particle-verbs.ts';
import { withVerbForms } from './vocabulary/verb-forms.ts';
import {
  type ActionIntent,
  type AgentKind,
  actionWords,
  addressChangeWords,
  agentKinds,
  createWords,
  knownFields,
  noWords,
  onOffIntents,
  questionPatterns,
  recordLayouts,
  recordNouns,
  toMeWords,
} from './vocabulary/vocabulary.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

const webhookWords = [
  'webhook',
  'hook',
  'post to',
  'post it to',
  'post them to',
  'send to',
  'send it to',
  'send them to',
  'slack',
];
const emailWords = [...withVerbForms(['email', 'e-mail', 'mail me', 'email me']), 'by mail'];

function describeAgents(agents: readonly SnapshotAgent[]) {
  if (agents.length === 0)
    return 'This workspace has no agents yet. Tell me what one should do, e.g. "monitor https://example.com/pricing for changes and email me".';
  const lines = agents.map((agent) => {
    const last = agent.lastRun ? `, last run ${agent.lastRun.status}` : ', never run';
    return `- ${agent.name} (version ${agent.version}, ${agent.status}${last})`;
  });
  return `This workspace has ${agents.length} agent${agents.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}

/** Verbs that ask for more of each record: "grab their emails", "also collect phone numbers". */
const extractVerbs = [
  'extract',
  'collect',
  'include',
  'grab',
  'scrape',
  'pull',
  'capture',
  'gather',
  'pick up',
];
const extractedEmails =
  /\b(?:extract|collect|include|grab|get|scrape|pull|capture|gather|pick up|save)\w*\s+(?:(?:the|their|its|all|any|also|too|every)\s+)*(?:e-?mails?|e-?mail addresses)\b/i;

function noticeTargets(
  text: string,
  pageUrl: string | undefined,
  userEmail: string | undefined,
): Notification {
  const notify: Notification = {};
  const urls = urlsIn(text).filter((url) => url !== pageUrl);
  if (urls.length > 0 && (hasAny(text, webhookWords) || urls[0]?.includes('hook'))) notify.webhook = urls[0];
  const addresses = emailsIn(text);
  if (addresses[0]) notify.email = addresses[0];
  else if (hasAny(text, emailWords) && userEmail) notify.email = userEmail;
  else if (!notify.webhook && !hasAny(text, webhookWords) && hasAny(text, toMeWords) && userEmail)
    notify.email = userEmail;
  return notify;
}

/** Where an API, feed or uptime agent tells: the channels named, else the preferred one when asked to be told. */
function endpointNotices(text: string, url: string | undefined, request: PlannerRequest): Notification {
  const named = noticeTargets(text, url, request.userEmail);
  const preference = request.notificationPreference;
  return !hasChannel(named) && asksToBeTold(text) && preference ? preferredNotification(preference) : named;
}

/** The page the agent works on: the first address that is not where results are posted. */
function pageUrl(text: string): string | undefined {
  const urls = urlsIn(text);
  if (urls.length <= 1) {
    const only = urls[0];
    // A single address that is plainly the webhook is not the page.
    if (only && hasAny(text, webhookWords) && /hook/i.test(only) && urls.length === 1) return undefined;
    return only;
  }
  // An address with "hook" in it is where to post ("ping me on slack at https://hooks.slack.com/…").
  const pages = urls.filter((url) => !/hook/i.test(url));
  if (pages.length === 1) return pages[0];
  const hookAt = firstOf(text, webhookWords)?.index ?? Number.POSITIVE_INFINITY;
  return urls.find((url) => text.indexOf(url) < hookAt) ?? urls[0];
}

/** Words that name records of any kind: "job listings" are jobs, "listings" alone products. */
const genericRecordWords = new Set(['item', 'items', 'listing', 'listings']);

function recordNoun(text: string): string {
  const specific = recordNouns.find((entry) =>
    hasAny(
      text,
      entry.words.filter((word) => !genericRecordWords.has(word)),
    ),
  );
  return (specific ?? recordNouns.find((entry) => hasAny(text, entry.words)))?.noun ?? 'records';
}

/** Records found by the agent itself, with the fields the request names; none named, undefined. */
function fieldsNamed(text: string): CreateDraft['records'] | undefined {
  const fields = requestedFields(text);
  return fields.length > 0 ? { find: 'repeated', fields } : undefined;
}

/** "Find them yourself", "figure it out", "you pick": the records the agent finds by itself. */
const findThemAnswer =
  /\b(?:find|figure|work|detect|spot|guess|pick|choose|decide)\b.*\b(?:by (?:it|your)self|yourself|themselves|automatically|out)\b|\bby itself\b|\byou (?:choose|decide|pick|figure)\b|\bno idea\b|\bdon'?t know\b|\bauto(?:matic(?:ally)?)?\b/i;

function recordsFromAnswer(text: string, answering = false): CreateDraft['records'] | undefined {
  // Only as an answer: in a request, "automatically" or "by itself" says when it runs.
  if (answering && findThemAnswer.test(text)) return { find: 'repeated', fields: requestedFields(text) };
  const selector = selectorIn(text);
  if (selector)
    return { selector, fields: { text: { trim: true }, link: { selector: 'a', attribute: 'href' } } };
  for (const layout of Object.values(recordLayouts)) if (hasAny(text, layout.words)) return layout.records;
  return undefined;
}

function kindOf(text: string): AgentKind | undefined {
  // A portal wins whenever one is asked for: signing in changes what the agent needs most.
  if (isPortalRequest(text)) return 'portal';
  const found = (Object.entries(agentKinds) as [AgentKind, readonly string[]][])
    .map(([kind, words]) => ({ kind, at: firstOf(text, words)?.index ?? -1 }))
    .filter((entry) => entry.at >= 0)
    .sort((a, b) => a.at - b.at);
  // "Tell me when something new shows up on https://…": a change on a page is a monitor's to see.
  return found[0]?.kind ?? (asksOnChange(text) && urlsIn(text).length > 0 ? 'monitor' : undefined);
}

const questions = {
  url: (kind: AgentKind | undefined): PlanQuestion => ({
    id: 'url',
    text:
      kind === 'monitor'
        ? 'Which page should it watch? Give its address, e.g. https://example.com/pricing.'
        : 'Which page lists what it should collect? Give its address, e.g. https://example.com/team.',
  }),
  records: (noun: string): PlanQuestion => ({
    id: 'records',
    text: `What marks each of the ${noun} on the page? Give a CSS selector such as \`.lead\` or \`table tr\`, or pick one of these ("find them by itself" lets the agent find the repeated ${noun} on the page, and the test run shows what it found).`,
    options: [...Object.keys(recordLayouts), 'find them by itself'],
  }),
  which: whichAgent,
};

/** Whether the agent is in the state a resume changes: only a paused agent can be resumed. */
function stateFits(intent: ActionIntent, agent: SnapshotAgent): boolean {
  // Only a resume: "stop the collector" may mean the one that is stuck, so a pause is asked.
  return intent === 'resume' && agent.status === 'paused';
}

/** "Make me a scraper", "build another monitor", "set up a new agent": a kind, not a name. */
const newOfAKind =
  /\b(?:create|make|build|set up|setup|add|spin up|write)\s+(?:me\s+|us\s+)?(?:a|an|another|one more|a new|new|a second)\s+(?:[a-z]+\s+){0,2}?(?:scraper|monitor|agent|bot|watcher|tracker|collector|crawler|checker)\b/i;

/** What a scraper that finds its records by itself says of them: how, and what to do if wrong. */
function foundByItself(records: CreateDraft['records']): string {
  if (!records || !('find' in records)) return '';
  const fields = records.fields.length > 0 ? ` (with their ${listInWords(records.fields)})` : '';
  return ` It finds the repeated records on the page by itself${fields}: the test run shows what it found, and if it picks the wrong ones, give me a CSS selector for them (such as \`.job\` or \`table tr\`).`;
}

function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "Remove the X step from …", "delete step 2 of …": a part of an agent, not the agent. */
function removesPartOf(text: string): boolean {
  return /\b(?:steps?|stages?|actions?|parts?)\b(?:\s+\d+)?\s+(?:from|of|out of|in)\b/i.test(text);
}

export class BuiltInPlanner implements Planner {
  readonly name = 'built-in';

  /** Only questions about runs read the history, and the answers to "which agent" they ask. */
  needsRunHistory(text: string, draft?: Record<string, unknown>): boolean {
    return (
      questionKind(text) !== undefined ||
      factKind(text) !== undefined ||
      asksForOutput(text) ||
      parseDraft(draft)?.kind === 'question'
    );
  }

  async plan(asked: PlannerRequest): Promise<PlannerAnswer> {
    // "Turn the reporter off" is read as "turn off the reporter", the verb the vocabulary lists.
    // Runs of spaces and blank lines mean nothing to the rules, and long ones would make a pattern
    // with two \s* around optional punctuation do work that grows fast with their length.
    const spaced = asked.text.replace(/[^\S\n]+/g, ' ').replace(/ ?\n[\s]*/g, '\n');
    // "Pasue the lead scraper": a verb one slip away is the verb.
    const names = asked.snapshot.agents.map((agent) => agent.name);
    // "E-mail me after each run": a notice is sent after each run anyway; the words ask for no run.
    const said = withSchemes(withoutPerRun(withVerbsCorrected(spaced, names)))
      .replace(/ {2,}/g, ' ')
      .trim();
    // "Wake up the reporter at 7am every day": waking an agent at a time is running it then, not
    // a resume. Only where "wake" is followed by an agent and then a time ("wake me when …" and
    // "wake up the job collector and schedule it …" stay as they are).
    const woken = said.replace(
      /\bwake\s+(?:up\s+)?(?!me\b|us\b)((?:the\s+)?[\w.()'-]+(?:\s+[\w.()'-]+){0,3}?)\s+(?:up\s+)?(?=(?:at|every|each|daily|on|tomorrow|tonight)\b)/i,
      (whole, agent: string) => (scheduleIn(said)?.kind === 'found' ? `run ${agent} ` : whole),
    );
    const request = { ...asked, text: withParticlesJoined(withoutKeptState(woken)) };
    // "Create X, run it hourly and send its results to Y": each part through #planOne, one plan.
    const several = await planSeveralIntents(request, (part) => this.#planOne(part));
    return several ?? this.#planOne(request);
  }

  async #planOne(said: PlannerRequest): Promise<PlannerAnswer> {
    // "Pause X until I fix the password": the reason beside a request names no agent and no trouble.
    const request = { ...said, text: withoutAsides(said.text.trim()) };
    const text = request.text;
    const lower = text.toLowerCase();
    const { agents } = request.snapshot;
    const draft = parseDraft(request.draft);

    if (draft) {
      const continued = this.#continueDraft(draft, text, request);
      if (continued) return continued;
    }
    // "It only gets the first page", "the files are now under Reports": a portal agent fixed, tested.
    const portalFix = planPortalFix(request);
    if (portalFix) return portalFix;
    // "It", "them", an answer to a question asked in words, a change to the plan proposed.
    const followUp = await planFollowUp(request, (again) => this.plan(again));
    if (followUp) return followUp;
    if (isHelpRequest(text)) return helpAnswer(request.snapshot);
    // "What workrooms are there", "what's in Acme", "put X in the Acme workroom": workroom-questions.ts.
    const workroom = await answerWorkroomQuestion(text, request);
    if (workroom) return workroom;
    // "Cancel the running X": a run is stopped on its page; "running" must not read as "run it".
    const stopping = answerStopRun(text, request);
    if (stopping) return stopping;
    // "What did X get last time": its newest good run's output, read from that run.
    const output = await answerOutputQuestion(text, request);
    if (output) return output;
    // "Stop e-mailing me about X": X stops telling, and keeps working (never paused for it).
    const quieter = planStopNotices(text, request);
    if (quieter) return quieter;
    // "The reporter should use sydney time": its schedule in another zone, before "use" reads as
    // a change of the agent.
    const rezoned = planZoneChange(
      text,
      agentsMentioned(text, request.snapshot.agents).map((match) => match.item),
      request,
    );
    if (rezoned) return rezoned;
    // "Pause everything", "run all the reports": one operation per agent of the group.
    const group = planGroupAction(text, request);
    if (group) return group;
    // Rename, copy, split, "can you make X …", a digest: agent-verbs.ts.
    const verb = planAgentVerb(request);
    if (verb)
      return 'change' in verb ? this.#act('update', verb.change.agent, verb.change.text, request) : verb;

    // "Reconnect the crm", "re-auth crm": an account the workspace has, connected again.
    const reconnect = planReconnect(text, request);
    if (reconnect) return reconnect;
    // "Log into the supplier portal and download the invoices" is an agent, not an account alone.
    const connect = isPortalRequest(text) ? undefined : planConnectRequest(text, request);
    if (connect) return connect;
    // A JSON API, a feed or "is https://… up": read whole, by items or by status, never by selector.
    const endpoint = planEndpointRequest(text, request, (words, url) => endpointNotices(words, url, request));
    if (endpoint) return endpoint;
    // What is paused, connected, chained, in which time zone, using the browser or the most.
    const fact = answerFactQuestion(text, request);
    if (fact) return fact;
    // "Is there an agent that watches prices?": the agents that do it, by what they do.
    const search = answerAgentSearch(text, request.snapshot);
    if (search) return search;
    // Questions about runs, failures, costs, schedules and what an agent does, from the data.
    const answered = answerWorkspaceQuestion(text, request);
    if (answered) return answered;
    // "What's wrong with X", "X keeps failing", "why isn't X working": its failure explained.
    if (isTroubleRequest(text, request.snapshot)) return explainFailure(request);
    if (questionPatterns.nextRun.some((pattern) => pattern.test(lower))) {
      return answerNextRuns(text, request);
    }
    if (questionPatterns.listAgents.some((pattern) => pattern.test(lower))) {
      return { reply: describeAgents(agents) };
    }

    const mentioned = agentsMentioned(text, agents);
    // "portal.acme.test" asks for no test run: words inside addresses are not actions.
    const action = firstOf(withoutAddresses(text), Object.values(actionWords).flat());
    const switched = onOffIntents.find((entry) => entry.pattern.test(withoutAddresses(text)))?.intent;
    const intent =
      switched ??
      (action &&
        (Object.entries(actionWords) as [ActionIntent, readonly string[]][]).find(([, words]) =>
          words.includes(action.phrase as never),
        )?.[0]);
    // "Price monitor every 15 minutes": the words of an agent's name ask for no new agent.
    const kind = kindOf(
      withoutNames(
        lower,
        mentioned.map((match) => match.item.name),
      ),
    );
    // "Create …" before any action word asks for a new agent, even if an agent's name is in it.
    const creating = firstOf(lower, createWords);
    const createAt = creating?.index ?? -1;
    // "Build me a scraper for …": an article after the create word is something new.
    const afterCreate = creating ? lower.slice(createAt + creating.phrase.length) : '';
    const somethingNew =
      creating !== undefined &&
      (/\ban?$/.test(creating.phrase) || /^(?:\s+me)?\s+(?:a|an|one|some)\b/.test(afterCreate));
    // "I want the lead scraper going every day at 7", "set up the weekly report for mondays": an
    // agent the workspace has, named after a create word, with no page and nothing new to build.
    const wishForExisting =
      !somethingNew &&
      mentioned.length > 0 &&
      urlsIn(text).length === 0 &&
      kind === undefined &&
      !/\b(?:new|another|second|copy|agent for|agent that|agent which|agent to)\b/.test(
        withoutNames(
          lower,
          mentioned.map((match) => match.item.name),
        ),
      );
    const createsFirst = createAt >= 0 && (!action || createAt <= action.index) && !wishForExisting;
    // "Every morning at 7 send me the top stories from https://…": an address and no agent named
    // is a new agent to build, whatever verb it starts with.
    const addressOnly = mentioned.length === 0 && urlsIn(text).length > 0;
    const wantsNew =
      createsFirst || addressOnly || (kind !== undefined && (mentioned.length === 0 || !intent));
    // "Only e-mail me when the price monitor changes": that agent's notices, on a condition.
    const noticeAgent = createsFirst
      ? undefined
      : changeNoticeAgent(
          text,
          mentioned.map((match) => match.item),
          request,
        );
    if (noticeAgent) return planChangeNotice(noticeAgent, text, request);

    // "Can you run the lead scraper every morning" names an agent and no page: not a new agent.
    // "Create a scraper for our team page": "a scraper" is the kind of agent to make, not "Lead Scraper".
    const asksForNewAgent =
      createsFirst && (mentioned.length === 0 || urlsIn(text).length > 0 || newOfAKind.test(text));
    if (!asksForNewAgent && !addressOnly) {
      const reading = { text, mentioned: mentioned.map((match) => match.item), intent, wantsNew };
      const trigger = planTriggerRequest(reading, request);
      if (trigger) return trigger;
    }
    if (mentioned.length > 0 && intent && !createsFirst) {
      // "Wake the collector back up": of the Job and the Data Collector only the paused one can be.
      const fitting = mentioned.filter((match) => stateFits(intent, match.item));
      if (mentioned.length > 1 && fitting.length === 1)
        return this.#act(intent, fitting[0]?.item as SnapshotAgent, text, request);
      if (mentioned.length > 1) {
        const candidates = mentioned.map((match) => match.item);
        return {
          reply: questions.which(candidates).text,
          plan: {
            summary: `Waiting to know which agent to ${intent}.`,
            questions: [questions.which(candidates)],
            operations: [],
            draft: {
              kind: 'action',
              intent,
              candidates: candidates.map((agent) => agent.id),
              text,
            } satisfies ActionDraft,
          },
        };
      }
      const agent = mentioned[0]?.item as SnapshotAgent;
      return this.#act(intent, agent, text, request);
    }
    // "Has the price monitor found anything?": a question about an agent it has, not a new one.
    const about = wantsNew && !createsFirst && mentioned.length === 1 ? mentioned[0]?.item : undefined;
    const asked = about && answerAboutNamedAgent(text, about, request);
    if (asked) return asked;
    if (wantsNew) return this.#create(text, request);
    const removal = answerAccountRemoval(text, request, mentioned.length);
    if (removal) return removal;
    // "Send that to sam@…" after an answer about an agent's results.
    const forwarded = mentioned.length === 0 ? answerForwardRequest(text, request) : undefined;
    if (forwarded) return forwarded;
    if (mentioned.length > 0) {
      return {
        reply: `Do you want to run, change, pause, resume or delete "${mentioned[0]?.item.name}", run it on a schedule, or chain it to another agent? Say which.`,
        openQuestion: { text: 'Which action?', fills: 'action', agentName: mentioned[0]?.item.name },
      };
    }
    return {
      reply:
        'I did not understand what to do. I can build agents ("monitor https://example.com/pricing for changes and email me", "scrape the leads from https://example.com/team and post them to https://hooks.example.com/x"), change them ("use https://example.com/new instead for the price monitor"), run, pause, resume or delete them, schedule them ("run the price monitor every weekday at 9:30"), chain them ("when the scraper finishes, send its results to the reporter"), and tell you what agents you have, what each does, when they run, how their runs went, what failed and what they cost.',
    };
  }

  #continueDraft(draft: BuiltInDraft, text: string, request: PlannerRequest): PlannerAnswer | undefined {
    if (hasAny(text, noWords) && text.split(/\s+/).length <= 3) {
      return { reply: 'All right, I dropped that plan.' };
    }
    switch (draft.kind) {
      case 'schedule':
      case 'chain':
        return continueTriggerDraft(draft, text, request);
      case 'fix':
        return continueFixDraft(draft, text, request);
      case 'connect':
        return continueConnectDraft(draft, text, request);
      case 'portal':
        return continuePortalDraft(draft, text, request);
      case 'portalFix':
        return continuePortalFixDraft(draft, text, request);
      case 'question':
        return continueQuestionDraft(draft, text, request);
      case 'action': {
        const agent = chosenAgent(text, offeredAgents(request.snapshot.agents, draft.candidates));
        return agent ? this.#act(draft.intent, agent, draft.text, request) : undefined;
      }
      case 'create': {
        // "Call it …", "send it to my email", "twice a day" said before the answers: kept.
        const { draft: amended, noted } = amendCreateDraft(draft, text, request);
        const filled: CreateDraft = amended;
        const url = urlsIn(text)[0];
        if (!filled.url && url) filled.url = url;
        // A selector said in an answer wins over records the agent would find by itself.
        if (filled.agentKind === 'scrape') filled.records = recordsFromAnswer(text, true) ?? filled.records;
        if (filled.askHow && !hasChannel(filled.notify)) {
          const channel = channelInAnswer(
            // The page's address given in the same answer is not where to post.
            url && !draft.url ? text.replace(url, '') : text,
            request.userEmail,
          );
          if (channel.kind === 'found') filled.notify = channel.notify;
        }
        const progressed =
          filled.url !== draft.url ||
          filled.records !== draft.records ||
          filled.notify !== draft.notify ||
          filled.name !== draft.name ||
          filled.schedule !== draft.schedule;
        // "And send the results to the reporter once done": a request for after it is built.
        if (!progressed)
          return laterPartWhileAsking(this.#createFrom(draft, request), draft.goal ?? 'build it', text);
        const answer = this.#createFrom(filled, request);
        // Still waiting for answers: say what was kept, then ask again.
        const waiting = (answer.plan?.questions.length ?? 0) > 0 && noted.length > 0;
        return waiting ? { ...answer, reply: `Noted: ${noted.join('; ')}.\n${answer.reply}` } : answer;
      }
      case 'notice':
        return continueNoticeDraft(draft, text, request);
      case 'agentVerb':
        return continueAgentVerbDraft(draft, text, request);
      case 'endpoint':
        return continueEndpointDraft(draft, text, request, (words, url) =>
          endpointNotices(words, url, request),
        );
      case 'several':
        // Answered by planSeveralIntents before a single request is planned.
        return undefined;
      default:
        return unhandledDraft(draft);
    }
  }

  #create(text: string, request: PlannerRequest): PlannerAnswer {
    const lower = text.toLowerCase();
    // "Summarise https://news.example.com every day and e-mail me": the page read whole, summarised.
    if (asksForPageSummary(text)) {
      const summary = planPageSummary(text, request, (words, url) => endpointNotices(words, url, request));
      if (summary) return summary;
    }
    const kind = kindOf(lower) ?? (hasAny(lower, ['price', 'prices']) ? 'monitor' : 'scrape');
    if (kind === 'portal') return planPortalRequest(text, request);
    const url = pageUrl(text);
    const selector = selectorIn(text);
    const draft: CreateDraft = {
      kind: 'create',
      agentKind: kind,
      url,
      noun: recordNoun(lower),
      selector: kind === 'monitor' ? selector : undefined,
      // No selector said, but the fields each record has: the agent finds the page's repeated
      // records itself (decision 0040), and the test run shows what it found. Neither: asked,
      // with "find them by itself" among the answers offered.
      records: kind === 'scrape' ? (recordsFromAnswer(text) ?? fieldsNamed(text)) : undefined,
      notify: noticeTargets(text, url, request.userEmail),
      name: givenName(text),
      goal: text.slice(0, 500),
    };
    // "Tell me when it changes" with no channel: the preferred one, else a question.
    const preference = request.notificationPreference;
    if (asksToBeTold(text) && !hasChannel(draft.notify)) {
      if (preference) {
        draft.notify = preferredNotification(preference);
        draft.preferred = `${preferenceInWords(preference)} (${preferenceReason(preference)})`;
      } else draft.askHow = true;
    }
    // "… and run it tomorrow at 9" is one run then, not every day at 9.
    const once = oneOffInRequest(text, request);
    const schedule = scheduleIn(text);
    if (once?.reading.kind === 'at' && once.reading.at.getTime() > (request.now ?? new Date()).getTime()) {
      draft.schedule = { runAt: once.reading.at.toISOString(), timezone: once.timezone };
    } else if (schedule?.kind === 'found') {
      draft.schedule = { words: schedule.words, timezone: schedule.timezone };
    }
    return this.#createFrom(draft, request);
  }

  #createFrom(draft: CreateDraft, request: PlannerRequest): PlannerAnswer {
    const pending: PlanQuestion[] = [];
    if (!draft.url) pending.push(questions.url(draft.agentKind));
    if (draft.agentKind === 'scrape' && !draft.records)
      pending.push(questions.records(draft.noun ?? 'records'));
    if (draft.askHow && !hasChannel(draft.notify)) pending.push(howToTell);
    if (pending.length > 0) {
      return {
        reply: pending.map((question) => question.text).join('\n'),
        plan: {
          summary: 'A new agent, once these are answered.',
          questions: pending,
          operations: [],
          draft: { ...draft },
        },
      };
    }
    const url = draft.url as string;
    const site = siteName(url);
    const notify = draft.notify ?? {};
    const spec =
      draft.agentKind === 'monitor'
        ? monitorSpec({
            name: uniqueName(
              draft.name ?? `${site} ${/price/i.test(draft.goal ?? '') ? 'Price ' : ''}Monitor`,
              request.snapshot.agents,
            ),
            url,
            selector: draft.selector,
            notify,
            goal: draft.goal ?? `Watch ${url} for changes`,
          })
        : scraperSpec({
            name: uniqueName(
              draft.name ?? `${site} ${titleCase(draft.noun ?? 'records')} Scraper`,
              request.snapshot.agents,
            ),
            url,
            noun: draft.noun ?? 'records',
            records: draft.records as NonNullable<CreateDraft['records']>,
            notify,
            goal: draft.goal ?? `Collect the records listed on ${url}`,
          });
    const told =
      draft.preferred ??
      [notify.email && `e-mail ${notify.email}`, notify.webhook && `post to ${notify.webhook}`]
        .filter(Boolean)
        .join(' and ');
    const what =
      draft.agentKind === 'monitor'
        ? `watches ${url}${draft.selector ? ` (${draft.selector})` : ''} and, when it changes, ${told || 'records the change'}`
        : `collects the ${draft.noun} on ${url} into the shared context and a CSV file${told ? `, then ${told}` : ''}`;
    const operations: PlanOperation[] = [
      { type: 'createAgent', spec: withDefaults(spec) },
      { type: 'runAgent', agentName: spec.name, input: {}, test: true },
    ];
    const scheduled = scheduleNewAgent(spec.name, draft.schedule, request);
    if (scheduled.operation) operations.push(scheduled.operation);
    return {
      reply: `I will create "${spec.name}", which ${what}, and test it once.${foundByItself(draft.records)}${scheduled.reply} Approve the plan to go ahead.`,
      plan: {
        summary: `Create "${spec.name}" and test it${scheduled.summary}.`,
        questions: [],
        operations,
      },
    };
  }

  #act(intent: ActionIntent, agent: SnapshotAgent, text: string, request: PlannerRequest): PlannerAnswer {
    const reference = { agentId: agent.id, agentName: agent.name };
    switch (intent) {
      case 'delete': {
        // "Remove the crm step from the reporter" takes a part out of the agent: never the agent.
        if (removesPartOf(text)) {
          const steps = agent.spec.steps.map((step, index) => `${index + 1}. ${step.id} (${step.tool})`);
          return {
            reply: `Do you want to delete the whole of "${agent.name}", or only take a step out of it? Its steps: ${steps.join(', ')}. I do not take single steps out from this chat yet: change its steps on the agent's panel (Edit), or say "delete ${agent.name}" to delete the whole agent.`,
          };
        }
        // "Remove the lead scraper from the team page", "remove the reporter from the weekly
        // report": what goes may be a page, a time or a place in a chain, not the agent; "wake me
        // when the price drops" says no delete at all. Asked, never deleted on a guess.
        const from =
          /\b(?:from|off|out of)\s+((?:the|its|their|our|my|this|that)\s+[^,.;!?]{1,40}|[a-z0-9._%+-]+@\S+)/i.exec(
            text,
          );
        // A delete said with a condition ("once the monthly report is done", "if it failed") is
        // not one to plan now, nor of the agent the condition names.
        const conditional = /\b(?:when|whenever|if|once|after|as soon as|in case|unless)\b/i.test(text);
        if ((from?.[1] && !/\b(?:workspace|list|account|everything)\b/i.test(from[1])) || conditional)
          return {
            reply: `Do you want to delete "${agent.name}" itself${from?.[1] ? `, or only take it off ${from[1].trim()}` : ''}? Say "delete ${agent.name}" to delete the agent, or say what to change (its page, its schedule, its steps, its chains).`,
          };
        return {
          reply: `I will delete "${agent.name}" with its runs. Approve to confirm; you can undo it afterwards (its runs are not restored).`,
          plan: {
            summary: `Delete "${agent.name}".`,
            questions: [],
            operations: [{ type: 'deleteAgent', ...reference, expectedVersion: agent.version }],
          },
        };
      }
      case 'pause': {
        const later = answerLaterAction(intent, text, agent, request);
        if (later) return later;
        if (agent.status === 'paused') return { reply: `"${agent.name}" is already paused.` };
        return {
          reply: `I will pause "${agent.name}": it will not run until resumed.${pauseUntilNote(text, agent, request)}`,
          plan: {
            summary: `Pause "${agent.name}".`,
            questions: [],
            operations: [{ type: 'pauseAgent', ...reference }],
          },
        };
      }
      case 'resume': {
        const later = answerLaterAction(intent, text, agent, request);
        if (later) return later;
        if (agent.status === 'active') return { reply: `"${agent.name}" is already active.` };
        return {
          reply: `I will resume "${agent.name}".`,
          plan: {
            summary: `Resume "${agent.name}".`,
            questions: [],
            operations: [{ type: 'resumeAgent', ...reference }],
          },
        };
      }
      case 'run':
        return this.#run(agent, text);
      case 'update':
        return this.#update(agent, text, request);
    }
  }

  #run(agent: SnapshotAgent, text: string): PlannerAnswer {
    const { input, missing } = runInputFrom(
      text,
      agent.spec.input as { properties?: Record<string, unknown>; required?: string[] },
    );
    if (missing.length > 0) {
      return {
        reply: `"${agent.name}" needs ${missing.join(', ')} as input. Say it again with them, e.g. run ${agent.name} with {"${missing[0]}": "…"}.`,
        openQuestion: { text: `Which ${missing.join(', ')}?`, fills: 'runInput', agentName: agent.name },
      };
    }
    return {
      reply: `I will run "${agent.name}" now${Object.keys(input).length ? ` with ${JSON.stringify(input)}` : ''} and report the outcome.`,
      plan: {
        summary: `Run "${agent.name}".`,
        questions: [],
        operations: [{ type: 'runAgent', agentId: agent.id, agentName: agent.name, input, test: true }],
      },
    };
  }

  #update(agent: SnapshotAgent, text: string, request: PlannerRequest): PlannerAnswer {
    const spec = structuredClone(agent.spec) as unknown as {
      steps: (Record<string, unknown> & { id: string; tool: string; with: Record<string, unknown> })[];
    };
    const changes: string[] = [];
    // An address with "hook" in it, or after "to" in a request to send results, is where to post.
    const isHook = (url: string) =>
      /hook/i.test(url) || (hasAny(text, ['send', 'post']) && text.includes(`to ${url}`));
    const changesAddress = hasAny(text, addressChangeWords);
    const newUrl = changesAddress ? urlsIn(text).find((url) => !isHook(url)) : undefined;
    if (newUrl) {
      for (const step of spec.steps) {
        if (
          step.tool === 'http.request' &&
          typeof step.with.url === 'string' &&
          !step.with.url.includes('{{')
        ) {
          changes.push(`fetch ${newUrl} instead of ${step.with.url}`);
          // The words that say what the agent does name the new page too ("Fetch https://… and compare").
          const words = spec as unknown as Record<string, unknown>;
          for (const field of ['instructions', 'description', 'goal'])
            if (typeof words[field] === 'string')
              words[field] = (words[field] as string).split(step.with.url).join(newUrl);
          step.with.url = newUrl;
        }
        if (
          step.tool === 'html.extract' &&
          typeof step.with.baseUrl === 'string' &&
          !step.with.baseUrl.includes('{{')
        ) {
          step.with.baseUrl = newUrl;
        }
      }
    }
    const notify = noticeTargets(text, newUrl, request.userEmail);
    // "Also grab emails" asks for the records' e-mail addresses, not for an e-mail to the person.
    const extractsEmails = extractedEmails.test(text) && emailsIn(text).length === 0;
    if (extractsEmails) delete notify.email;
    const hook = urlsIn(text).find(isHook);
    if (hook) notify.webhook = hook;
    const last = spec.steps.at(-1);
    const payload = {
      agent: agent.name,
      run: '{{ run.id }}',
      result: last ? `{{ steps.${last.id} }}` : null,
    };
    for (const [channel, tool] of [
      ['email', 'notify.email'],
      ['webhook', 'notify.webhook'],
    ] as const) {
      if (!notify[channel] || spec.steps.some((step) => step.tool === tool)) continue;
      const steps = notificationSteps(
        { [channel]: notify[channel] },
        {
          subject: `${agent.name} finished`,
          text: `${agent.name} finished run {{ run.id }}.`,
          payload,
        },
      );
      spec.steps.push(...(steps as typeof spec.steps));
      changes.push(
        channel === 'email'
          ? `e-mail ${notify.email} after each run`
          : `post to ${notify.webhook} after each run`,
      );
    }
    for (const [field, known] of Object.entries(knownFields)) {
      if (!hasAny(text, known.words) || !hasAny(text, [...extractVerbs, 'also', 'add'])) continue;
      // "Also e-mail me" asks for a notification, not for the records' e-mail addresses.
      if (field === 'email' && notify.email && !extractsEmails && !hasAny(text, extractVerbs)) continue;
      for (const step of spec.steps) {
        const records = step.with.records as { fields?: Record<string, unknown> | string[] } | undefined;
        if (step.tool !== 'html.extract' || !records?.fields) continue;
        // Records the tool finds by itself take field names: the name is what it looks for.
        if (Array.isArray(records.fields)) {
          if (records.fields.includes(field)) continue;
          records.fields.push(field);
        } else {
          if (field in records.fields) continue;
          records.fields[field] = known.field;
        }
        changes.push(`also extract ${field}`);
      }
    }
    if (changes.length === 0) {
      return {
        reply: `What should I change in "${agent.name}"? I can point it at another address ("use https://… instead"), add an e-mail or webhook notification, or extract more fields ("also extract LinkedIn profiles").`,
        openQuestion: { text: 'What should change?', fills: 'change', agentName: agent.name },
      };
    }
    return {
      reply: `I will change "${agent.name}" to ${changes.join('; ')}. Approve to make it version ${agent.version + 1}.`,
      plan: {
        summary: `Change "${agent.name}": ${changes.join('; ')}.`,
        questions: [],
        operations: [updateOperation(agent, spec)],
      },
    };
  }
}
