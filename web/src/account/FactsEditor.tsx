// Facts about the person that the Orchestrator keeps in mind ("I run a bakery in Lyon"): add,
// edit in place, remove after a confirmation. Each change saves the whole list.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Dialog } from '../shared/Dialog.tsx';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { accountActions } from './account-queries.ts';

const factLimit = 100;

export function FactsEditor({ facts }: { facts: string[] }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const [removing, setRemoving] = useState<number | null>(null);
  const newFactId = useId();

  const save = useMutation({
    mutationFn: (next: string[]) => accountActions.saveMemory({ facts: next }),
    onSuccess: (memory) => queryClient.setQueryData(queryKeys.accountMemory, memory),
  });

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const fact = String(new FormData(form).get('fact') ?? '').trim();
    if (!fact) return;
    save.mutate([...facts, fact], { onSuccess: () => form.reset() });
  }

  function saveEdit(event: FormEvent<HTMLFormElement>, index: number) {
    event.preventDefault();
    const fact = draft.trim();
    if (!fact) return;
    save.mutate(
      facts.map((existing, position) => (position === index ? fact : existing)),
      { onSuccess: () => setEditing(null) },
    );
  }

  const removed = removing === null ? undefined : facts[removing];

  return (
    <div className="my-account-facts">
      <ErrorMessage error={save.error} />
      {facts.length === 0 ? (
        <p className="my-account-empty">
          Nothing yet. Add what Orca should keep in mind when it builds agents for you, such as “I run a small
          bakery in Lyon” or “Reports go to my co-founder, Sam”.
        </p>
      ) : (
        <ul className="fact-list" aria-label="Facts Orca remembers">
          {facts.map((fact, index) => (
            // Facts may repeat, so their position keys them.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list has no ids; the position is the identity.
            <li key={index}>
              {editing === index ? (
                <form
                  className="fact-edit"
                  aria-label="Edit fact"
                  onSubmit={(event) => saveEdit(event, index)}
                >
                  <input
                    aria-label="Fact"
                    value={draft}
                    maxLength={500}
                    required
                    // biome-ignore lint/a11y/noAutofocus: the person just pressed Edit on this fact.
                    autoFocus
                    onChange={(event) => setDraft(event.target.value)}
                  />
                  <button type="submit" disabled={save.isPending}>
                    Save
                  </button>
                  <button type="button" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <>
                  <span className="fact-text">{fact}</span>
                  <span className="fact-actions">
                    <button
                      type="button"
                      aria-label={`Edit “${fact}”`}
                      onClick={() => {
                        setEditing(index);
                        setDraft(fact);
                      }}
                    >
                      Edit
                    </button>
                    <button type="button" aria-label={`Remove “${fact}”`} onClick={() => setRemoving(index)}>
                      Remove
                    </button>
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {facts.length < factLimit ? (
        <form className="fact-add" aria-label="Add a fact" onSubmit={add}>
          <label htmlFor={newFactId}>New fact</label>
          <div className="inline-field">
            <input
              id={newFactId}
              name="fact"
              maxLength={500}
              required
              placeholder="e.g. I work Monday to Thursday"
            />
            <button type="submit" disabled={save.isPending}>
              Add fact
            </button>
          </div>
        </form>
      ) : (
        <p className="hint">
          You keep {factLimit} facts, the most Orca remembers. Remove one to add another.
        </p>
      )}
      <Dialog
        open={removed !== undefined}
        onClose={() => setRemoving(null)}
        title="Remove this fact?"
        description="Orca will no longer take it into account. You can add it again later."
      >
        <blockquote className="fact-quote">{removed}</blockquote>
        <button
          type="button"
          className="danger"
          disabled={save.isPending}
          onClick={() =>
            removing !== null &&
            save.mutate(
              facts.filter((_, position) => position !== removing),
              { onSuccess: () => setRemoving(null) },
            )
          }
        >
          Remove fact
        </button>
      </Dialog>
    </div>
  );
}
