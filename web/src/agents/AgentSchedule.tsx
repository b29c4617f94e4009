// When the agent runs by itself: the schedule in words, its time zone and the next times.
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime, relativeTime } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { useAgentSchedule } from './agent-queries.ts';

export function AgentSchedule({ agentId }: { agentId: string }) {
  const { ws } = useWorkspace();
  const schedule = useAgentSchedule(ws, agentId);
  const data = schedule.data;
  return (
    <section aria-labelledby="agent-schedule">
      <h2 id="agent-schedule">Schedule</h2>
      {schedule.isPending ? <p className="muted">Loading…</p> : null}
      {schedule.none ? (
        <p className="muted">Not scheduled: it runs when started by hand, by a chain or a hook.</p>
      ) : (
        <ErrorMessage error={schedule.error} onRetry={() => void schedule.refetch()} />
      )}
      {data ? (
        <>
          <p>
            <strong>{data.description}</strong>
            {data.enabled ? '' : ' (turned off)'}
          </p>
          <p className="muted">
            Time zone {data.timezone}
            {data.note ? ` (${data.note})` : ''}
            {data.lastFiredAt ? `; last ran ${relativeTime(data.lastFiredAt)}` : ''}
          </p>
          {data.enabled && data.nextRuns.length > 0 ? (
            <>
              <h3>Next times</h3>
              <ul className="next-times">
                {data.nextRuns.map((time) => (
                  <li key={time}>
                    <time dateTime={time}>{dateTime(time, data.timezone)}</time>{' '}
                    <span className="muted">({relativeTime(time)})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
