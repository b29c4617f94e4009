// Acting on a group of agents at once: "pause everything", "pause all the failing agents",
// "resume all paused ones", "run all the reports", "delete every agent that never ran". The
// group is read from the workspace (a failing agent is one whose last run failed, as the answer
// to "what failed" says); one operation per agent of the group, and nothing outside it.
import type { PlanOperation } from '../../domain/plan.ts';
import type { PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { agentsMentioned } from './agent-names.ts';
import { agentsMentionedWithTypos } from './name-typos.ts';
import { firstOf, runInputFrom, withoutAddresses } from './request-text.ts';
import { scheduleIn } from './schedule-phrases.ts';
import { leadIns } from './vocabulary/agent-verb-vocabulary.ts';
import {
  type GroupTrait,
  groupExceptions,
  groupFiller,
  groupPlural,
  groupQuantifier,
  groupTraits,
  notAgentGroups,
  traitInWords,
} from './vocabulary/group-vocabulary.ts';
import { type ActionIntent, actionWords } from './vocabulary/vocabulary.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];
type GroupIntent = Exclude<ActionIntent, 'update'>;

/** A group as the request names it: what its agents share, words of their names, who is left out. */
export interface GroupReading {
  intent: GroupIntent;
  traits: GroupTrait[];
  /** Words every agent of the group has in its name ("reports" → "report"). */
  nameWords: string[];
  excluded: string;
  /** "Whatever failed today": only agents whose last run ended today. */
  today?: boolean;
  /** "Both reports": the group must be two agents, else the person is asked which. */
  both?: boolean;
}

function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) return word.slice(0, -1);
  return word;
}

/** The group a request acts on, or undefined when it names no group ("pause the reporter"). */
/** The group verb a message starts with ("pause", "run"…), as the vocabulary spells it. */
function readVerb(text: string): GroupIntent | undefined {
  const action = firstOf(text.toLowerCase(), Object.values(actionWords).flat());
  const intent = action
    ? (Object.entries(actionWords) as [ActionIntent, readonly string[]][]).find(([, words]) =>
        words.includes(action.phrase as never),
      )?.[0]
    : undefined;
  return intent && intent !== 'update' ? (intent as GroupIntent) : undefined;
}

