// The Orchestrator's offer in a workspace with few agents: "You usually build price monitors that
// e-mail you on change — want one here?", from the person's learned kinds, patterns and schedule
// shapes. Accepted, it is a plan with questions (which page) and a built-in planner draft that
// the answers complete. Only shapes cross the workspace boundary: the offer names no page, agent,
// account, address or text from where the person built before; e-mail goes to their own account.
import { createHash } from 'node:crypto';
import {
  type AgentKind,
  agentShape,
  kindInWords,
  type NotificationChannel,
} from '../../domain/agent-shape.ts';
import type { PlanQuestion } from '../../domain/plan.ts';
import { scheduleShapeInWords } from '../../domain/schedule-shape.ts';
import type { LearnedItemRecord } from '../../store/learned-item-repository.ts';
import type { Suggestion } from '../advice/advice-context.ts';
import { howToTell } from '../builtin/change-conditions.ts';
import type { CreateDraft } from '../builtin/drafts.ts';
import type { WorkspaceSnapshot } from '../planner.ts';

/** An offer is made while the workspace has fewer agents than this. */
export const fewAgents = 3;
/** "Usually": a kind built at least this often. */
export const usualCount = 2;

/** The learned kinds the built-in planner can draft a new agent of. */
const draftedKinds: Partial<Record<AgentKind, CreateDraft['agentKind']>> = {
  price_monitor: 'monitor',
  page_monitor: 'monitor',
  scraper: 'scrape',
};

const pluralKind: Partial<Record<AgentKind, string>> = {
  price_monitor: 'price monitors',
  page_monitor: 'page monitors',
  scraper: 'scrapers that collect records from a page',
};

export interface OfferInput {
  items: readonly LearnedItemRecord[];
  userId: string;
  userEmail: string;
  snapshot: WorkspaceSnapshot;
  /** The person's time zone: the one they set, else the one learned. */
  timezone?: string;
}

const byUse = (a: LearnedItemRecord, b: LearnedItemRecord) =>
  b.count - a.count || b.lastSeenAt.getTime() - a.lastSeenAt.getTime();

/** How agents of this kind tell the person, from the patterns learned: the most used. */
function usualNotice(
  items: readonly LearnedItemRecord[],
  kind: AgentKind,
): { channel: NotificationChannel; onChange: boolean } | undefined {
  const pattern = items
    .filter((item) => item.category === 'pattern' && item.key.startsWith(`${kind}+`))
    .map((item) => ({ item, match: /^[a-z_]+\+(email|slack|webhook)(_on_change)?$/.exec(item.key) }))
    .filter((entry) => entry.match)
    .sort((a, b) => byUse(a.item, b.item))[0];
  if (!pattern?.match) return undefined;
  return { channel: pattern.match[1] as NotificationChannel, onChange: pattern.match[2] !== undefined };
}

const uniqueName = (base: string, snapshot: WorkspaceSnapshot) => {
  const taken = new Set(snapshot.agents.map((agent) => agent.name.toLowerCase()));
  for (let number = 1; ; number += 1) {
    const name = number === 1 ? base : `${base} ${number}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
};

/** The offer for this person in this workspace, or undefined when there is none to make. */
export function learnedOffer(input: OfferInput): Suggestion | undefined {
  const { items, snapshot } = input;
  if (snapshot.agents.length >= fewAgents) return undefined;
  const present = new Set(snapshot.agents.map((agent) => agentShape(agent.spec).kind));
  const usual = items
    .filter((item) => item.category === 'kind' && item.count >= usualCount)
    .sort(byUse)
    .find((item) => draftedKinds[item.key as AgentKind] && !present.has(item.key as AgentKind));
  if (!usual) return undefined;
  const kind = usual.key as AgentKind;
  const agentKind = draftedKinds[kind] as NonNullable<CreateDraft['agentKind']>;
  const notice = usualNotice(items, kind);
  const schedule = items
    .filter((item) => item.category === 'schedule' && item.count >= usualCount)
    .sort(byUse)[0];
  const scheduleWords = schedule ? scheduleShapeInWords(schedule.key) : undefined;
  const name = uniqueName(
    kindInWords(kind).replace(/^\w/, (letter) => letter.toUpperCase()),
    snapshot,
  );

  const draft: CreateDraft = {
    kind: 'create',
    agentKind,
    noun: agentKind === 'scrape' ? 'records' : undefined,
    name,
    goal: `A ${kindInWords(kind)} like the ones you usually build`,
    notify: {},
  };
  const questions: PlanQuestion[] = [
    {
      id: 'url',
      text:
        agentKind === 'monitor'
          ? 'Which page should it watch? Give its address, e.g. https://example.com/pricing.'
          : 'Which page lists what it should collect? Give its address, e.g. https://example.com/team.',
    },
  ];
  let telling = '';
  if (notice?.channel === 'email') {
    draft.notify = { email: input.userEmail };
    draft.preferred = `e-mail you at ${input.userEmail} (learned from what you built)`;
    telling = notice.onChange ? ' that e-mail you on change' : ' that e-mail you';
  } else if (notice) {
    // A Slack or webhook address belongs to the workspace it was used in: ask for this one's.
    draft.askHow = true;
    questions.push(howToTell);
    telling = notice.channel === 'slack' ? ' that post to Slack' : ' that call a webhook';
  }
  if (scheduleWords) draft.schedule = { words: scheduleWords, timezone: input.timezone };
  const when = scheduleWords ? `, ${scheduleWords}` : '';
  const asked = questions.map((question) => question.text).join(' ');
  const fingerprint = [input.userId, kind, notice?.channel ?? '', schedule?.key ?? ''].join('\n');
  return {
    id: `learned_pattern-${kind}-${createHash('sha256').update(fingerprint).digest('hex').slice(0, 12)}`,
    kind: 'learned_pattern',
    agentId: '',
    agentName: name,
    reason: `You usually build ${pluralKind[kind] ?? kindInWords(kind)}${telling}${when} (${usual.count} so far) — want one here? ${asked}`,
    plan: {
      summary: `Create a ${kindInWords(kind)} like the ones you usually build${telling}${when}, once you say which page.`,
      questions,
      operations: [],
    },
    draft: { ...draft },
  };
}
