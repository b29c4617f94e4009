// When the agent runs by itself: the schedule in words, its time zone, the next times and what
// happens to missed ones; for builders, setting it (in words or cron, previewed as they type),
// turning it off and on, removing it; and the one-off runs beside it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { client, unwrap } from '../api/client.ts';
import { ConfirmAction } from '../automations/ConfirmAction.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime, relativeTime } from '../shared/format.ts';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { useAgentSchedule } from './agent-queries.ts';
import { OneOffRuns } from './OneOffRuns.tsx';
import { ScheduleForm } from './ScheduleForm.tsx';
import '../automations/automations.css';

const missedWords = {
  skip: 'Times missed while Orca was not running are skipped.',
  run_once: 'If Orca was not running at a time, it runs once when Orca is back.',
};

export function AgentSchedule({ agentId, inputSchema }: { agentId: string; inputSchema: unknown }) {
  const { ws, canBuild } = useWorkspace();
  const queryClient = useQueryClient();
  const schedule = useAgentSchedule(ws, agentId);
  const [editing, setEditing] = useState(false);
  const data = schedule.data;
  const path = { params: { path: { ws, agentId } } };
  const toggle = useMutation({
    mutationFn: () =>
      unwrap(
        client.PUT('/api/workspaces/{ws}/agents/{agentId}/schedule', {
          ...path,
          body: { enabled: !data?.enabled },
        }),
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKeys.agentSchedule(ws, agentId), saved);
      await queryClient.invalidateQueries({ queryKey: queryKeys.agents(ws) });
    },
  });
  const remove = async () => {
    await unwrap(client.DELETE('/api/workspaces/{ws}/agents/{agentId}/schedule', path));
    queryClient.removeQueries({ queryKey: queryKeys.agentSchedule(ws, agentId) });
    await queryClient.invalidateQueries({ queryKey: queryKeys.agents(ws) });
  };

  return (
    <section aria-labelledby="agent-schedule" className="automation-section">
      <h2 id="agent-schedule">Schedule</h2>
      {schedule.isPending ? <p className="muted">Loading…</p> : null}
      {schedule.none ? (
        <p className="muted">Not scheduled: it runs when started by hand, by a chain or a hook.</p>
      ) : (
        <ErrorMessage error={schedule.error} onRetry={() => void schedule.refetch()} />
      )}
      {data && !editing ? (
        <>
          <p>
            <strong>{data.description}</strong>
            {data.enabled ? '' : ' (turned off)'}
          </p>
          <p className="muted">
            {data.text ? `Written as “${data.text}”. ` : ''}
            Time zone {data.timezone}
            {data.note ? ` (${data.note})` : ''}
            {data.lastFiredAt ? `; last ran ${relativeTime(data.lastFiredAt)}` : ''}.{' '}
            {missedWords[data.missed]}
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
      {canBuild && !editing && !schedule.isPending ? (
        <div className="form-actions">
          <button type="button" className={data ? undefined : 'primary'} onClick={() => setEditing(true)}>
            {data ? 'Change the schedule' : 'Schedule it'}
          </button>
          {data ? (
            <>
              <button type="button" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
                {data.enabled ? 'Turn off' : 'Turn on'}
              </button>
              <ConfirmAction
                label="Remove"
                accessibleLabel="Remove the schedule"
                title="Remove the schedule?"
                consequence={`It will no longer run ${data.description}. Runs already made stay.`}
                confirmLabel="Remove the schedule"
                action={remove}
              />
            </>
          ) : null}
        </div>
      ) : null}
      <ErrorMessage error={toggle.error} />
      {editing ? (
        <ScheduleForm
          agentId={agentId}
          inputSchema={inputSchema}
          schedule={data}
          onDone={() => setEditing(false)}
        />
      ) : null}
      <OneOffRuns agentId={agentId} inputSchema={inputSchema} />
    </section>
  );
}
