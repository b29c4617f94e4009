// The run's steps in the agent's order: every step of the version the run ran (those not reached
// yet as "not started"), each with what the live stream and the stored run know of it; then the
// run's own log lines and the files it kept that no step's output names.
import type { Schemas } from '../api/client.ts';
import type { RunProgress } from './run-progress.ts';
import type { SpecStep } from './run-queries.ts';
import { KeptFiles, StepItem, type StepRow } from './StepItem.tsx';

type StoredStep = Schemas['RunWithSteps']['steps'][number];

export function stepRows(
  specSteps: SpecStep[] | undefined,
  storedSteps: StoredStep[],
  progress: RunProgress,
): StepRow[] {
  const rows: StepRow[] = (specSteps ?? []).map((step) => ({
    id: step.id,
    tool: step.tool,
    settings: step.with,
  }));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const rowFor = (id: string, tool: string) => {
    let row = byId.get(id);
    if (!row) {
      row = { id, tool };
      rows.push(row);
      byId.set(id, row);
    }
    return row;
  };
  for (const stored of storedSteps) rowFor(stored.id, stored.tool).stored = stored;
  for (const live of progress.steps) rowFor(live.stepId, byId.get(live.stepId)?.tool ?? '').live = live;
  return rows;
}

export function RunSteps({
  specSteps,
  storedSteps,
  progress,
  files,
}: {
  specSteps: SpecStep[] | undefined;
  storedSteps: StoredStep[];
  progress: RunProgress;
  files: Schemas['Deliverable'][];
}) {
  const rows = stepRows(specSteps, storedSteps, progress);
  const named = new Set(
    storedSteps.flatMap((step) => {
      const id = (step.output as { id?: unknown } | null)?.id;
      return typeof id === 'string' ? [id] : [];
    }),
  );
  const otherFiles = files.filter((file) => !named.has(file.id));
  return (
    <section className="run-steps" aria-labelledby="steps-title">
      <h2 id="steps-title">Steps</h2>
      {rows.length === 0 ? <p className="hint">No steps have run yet.</p> : null}
      <ol className="steps">
        {rows.map((row, index) => (
          <StepItem key={row.id} row={row} position={index + 1} files={files} />
        ))}
      </ol>
      {progress.logs.length > 0 ? (
        <section aria-labelledby="run-logs-title">
          <h2 id="run-logs-title">Run log</h2>
          <ol className="run-log">
            {progress.logs.map((line) => (
              <li key={line.id} className={`log log-${line.level}`}>
                <time dateTime={line.at}>{new Date(line.at).toLocaleTimeString()}</time>{' '}
                <span className="wrap">{line.message}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {otherFiles.length > 0 ? (
        <section aria-labelledby="run-files-title">
          <h2 id="run-files-title">Files this run kept</h2>
          <KeptFiles files={otherFiles} />
        </section>
      ) : null}
    </section>
  );
}
