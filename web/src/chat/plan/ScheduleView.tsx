// A schedule operation: when it runs in words, the time zone, the next times; what it replaces;
// and once applied, the schedule as the server now has it. A one-off run (`runAt`) shows its one
// time and says the agent's schedule stays: it is not a schedule.
import { useAgentSchedule } from '../../agents/agent-queries.ts';
import { dateTime } from '../../shared/format.ts';
import { AgentName } from './AgentName.tsx';
import type { PlanOperation } from './spec-shape.ts';

type ScheduleOperation = Extract<PlanOperation, { type: 'scheduleAgent' }>;

export function NextTimes({ times, timezone }: { times: readonly string[]; timezone: string }) {
  if (times.length === 0) return null;
  return (
    <div className="next-times">
      <span>Next times ({timezone}):</span>
      <ul>
        {times.slice(0, 5).map((time) => (
          <li key={time}>
            <time dateTime={time}>{dateTime(time, timezone)}</time>
          </li>
        ))}
      </ul>
    </div>
  );
}

function CurrentSchedule({ ws, agentId }: { ws: string; agentId: string }) {
  const schedule = useAgentSchedule(ws, agentId, { poll: false });
  if (!schedule.data) return null;
  return (
    <div className="current-schedule">
      <p>
        Now scheduled: {schedule.data.description}
        {schedule.data.enabled ? '' : ' (turned off)'}
      </p>
      <NextTimes times={schedule.data.nextRuns} timezone={schedule.data.timezone} />
    </div>
  );
}

export function ScheduleView({
  ws,
  operation,
  agentId,
  applied,
}: {
  ws: string;
  operation: ScheduleOperation;
  agentId?: string;
  applied: boolean;
}) {
  const when = operation.description ?? operation.text ?? operation.cron ?? 'on a schedule';
  const timezone = operation.timezone ?? 'your time zone (UTC if none is set)';
  if (operation.runAt) {
    return (
      <div>
        <p>
          Run <AgentName ws={ws} name={operation.agentName} agentId={agentId ?? operation.agentId} />: {when}
        </p>
        <dl className="facts">
          <dt>Once at</dt>
          <dd>
            <time dateTime={operation.runAt}>{dateTime(operation.runAt, operation.timezone ?? 'UTC')}</time>
          </dd>
          <dt>Time zone</dt>
          <dd>{timezone}</dd>
          <dt>Its schedule</dt>
          <dd>stays as it is</dd>
        </dl>
      </div>
    );
  }
  return (
    <div>
      <p>
        Run <AgentName ws={ws} name={operation.agentName} agentId={agentId ?? operation.agentId} />: {when}
      </p>
      <dl className="facts">
        {operation.text ? (
          <>
            <dt>In words</dt>
            <dd>{operation.text}</dd>
          </>
        ) : null}
        {operation.cron ? (
          <>
            <dt>Cron</dt>
            <dd>
              <code>{operation.cron}</code>
            </dd>
          </>
        ) : null}
        <dt>Time zone</dt>
        <dd>{timezone}</dd>
        {operation.before ? (
          <>
            <dt>Replaces</dt>
            <dd>{operation.before.description ?? operation.before.cron}</dd>
          </>
        ) : null}
      </dl>
      {applied && (agentId ?? operation.agentId) ? (
        <CurrentSchedule ws={ws} agentId={(agentId ?? operation.agentId) as string} />
      ) : operation.nextRuns?.length ? (
        <NextTimes times={operation.nextRuns} timezone={operation.timezone ?? 'UTC'} />
      ) : (
        <p className="muted">The next times are worked out when the plan is approved.</p>
      )}
    </div>
  );
}
