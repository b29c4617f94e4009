// "What Orca has learned about how you work": the kinds of agent, patterns, tools, channels and
// schedules learned from what the person built (shapes, never workspace data), each with how often
// and where from, each deletable; the learned preferences, marked as learned and shown as
// suggestions when the person set something else; and the switch that stops learning.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { accountActions, type UserMemory } from './account-queries.ts';

type LearnedItem = Schemas['LearnedItem'];

const categoryTitles: Record<LearnedItem['category'], string> = {
  kind: 'Kinds of agent you build',
  pattern: 'Patterns',
  tool: 'Tools',
  channel: 'How your agents tell you',
  schedule: 'Schedules',
  timezone: 'Time zones of your schedules',
  locale: 'Languages',
};

const preferenceTitles = {
  notificationChannel: 'Notification channel',
  timezone: 'Time zone',
  locale: 'Language',
} as const;

function times(count: number) {
  return count === 1 ? 'once' : `${count} times`;
}

export function LearnedMemory({ memory }: { memory: UserMemory }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.accountMemory });
  const toggle = useMutation({
    mutationFn: (learning: boolean) => accountActions.saveMemory({ learning }),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.accountMemory, saved),
  });
  const forgetOne = useMutation({
    mutationFn: (itemId: string) =>
      unwrap(client.DELETE('/api/me/memory/learned/{itemId}', { params: { path: { itemId } } })),
    onSuccess: refresh,
  });
  const forgetAll = useMutation({
    mutationFn: () => unwrap(client.DELETE('/api/me/memory/learned')),
    onSuccess: refresh,
  });
  const { items, preferences } = memory.learned;
  const categories = Object.keys(categoryTitles) as LearnedItem['category'][];
  const learnedPreferences = (Object.keys(preferenceTitles) as (keyof typeof preferenceTitles)[]).flatMap(
    (key) => {
      const preference = preferences[key];
      return preference ? [{ key, preference }] : [];
    },
  );

  return (
    <div className="learned-memory">
      <p className="hint">
        Orca notes the shape of the agents you build (their kind, tools and patterns) and offers it in new
        workspaces. It keeps no pages, names, accounts or results, and what you set yourself always wins.
      </p>
      <label className="learned-switch">
        <input
          type="checkbox"
          role="switch"
          checked={memory.learning}
          aria-checked={memory.learning}
          disabled={toggle.isPending}
          onChange={(event) => toggle.mutate(event.currentTarget.checked)}
        />{' '}
        Learn from what I build
      </label>
      <ErrorMessage error={toggle.error ?? forgetOne.error ?? forgetAll.error} />
      {learnedPreferences.length > 0 ? (
        <ul className="learned-preferences" aria-label="Learned preferences">
          {learnedPreferences.map(({ key, preference }) => (
            <li key={key}>
              <strong>{preferenceTitles[key]}:</strong> {preference.label}{' '}
              <span className="muted">
                (learned from {preference.learnedFrom}
                {preference.suggestion ? '; you set another, which Orca uses' : ''})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {items.length === 0 ? (
        <p className="my-account-empty">
          {memory.learning
            ? 'Nothing learned yet. Build an agent and Orca will note its shape here.'
            : 'Nothing learned: learning is off.'}
        </p>
      ) : (
        <>
          {categories.map((category) => {
            const inCategory = items.filter((item) => item.category === category);
            if (inCategory.length === 0) return null;
            return (
              <div key={category} className="learned-category">
                <h3 id={`learned-${category}`}>{categoryTitles[category]}</h3>
                <ul className="learned-items" aria-labelledby={`learned-${category}`}>
                  {inCategory.map((item) => (
                    <li key={item.id}>
                      <span className="learned-label">{item.label}</span>{' '}
                      <span className="muted">
                        {times(item.count)}, last from {item.sourceLabel}
                      </span>{' '}
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Forget “${item.label}”`}
                        disabled={forgetOne.isPending}
                        onClick={() => forgetOne.mutate(item.id)}
                      >
                        Forget
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
          <button type="button" disabled={forgetAll.isPending} onClick={() => forgetAll.mutate()}>
            {forgetAll.isPending ? 'Forgetting…' : 'Forget everything learned'}
          </button>
        </>
      )}
    </div>
  );
}
