// `orca chat "…"`: one message to the Orchestrator of a running Orca, through its API. The
// reply and the plan are printed (a change of an agent as a diff); the plan is applied only when
// the user says yes, at the prompt or with --yes.
import { OrcaError } from '../domain/errors.ts';
import { renderPlan } from './plan-view.ts';

export interface ChatOptions {
  url: string;
  token: string;
  workspace: string;
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

async function call<T>(options: ChatOptions, method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${options.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new OrcaError(
      'bad_request',
      `Orca does not answer at ${options.url} (${(error as Error).message}). Is it running? Set --url or ORCA_URL.`,
    );
  }
  const answer = (await response.json().catch(() => ({}))) as T & { error?: { message?: string } };
  if (!response.ok)
    throw new OrcaError(
      'bad_request',
      `Orca answered ${response.status}: ${answer.error?.message ?? response.statusText}`,
    );
  return answer;
}

/** Returns the process exit code: 0 when all went as the user said, 1 when applying failed. */
export async function chat(options: ChatOptions): Promise<number> {
  const workspacePath = `/api/workspaces/${encodeURIComponent(options.workspace)}`;
  const answer = await call<{ conversationId: string; reply: string; plan?: PlanBody }>(
    options,
    'POST',
    `${workspacePath}/orchestrator/messages`,
    { text: options.text, conversationId: options.conversationId },
  );
  options.write(answer.reply);
  const plan = answer.plan;
  if (!plan) return 0;
  options.write('');
  for (const line of renderPlan(plan)) options.write(line);
  if (plan.status === 'needs_answers') {
    options.write('');
    options.write(
      `Answer with: orca chat "…" --conversation ${answer.conversationId} --workspace ${options.workspace}`,
    );
    return 0;
  }
  let approved = options.approve;
  if (approved === undefined) {
    const said = (await options.ask('Approve this plan? [y/N] ')).trim().toLowerCase();
    approved = said === 'y' || said === 'yes';
  }
  if (!approved) {
    await call(options, 'POST', `${workspacePath}/plans/${plan.id}/reject`);
    options.write('Rejected; nothing changed.');
    return 0;
  }
  const applied = await call<{ plan: PlanBody; results: Record<string, unknown>[] }>(
    options,
    'POST',
    `${workspacePath}/plans/${plan.id}/approve`,
    {},
  );
  options.write(
    `Applied (plan ${applied.plan.id}; undo with POST ${workspacePath}/plans/${applied.plan.id}/undo).`,
  );
  for (const result of applied.results) {
    const run = result.runId
      ? ` — run ${String(result.runId)}: orca runs watch ${String(result.runId)} --workspace ${options.workspace}`
      : '';
    if (result.type === 'connectAccount') {
      options.write(`  connectAccount: ${String(result.note)}`);
      continue;
    }
    options.write(
      `  ${String(result.type)} "${String(result.agentName)}"${result.version ? ` version ${String(result.version)}` : ''}${run}`,
    );
  }
  return 0;
}
