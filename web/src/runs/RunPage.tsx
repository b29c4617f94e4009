// A run: its status, agent, trigger, input, output, failure and timing; its steps live from the
// run's own event stream; cancel and retry; and the chain of runs it belongs to. The stream says
// what changed at once (a step done, the run finished); the stored run fills in the details
// (outputs, inputs), read again after each burst of events.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { RunCost } from '../credits/RunCost.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { between, dateTime } from '../shared/format.ts';
import { queryKeys } from '../shared/query-keys.ts';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { CorrectOutput } from '../style/CorrectOutput.tsx';
import { FailureView } from './FailureView.tsx';
import { JsonView } from './JsonView.tsx';
import { OutputRecords } from './OutputRecords.tsx';
import { PipelineView } from './PipelineView.tsx';
import { RunActions } from './RunActions.tsx';
import { RunSteps } from './RunSteps.tsx';
import { useAgentNames, useAgentVersion, useRun, useRunFiles } from './run-queries.ts';
import { asFailure, finishedStatuses, triggerInWords } from './run-words.ts';
import { type Connection, useRunProgress } from './useRunProgress.ts';
import './runs.css';

export function RunPage() {
  const { runId = '' } = useParams();
  return <RunView key={runId} runId={runId} />;
}

/** Reads the stored run again at most this often while events stream in. */
const refreshMilliseconds = 200;

function RunView({ runId }: { runId: string }) {
  const { ws, canBuild } = useWorkspace();
  const queryClient = useQueryClient();
  const [restart, setRestart] = useState(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  const onChange = useCallback(() => {
    pending.current ??= setTimeout(() => {
      pending.current = undefined;
      void queryClient.invalidateQueries({ queryKey: queryKeys.run(ws, runId) });
    }, refreshMilliseconds);
  }, [queryClient, ws, runId]);
  const run = useRun(ws, runId);
  const { progress, connection } = useRunProgress(ws, runId, {
    restart,
    onChange,
    enabled: run.data !== undefined,
  });
  const agents = useAgentNames(ws);
  const specSteps = useAgentVersion(ws, run.data?.agentId, run.data?.agentVersion);
  const files = useRunFiles(ws, runId);

  // A run retried elsewhere (another tab, the chat, the API) after its stream ended: the stored
  // run, refreshed by the workspace's events, tells another status than the stream's last, so
  // follow the stream again from where it stopped.
  const endedAt = useRef(0);
  useEffect(() => {
    if (connection === 'ended') endedAt.current = Date.now();
  }, [connection]);
  const storedStatus = run.data?.status;
  const streamedStatus = progress.status;
  useEffect(() => {
    if (connection !== 'ended' || !storedStatus || storedStatus === streamedStatus) return;
    if (run.dataUpdatedAt > endedAt.current) setRestart((count) => count + 1);
  }, [connection, storedStatus, streamedStatus, run.dataUpdatedAt]);

  if (run.isPending) return <p className="loading">Loading the run…</p>;
  if (run.isError)
    return (
      <section className="run-page">
        <h1>Run</h1>
        <ErrorMessage error={run.error} onRetry={() => void run.refetch()} />
        <p>
          <Link to={`/w/${ws}/runs`}>All runs</Link>
        </p>
      </section>
    );

  const data = run.data;
  const status = progress.status ?? data.status;
  const finished = finishedStatuses.has(status);
  const failure = status === 'failed' ? (progress.error ?? asFailure(data.error)) : undefined;
  const agentName = agents.data?.find((agent) => agent.id === data.agentId)?.name;
  const stepIds = specSteps.data?.map((step) => step.id) ?? data.steps.map((step) => step.id);
  const outputReady = data.status === status;

  return (
    <article className="run-page" aria-labelledby="run-title">
      <p className="breadcrumb">
        <Link to={`/w/${ws}/runs`}>All runs</Link>
      </p>
      <header className="run-header">
        <h1 id="run-title">Run of {agentName ?? 'an agent'}</h1>
        <span data-testid="run-status">
          <StatusBadge status={status} />
        </span>
        <ConnectionNotice connection={connection} finished={finished} />
      </header>
      <dl className="run-facts">
        <dt>Agent</dt>
        <dd>
          <Link to={`/w/${ws}/agents/${data.agentId}`}>{agentName ?? 'Open the agent'}</Link>{' '}
          <span className="hint">version {data.agentVersion}</span>
        </dd>
        <dt>Started</dt>
        <dd>
          {triggerInWords(data.trigger)}
          {data.scheduledFor ? `, for ${dateTime(data.scheduledFor)}` : ''}
        </dd>
        <dt>Queued</dt>
        <dd>{dateTime(data.createdAt)}</dd>
        <dt>Ran</dt>
        <dd>
          {data.startedAt ? dateTime(data.startedAt) : 'Not yet'}
          {data.finishedAt && finished ? ` — took ${between(data.startedAt, data.finishedAt)}` : ''}
        </dd>
        {status === 'waiting' && data.resumeAt ? (
          <>
            <dt>Goes on</dt>
            <dd>{dateTime(data.resumeAt)}</dd>
          </>
        ) : null}
        {data.usage && data.usage.inputTokens + data.usage.outputTokens > 0 ? (
          <>
            <dt>Tokens</dt>
            <dd>
              {data.usage.inputTokens.toLocaleString()} in, {data.usage.outputTokens.toLocaleString()} out
            </dd>
          </>
        ) : null}
      </dl>
      <RunCost cost={data.cost} />
      {canBuild ? (
        <RunActions
          ws={ws}
          runId={runId}
          status={status}
          steps={stepIds}
          failedStep={failure?.stepId}
          onRetried={() => setRestart((count) => count + 1)}
        />
      ) : null}
      {failure ? <FailureView failure={failure} heading="The run failed" /> : null}
      {status === 'cancelled' ? <p className="notice">This run was cancelled.</p> : null}
      {data.cancelRequested && !finished ? (
        <p className="notice">Cancelling: the run stops at its next check, within about a second.</p>
      ) : null}
      <section className="run-values" aria-label="Input and output">
        <JsonView label="Input" value={Object.keys(data.input).length > 0 ? data.input : null} />
        {status === 'succeeded' ? (
          outputReady ? (
            <>
              <OutputRecords output={data.output} />
              <JsonView label="Output" value={data.output} />
              {canBuild ? (
                <CorrectOutput runId={data.id} agentId={data.agentId} output={data.output} />
              ) : null}
            </>
          ) : (
            <p className="hint">Loading the output…</p>
          )
        ) : null}
      </section>
      <PipelineView ws={ws} runId={runId} />
      <ErrorMessage error={specSteps.error} onRetry={() => void specSteps.refetch()} />
      <RunSteps
        specSteps={specSteps.data}
        storedSteps={data.steps}
        progress={progress}
        files={files.data ?? []}
      />
      <ErrorMessage error={files.error} onRetry={() => void files.refetch()} />
    </article>
  );
}

function ConnectionNotice({ connection, finished }: { connection: Connection; finished: boolean }) {
  const text =
    connection === 'reconnecting'
      ? 'Connection lost, reconnecting…'
      : connection === 'live' && !finished
        ? 'Live'
        : connection === 'connecting'
          ? 'Connecting…'
          : '';
  return (
    <span className="connection" role="status" data-connection={connection}>
      {text}
    </span>
  );
}
