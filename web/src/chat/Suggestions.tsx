// What the Orchestrator suggests improving, each with why: Accept turns it into a plan to review,
// Dismiss stops it being suggested.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { AgentName } from './plan/AgentName.tsx';
import type { Plan } from './plan/plan-mutations.ts';

type Suggestion = Schemas['Suggestion'];

function SuggestionCard({
  suggestion,
  onAccepted,
}: {
  suggestion: Suggestion;
  onAccepted(plan: Plan): void;
}) {
  const { ws, canBuild } = useWorkspace();
  const queryClient = useQueryClient();
  const path = { params: { path: { ws, suggestionId: suggestion.id } } };
  const accept = useMutation({
    mutationFn: () => unwrap(client.POST('/api/workspaces/{ws}/suggestions/{suggestionId}/accept', path)),
    onSuccess: (answer) => onAccepted(answer.plan),
  });
  const dismiss = useMutation({
    mutationFn: () => unwrap(client.POST('/api/workspaces/{ws}/suggestions/{suggestionId}/dismiss', path)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.suggestions(ws) }),
  });
  return (
    <li className="suggestion-card">
      <p>
        <strong>Suggestion</strong> for{' '}
        <AgentName ws={ws} name={suggestion.agentName} agentId={suggestion.agentId} />:{' '}
        {suggestion.plan.summary}
      </p>
      <p className="muted">{suggestion.reason}</p>
      {canBuild ? (
        <div className="plan-actions">
          <button
            type="button"
            className="primary"
            disabled={accept.isPending}
            onClick={() => accept.mutate()}
          >
            {accept.isPending ? 'Making the plan…' : 'Accept'}
          </button>
          <button type="button" disabled={dismiss.isPending} onClick={() => dismiss.mutate()}>
            Dismiss
          </button>
        </div>
      ) : null}
      <ErrorMessage error={accept.error ?? dismiss.error} />
    </li>
  );
}

export function Suggestions({
  hidden,
  onAccepted,
}: {
  hidden: ReadonlySet<string>;
  onAccepted(id: string, plan: Plan): void;
}) {
  const { ws } = useWorkspace();
  const suggestions = useQuery({
    queryKey: queryKeys.suggestions(ws),
    queryFn: () => unwrap(client.GET('/api/workspaces/{ws}/suggestions', { params: { path: { ws } } })),
    select: (data) => data.items,
  });
  const shown = (suggestions.data ?? []).filter((suggestion) => !hidden.has(suggestion.id));
  if (suggestions.error)
    return <ErrorMessage error={suggestions.error} onRetry={() => void suggestions.refetch()} />;
  if (shown.length === 0) return null;
  return (
    <ul className="suggestions" aria-label="Suggestions">
      {shown.map((suggestion) => (
        <SuggestionCard
          key={suggestion.id}
          suggestion={suggestion}
          onAccepted={(plan) => onAccepted(suggestion.id, plan)}
        />
      ))}
    </ul>
  );
}
