// One workroom: its name, description and budget (changed in place by builders), its agents (moved
// in and out), its newest runs and files (with a link to all its files), and its deletion, which
// asks what becomes of its files.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isMissing } from '../agents/agent-queries.ts';
import { useAgentNames } from '../runs/run-queries.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { relativeTime } from '../shared/format.ts';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { DeleteWorkroomDialog } from './DeleteWorkroomDialog.tsx';
import { WorkroomAgents } from './WorkroomAgents.tsx';
import { WorkroomSettingsForm } from './WorkroomSettingsForm.tsx';
import { WorkroomSpent } from './WorkroomSpent.tsx';
import { budgetInWords, useWorkroom, useWorkroomRecent, type Workroom } from './workroom-queries.ts';
import './workrooms.css';

export function WorkroomPage() {
  const { ws } = useWorkspace();
  const { workroomId = '' } = useParams();
  const workroom = useWorkroom(ws, workroomId);
  if (workroom.isPending) return <p className="loading">Loading the workroom…</p>;
  if (isMissing(workroom.error))
    return (
      <section className="workroom">
        <h1>Workroom not found</h1>
        <p>
          This workroom does not exist in this workspace, or it was deleted.{' '}
          <Link to={`/w/${ws}/workrooms`}>See the workrooms</Link>.
        </p>
      </section>
    );
  if (!workroom.data) return <ErrorMessage error={workroom.error} onRetry={() => void workroom.refetch()} />;
  return <WorkroomView workroom={workroom.data} />;
}

function WorkroomView({ workroom }: { workroom: Workroom }) {
  const { ws, canBuild } = useWorkspace();
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const { counts } = workroom;
  return (
    <section className="workroom" aria-labelledby="workroom-title">
      <p className="breadcrumb">
        <Link to={`/w/${ws}/workrooms`}>Workrooms</Link>
      </p>
      <h1 id="workroom-title">{workroom.name}</h1>
      {workroom.description ? <p>{workroom.description}</p> : null}
      <dl className="facts workroom-facts">
        <dt>Agents</dt>
        <dd>{counts.agents}</dd>
        <dt>Runs this month</dt>
        <dd>{counts.runsThisMonth}</dd>
        <dt>Files</dt>
        <dd>{counts.deliverables}</dd>
        <dt>Monthly budget</dt>
        <dd>{budgetInWords(workroom.monthlyBudget)}</dd>
        <dt>Spent this period</dt>
        <dd>
          <WorkroomSpent workroomId={workroom.id} monthlyBudget={workroom.monthlyBudget} />
        </dd>
      </dl>
      <WorkroomAgents workroom={workroom} />
      <WorkroomRecent workroom={workroom} />
      {canBuild ? (
        <>
          <WorkroomSettingsForm workroom={workroom} />
          <section aria-labelledby="workroom-delete">
            <h2 id="workroom-delete">Delete this workroom</h2>
            <p className="muted">
              Its agents move to no workroom; you choose what becomes of its files before anything is deleted.
            </p>
            <button type="button" className="danger" onClick={() => setDeleting(true)}>
              Delete workroom…
            </button>
            <DeleteWorkroomDialog
              open={deleting}
              workroom={workroom}
              onClose={() => setDeleting(false)}
              onDeleted={() => void navigate(`/w/${ws}/workrooms`)}
            />
          </section>
        </>
      ) : null}
    </section>
  );
}

function WorkroomRecent({ workroom }: { workroom: Workroom }) {
  const { ws } = useWorkspace();
  const recent = useWorkroomRecent(ws, workroom.id);
  const agents = useAgentNames(ws);
  const names = new Map((agents.data ?? []).map((agent) => [agent.id, agent.name]));
  const filesLink = `/w/${ws}/files?workroom=${workroom.id}`;
  return (
    <>
      <section aria-labelledby="workroom-runs">
        <h2 id="workroom-runs">Recent runs</h2>
        <ErrorMessage error={recent.error} onRetry={() => void recent.refetch()} />
        {recent.data && recent.data.runs.length === 0 ? (
          <p className="muted">No runs in this workroom yet: runs of its agents count here from now on.</p>
        ) : null}
        {recent.data && recent.data.runs.length > 0 ? (
          <ul className="run-rows" aria-label={`Recent runs in ${workroom.name}`}>
            {recent.data.runs.map((run) => (
              <li key={run.id}>
                <StatusBadge status={run.status} />
                <Link to={`/w/${ws}/runs/${run.id}`}>
                  {names.get(run.agentId) ?? 'A deleted agent'}, {relativeTime(run.createdAt)}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        {recent.data && recent.data.runs.length > 0 ? (
          <p>
            <Link to={`/w/${ws}/runs?workroom=${workroom.id}`}>All runs of {workroom.name}</Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="workroom-files">
        <h2 id="workroom-files">Files</h2>
        {recent.data && recent.data.files.length === 0 ? (
          <p className="muted">No files in this workroom yet.</p>
        ) : null}
        {recent.data && recent.data.files.length > 0 ? (
          <ul className="workroom-files" aria-label={`Files in ${workroom.name}`}>
            {recent.data.files.map((file) => (
              <li key={file.id}>
                <Link to={`/w/${ws}/files/${file.id}`}>{file.name}</Link>{' '}
                <span className="muted">{relativeTime(file.createdAt)}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <p>
          <Link to={filesLink}>All files of {workroom.name}</Link>
        </p>
      </section>
    </>
  );
}
