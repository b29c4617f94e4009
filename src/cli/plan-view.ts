// A plan as the terminal shows it: one line per operation, and for a change of an agent the
// lines of its spec that change, as a diff.
import { timesInWords } from '../orchestrator/schedule-preview.ts';

interface PlanLike {
  summary: string;
  status: string;
  questions: { text: string; options?: string[] }[];
  operations: Record<string, unknown>[];
}

/** The lines of `before` and `after` with `-` and `+` marks where they differ, and a little context. */
export function lineDiff(before: string[], after: string[], context = 2): string[] {
  const rows = before.length;
  const columns = after.length;
  // Longest common subsequence lengths, from the end, to walk the diff forwards.
  const table = new Array<number>((rows + 1) * (columns + 1)).fill(0);
  const common = (row: number, column: number) => table[row * (columns + 1) + column] ?? 0;
  for (let row = rows - 1; row >= 0; row--) {
    for (let column = columns - 1; column >= 0; column--) {
      table[row * (columns + 1) + column] =
        before[row] === after[column]
          ? common(row + 1, column + 1) + 1
          : Math.max(common(row + 1, column), common(row, column + 1));
    }
  }
  const marked: { mark: ' ' | '-' | '+'; line: string }[] = [];
  let row = 0;
  let column = 0;
  while (row < rows || column < columns) {
    if (row < rows && column < columns && before[row] === after[column]) {
      marked.push({ mark: ' ', line: before[row] ?? '' });
      row++;
      column++;
    } else if (row < rows && (column >= columns || common(row + 1, column) >= common(row, column + 1))) {
      // Removed lines before added ones, as diffs are read.
      marked.push({ mark: '-', line: before[row] ?? '' });
      row++;
    } else {
      marked.push({ mark: '+', line: after[column] ?? '' });
      column++;
    }
  }
  const near = (index: number) =>
    marked.slice(Math.max(0, index - context), index + context + 1).some((entry) => entry.mark !== ' ');
  const lines: string[] = [];
  let skipped = false;
  for (const [index, entry] of marked.entries()) {
    if (entry.mark === ' ' && !near(index)) {
      if (!skipped) lines.push('    …');
      skipped = true;
      continue;
    }
    skipped = false;
    lines.push(`  ${entry.mark} ${entry.line}`);
  }
  return lines;
}

function specLines(spec: unknown) {
  return JSON.stringify(spec ?? {}, null, 2).split('\n');
}

interface ScheduleLike {
  cron?: string;
  text?: string | null;
  timezone?: string;
  description?: string;
}

/** When a schedule runs, in words when the plan has them, else as it was written. */
function scheduleWords(schedule: ScheduleLike) {
  if (schedule.description) return schedule.description;
  const when = schedule.text ?? (schedule.cron ? `cron "${schedule.cron}"` : 'unknown times');
  return `${when} (${schedule.timezone ?? 'your time zone'})`;
}

function nextRuns(operation: Record<string, unknown>) {
  const times = Array.isArray(operation.nextRuns) ? operation.nextRuns.map(String).slice(0, 3) : [];
  if (times.length === 0 || typeof operation.timezone !== 'string') return '';
  return ` — next: ${timesInWords(times, operation.timezone).join(', ')}`;
}

function agentName(side: unknown) {
  return String((side as { agentName?: string } | undefined)?.agentName ?? '');
}

function scheduleLines(operation: Record<string, unknown>, name: string): string[] {
  const before = operation.before as ScheduleLike | null | undefined;
  if (operation.type === 'unscheduleAgent') {
    return [`@ unschedule "${name}"${before ? ` (was ${scheduleWords(before)})` : ''}`];
  }
  const lines = [`@ schedule "${name}": ${scheduleWords(operation)}${nextRuns(operation)}`];
  if (before) lines.push(`    instead of ${scheduleWords(before)}`);
  if (operation.input) lines.push(`    each run's input: ${JSON.stringify(operation.input)}`);
  if (operation.missed === 'run_once') lines.push('    missed while Orca was down: run once');
  return lines;
}

function chainLine(operation: Record<string, unknown>): string {
  const joined = `"${agentName(operation.from)}" → "${agentName(operation.to)}"`;
  if (operation.type === 'unchainAgents') return `× unchain ${joined}`;
  const mapping =
    typeof operation.mapping === 'string' ? `mapping ${operation.mapping}` : 'its output as the input';
  return `→ chain ${joined} on ${String(operation.on ?? 'success')}, ${mapping}`;
}

/** What a connected account will be: its kind, where its credential may go, and what comes next. */
function connectLines(operation: Record<string, unknown>): string[] {
  const settings = (operation.settings ?? {}) as Record<string, unknown>;
  const name = operation.label
    ? `${String(operation.service)}/${String(operation.label)}`
    : String(operation.service);
  const hosts = Array.isArray(settings.allowedHosts) ? settings.allowedHosts.join(', ') : '';
  const shown = Object.entries(settings)
    .filter(([key]) => key !== 'allowedHosts')
    .map(([key, value]) => `${key} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const next =
    operation.kind === 'oauth2'
      ? 'then authorize it (POST …/connections/:id/authorize)'
      : `then send its ${operation.kind === 'login' ? 'password' : 'key'} with PATCH …/connections/:id, never in chat`;
  return [
    `⚷ connect ${String(operation.kind)} account "${name}", sent only to ${hosts || 'no host yet'}`,
    ...(shown.length > 0 ? [`    ${shown.join('; ')}`] : []),
    `    ${next}`,
  ];
}

export function renderPlan(plan: PlanLike): string[] {
  const lines = [`Plan (${plan.status}): ${plan.summary}`];
  for (const question of plan.questions) {
    lines.push(`? ${question.text}${question.options ? ` [${question.options.join(' | ')}]` : ''}`);
  }
  for (const operation of plan.operations) {
    const name = String(operation.agentName ?? (operation.spec as { name?: string } | undefined)?.name ?? '');
    switch (operation.type) {
      case 'createAgent': {
        const steps = ((operation.spec as { steps?: { id: string; tool: string }[] }).steps ?? []).map(
          (step) => `${step.id} (${step.tool})`,
        );
        lines.push(`+ create agent "${name}": ${steps.join(' → ')}`);
        break;
      }
      case 'updateAgent':
        lines.push(
          `~ change agent "${name}" (version ${operation.expectedVersion} → ${Number(operation.expectedVersion) + 1}):`,
        );
        lines.push(...lineDiff(specLines(operation.before), specLines(operation.spec)));
        break;
      case 'deleteAgent':
        lines.push(`- delete agent "${name}"`);
        break;
      case 'pauseAgent':
        lines.push(`‖ pause agent "${name}"`);
        break;
      case 'resumeAgent':
        lines.push(`▷ resume agent "${name}"`);
        break;
      case 'runAgent':
        lines.push(
          `▶ run "${name}"${operation.test ? ' as a test' : ''} with ${JSON.stringify(operation.input ?? {})}`,
        );
        break;
      case 'scheduleAgent':
      case 'unscheduleAgent':
        lines.push(...scheduleLines(operation, name));
        break;
      case 'chainAgents':
      case 'unchainAgents':
        lines.push(chainLine(operation));
        break;
      case 'connectAccount':
        lines.push(...connectLines(operation));
        break;
      default:
        lines.push(`• ${String(operation.type)} ${name}`);
    }
  }
  return lines;
}
