// What the Orchestrator suggests improving, each with why: Accept turns it into a plan to review,
// Dismiss stops it being suggested. Advice new to this person is raised once, as the
// Orchestrator's own message: "Since you were last here: …".
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
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

/** The most ids one note of "shown" takes (the API's limit). */
const seenBatch = 100;

/**
 * The suggestions raised as new during this visit, per workspace. They are fixed when first seen,
 * so noting them as shown (after which the list says they are not new) does not move them out of
 * "Since you were last here" while the person is still here.
 */
function useRaisedThisVisit(ws: string, suggestions: readonly Suggestion[] | undefined) {
  const [raised, setRaised] = useState<{ ws: string; ids: ReadonlySet<string> }>({ ws, ids: new Set() });
  const current = raised.ws === ws ? raised.ids : new Set<string>();
  const seen = useMutation({
    mutationFn: async (ids: string[]) => {
      for (let start = 0; start < ids.length; start += seenBatch)
        await unwrap(
          client.POST('/api/workspaces/{ws}/suggestions/seen', {
            params: { path: { ws } },
            body: { ids: ids.slice(start, start + seenBatch) },
          }),
        );
    },
  });
  const fresh = (suggestions ?? [])
    .filter((suggestion) => suggestion.new && !current.has(suggestion.id))
    .map((suggestion) => suggestion.id);
  const freshKey = fresh.join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the fresh ids (as one key) are when to note them.
  useEffect(() => {
    if (fresh.length === 0) return;
    setRaised({ ws, ids: new Set([...current, ...fresh]) });
    seen.mutate(fresh);
  }, [ws, freshKey]);
  return { raised: new Set([...current, ...fresh]), error: seen.error };
}

function SuggestionList({
  label,
  suggestions,
  onAccepted,
}: {
  label: string;
  suggestions: readonly Suggestion[];
  onAccepted(id: string, plan: Plan): void;
}) {
  return (
    <ul className="suggestions" aria-label={label}>
      {suggestions.map((suggestion) => (
        <SuggestionCard
          key={suggestion.id}
          suggestion={suggestion}
          onAccepted={(plan) => onAccepted(suggestion.id, plan)}
        />
      ))}
    </ul>
  );
}

/**
 * The Orchestrator raises advice that is new to this person as a message of its own ("Since you
 * were last here: …"), once; advice they have been shown before waits, folded, under "Earlier
 * suggestions" until they accept or dismiss it.
 */
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
  const { raised, error } = useRaisedThisVisit(ws, suggestions.data);
  const shown = (suggestions.data ?? []).filter((suggestion) => !hidden.has(suggestion.id));
  const news = shown.filter((suggestion) => raised.has(suggestion.id));
  const earlier = shown.filter((suggestion) => !raised.has(suggestion.id));
  if (suggestions.error)
    return <ErrorMessage error={suggestions.error} onRetry={() => void suggestions.refetch()} />;
  if (shown.length === 0) return null;
  return (
    <>
      {news.length > 0 ? (
        <section className="message message-assistant suggestion-news" aria-label="Since you were last here">
          <p>
            <span className="visually-hidden">The Orchestrator says: </span>
            Since you were last here: I looked at your agents’ runs and found{' '}
            {news.length === 1 ? 'one thing' : `${news.length} things`} worth changing.
          </p>
          <SuggestionList label="Suggestions" suggestions={news} onAccepted={onAccepted} />
        </section>
      ) : null}
      {earlier.length > 0 ? (
        <details className="earlier-suggestions">
          <summary>Earlier suggestions ({earlier.length})</summary>
          <SuggestionList label="Earlier suggestions" suggestions={earlier} onAccepted={onAccepted} />
        </details>
      ) : null}
      <ErrorMessage error={error} />
    </>
  );
}
