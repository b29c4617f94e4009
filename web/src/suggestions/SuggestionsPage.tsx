// The Orchestrator's suggestions on a page of their own: each with what it is about, the figures
// that prompted it (in the reason's words) and the plan it proposes. Accept makes the plan and
// opens it in the chat, where plan cards are reviewed and approved; Dismiss stops it being
// suggested again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { useAcceptedPlans } from '../chat/accepted-plans.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { usePane } from '../shell/pane.tsx';
import { changesInWords, kindInWords } from './suggestion-words.ts';
import './suggestions.css';

type Suggestion = Schemas['Suggestion'];

export function SuggestionsPage() {
  const { ws, canBuild } = useWorkspace();
  const suggestions = useQuery({
    queryKey: queryKeys.suggestions(ws),
    queryFn: () => unwrap(client.GET('/api/workspaces/{ws}/suggestions', { params: { path: { ws } } })),
    select: (data) => data.items,
  });
  const accepted = useAcceptedPlans(ws);
  const [done, setDone] = useState('');
  const shown = (suggestions.data ?? []).filter((suggestion) => !accepted.hidden.has(suggestion.id));
  return (
    <section className="suggestions-page" aria-labelledby="suggestions-title">
      <h1 id="suggestions-title">Suggestions</h1>
      <p className="muted">
        The Orchestrator looks at how your agents’ runs go (failures, cost, output that never changes) and
        suggests changes. Accepting one makes a plan that you review and approve in the chat; nothing changes
        before that.
      </p>
      {canBuild ? null : (
        <p className="notice">Only builders, admins and owners can accept or dismiss suggestions.</p>
      )}
      <p role="status" className="suggestion-done">
        {done}
      </p>
      {suggestions.isPending ? <p className="loading">Loading suggestions…</p> : null}
      <ErrorMessage error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      {suggestions.isSuccess && shown.length === 0 ? (
        <p className="empty">
          No suggestions right now: your agents’ runs show nothing to improve. New ones appear here, and in
          the chat, as runs show a pattern worth changing.
        </p>
      ) : null}
      {shown.length > 0 ? (
        <ul className="suggestion-list" aria-label="Suggestions">
          {shown.map((suggestion) => (
            <SuggestionItem
              key={suggestion.id}
              suggestion={suggestion}
              onAccepted={(plan) => {
                accepted.add(suggestion.id, plan);
                setDone(
                  `The plan for “${suggestion.agentName}” is open in the chat: review it there and approve it.`,
                );
              }}
              onDismissed={() =>
                setDone(`Dismissed: it will not be suggested again for “${suggestion.agentName}”.`)
              }
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function SuggestionItem({
  suggestion,
  onAccepted,
  onDismissed,
}: {
  suggestion: Suggestion;
  onAccepted(plan: Schemas['Plan']): void;
  onDismissed(): void;
}) {
  const { ws, canBuild } = useWorkspace();
  const { showChat } = usePane();
  const queryClient = useQueryClient();
  const path = { params: { path: { ws, suggestionId: suggestion.id } } };
  const accept = useMutation({
    mutationFn: () => unwrap(client.POST('/api/workspaces/{ws}/suggestions/{suggestionId}/accept', path)),
    onSuccess: (answer) => {
      onAccepted(answer.plan);
      showChat();
    },
  });
  const dismiss = useMutation({
    mutationFn: () => unwrap(client.POST('/api/workspaces/{ws}/suggestions/{suggestionId}/dismiss', path)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.suggestions(ws) });
      onDismissed();
    },
  });
  const titleId = `suggestion-${suggestion.id}`;
  return (
    <li className="suggestion-item" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {kindInWords(suggestion.kind)}:{' '}
        {/* An offer of what you usually build is about an agent not made yet. */}
        {suggestion.agentId ? (
          <Link to={`/w/${ws}/agents/${suggestion.agentId}`}>{suggestion.agentName}</Link>
        ) : (
          suggestion.agentName
        )}
      </h2>
      <p>{suggestion.reason}</p>
      <p>
        <strong>The plan</strong> ({changesInWords(suggestion.plan.operations)}): {suggestion.plan.summary}
      </p>
      {canBuild ? (
        <div className="suggestion-actions">
          <button
            type="button"
            className="primary"
            disabled={accept.isPending || dismiss.isPending}
            onClick={() => accept.mutate()}
          >
            {accept.isPending ? 'Making the plan…' : 'Accept'}
          </button>
          <button
            type="button"
            disabled={accept.isPending || dismiss.isPending}
            onClick={() => dismiss.mutate()}
          >
            {dismiss.isPending ? 'Dismissing…' : 'Dismiss'}
          </button>
        </div>
      ) : null}
      <ErrorMessage error={accept.error ?? dismiss.error} />
    </li>
  );
}
