// Questions about the workspace answered from its data, in words and figures: an agent's last
// runs, whether it ran today, what is scheduled, what failed, what it cost, how often it
// succeeds and what it does. Questions it does not recognise are left to the other rules.

import type { PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../../planner.ts';
import { type PeriodName, periodNamed, periodOf } from '../../run-figures.ts';
import { chosenAgent, offeredAgents, whichAgent } from '../agent-choice.ts';
import { agentsMentionedWithTypos } from '../name-typos.ts';
import { pronouns } from '../vocabulary/vocabulary.ts';
import { describeAgent } from './agent-description.ts';
import { agentStatus, lastSuccess, nextUp, scheduleOf, workspaceStatus } from './agent-status.ts';
import { agentCreditCost, creditsLeft, creditsLeftWords, workspaceCreditCost } from './credit-answers.ts';
import { newestRunsAsked, newestRunsCost } from './last-runs.ts';
import {
  type AnswerContext,
  agentFailures,
  costOf,
  ranIn,
  recentRuns,
  successRate,
  workspaceCost,
  workspaceFailures,
  workspaceRanIn,
  workspaceRecentRuns,
  workspaceSuccessRates,
} from './run-answers.ts';
import { daysNamed, scheduledOnDays } from './schedule-days.ts';
import { allSchedules, outlookNamed, scheduledIn } from './schedule-outlook.ts';
import { orders } from './workspace-facts.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

export type QuestionKind =
  | 'lastSuccess'
  | 'next'
  | 'status'
  | 'describe'
  | 'failures'
  | 'successRate'
  | 'cost'
  | 'creditsLeft'
  | 'ran'
  | 'scheduled'
  | 'recentRuns';

/** How each kind of question is written; the first kind that matches wins. */
const questionWords: [QuestionKind, RegExp[]][] = [
  [
    'lastSuccess',
    [
      /\blast (?:time )?(?:it |that |they )?(?:succeeded|succeed|success|successful|good run|ok run|clean run|worked|work|passed|ran (?:ok|fine|successfully|properly))\b/,
      /\bwhen (?:did|was|has) .+ (?:last )?(?:succeed|succeeded|work|worked|successful)\b/,
    ],
  ],
  [
    'next',
    [
      /\bwhat(?:'s| is)? (?:up )?next\b/,
      /\bwhat(?:'s| is)? the next (?:thing|agent|run|job|one)\b/,
      /\bwhat (?:runs|will run|is running|goes|fires) next\b/,
      /\bwhen(?:'s| is) the next (?:run|thing|job|one)\b/,
      /\b(?:any|the) next (?:scheduled )?(?:runs?|jobs?)\b.*\?$/,
    ],
  ],
  [
    'status',
    [
      /^(?:(?:so|and|but|ok|okay|hey|hi)[,:!]?\s+)*(?:what(?:'s| is| are)|how(?:'s| is| are)|show(?: me)?|give me|tell me|check)\b.*\b(?:status|state|health)\b/,
      /\b(?:status|state|health) (?:of|for)\b.*\?$/,
      /^(?:(?:so|and|but|ok|okay|hey|hi)[,:!]?\s+)*(?:is|are)\b.+\b(?:working|ok|okay|fine|alive|healthy|running (?:ok|okay|fine|properly|well))\b/,
      /\bhow(?:'s| is) .+ (?:looking|holding up)\b/,
    ],
  ],
  [
    'describe',
    [
      /\bwhat (?:does|did|do|can) .+ do\b/,
      /\bwhat(?:'s| is) .+ (?:for|doing)\??$/,
      /\b(?:describe|explain)\b/,
      /\btell me (?:more )?about\b/,
      /\b(?:goal|purpose|steps) of\b/,
      /\bhow does .+ work\b/,
      // "What page does the price monitor check", "which url is the scraper on", "where does it look".
      /\b(?:what|which)(?:'s| is)? (?:the )?(?:page|pages|url|urls|address|addresses|site|sites|website|websites|link|links|endpoint|feed)\b.*\b(?:does|do|is|are|did)\b/,
      /\bwhere does .+ (?:look|fetch|go|read|check|scrape|watch|get)\b/,
      /\bwhat (?:does|do|did) .+ (?:watch|check|monitor|track|scrape|fetch|look at|collect|read|visit|gather|pull)\b/,
      /\b(?:show|give|let me see|print|display|open)(?: me)? (?:the |its |their )?(?:spec|specs|steps|definition|config(?:uration)?|settings|setup|json)\b/,
      /\b(?:spec|steps|definition|config(?:uration)?|setup) (?:of|for)\b/,
      /'s (?:spec|steps|definition|config(?:uration)?|setup)\b/,
      /\b(?:show|give|let me see|print|display)(?: me)?\b.*\b(?:spec|steps|definition|config(?:uration)?|setup)\s*\??$/,
    ],
  ],
  [
    'failures',
    [
      /\b(?:anything|something|any agents?|anyone|everything)\b.*\b(?:broken|broke|fail|fails|failing|failed|wrong|down|ok|okay|fine)\b/,
      /\bwhat\b.*\b(?:failed|failing|broke|broken)\b/,
      /\bwhich\b.*\b(?:fail|failed|failing|broken)\b/,
      /\bany\b.*\b(?:errors?|failures?|problems?|issues?)\b/,
      /\b(?:errors?|failures?|failed runs)\b.*\b(?:today|yesterday|week|month|lately|recently)\b/,
      /\bshow (?:me )?(?:the )?(?:errors|failures|failed runs)\b/,
      /\b(?:is|are)\b.*\b(?:broken|failing)\b/,
      /\bdid\b.*\bfail\b/,
      // "What was the weekly report's last error", "its latest failure?".
      /\b(?:last|latest|most recent|newest)\s+(?:errors?|failures?|problems?|exceptions?|error messages?)\b/,
      // "Has the price monitor failed recently?", "have any runs errored this week".
      /^(?:(?:so|and|but|ok|okay|hey)[,:!]?\s+)*(?:has|have|had|did|does|do|was|were)\b.*\b(?:failed|failing|fails|errored|crashed|broken|broke|gone wrong)\b/,
    ],
  ],
  [
    'successRate',
    [
      /\b(?:success|failure|error)(?:ful)? (?:rates?|ratios?)\b/,
      /\breliab/,
      /\bhow often does .+ (?:fail|succeed|work)\b/,
      /\b(?:fails?|failing|failed|breaks?|breaking|errors?) (?:the )?(?:most|least|more|less)\b/,
      /\b(?:most|least|more|less) (?:failures|failed runs|errors|reliable|unreliable|stable|flaky)\b/,
      /\b(?:worst|best|flakiest|flakyest)\b.*\bagents?\b|\bagents?\b.*\b(?:worst|best|flakiest)\b/,
    ],
  ],
  ['creditsLeft', creditsLeftWords],
  [
    'cost',
    [
      /\bhow much\b/,
      /\b(?:cost|costs|costed|spend|spent|usage)\b/,
      /\bhow many (?:tokens|runs|times)\b/,
      /\btokens\b/,
      /\bhow long\b.*\b(?:take|took|run|ran|running)\b/,
      /\brun ?time\b/,
    ],
  ],
  [
    'ran',
    [
      /^(?:so |and |but )?(?:did|has|was|were|is there)\b.*\b(?:run|ran|runs|work|worked|go off|fire|fired|succeed|succeeded)\b/,
      /^(?:so |and |but )?have\b.*\b(?:been run|ran|run yet)\b/,
      /\bdid\b.*\b(?:run|ran|work|go off|fire)\b.*\b(?:today|yesterday|week|month|yet)\b/,
      /^(?:so |and |but )?(?:what|which|who)(?: agents?| ones?)? (?:ran|has run|have run|got run|was run|were run|went off|fired)\b/,
    ],
  ],
  [
    'scheduled',
    [
      /\bwhats?(?:'s| is| are)?\b.*\bscheduled\b/,
      /\bis (?:anything|something)\b.*\bscheduled\b/,
      /\b(?:which|what) (?:agents?|ones?|bots?|jobs?)\b.*\b(?:are|is) (?:scheduled|on a schedule|automated)\b/,
      /^(?:so |and |but )?(?:is|are|does|do)\b.*\b(?:scheduled|on a schedule|have a schedule|has a schedule|run automatically|automated)\b/,
      /\bwhats?(?:'s| is)? (?:runs|will run|is running|is going to run|is due|are due|runs next)\b/,
      /\bwhat(?:'s| is) (?:on )?(?:the )?(?:agenda|plan) for\b/,
    ],
  ],
  [
    'recentRuns',
    [
      /\b(?:last|latest|recent|previous|past|newest)\b.*\bruns?\b/,
      /\bruns? (?:of|for|history)\b/,
      /\bhistory\b/,
      /\bshow (?:me )?(?:the )?runs\b/,
      /\bhow (?:did|has|is|was|have)\b.*\b(?:do|doing|done|going|gone|been|performing|performed)\b/,
      /\bwhen did .+ (?:last )?run\b/,
      // "Last time job collector ran?", "when was the reporter last run".
      /\blast time\b.*\b(?:ran|run)\b/,
      /\bwhen (?:was|has) .+ last (?:run|ran)\b/,
    ],
  ],
];

/** Requests that look like questions but belong to other rules: troubleshooting, changes. */
const notOurs = [
  /\bwhy\b/,
  /\bwhat went wrong\b/,
  /\bwhat happened\b/,
  /https?:\/\//,
  /`/,
  // "Can you do a quick run of X", "give X a test run": asking for a run, not about past ones.
  /\b(?:do|give|start|trigger|kick off|fire off|launch)\b(?: \S+){0,3}? an? (?:\S+ )?run\b/,
];

/** Chat spellings of question words: "whats broken", "wats scheduled". */
function plainQuestion(text: string): string {
  return text
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/\b(?:whats|wats|wots|wat's)\b/g, "what's")
    .replace(/\b(?:wat|wot)\b/g, 'what')
    .replace(/\bwhich1\b/g, 'which one');
}

/**
 * "Does anything run at the weekend", "which agents run on mondays": a question about the days
 * the schedules fire on (not "did … run on monday", which asks about runs that happened).
 */
function asksAboutDays(lower: string): boolean {
  if (!daysNamed(lower)) return false;
  if (/\b(?:did|ran|has|have|had|was|were)\b/.test(lower)) return false;
  return (
    /\b(?:does|do|will|would|is|are|which|what|anything|something|any)\b/.test(lower) &&
    /\b(?:run|runs|running|go off|goes off|fire|fires|scheduled|happen|happens|active|working)\b/.test(lower)
  );
}

export function questionKind(text: string): QuestionKind | undefined {
  const lower = plainQuestion(text);
  if (notOurs.some((pattern) => pattern.test(lower))) return undefined;
  // "Pause the ones that failed more than once" is an order that happens to hold question words.
  if (orders.test(lower) && !/\?\s*$/.test(lower)) return undefined;
  if (asksAboutDays(lower)) return 'scheduled';
  return questionWords.find(([, patterns]) => patterns.some((pattern) => pattern.test(lower)))?.[0];
}

/** The period each kind means when the question names none. */
const defaultPeriods: Record<
  Exclude<QuestionKind, 'describe' | 'scheduled' | 'lastSuccess' | 'next' | 'status' | 'creditsLeft'>,
  PeriodName
> = {
  failures: 'pastWeek',
  successRate: 'pastMonth',
  cost: 'pastMonth',
  ran: 'today',
  recentRuns: 'pastWeek',
};

/** What the planner keeps while it asks which agent a question is about. */
export interface QuestionDraft {
  kind: 'question';
  question: QuestionKind;
  text: string;
  candidates: string[];
}

const pronounPattern = new RegExp(`\\b(?:${pronouns.join('|')})\\b`);

/**
 * The words that make the question: "anything broken?" asks about no agent, even when one is
 * called "Broken Fetcher". They are not read as (half) an agent's name.
 */
const askingWords =
  /\b(?:broken|broke|failing|failed|fails?|failures?|errors?|problems?|issues?|costs?|spent|credits?|tokens|scheduled|runs?|ran|today|yesterday|week|month|lately|recently|anything|everything|success|rates?|week ?days|week ?ends?|work ?days|(?:mon|tues?|wednes|thurs?|fri|satur|sun)(?:day)?s?)\b/gi;

/** The agents a question is about: named (with slips), or "it" for the conversation's agent. */
function subjects(text: string, request: PlannerRequest): SnapshotAgent[] {
  const { agents } = request.snapshot;
  const named = agentsMentionedWithTypos(text.replace(askingWords, ' '), agents).map((match) => match.item);
  if (named.length > 0) return named;
  const last = agents.find((agent) => agent.name === request.lastAgentName);
  return last && pronounPattern.test(text.toLowerCase()) ? [last] : [];
}

function context(request: PlannerRequest): AnswerContext {
  return {
    snapshot: request.snapshot,
    now: request.now ?? new Date(),
    timezone: request.snapshot.timezone ?? 'UTC',
  };
}

/** The answer to a question about the workspace, or undefined when the text is not one. */
export function answerWorkspaceQuestion(text: string, request: PlannerRequest): PlannerAnswer | undefined {
  const kind = questionKind(text);
  if (!kind) return undefined;
  const agents = subjects(text, request);
  if (agents.length > 1) {
    const question = whichAgent(agents);
    return {
      reply: question.text,
      plan: {
        summary: 'Waiting to know which agent the question is about.',
        questions: [question],
        operations: [],
        draft: {
          kind: 'question',
          question: kind,
          text,
          candidates: agents.map((agent) => agent.id),
        } satisfies QuestionDraft,
      },
    };
  }
  return answer(kind, text, agents[0], request);
}

/** Words a question opens with; "can you …", "could you …" are requests and are not here. */
const questionOpeners =
  /^(?:(?:so|and|but|ok|okay|hey|hi|um|btw)[,:!]?\s+)*(?:is|are|has|have|had|did|does|do|was|were|how|what|what's|whats|when|which|who|where|why)\b/i;

/**
 * "Has the price monitor found anything new?": a question naming an agent the workspace has is
 * answered with that agent at a glance, never read as a request for a new agent.
 */
export function answerAboutNamedAgent(
  text: string,
  agent: SnapshotAgent,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const asks = /\?\s*$/.test(text) || questionOpeners.test(text.trim());
  if (!asks || /https?:\/\//.test(text)) return undefined;
  return agentStatus(agent, context(request));
}

/** The answer to "which agent do you mean" after a question; undefined when it names none. */
export function continueQuestionDraft(
  draft: QuestionDraft,
  text: string,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const candidates = offeredAgents(request.snapshot.agents, draft.candidates);
  const agent = chosenAgent(text, candidates);
  return agent ? answer(draft.question, draft.text, agent, request) : undefined;
}

function answer(
  kind: QuestionKind,
  text: string,
  agent: SnapshotAgent | undefined,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const about = context(request);
  if (kind === 'describe') return agent ? describeAgent(agent, request.snapshot) : undefined;
  if (kind === 'status') return agent ? agentStatus(agent, about) : workspaceStatus(about);
  if (kind === 'lastSuccess') return agent ? lastSuccess(agent, about) : undefined;
  if (kind === 'next') return agent ? agentStatus(agent, about) : nextUp(about);
  if (kind === 'creditsLeft') return creditsLeft(request.snapshot);
  if (kind === 'scheduled') {
    const days = daysNamed(text.toLowerCase());
    if (days) return scheduledOnDays(days, about, agent);
    if (agent) return scheduleOf(agent, about);
    const outlook = outlookNamed(text);
    return outlook ? scheduledIn(outlook, about) : allSchedules(about);
  }
  const named = periodNamed(text);
  // "How many tokens did it use on its last run": that run's figures, not a period's.
  const newest = kind === 'cost' && agent && !named ? newestRunsAsked(text) : undefined;
  if (agent && newest) return newestRunsCost(agent, newest, about);
  // One agent's failures are few: a month of them says more than a week.
  const fallback = kind === 'failures' && agent ? 'pastMonth' : defaultPeriods[kind];
  const period = periodOf(named ?? fallback, about.now, about.timezone);
  switch (kind) {
    case 'failures':
      return agent ? agentFailures(agent, about, period) : workspaceFailures(about, period, !named);
    case 'successRate':
      return agent ? successRate(agent, about, period) : workspaceSuccessRates(about, period);
    case 'cost': {
      const figures = agent ? costOf(agent, period) : workspaceCost(about, period);
      const spent = agent
        ? agentCreditCost(agent, request.snapshot, period)
        : workspaceCreditCost(request.snapshot, period);
      return spent ? { ...figures, reply: `${spent}\n${figures.reply}` } : figures;
    }
    case 'ran':
      return agent ? ranIn(agent, about, period) : workspaceRanIn(about, period);
    case 'recentRuns':
      return agent ? recentRuns(agent, about, period) : workspaceRecentRuns(about);
  }
}
