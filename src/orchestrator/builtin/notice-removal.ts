// "Stop e-mailing me about the price monitor", "remove the slack alert from it", "no more
// notifications from the reporter": the agent keeps working and stops telling. Its e-mail or
// webhook steps are taken out (a plan, undoable); an agent that tells no one is said so, and is
// never paused for it (pausing would stop the work the person still wants).
import { webhookInWords } from '../output-words.ts';
import type { PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { whichAgent } from './agent-choice.ts';
import { agentsMentionedWithTypos } from './name-typos.ts';
import { updateOperation } from './new-agents.ts';
import { pronouns } from './vocabulary/vocabulary.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];
type Channel = 'email' | 'webhook' | 'any';

const telling =
  '(?:e-?mail(?:s|ing)?|mail(?:s|ing)?|notif(?:y|ying|ications?)|ping(?:s|ing)?|messag(?:e|es|ing)|alert(?:s|ing)?|spam(?:ming)?|slack(?: (?:messages?|notifications?|posts?|alerts?|pings?))?|webhook(?: (?:posts?|calls?))?|post(?:s|ing)? to (?:slack|the webhook))';
const asks = [
  new RegExp(`\\b(?:stop|quit|cease)\\s+(?:sending\\s+(?:me\\s+)?)?${telling}\\b`),
  new RegExp(`\\b(?:don't|do not|dont|never)\\s+(?:send\\s+(?:me\\s+)?)?${telling}\\b`),
  new RegExp(`\\bno (?:more|longer)\\s+(?:send(?:ing)?\\s+(?:me\\s+)?)?${telling}\\b`),
  new RegExp(
    `\\b(?:remove|delete|drop|turn off|switch off|disable|get rid of|mute|silence)\\s+(?:the\\s+|its\\s+|all\\s+|my\\s+)?${telling}\\b`,
  ),
  /\bunsubscribe me\b/,
];

function channelOf(lower: string): Channel {
  const email = /\b(?:e-?mail|mail)/.test(lower);
  const hook = /\b(?:slack|webhook|post)/.test(lower);
  if (email && !hook) return 'email';
  if (hook && !email) return 'webhook';
  return 'any';
}

const toolsOf: Record<Channel, string[]> = {
  email: ['notify.email'],
  webhook: ['notify.webhook'],
  any: ['notify.email', 'notify.webhook'],
};

const channelWords: Record<Channel, string> = {
  email: 'e-mail',
  webhook: 'webhook or Slack posts',
  any: 'notifications',
};

export function asksToStopNotices(text: string): boolean {
  const lower = text.toLowerCase().replace(/’/g, "'");
  return asks.some((pattern) => pattern.test(lower));
}

function subjects(text: string, request: PlannerRequest): SnapshotAgent[] {
  const words = text.replace(new RegExp(telling, 'gi'), ' ');
  const named = agentsMentionedWithTypos(words, request.snapshot.agents).map((match) => match.item);
  if (named.length > 0) return named;
  const last = request.snapshot.agents.find((agent) => agent.name === request.lastAgentName);
  const pronoun = new RegExp(`\\b(?:${pronouns.join('|')})\\b`, 'i');
  return last && pronoun.test(text) ? [last] : [];
}

/** The plan that stops an agent's notices, or undefined when the text asks no such thing. */
export function planStopNotices(text: string, request: PlannerRequest): PlannerAnswer | undefined {
  if (!asksToStopNotices(text)) return undefined;
  const channel = channelOf(text.toLowerCase());
  const tools = toolsOf[channel];
  // "Stop e-mailing me": only the e-mails to the person asking; a team address stays.
  const toMe = /\b(?:me|my (?:inbox|e-?mail|mailbox))\b/i.test(text) && request.userEmail !== undefined;
  const removes = (step: SnapshotAgent['spec']['steps'][number]) =>
    tools.includes(step.tool) &&
    (!toMe ||
      step.tool !== 'notify.email' ||
      String((step.with as { to?: unknown }).to ?? '')
        .toLowerCase()
        .split(/[\s,;]+/)
        .includes((request.userEmail as string).toLowerCase()));
  const tells = (agent: SnapshotAgent) => agent.spec.steps.some(removes);
  const agents = subjects(text, request);
  if (agents.length === 0) {
    // "Stop sending me e-mails": the agents that send them are the ones meant.
    const senders = request.snapshot.agents.filter(tells);
    if (senders.length === 0)
      return {
        reply: `No agent in this workspace sends ${channelWords[channel]}: there is nothing to stop.`,
      };
    agents.push(...senders);
  }
  if (agents.length > 1) {
    // "Stop e-mailing me about the reports": only the ones that e-mail are meant.
    const telling = agents.filter(tells);
    if (telling.length !== 1) {
      const question = whichAgent(telling.length > 1 ? telling : agents);
      return {
        reply: question.text,
        plan: { summary: 'Waiting to know which agent.', questions: [question], operations: [] },
      };
    }
    agents.splice(0, agents.length, telling[0] as SnapshotAgent);
  }
  const agent = agents[0] as SnapshotAgent;
  const removed = agent.spec.steps.filter(removes);
  const others = agent.spec.steps
    .filter((step) => step.tool === 'notify.email' && !removes(step))
    .map((step) => String((step.with as { to?: unknown }).to ?? ''));
  if (removed.length === 0 && others.length > 0)
    return {
      reply: `"${agent.name}" e-mails ${others.join(', ')}, not you, so I changed nothing. To stop those e-mails too, say "remove the e-mail step from ${agent.name}".`,
      referents: [agent.name],
    };
  if (removed.length === 0)
    return {
      reply: `"${agent.name}" sends no ${channelWords[channel]}, so there is nothing to stop: it only keeps its results (in the shared context and its run outputs). To stop it running, say "pause ${agent.name}".`,
      referents: [agent.name],
    };
  const spec = { ...agent.spec, steps: agent.spec.steps.filter((step) => !removes(step)) };
  const what = removed
    .map((step) => {
      const target =
        (step.with as { to?: unknown; url?: unknown }).to ?? (step.with as { url?: unknown }).url;
      const where =
        step.tool === 'notify.email' ? target : typeof target === 'string' ? webhookInWords(target) : target;
      return `${step.tool === 'notify.email' ? 'e-mail' : 'post'}${typeof where === 'string' ? ` to ${where}` : ''}`;
    })
    .join(' or ');
  return {
    reply: `I will change "${agent.name}" so it no longer ${what}: it keeps running and keeping its results. Approve to make it version ${agent.version + 1}.`,
    plan: {
      summary: `Stop "${agent.name}" telling anyone.`,
      operations: [updateOperation(agent, spec)],
      questions: [],
    },
    referents: [agent.name],
  };
}
