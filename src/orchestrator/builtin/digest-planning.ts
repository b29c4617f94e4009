// A digest of what the workspace's agents found: "make me a daily digest of what my agents
// found", "summarise the shared context every Friday". With a language model configured the
// agent reads the shared context and has llm.generate summarise it; without one nothing can
// summarise, so the reply says so and offers what can be built instead: an agent that collects
// the entries into a file and an e-mail as they are. Never a plan that silently does less.
import { validateAgentSpec } from '../../domain/agent-spec.ts';
import type { PlanOperation } from '../../domain/plan.ts';
import { resolveCron } from '../../triggers/schedule-times.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { scheduleNewAgent, uniqueName } from './new-agents.ts';
import { emailsIn, hasAny } from './request-text.ts';
import { scheduleIn } from './schedule-phrases.ts';
import { digestWords, sharedContextPatterns } from './vocabulary/agent-verb-vocabulary.ts';

const hour = 60 * 60 * 1000;
const day = 24 * hour;

/** Whether the request asks for a digest or summary of the shared context. */
export function asksForDigest(text: string): boolean {
  // A page named is a page to summarise (a new agent that reads it), not the shared context.
  if (/https?:\/\//i.test(text)) return false;
  return hasAny(text, digestWords) && sharedContextPatterns.some((pattern) => pattern.test(text));
}

/** How far back each digest looks: the time between two of its runs, a week when it has no schedule. */
function periodOf(cron: string | undefined): { milliseconds: number; words: string; adjective: string } {
  const [, hours, dayOfMonth, , dayOfWeek] = cron?.split(' ') ?? [];
  if (!cron) return { milliseconds: 7 * day, words: 'the last 7 days', adjective: '' };
  if (dayOfMonth && dayOfMonth !== '*')
    return { milliseconds: 31 * day, words: 'the last month', adjective: 'Monthly' };
  if (dayOfWeek && dayOfWeek !== '*' && !/[,-]/.test(dayOfWeek))
    return { milliseconds: 7 * day, words: 'the last week', adjective: 'Weekly' };
  if (hours === '*' || hours?.startsWith('*/'))
    return { milliseconds: hour, words: 'the last hour', adjective: 'Hourly' };
  return { milliseconds: day, words: 'the last day', adjective: 'Daily' };
}

function digestSteps(options: { milliseconds: number; words: string; email?: string; model: boolean }) {
  const steps: Record<string, unknown>[] = [
    { id: 'entries', tool: 'memory.list', with: { scope: 'workspace', limit: 500 } },
    {
      id: 'recent',
      tool: 'transform',
      // Only what was written since the digest before: each one is news.
      with: {
        expression: `[steps.entries.items[$toMillis(updatedAt) > $millis() - ${options.milliseconds}].{"key": key, "text": text, "tags": tags, "updatedAt": updatedAt}]`,
      },
    },
  ];
  const listed = `{{ $count(steps.recent.value) = 0 ? "Nothing new." : $join(steps.recent.value.("- " & key & ": " & text), "\\n") }}`;
  if (options.model) {
    steps.push(
      {
        id: 'summary',
        tool: 'llm.generate',
        with: {
          system:
            'You write short digests for a busy reader: the few findings that matter first, grouped by topic, in plain sentences and bullet points. Say plainly when nothing new was found. Invent nothing.',
          prompt: `Summarise what the agents of this workspace wrote to the shared context in ${options.words}. The entries, as JSON (key, text, tags, when):\n{{ $string(steps.recent.value) }}`,
        },
      },
      {
        id: 'save',
        tool: 'files.save',
        with: { name: 'digest.md', content: '{{ steps.summary.text }}', format: 'text' },
      },
    );
  } else {
    steps.push({
      id: 'save',
      tool: 'files.save',
      with: { name: 'shared-context.csv', content: '{{ steps.recent.value }}', format: 'csv' },
    });
  }
  if (options.email)
    steps.push({
      id: 'email',
      tool: 'notify.email',
      with: {
        to: options.email,
        subject: options.model ? 'Digest of the shared context' : 'New entries of the shared context',
        text: options.model
          ? '{{ steps.summary.text }}'
          : `Entries written to the shared context in ${options.words}:\n${listed}`,
      },
      retry: { attempts: 3, backoffMs: 5000 },
    });
  return steps;
}

export function planDigest(text: string, request: PlannerRequest): PlannerAnswer {
  const found = scheduleIn(text);
  const schedule = found?.kind === 'found' ? { words: found.words, timezone: found.timezone } : undefined;
  let cron: string | undefined;
  try {
    cron = schedule ? resolveCron({ text: schedule.words }) : undefined;
  } catch {
    cron = undefined;
  }
  const period = periodOf(cron);
  const email = emailsIn(text)[0] ?? request.userEmail;
  const model = Boolean(request.languageModel);
  const kind = model ? 'Digest' : 'List';
  const name = uniqueName(`${period.adjective} Shared Context ${kind}`.trim(), request.snapshot.agents);
  const validation = validateAgentSpec({
    name,
    goal: model
      ? `Summarise what the workspace's agents wrote to the shared context in ${period.words}${email ? `, and e-mail it to ${email}` : ''}.`
      : `Collect the entries the workspace's agents wrote to the shared context in ${period.words}, as they are (no model is configured to summarise them)${email ? `, and e-mail them to ${email}` : ''}.`,
    steps: digestSteps({ ...period, email, model }),
    output: model ? '{{ steps.summary.text }}' : '{{ steps.recent.value }}',
  });
  if (!validation.success)
    throw new Error(`The digest agent's spec does not validate: ${JSON.stringify(validation.issues)}`);
  const spec = validation.spec;
  const operations: PlanOperation[] = [
    { type: 'createAgent', spec: spec as unknown as Record<string, unknown> },
    { type: 'runAgent', agentName: name, input: {}, test: true },
  ];
  const scheduled = scheduleNewAgent(name, schedule, request);
  if (scheduled.operation) operations.push(scheduled.operation);
  const delivered = `saves it as a file${email ? ` and e-mails it to ${email}` : ''}`;
  const reply = model
    ? `I will create "${name}", which reads the shared context, has the model (${request.languageModel}) summarise what the agents wrote in ${period.words}, and ${delivered}. I will test it once.${scheduled.reply} Approve the plan to go ahead.`
    : `No language model is configured (ORCA_LLM is not set), so no agent can summarise the shared context. What I can build instead: "${name}", which collects the entries the agents wrote to the shared context in ${period.words}, without summarising them, ${email ? `into a CSV file and an e-mail to ${email}` : 'into a CSV file'}. I will test it once.${scheduled.reply} Approve the plan to build that, or configure a model and ask again for a real digest.`;
  return {
    reply,
    plan: {
      summary: `Create "${name}" (${model ? 'a digest of the shared context' : 'the shared context’s new entries, not summarised'}) and test it${scheduled.summary}.`,
      questions: [],
      operations,
    },
  };
}
