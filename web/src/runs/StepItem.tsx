// One step of a run: its tool and status at once (from the live stream), then what it was given,
// what it produced, its log lines, its timing, its failure with a fix, and the files it kept
// (pictures shown, other files linked to their preview, each with a download).
import { Link } from 'react-router';
import type { Schemas } from '../api/client.ts';
import { sizeInWords } from '../files/file-words.ts';
import { between, dateTime, duration } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { FailureView } from './FailureView.tsx';
import { JsonView } from './JsonView.tsx';
import type { StepProgress } from './run-progress.ts';
import { asFailure } from './run-words.ts';

type StoredStep = Schemas['RunWithSteps']['steps'][number];
type RunFile = Schemas['Deliverable'];

export interface StepRow {
  id: string;
  tool: string;
  /** The step's settings as the agent declares them (its `with`). */
  settings?: unknown;
  live?: StepProgress;
  stored?: StoredStep;
}

const stepStatusWords: Record<string, string> = {
  pending: 'Not started',
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
  waiting: 'Waiting',
};

export function StepItem({ row, position, files }: { row: StepRow; position: number; files: RunFile[] }) {
  const { live, stored } = row;
  const status = live?.status ?? stored?.status ?? 'pending';
  // The stored record has the output; it matches the stream once it has caught up with it.
  const details = stored && stored.status === status ? stored : undefined;
  const failure = live?.error ?? asFailure(details?.error);
  const took = live?.durationMs ?? details?.durationMs ?? undefined;
  const startedAt = live?.startedAt ?? stored?.startedAt ?? undefined;
  const finishedAt =
    status === 'running' ? undefined : (live?.finishedAt ?? details?.finishedAt ?? undefined);
  const kept = filesOf(details?.output, files);
  const attempts = live?.attempt ?? stored?.attempts ?? 0;
  // A forEach or repeat step checkpoints each round; the count says how far a loop got.
  const rounds = stored?.items?.filter((item) => item.status === 'succeeded').length ?? 0;
  return (
    <li className="step" data-testid="step-row" data-step-id={row.id} data-status={status}>
      <div className="step-head">
        <span className="step-position">{position}</span>
        <h3 className="step-title">
          <span className="step-id">{row.id}</span> <span className="step-tool">{row.tool}</span>
        </h3>
        <span className={`status status-${status}`} data-status={status}>
          {stepStatusWords[status] ?? status}
        </span>
      </div>
      <p className="step-timing">
        {startedAt ? <>Started {dateTime(startedAt)}</> : 'Not started yet'}
        {took !== undefined && status !== 'running' ? <> · took {duration(took)}</> : null}
        {took === undefined && finishedAt ? <> · took {between(startedAt, finishedAt)}</> : null}
        {attempts > 1 ? <> · attempt {attempts}</> : null}
        {rounds > 0 ? <> · {rounds === 1 ? '1 round' : `${rounds} rounds`} of its loop done</> : null}
        {live?.willRetry ? ' · will try again' : null}
        {status === 'waiting' && live?.until ? <> · until {dateTime(live.until)}</> : null}
        {status === 'skipped' && live?.reason ? (
          <> · {live.reason === 'condition false' ? 'its condition was not met' : live.reason}</>
        ) : null}
      </p>
      {failure ? <FailureView failure={failure} /> : null}
      {kept.length > 0 ? <KeptFiles files={kept} /> : null}
      {row.settings !== undefined || details?.input !== undefined ? (
        <JsonView label="Input" value={details?.input ?? row.settings} open={false} />
      ) : null}
      {details && status === 'succeeded' ? <JsonView label="Output" value={details.output} /> : null}
      {live && live.logs.length > 0 ? (
        <details className="step-logs" open={status === 'failed'}>
          <summary>Logs ({live.logs.length})</summary>
          <ol>
            {live.logs.map((line) => (
              <li key={line.id} className={`log log-${line.level}`}>
                <time dateTime={line.at}>{new Date(line.at).toLocaleTimeString()}</time>{' '}
                <span>{line.level}</span> <span className="wrap">{line.message}</span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </li>
  );
}

/** The run's files this step's output points at (screenshots, downloads, saved files). */
function filesOf(output: unknown, files: RunFile[]): RunFile[] {
  if (!output || typeof output !== 'object') return [];
  const id = (output as { id?: unknown }).id;
  const path = (output as { path?: unknown }).path;
  if (typeof id !== 'string' || typeof path !== 'string' || !path.includes('/deliverables/')) return [];
  return files.filter((file) => file.id === id);
}

export function KeptFiles({ files }: { files: RunFile[] }) {
  const { ws } = useWorkspace();
  return (
    <ul className="kept-files">
      {files.map((file) =>
        file.contentType.startsWith('image/') ? (
          <li key={file.id}>
            <figure className="step-image">
              <img src={file.contentPath} alt={`Screenshot ${file.name}`} loading="lazy" />
              <figcaption>
                <a href={file.contentPath} download={file.name}>
                  {file.name}
                </a>{' '}
                <Link to={`/w/${ws}/files/${file.id}`} aria-label={`Preview ${file.name}`}>
                  Preview
                </Link>
              </figcaption>
            </figure>
          </li>
        ) : (
          <li key={file.id}>
            <Link to={`/w/${ws}/files/${file.id}`}>{file.name}</Link>{' '}
            <span className="muted">({sizeInWords(file.sizeBytes)})</span>{' '}
            <a href={file.contentPath} download={file.name} aria-label={`Download ${file.name}`}>
              Download
            </a>
          </li>
        ),
      )}
    </ul>
  );
}
