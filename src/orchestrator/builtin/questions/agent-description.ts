// "What does the lead scraper do": an agent's goal, its steps in words, when it runs and what it
// is chained to, read from its spec, schedule and chains.
import type { PlannerAnswer, WorkspaceSnapshot } from '../../planner.ts';
import { inSentence } from '../schedule-planning.ts';
import { chainConditionWords } from '../vocabulary/vocabulary.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];
type Step = SnapshotAgent['spec']['steps'][number];

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** What one step does, in a few words. */
export function stepInWords(step: Step): string {
  const settings = (step.with ?? {}) as Record<string, unknown>;
  const records = settings.records as { selector?: unknown } | undefined;
  const auth = settings.auth as { connection?: unknown } | undefined;
  const account = text(settings.connection) ?? text(auth?.connection);
  const withAccount = account ? ` with the account "${account}"` : '';
  switch (step.tool) {
    case 'http.request':
      return `fetches ${text(settings.url) ?? 'an address'}${withAccount}`;
    case 'html.extract':
    case 'browser.extract':
      return text(records?.selector)
        ? `extracts the records marked \`${records?.selector}\``
        : 'extracts parts of the page';
    case 'browser.paginate':
      return `reads the records marked \`${text(records?.selector) ?? 'in its listing'}\` from every page of ${text(settings.url) ?? 'the listing'}`;
    case 'browser.act':
      return `does "${text(settings.instruction) ?? 'as instructed'}" on the page`;
    case 'browser.login':
      return `signs in to ${text(settings.url) ?? 'a portal'}${withAccount}`;
    case 'browser.goto':
      return `opens ${text(settings.url) ?? 'a page'}`;
    case 'browser.download':
      return 'downloads files';
    case 'notify.email':
      return `e-mails ${text(settings.to) ?? 'the results'}`;
    case 'notify.webhook':
      return `posts to ${text(settings.url) ?? 'a webhook'}`;
    case 'llm.generate':
      return 'writes text with a language model';
    case 'memory.read':
    case 'memory.search':
    case 'memory.list':
      return 'reads the shared context';
    case 'memory.write':
      return 'writes to the shared context';
    case 'transform':
      return 'reshapes the data';
    case 'files.save':
      return 'saves a file';
    case 'agent.call':
      return `calls the agent ${text(settings.agent) ?? ''}`.trim();
    default:
      return `uses ${step.tool}`;
  }
}

export function describeAgent(agent: SnapshotAgent, snapshot: WorkspaceSnapshot): PlannerAnswer {
  const { spec } = agent;
  const names = new Map(snapshot.agents.map((item) => [item.id, item.name]));
  const steps = spec.steps.map(
    (step, index) =>
      `${index + 1}. ${step.id}: ${stepInWords(step)}${step.if ? ' (only when a condition holds)' : ''}`,
  );
  const schedule = agent.schedule;
  const when = schedule
    ? schedule.enabled
      ? `It runs ${inSentence(schedule.description)}.`
      : `Its schedule (${inSentence(schedule.description)}) is switched off.`
    : 'It has no schedule.';
  const chains = snapshot.chains
    .filter((chain) => chain.enabled && (chain.fromAgentId === agent.id || chain.toAgentId === agent.id))
    .map((chain) =>
      chain.fromAgentId === agent.id
        ? `when it ${chainConditionWords[chain.on]}, "${names.get(chain.toAgentId)}" starts with its output`
        : `it starts after "${names.get(chain.fromAgentId)}" ${chainConditionWords[chain.on]}`,
    );
  const chained = chains.length > 0 ? ` Chains: ${chains.join('; ')}.` : '';
  const paused = agent.status === 'paused' ? ' It is paused.' : '';
  const goal = spec.goal ? `${spec.goal.replace(/[.\s]+$/, '')}. ` : '';
  return {
    reply: `"${agent.name}" (version ${agent.version}): ${goal}It has ${steps.length} step${steps.length === 1 ? '' : 's'}:\n${steps.join('\n')}\n${when}${chained}${paused}`,
  };
}
