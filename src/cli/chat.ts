// `orca chat "…"`: one message to the Orchestrator of a running Orca, through its API. The
// reply and the plan are printed (a change of an agent as a diff); the plan is applied only when
// the user says yes, at the prompt or with --yes.
import { callApi, workspacePath } from './api-client.ts';
import type { WorkspaceSettings } from './client-settings.ts';
import { renderPlan } from './plan-view.ts';

export interface ChatOptions {
  settings: WorkspaceSettings;
  text: string;
  conversationId?: string;
  /** true: apply without asking; false: never apply; undefined: ask. */
  approve?: boolean;
  ask(question: string): Promise<string>;
  write(line: string): void;
}

interface PlanBody {
  id: string;
  status: string;
  summary: string;
  questions: { text: string; options?: string[] }[];
  operations: Record<string, unknown>[];
  results: Record<string, unknown>[] | null;
}

/** What happened, as `orca chat --json` prints it. */
export interface ChatOutcome {
  conversationId: string;
  reply: string;
  plan: PlanBody | null;
  /** none: no plan; questions: the plan waits for answers; rejected; applied. */
  outcome: 'none' | 'questions' | 'rejected' | 'applied';
  results: Record<string, unknown>[];
}

export async function chat(options: ChatOptions): Promise<ChatOutcome> {
  const { settings } = options;
  const base = workspacePath(settings.workspace);
  const answer = await callApi<{ conversationId: string; reply: string; plan?: PlanBody }>(
    settings,
    'POST',
    `${base}/orchestrator/messages`,
    { body: { text: options.text, conversationId: options.conversationId } },
  );
  const outcome: ChatOutcome = {
    conversationId: answer.conversationId,
    reply: answer.reply,
    plan: answer.plan ?? null,
    outcome: 'none',
    results: [],
  };
  options.write(answer.reply);
  const plan = answer.plan;
  if (!plan) return outcome;
  options.write('');
  for (const line of renderPlan(plan)) options.write(line);
  if (plan.status === 'needs_answers') {
    options.write('');
    options.write(
      `Answer with: orca chat "…" --conversation ${answer.conversationId} --workspace ${settings.workspace}`,
    );
    return { ...outcome, outcome: 'questions' };
  }
  let approved = options.approve;
  if (approved === undefined) {
    const said = (await options.ask('Approve this plan? [y/N] ')).trim().toLowerCase();
    approved = said === 'y' || said === 'yes';
  }
  if (!approved) {
    await callApi(settings, 'POST', `${base}/plans/${plan.id}/reject`);
    options.write('Rejected; nothing changed.');
    return { ...outcome, outcome: 'rejected' };
  }
  const applied = await callApi<{ plan: PlanBody; results: Record<string, unknown>[] }>(
    settings,
    'POST',
    `${base}/plans/${plan.id}/approve`,
    { body: {} },
  );
  options.write(`Applied (plan ${applied.plan.id}; undo with POST ${base}/plans/${applied.plan.id}/undo).`);
  for (const result of applied.results) {
    const run = result.runId
      ? ` — run ${String(result.runId)}: orca runs watch ${String(result.runId)} --workspace ${settings.workspace}`
      : '';
    if (result.type === 'connectAccount') {
      options.write(`  connectAccount: ${String(result.note)}`);
      continue;
    }
    options.write(
      `  ${String(result.type)} "${String(result.agentName)}"${result.version ? ` version ${String(result.version)}` : ''}${run}`,
    );
  }
  return { ...outcome, plan: applied.plan, outcome: 'applied', results: applied.results };
}
