// One agent in the panel beside the chat: what it is for, when it runs, what feeds it and what it
// feeds, how its runs went, its steps in words, its history; and, for builders, the buttons to
// pause, run, export or delete it. It refreshes by itself, so a change made in the chat shows here.
import { useParams } from 'react-router';
import { AgentMemory } from '../context/AgentMemory.tsx';
import { AgentBudget } from '../credits/AgentBudget.tsx';
import { AgentFiles } from '../files/AgentFiles.tsx';
import { PromotedFrom } from '../promote/PromotedFrom.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { relativeTime } from '../shared/format.ts';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { AgentStyle } from '../style/AgentStyle.tsx';
import { AgentWorkroom } from '../workrooms/AgentWorkroom.tsx';
import { AgentActions } from './AgentActions.tsx';
import { AgentChains } from './AgentChains.tsx';
import { AgentHooks } from './AgentHooks.tsx';
import { AgentRunStats } from './AgentRunStats.tsx';
import { AgentSchedule } from './AgentSchedule.tsx';
import { isMissing, useAgent } from './agent-queries.ts';
import { StepList } from './StepList.tsx';
import { VersionHistory } from './VersionHistory.tsx';
import './agents.css';

export function AgentPanel() {
  const { agentId = '' } = useParams();
  const { ws } = useWorkspace();
  const agent = useAgent(ws, agentId);
  if (agent.isPending) return <p className="muted">Loading the agent…</p>;
  if (agent.error) {
    if (isMissing(agent.error))
      return (
        <section>
          <h1>Agent not found</h1>
          <p>This agent does not exist in this workspace, or it was deleted.</p>
        </section>
      );
    return <ErrorMessage error={agent.error} onRetry={() => void agent.refetch()} />;
  }
  const data = agent.data;
  const goal = typeof data.spec.goal === 'string' ? data.spec.goal : '';
  return (
    <article className="agent-panel" aria-labelledby="agent-name">
      <header className="agent-header">
        <div className="agent-title">
          <h1 id="agent-name">{data.name}</h1>
          <StatusBadge status={data.status} />
        </div>
        <p className="agent-goal">{goal || <span className="muted">No goal written down.</span>}</p>
        <p className="muted">
          Version {data.version}, changed {relativeTime(data.updatedAt)}
        </p>
        <PromotedFrom origin={data.origin} />
        <AgentActions agent={data} />
        <AgentWorkroom agentId={data.id} agentName={data.name} workroomId={data.workroomId} />
      </header>
      {/* What starts it, together (as on the Automations page): its schedule, chains and hooks. */}
      <AgentSchedule agentId={data.id} inputSchema={data.spec.input} />
      <AgentChains agentId={data.id} />
      <AgentHooks agentId={data.id} />
      <AgentRunStats agentId={data.id} />
      <AgentBudget agentId={data.id} />
      <AgentFiles agentId={data.id} agentName={data.name} />
      <StepList spec={data.spec} />
      <AgentMemory agentId={data.id} agentName={data.name} />
      <AgentStyle agentId={data.id} agentName={data.name} />
      <VersionHistory agent={data} />
    </article>
  );
}
