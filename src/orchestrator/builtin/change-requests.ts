// "Can you make X do …", "have X also …", "X should also e-mail me", "I want X to …": a change
// to an agent the workspace has, not a request for a new one. The request is read as a change
// of that agent, in the words the change planner knows (as follow-ups read "it" as the name).
import { selectorFix } from '../fixes.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { agentsMentioned } from './agent-names.ts';
import type { SnapshotAgent } from './agent-verb-drafts.ts';
import { leadingAgent } from './leading-agent.ts';
import { firstOf, hasAny, selectorIn, urlsIn, withoutAddresses } from './request-text.ts';
import { scheduleIn } from './schedule-phrases.ts';
import { changePatterns } from './vocabulary/agent-verb-vocabulary.ts';
import { actionWords, scheduleWords } from './vocabulary/vocabulary.ts';

export interface ChangeRequest {
  agents: SnapshotAgent[];
  /** The change, in words the change planner reads. */
  text: string;
  /** A CSS selector the change gives: what the agent should read on its page now. */
  selector?: string;
}

/** Words that already say an address replaces the agent's. */
const addressWords = ['instead', 'use', 'switch', 'change', 'point', 'replace', 'new url'];
/** Words that make an address the place results go, not the page. */
const deliveryWords = ['post', 'send', 'webhook', 'hook', 'slack', 'deliver', 'push'];

/** "Make a …", "have me …": words that start something new, not an agent the workspace has. */
const notAnAgent = /^(?:a|an|another|new|me|us|some|one|sure|it so)\b/i;

/**
 * Whether the change is one the other planners read better: running, pausing or deleting it,
 * a schedule ("have X run every Monday"), or handing results to another agent (a chain).
 */
function belongsElsewhere(change: string, agent: SnapshotAgent, request: PlannerRequest): boolean {
  const words = withoutAddresses(change);
  const action = firstOf(words, Object.values(actionWords).flat());
  if (action && !(actionWords.update as readonly string[]).includes(action.phrase)) return true;
  if (hasAny(words, scheduleWords) || scheduleIn(change)?.kind === 'found') return true;
  const others = request.snapshot.agents.filter((other) => other.id !== agent.id);
  return agentsMentioned(change, others).some((match) => match.score === 1);
}

export function readChangeRequest(text: string, request: PlannerRequest): ChangeRequest | undefined {
  for (const pattern of changePatterns) {
    const groups = pattern.exec(text.replace(/[.!]+$/, ''))?.groups;
    if (!groups?.agent || notAnAgent.test(groups.agent)) continue;
    const leading = leadingAgent(groups.agent, request.snapshot.agents, request.lastAgentName);
    if (!leading) continue;
    const change = (groups.change ?? leading.rest).trim();
    // "Make the scraper" alone, or "make the scraper a copy", says no change.
    if (change.split(/\s+/).length < 2 && urlsIn(change).length === 0) continue;
    const { resolution } = leading;
    const agents = resolution.kind === 'one' ? [resolution.agent] : resolution.candidates;
    if (agents.some((agent) => belongsElsewhere(change, agent, request))) continue;
    // "Make the price monitor watch https://…" points it there: said in the change planner's words.
    const pointsElsewhere =
      urlsIn(change).length > 0 && !hasAny(change, addressWords) && !hasAny(change, deliveryWords);
    return { agents, text: pointsElsewhere ? `${change} instead` : change, selector: selectorIn(change) };
  }
  return undefined;
}

/** The selector an extraction step reads: its records', its own, or a monitor's one field. */
function readSelector(step: SnapshotAgent['spec']['steps'][number]): string | undefined {
  const records = step.with.records as { selector?: unknown } | undefined;
  const fields = step.with.fields as Record<string, unknown> | undefined;
  const only = fields && Object.keys(fields).length === 1 ? Object.values(fields)[0] : undefined;
  const selector = records?.selector ?? step.with.selector ?? only;
  return typeof selector === 'string' ? selector : undefined;
}

/** "Make X use `.card`": the agent's one extraction reads the new selector. */
export function planSelectorChange(agent: SnapshotAgent, selector: string): PlannerAnswer | undefined {
  const extractions = agent.spec.steps.filter(
    (step) =>
      ['html.extract', 'browser.extract', 'browser.paginate'].includes(step.tool) &&
      readSelector(step) !== undefined,
  );
  const [step] = extractions;
  if (!step) return undefined;
  if (extractions.length > 1)
    return {
      reply: `"${agent.name}" reads its page in ${extractions.length} steps (${extractions.map((each) => each.id).join(', ')}): which one should read ${selector}? Say e.g. "use ${selector} in step ${step.id}".`,
    };
  const old = readSelector(step) as string;
  if (old === selector) return { reply: `"${agent.name}" already reads ${selector}.` };
  const operation = selectorFix(agent, step.id, old, selector);
  if (!operation) return undefined;
  return {
    reply: `I will change "${agent.name}" to read ${selector} instead of ${old} (step ${step.id}). Approve to make it version ${agent.version + 1}.`,
    plan: {
      summary: `Change "${agent.name}": read ${selector} instead of ${old}.`,
      questions: [],
      operations: [operation],
    },
  };
}
