// The workspace at a glance, in the panel beside the chat: its agents (status, last run, next
// scheduled time), the newest runs, and the plans waiting for the user's approval. A workspace
// without agents welcomes the user and points to the Orchestrator.
import { Link } from 'react-router';
import type { Schemas } from '../api/client.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { relativeTime } from '../shared/format.ts';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { usePane } from '../shell/pane.tsx';
import { passesWorkroomFilter, useWorkroomFilter, WorkroomFilter } from '../workrooms/WorkroomFilter.tsx';
import { useAgents, usePendingPlans, useRecentRuns } from './agent-queries.ts';
import './agents.css';

export function WorkspaceOverview() {
  const { ws, workspace } = useWorkspace();
  const agents = useAgents(ws);
  const workroom = useWorkroomFilter();
  const shown = (agents.data?.items ?? []).filter((agent) => passesWorkroomFilter(agent, workroom));
  return (
    <div className="overview">
      <h1>{workspace.name}</h1>
      <PendingPlans />
      <section aria-labelledby="overview-agents">
        <h2 id="overview-agents">Agents</h2>
        <WorkroomFilter label="Show the agents of" />
        <ErrorMessage error={agents.error} onRetry={() => void agents.refetch()} />
        {agents.isPending ? <p className="muted">Loading agents…</p> : null}
        {agents.data && agents.data.items.length === 0 ? <Welcome /> : null}
        {agents.data && agents.data.items.length > 0 && shown.length === 0 ? (
          <p className="muted">No agents in this workroom.</p>
        ) : null}
        {shown.length > 0 ? (
          <ul className="agent-cards">
            {shown.map((agent) => (
              <AgentCard key={agent.id} agent={agent} />
            ))}
          </ul>
        ) : null}
      </section>
      {agents.data && agents.data.items.length > 0 ? <RecentRuns agents={agents.data.items} /> : null}
    </div>
  );
}

function Welcome() {
  return (
    <div className="welcome-empty">
      <p className="welcome-title">No agents yet: let’s make your first one.</p>
      <p>
        Tell the <strong>Orchestrator</strong> in the chat on the left what you want done, in your own words:
        what to look at, what to collect, and when. It proposes an agent for you to approve, and tries it at
        once.
      </p>
      <p className="muted">Not sure where to start? The chat shows a few example requests you can click.</p>
    </div>
  );
}

/** One agent at a glance: what the agent list says of its newest run and next time. */
function AgentCard({ agent }: { agent: Schemas['ListedAgent'] }) {
  const { ws } = useWorkspace();
  const last = agent.lastRun;
  const schedule = agent.schedule;
  const goal = typeof agent.spec.goal === 'string' ? agent.spec.goal : '';
  return (
    <li className="agent-card">
      <div className="agent-card-title">
        <Link to={`/w/${ws}/agents/${agent.id}`}>{agent.name}</Link>
        <StatusBadge status={agent.status} />
      </div>
      {goal ? <p className="agent-card-goal">{goal}</p> : null}
      <dl className="facts">
        <dt>Last run</dt>
        <dd>
          {last ? (
            <>
              <StatusBadge status={last.status} />{' '}
              <Link to={`/w/${ws}/runs/${last.id}`}>{relativeTime(last.createdAt)}</Link>
            </>
          ) : (
            'Never run'
          )}
        </dd>
        <dt>Next run</dt>
        <dd>
          {schedule?.nextRun ? (
            <time dateTime={schedule.nextRun} title={schedule.description}>
              {relativeTime(schedule.nextRun)}
            </time>
          ) : schedule && !schedule.enabled ? (
            'Schedule turned off'
          ) : (
            'Not scheduled'
          )}
        </dd>
      </dl>
    </li>
  );
}

function RecentRuns({ agents }: { agents: Schemas['Agent'][] }) {
  const { ws } = useWorkspace();
  const runs = useRecentRuns(ws);
  const names = new Map(agents.map((agent) => [agent.id, agent.name]));
  const items = runs.data?.items.slice(0, 10) ?? [];
  return (
    <section aria-labelledby="overview-runs">
      <h2 id="overview-runs">Recent runs</h2>
      <ErrorMessage error={runs.error} onRetry={() => void runs.refetch()} />
      {runs.data && items.length === 0 ? <p className="muted">No runs yet.</p> : null}
      {items.length > 0 ? (
        <ul className="run-rows">
          {items.map((run) => (
            <li key={run.id}>
              <StatusBadge status={run.status} />
              <Link to={`/w/${ws}/runs/${run.id}`}>
                {names.get(run.agentId) ?? 'A deleted agent'}, {relativeTime(run.createdAt)}
              </Link>
              <span className="muted">{triggerWords[run.trigger]}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to={`/w/${ws}/runs`}>All runs</Link>
      </p>
    </section>
  );
}

const triggerWords: Record<Schemas['Run']['trigger'], string> = {
  manual: 'started by hand',
  orchestrator: 'test run',
  schedule: 'on schedule',
  webhook: 'by a hook',
  chain: 'chained',
  agent: 'by another agent',
};

function PendingPlans() {
  const { ws } = useWorkspace();
  const { showChat } = usePane();
  const plans = usePendingPlans(ws);
  if (plans.error) return <ErrorMessage error={plans.error} onRetry={() => void plans.refetch()} />;
  if (!plans.data || plans.data.items.length === 0) return null;
  return (
    <section aria-labelledby="overview-plans" className="pending-plans">
      <h2 id="overview-plans">Waiting for your approval</h2>
      <ul>
        {plans.data.items.map((plan) => (
          <li key={plan.id}>
            <span>{plan.summary}</span>
            {plan.conversationId ? (
              <Link to={`/w/${ws}?c=${plan.conversationId}`} onClick={showChat}>
                Review in the chat
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
