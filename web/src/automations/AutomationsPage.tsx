// Everything that starts agents by itself in this workspace, on one page: schedules, chains and
// hooks, each with links to its agents, where they are set and changed. Empty sections say how
// to add one.
import { Link } from 'react-router';
import { ChainDrawing } from '../agents/AgentChains.tsx';
import { useAgents, useChains } from '../agents/agent-queries.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime, relativeTime } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { useWorkspaceHooks } from './automation-queries.ts';
import './automations.css';

export function AutomationsPage() {
  return (
    <section className="automations" aria-labelledby="automations-title">
      <h1 id="automations-title">Automations</h1>
      <p className="muted">
        What starts your agents by itself: schedules, chains from one agent to the next, and hooks (web
        addresses). Open an agent to set or change them, or ask the Orchestrator in the chat.
      </p>
      <Schedules />
      <Chains />
      <Hooks />
    </section>
  );
}

function Schedules() {
  const { ws } = useWorkspace();
  const agents = useAgents(ws);
  const scheduled = (agents.data?.items ?? []).filter((agent) => agent.schedule !== null);
  return (
    <section aria-labelledby="automations-schedules">
      <h2 id="automations-schedules">Schedules</h2>
      <ErrorMessage error={agents.error} onRetry={() => void agents.refetch()} />
      {agents.isPending ? <p className="muted">Loading…</p> : null}
      {agents.data && scheduled.length === 0 ? (
        <p className="muted">
          No agent runs on a schedule. Open an agent and choose “Schedule it”, or tell the Orchestrator “run
          the reporter every weekday at 9”.
        </p>
      ) : null}
      {scheduled.length > 0 ? (
        <ul className="automation-list">
          {scheduled.map((agent) => (
            <li key={agent.id}>
              <Link to={`/w/${ws}/agents/${agent.id}`}>{agent.name}</Link>
              <span>
                {agent.schedule?.description}
                {agent.schedule?.enabled ? '' : ' (turned off)'}
              </span>
              {agent.schedule?.nextRun ? (
                <span className="muted">
                  next, in your time,{' '}
                  <time dateTime={agent.schedule.nextRun}>{dateTime(agent.schedule.nextRun)}</time> (
                  {relativeTime(agent.schedule.nextRun)})
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Chains() {
  const { ws } = useWorkspace();
  const chains = useChains(ws);
  const items = chains.data?.items ?? [];
  return (
    <section aria-labelledby="automations-chains">
      <h2 id="automations-chains">Chains</h2>
      <ErrorMessage error={chains.error} onRetry={() => void chains.refetch()} />
      {chains.isPending ? <p className="muted">Loading…</p> : null}
      {chains.data && items.length === 0 ? (
        <p className="muted">
          No chains. Open an agent and choose “Start another agent after this one”, so that one’s output feeds
          the next.
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="automation-list chains">
          {items.map((chain) => (
            <li key={chain.id}>
              <ChainDrawing chain={chain} />
              {chain.mapping ? (
                <p className="chain-mapping">
                  Input mapped by <code>{chain.mapping}</code>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Hooks() {
  const { ws } = useWorkspace();
  const hooks = useWorkspaceHooks(ws);
  const items = hooks.data?.items ?? [];
  return (
    <section aria-labelledby="automations-hooks">
      <h2 id="automations-hooks">Hooks</h2>
      <ErrorMessage error={hooks.error} onRetry={() => void hooks.refetch()} />
      {hooks.isPending ? <p className="muted">Loading…</p> : null}
      {hooks.data && items.length === 0 ? (
        <p className="muted">
          No hooks. Open an agent and choose “Make a hook” to get a web address that starts it when called.
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="automation-list">
          {items.map((hook) => (
            <li key={hook.id}>
              <span>
                <strong>{hook.name || `Hook ${hook.tokenPrefix}`}</strong> starts{' '}
                <Link to={`/w/${ws}/agents/${hook.agentId}`}>{hook.agentName}</Link>
                {hook.enabled ? '' : ' (turned off)'}
              </span>
              <span className="muted">{hook.signed ? 'signed calls only' : 'unsigned calls accepted'}</span>
              {hook.lastCall ? (
                <span>
                  Last call {relativeTime(hook.lastCall.calledAt)}: {hook.lastCall.words}
                  {hook.lastCall.runId ? (
                    <>
                      {' '}
                      <Link to={`/w/${ws}/runs/${hook.lastCall.runId}`}>See the run</Link>
                    </>
                  ) : null}
                </span>
              ) : (
                <span className="muted">Never called</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
