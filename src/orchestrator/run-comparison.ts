// What a test run got next to what the agent's run before it got, for the chat: after a fix
// ("it only gets the first page") the person checks the figures that changed — pages read, files
// or records listed, files downloaded: "This run read 4 pages, listed 7 files and downloaded 3
// new ones; the last run read 2 pages, listed 4 and downloaded 4."
import { positionOf } from '../store/keyset.ts';
import {
  listRunSteps,
  listRuns,
  type RunRecord,
  type RunStepRecord,
  runKeyset,
} from '../store/run-repository.ts';
import type { WorkspaceScope } from '../store/store.ts';

export interface RunFigures {
  /** Listing pages the run read: a browser.paginate's pages, or each page a records extraction read. */
  pages?: number;
  /** Records those pages listed. */
  records?: number;
  /** Files the run downloaded. */
  downloaded?: number;
}

type StepRow = Pick<RunStepRecord, 'stepId' | 'tool' | 'input' | 'output'>;

const asObject = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/** Records an extraction's output holds: its count, else its list. */
function recordsIn(output: unknown): number {
  const object = asObject(output);
  if (typeof object?.count === 'number') return object.count;
  return Array.isArray(object?.records) ? object.records.length : 0;
}

/** How many pages a browser.paginate read: a count, or the list of them. */
function pagesIn(output: unknown): number {
  const pages = asObject(output)?.pages;
  if (typeof pages === 'number') return pages;
  if (Array.isArray(pages)) return pages.length;
  const urls = asObject(output)?.urls;
  return Array.isArray(urls) ? urls.length : 0;
}

/** The figures of a run, from its output and its steps (a forEach step's output lists each item's). */
export function runFigures(output: unknown, steps: readonly StepRow[]): RunFigures {
  const figures: RunFigures = {};
  const add = (key: keyof RunFigures, amount: number) => {
    figures[key] = (figures[key] ?? 0) + amount;
  };
  // Items of a forEach are stored on rows of their own ("listing#0"); the step's row lists them all.
  for (const step of steps.filter((row) => !row.stepId.includes('#'))) {
    if (step.tool === 'browser.paginate' && step.output) {
      add('pages', pagesIn(step.output));
      add('records', recordsIn(step.output));
    }
    if (step.tool === 'browser.extract' && asObject(step.input)?.records !== undefined && step.output) {
      const pages = Array.isArray(step.output) ? step.output : [step.output];
      add('pages', pages.length);
      add(
        'records',
        pages.reduce((sum: number, page) => sum + recordsIn(page), 0),
      );
    }
    if (step.tool === 'browser.download' && step.output)
      add('downloaded', Array.isArray(step.output) ? step.output.length : 1);
  }
  // The agent's own count of what it downloaded wins over counting steps.
  const downloaded = asObject(output)?.downloaded;
  if (Array.isArray(downloaded)) figures.downloaded = downloaded.length;
  return figures;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function inWords(figures: RunFigures, keys: (keyof RunFigures)[], nouns: boolean): string {
  const item = figures.downloaded !== undefined ? 'file' : 'record';
  const parts = keys.map((key) => {
    const count = figures[key] ?? 0;
    if (key === 'pages') return `read ${plural(count, 'page')}`;
    if (key === 'records') return `listed ${nouns ? plural(count, item) : count}`;
    return `downloaded ${nouns ? `${count} new ${count === 1 ? 'one' : 'ones'}` : count}`;
  });
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

/** The comparison in a sentence, or undefined when the two runs share no figure to compare. */
export function comparisonInWords(
  current: RunFigures,
  previous: { status: string; figures: RunFigures; stepId?: string },
): string | undefined {
  const keys = (['pages', 'records', 'downloaded'] as const).filter((key) => current[key] !== undefined);
  if (keys.length === 0) return undefined;
  if (previous.status === 'failed') {
    return `This run ${inWords(current, keys, true)}; the last run failed${previous.stepId ? ` at step "${previous.stepId}"` : ''}.`;
  }
  const shared = keys.filter((key) => previous.figures[key] !== undefined);
  if (shared.length === 0) return undefined;
  return `This run ${inWords(current, shared, true)}; the last run ${inWords(previous.figures, shared, false)}.`;
}

/** How many runs back the last finished one is looked for: runs still queued or going are passed over. */
const lookBack = 20;

/** The comparison of a finished run with the agent's finished run before it, if it had one. */
export async function comparisonWithLastRun(
  scope: WorkspaceScope,
  run: RunRecord,
): Promise<string | undefined> {
  if (!run.agentId) return undefined;
  const earlier = await listRuns(
    scope,
    { agentId: run.agentId },
    { limit: lookBack, after: positionOf(runKeyset, run) },
  );
  const previous = earlier.find(
    (candidate) => candidate.status === 'succeeded' || candidate.status === 'failed',
  );
  if (!previous) return undefined;
  const current = runFigures(run.output, await listRunSteps(scope, run.id));
  const before = runFigures(previous.output, await listRunSteps(scope, previous.id));
  return comparisonInWords(current, {
    status: previous.status,
    figures: before,
    stepId: previous.error?.stepId ?? undefined,
  });
}
