// One operation of a plan as a readable change. Every operation type is handled here; a new one
// fails to compile until it is.
import type { OperationResult } from '../../../../src/orchestrator/apply/apply-plan.ts';
import { AgentName } from './AgentName.tsx';
import { ConnectAccountView } from './ConnectAccountView.tsx';
import { ScheduleView } from './ScheduleView.tsx';
import { StepList } from './StepList.tsx';
import { type PlanOperation, type SpecRecord, stepsOf, valueText } from './spec-shape.ts';
import { UpdateAgentView } from './UpdateAgentView.tsx';

export type { OperationResult };

const chainWhen = { success: 'succeeds', failure: 'fails', always: 'ends' } as const;

function InputList({ input }: { input: Record<string, unknown> | undefined }) {
  const entries = Object.entries(input ?? {});
  if (entries.length === 0) return null;
  return (
    <ul className="input-list">
      {entries.map(([name, value]) => (
        <li key={name}>
          {name}: {valueText(value)}
        </li>
      ))}
    </ul>
  );
}

export function OperationView({
  ws,
  operation,
  result,
  applied,
}: {
  ws: string;
  operation: PlanOperation;
  result?: OperationResult;
  applied: boolean;
}) {
  switch (operation.type) {
    case 'createAgent': {
      const spec = operation.spec as SpecRecord;
      return (
        <div>
          <p>
            Create the agent <AgentName ws={ws} name={spec.name ?? '(unnamed)'} agentId={result?.agentId} />
          </p>
          {spec.goal ? <p className="goal">Goal: {spec.goal}</p> : null}
          <StepList steps={stepsOf(spec)} />
        </div>
      );
    }
    case 'updateAgent':
      return <UpdateAgentView ws={ws} operation={operation} version={result?.version} />;
    case 'deleteAgent':
      return (
        <p>
          Delete the agent{' '}
          <AgentName ws={ws} name={operation.agentName} agentId={applied ? undefined : operation.agentId} />,
          with its schedule and chains
        </p>
      );
    case 'pauseAgent':
      return (
        <p>
          Pause <AgentName ws={ws} name={operation.agentName} agentId={operation.agentId} /> (no scheduled or
          chained runs until resumed)
        </p>
      );
    case 'resumeAgent':
      return (
        <p>
          Resume <AgentName ws={ws} name={operation.agentName} agentId={operation.agentId} />
        </p>
      );
    case 'runAgent':
      return (
        <div>
          <p>
            Run{' '}
            <AgentName ws={ws} name={operation.agentName} agentId={result?.agentId ?? operation.agentId} />
            {operation.test === false ? ' once' : ' once as a test'}
            {Object.keys(operation.input ?? {}).length ? ' with:' : ''}
          </p>
          <InputList input={operation.input} />
        </div>
      );
    case 'scheduleAgent':
      return <ScheduleView ws={ws} operation={operation} agentId={result?.agentId} applied={applied} />;
    case 'unscheduleAgent':
      return (
        <p>
          Stop running <AgentName ws={ws} name={operation.agentName} agentId={operation.agentId} /> on a
          schedule
          {operation.before ? ` (now: ${operation.before.description ?? operation.before.cron})` : ''}
        </p>
      );
    case 'chainAgents':
      return (
        <div>
          <p>
            When <AgentName ws={ws} name={operation.from.agentName} agentId={operation.from.agentId} />{' '}
            {chainWhen[operation.on ?? 'success']}, start{' '}
            <AgentName
              ws={ws}
              name={operation.to.agentName}
              agentId={operation.to.agentId ?? result?.toAgentId}
            />
          </p>
          {operation.mapping ? (
            <p className="mapping">
              Its input, from the first run: <code>{operation.mapping}</code>
            </p>
          ) : (
            <p className="muted">It gets the first run’s output as its input.</p>
          )}
        </div>
      );
    case 'unchainAgents':
      return (
        <p>
          Stop starting <AgentName ws={ws} name={operation.to.agentName} agentId={operation.to.agentId} />{' '}
          when <AgentName ws={ws} name={operation.from.agentName} agentId={operation.from.agentId} /> ends
        </p>
      );
    case 'connectAccount':
      return (
        <ConnectAccountView
          ws={ws}
          operation={operation}
          note={result?.note}
          connectionId={applied ? result?.connectionId : undefined}
        />
      );
    default: {
      const unknown: never = operation;
      return <p>{JSON.stringify(unknown)}</p>;
    }
  }
}