export function readGroup(text: string): GroupReading | undefined {
  // "Everything that's failing": the "'s" is "is", never a word of a name.
  const lower = withoutAddresses(text.trim().replace(leadIns, ''))
    .replace(/[\s?!.]+$/, '')
    .replace(/\b(that|which|who|what)['’]s\b/gi, '$1 is');
  const action = firstOf(lower, Object.values(actionWords).flat());
  if (!action) return undefined;
  const intent = (Object.entries(actionWords) as [ActionIntent, readonly string[]][]).find(([, words]) =>
    words.includes(action.phrase as never),
  )?.[0];
  if (!intent || intent === 'update') return undefined;
  // The group stands right after the verb: "run the reporter every day" is no group.
  // "Run again whatever failed": the group after "again".
  const after = lower
    .slice(action.index + action.phrase.length)
    .trim()
    .replace(/^(?:again|once more|one more time)\s+/, '');
  const plural = groupPlural.exec(after);
  if (!groupQuantifier.test(after) && !plural) return undefined;
  // "Delete all of them", "pause them all": the agents just spoken of, for the follow-up rules;
  // never every agent of the workspace.
  if (/\b(?:them|these|those|they)\b/.test(after)) return undefined;
  // "Stop all runs", "delete all the schedules": not agents, left to the rules for those.
  if (notAgentGroups.test(after.replace(groupQuantifier, '').trim())) return undefined;
  // "Run every morning at 8" is a schedule, not a group of agents; so is "every other week",
  // which a schedule cannot say (it has its nearest schedules as options).
  const schedule = scheduleIn(after);
  if (schedule?.kind === 'found' || (schedule?.options ?? []).length > 0) return undefined;
  const [inside = '', excluded = ''] = after.split(groupExceptions);
  let rest = ` ${inside} `;
  const traits: GroupTrait[] = [];
  for (const [trait, pattern] of Object.entries(groupTraits) as [GroupTrait, RegExp][]) {
    if (!pattern.test(rest)) continue;
    traits.push(trait);
    rest = rest.replace(new RegExp(pattern.source, 'gi'), ' ');
  }
  const nameWords = rest
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !groupFiller.has(word))
    .map(singular);
  // "The lead scraper ones"? A plural with no trait is a group only when it says "all".
  if (plural && traits.length === 0 && !groupQuantifier.test(after)) return undefined;
  return {
    intent,
    traits,
    nameWords,
    excluded,
    ...(/\b(?:fail\w*|broke\w*|error\w*|ran|run)\s+today\b/.test(inside) ? { today: true } : {}),
    ...(/^both\b/.test(after) ? { both: true } : {}),
  };
}

function hasTrait(agent: SnapshotAgent, trait: GroupTrait): boolean {
  switch (trait) {
    case 'failing':
      return agent.lastRun?.status === 'failed';
    case 'paused':
      return agent.status === 'paused';
    case 'active':
      return agent.status === 'active';
    case 'neverRan':
      return !agent.lastRun;
    case 'scheduled':
      return Boolean(agent.schedule?.enabled);
  }
}

function hasNameWords(agent: SnapshotAgent, words: readonly string[]): boolean {
  const own = agent.name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map(singular);
  return words.every((word) => own.includes(word));
}

/** What the group's agents share, in words: `with "report" in their name that are paused`. */
function sharedInWords(group: GroupReading, count: number): string {
  const many = count !== 1;
  const named =
    group.nameWords.length > 0
      ? ` with "${group.nameWords.join(' ')}" in ${many ? 'their' : 'its'} name`
      : '';
  const traits = group.traits.map((trait) => traitInWords[trait][many ? 'many' : 'one']).join(' and ');
  return `${named}${traits ? ` ${traits}` : ''}${group.today ? ' today' : ''}`;
}

/** The group in words, for the reply: "the 5 agents whose last run failed". */
function groupInWords(group: GroupReading, count: number): string {
  return `${count === 1 ? 'the one agent' : `the ${count} agents`}${sharedInWords(group, count)}`;
}

const quoted = (agents: readonly SnapshotAgent[]) => agents.map((agent) => `"${agent.name}"`).join(', ');

/** One operation for an agent of the group, or why it needs none. */
function operationFor(
  intent: GroupIntent,
  agent: SnapshotAgent,
): { operation: PlanOperation } | { skipped: string } {
  const reference = { agentId: agent.id, agentName: agent.name };
  switch (intent) {
    case 'pause':
      return agent.status === 'paused'
        ? { skipped: `"${agent.name}" is already paused.` }
        : { operation: { type: 'pauseAgent', ...reference } };
    case 'resume':
      return agent.status === 'active'
        ? { skipped: `"${agent.name}" is already active.` }
        : { operation: { type: 'resumeAgent', ...reference } };
    case 'delete':
      return { operation: { type: 'deleteAgent', ...reference, expectedVersion: agent.version } };
    case 'run': {
      const schema = agent.spec.input as { properties?: Record<string, unknown>; required?: string[] };
      const { missing } = runInputFrom('', schema);
      return missing.length > 0
        ? { skipped: `"${agent.name}" needs ${missing.join(', ')} as input: run it on its own with them.` }
        : { operation: { type: 'runAgent', ...reference, input: {}, test: true } };
    }
  }
}

const verbs: Record<GroupIntent, { now: string }> = {
  pause: { now: 'pause' },
  resume: { now: 'resume' },
  run: { now: 'run' },
  delete: { now: 'delete' },
};

/** The agents "except A and B, C or D" leaves out: each item of the list names its own. */
export function leftOut(excluded: string, agents: readonly SnapshotAgent[]): SnapshotAgent[] {
  return exceptionItems(excluded).flatMap((item) => {
    const exact = agentsMentioned(item, agents).map((match) => match.item);
    return exact.length > 0 ? exact : agentsMentionedWithTypos(item, agents).map((match) => match.item);
  });
}

/** The items of an exception list: "A, B and C" → A, B, C (filler words alone are no item). */
function exceptionItems(excluded: string): string[] {
  return excluded
    .split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|nor)\s+|\s*[&+/]\s*/)
    .map((item) => item.trim())
    .filter(
      (item) => item !== '' && !/^(?:the|my|our|one|ones|agent|agents|please|pls|too|also)$/.test(item),
    );
}

