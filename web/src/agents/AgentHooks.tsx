// The web addresses that start this agent. Their tokens and signing secrets are shown once, when a
// hook is made, and never again: here only the name, whether calls must be signed, and when.
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime, relativeTime } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { useAgentHooks } from './agent-queries.ts';

export function AgentHooks({ agentId }: { agentId: string }) {
  const { ws } = useWorkspace();
  const hooks = useAgentHooks(ws, agentId);
  const items = hooks.data?.items ?? [];
  return (
    <section aria-labelledby="agent-hooks">
      <h2 id="agent-hooks">Hooks</h2>
      <ErrorMessage error={hooks.error} onRetry={() => void hooks.refetch()} />
      {hooks.data && items.length === 0 ? (
        <p className="muted">No hooks: nothing outside Orca starts it.</p>
      ) : null}
      {items.length > 0 ? (
        <ul>
          {items.map((hook) => (
            <li key={hook.id}>
              <strong>{hook.name}</strong> —{' '}
              {hook.signed ? 'calls must be signed' : 'unsigned calls accepted'}
              {hook.enabled ? '' : ', turned off'}; made {dateTime(hook.createdAt)}
              {hook.lastUsedAt ? `, last called ${relativeTime(hook.lastUsedAt)}` : ', never called'}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
