// "What starts the old reporting agent", "how does the reporter get triggered": everything that
// starts an agent on its own — its schedule, one-off runs ahead, its inbound webhooks, the chains
// into it — and, when nothing does, that it runs only when started by hand. Its newest runs say
// what did start it lately.
import { quotedRunData } from '../../output-words.ts';
import type { PlannerAnswer, WorkspaceSnapshot } from '../../planner.ts';
import { whenInWords } from '../../run-figures.ts';
import { inSentence } from '../schedule-planning.ts';
import type { AnswerContext } from './run-answers.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

/**
 * Questions about what starts an agent. "What runs after X" asks about the chains out of it, and
 * "which agents are started by a webhook" about the webhooks: those are other questions.
 */
const triggerQuestions = [
  /\b(?:what|who|which \w+)(?:'s| is| are)? (?:starts?|triggers?|kicks? off|launch(?:es)?|sets? off|fires?|invokes?)\b(?!.*\b(?:after|once|next|finish\w*|done|ends?)\b)/,
  /\bhow (?:does|do|is|are|will|would|can|did) .+ (?:get |gets |being |be )?(?:started|triggered|kicked off|launched|invoked|fired|set off|start|trigger|kick off)\b/,
  /\b(?:started|triggered|kicked off|launched|set off|invoked|fired) (?:by|from|how)\b/,
  /\bwhat (?:makes|causes|gets|sets) .+ (?:to )?(?:run|start|going|off)\b/,
  /\b(?:does|do|is) (?:anything|something|anyone|anybody)\b.*\b(?:start|trigger|kick off|launch|set off)s?\b/,
];

/** Whether the text asks what starts an agent (not which agents a webhook or chain starts). */
export function asksWhatStarts(text: string): boolean {
  const lower = text.toLowerCase().replace(/’/g, "'");
  if (/\bweb ?hooks?\b|\bhooks?\b|\bchain(?:s|ed)?\b/.test(lower)) return false;
  return triggerQuestions.some((pattern) => pattern.test(lower));
}

const startedBy: Record<string, string> = {
  manual: 'by hand',
  orchestrator: 'from the chat',
  schedule: 'by its schedule',
  webhook: 'by a webhook',
  chain: 'by a chain',
  agent: 'by another agent',
};

const endings = { success: 'succeeds', failure: 'fails', always: 'ends' } as const;

/** What starts `agent` on its own, one line each, with how its newest runs were started. */
export function agentTriggers(agent: SnapshotAgent, context: AnswerContext): PlannerAnswer {
  const { snapshot, now, timezone } = context;
  const lines: string[] = [];
  const schedule = agent.schedule;
  if (schedule)
    lines.push(`its schedule: ${inSentence(schedule.description)}${schedule.enabled ? '' : ' (turned off)'}`);
  for (const once of agent.oneOffRuns ?? [])
    lines.push(`a one-off run ${whenInWords(once.runAt, now, timezone)}`);
  for (const hook of agent.hooks ?? [])
    lines.push(
      `a webhook, ${quotedRunData(hook.name, 80)}${hook.enabled ? '' : ' (turned off)'}${hook.signed ? ', signed' : ''}: ${hook.lastUsedAt ? `last called ${whenInWords(hook.lastUsedAt, now, timezone)}` : 'never called yet'}`,
    );
  const nameOf = new Map(snapshot.agents.map((candidate) => [candidate.id, candidate.name]));
  const upstream = snapshot.chains.filter(
    (chain) => chain.toAgentId === agent.id && nameOf.has(chain.fromAgentId),
  );
  const chained = upstream.map((chain) => {
    const from = nameOf.get(chain.fromAgentId) as string;
    return {
      from,
      line: `a chain: it runs after "${from}" ${endings[chain.on]}${chain.enabled ? '' : ' (turned off)'}`,
    };
  });
  lines.push(...chained.map(({ line }) => line));
  const recent = agent.history?.recent ?? [];
  const tally = new Map<string, number>();
  for (const run of recent) tally.set(run.trigger, (tally.get(run.trigger) ?? 0) + 1);
  const lately =
    recent.length > 0
      ? ` Its last ${recent.length === 1 ? 'run was' : `${recent.length} runs were`} started ${[...tally]
          .map(
            ([trigger, runs]) =>
              `${startedBy[trigger] ?? `by ${trigger}`}${recent.length > 1 ? ` (${runs})` : ''}`,
          )
          .join(', ')}.`
      : '';
  const paused = agent.status === 'paused' ? ' It is paused: it does not run until you resume it.' : '';
  const referents = [agent.name, ...chained.map(({ from }) => from)];
  if (lines.length === 0)
    return {
      reply: `Nothing starts "${agent.name}" on its own: it has no schedule, no webhook and no chain into it, so it runs only when started by hand or from the chat.${lately}${paused}`,
      referents,
    };
  return {
    reply: `"${agent.name}" is started by ${lines.length === 1 ? 'one thing' : `${lines.length} things`}, besides by hand or from the chat:\n${lines.map((line) => `- ${line}`).join('\n')}${lately || paused ? `\n${`${lately}${paused}`.trim()}` : ''}`,
    referents: [...new Set(referents)],
  };
}