/** Whether the agent's newest run ended (or, unfinished, was created) on `day`. */
function lastEndedOn(agent: SnapshotAgent, today: string, day: (at: Date) => string): boolean {
  const newest = agent.history?.recent[0];
  const at = newest ? (newest.finishedAt ?? newest.createdAt) : agent.lastRun?.finishedAt;
  return Boolean(at) && day(new Date(at as string)) === today;
}

/** The calendar day of `at` in the workspace's time zone ("2026-11-24"). */
function dayIn(at: Date, timezone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timezone ?? 'UTC' }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/** A request on a group of agents, planned; undefined when the request names no group. */
export function planGroupAction(text: string, request: PlannerRequest): PlannerAnswer | undefined {
  // "Stop all of them" with nobody spoken of before: asked, never read as every agent.
  if (/\b(?:all of (?:them|these|those)|them all|these all|those all)\b/i.test(text) && readVerb(text))
    return {
      reply: `Which agents do you mean by "them"? Name them, or say "${readVerb(text)} all agents" for every one.`,
    };
  const group = readGroup(text);
  if (!group) return undefined;
  const { agents } = request.snapshot;
  const left = leftOut(group.excluded, agents);
  // "All except the lead scrapr": an exception that names no agent must not be dropped silently.
  const unnamed = exceptionItems(group.excluded).filter(
    (item) =>
      agentsMentioned(item, agents).length === 0 && agentsMentionedWithTypos(item, agents).length === 0,
  );
  if (unnamed.length > 0)
    return {
      reply: `Which agents should I leave out? I found no agent called ${unnamed.map((item) => `"${item}"`).join(' or ')}: say their names, or leave the exception out.`,
    };
  const day = (at: Date) => dayIn(at, request.snapshot.timezone);
  const today = day(request.now ?? new Date());
  const members = agents.filter(
    (agent) =>
      !left.includes(agent) &&
      (!group.today || lastEndedOn(agent, today, day)) &&
      group.traits.every((trait) => hasTrait(agent, trait)) &&
      hasNameWords(agent, group.nameWords),
  );
  const verb = verbs[group.intent];
  // "Pause both reports" with three agents called a report: which two is for the person to say.
  if (group.both && members.length > 2)
    return {
      reply: `"Both" names two agents, and ${members.length} fit: ${quoted(members)}. Which two do you mean?`,
    };
  if (group.both && members.length === 1)
    return {
      reply: `"Both" names two agents, and only ${quoted(members)} fits. Do you mean only that one, or which other?`,
    };
  if (members.length === 0) {
    const named = group.nameWords.length > 0 || group.traits.length > 0;
    return {
      reply: named
        ? `No agent fits: there is no agent${sharedInWords(group, 1)}${left.length > 0 ? ` besides ${quoted(left)}` : ''}. Nothing to ${verb.now}.`
        : `This workspace has no agents to ${verb.now}${left.length > 0 ? ` besides ${quoted(left)}` : ''}.`,
    };
  }
  const planned = members.map((agent) => ({ agent, ...operationFor(group.intent, agent) }));
  const operations = planned.flatMap((entry) => ('operation' in entry ? [entry.operation] : []));
  const skipped = planned.flatMap((entry) => ('skipped' in entry ? [entry.skipped] : []));
  const acted = planned.filter((entry) => 'operation' in entry).map((entry) => entry.agent);
  const except = left.length > 0 ? ` (leaving out ${quoted(left)})` : '';
  const heading = `${groupInWords(group, members.length)}${except}`;
  if (operations.length === 0)
    return { reply: `Nothing to ${verb.now} among ${heading}: ${skipped.join(' ')}` };
  const deleting =
    group.intent === 'delete'
      ? ' with their runs; you can undo it afterwards (their runs are not restored)'
      : '';
  // "Of the 9 agents, I will pause 8": the ones left as they are say why.
  const which =
    skipped.length > 0
      ? `Of ${heading}, I will ${verb.now} ${acted.length}: ${quoted(acted)}${deleting}. ${skipped.join(' ')}`
      : `I will ${verb.now} ${heading}: ${quoted(acted)}${deleting}.`;
  return {
    reply: `${which} Approve the plan to go ahead.`,
    plan: {
      summary: `${verb.now.charAt(0).toUpperCase()}${verb.now.slice(1)} ${quoted(acted)}.`,
      questions: [],
      operations,
    },
  };
}
