// "Show the agents of: all workrooms / no workroom / Acme": a filter kept in the page address
// (?workroom=), so a filtered overview can be linked to and survives a reload. Shown only when the
// workspace has workrooms.
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useWorkspace } from '../shared/workspace-context.tsx';
import './workrooms.css';
import { useWorkrooms } from './workroom-queries.ts';

/** The value meaning "in no workroom", as the API's lists take it. */
export const noWorkroom = 'none';

export function useWorkroomFilter(): string | undefined {
  const [search] = useSearchParams();
  return search.get('workroom') || undefined;
}

/** Whether an agent passes the filter (a workroom's id, "none", or none given). */
export function passesWorkroomFilter(agent: { workroomId: string | null }, filter: string | undefined) {
  if (filter === undefined) return true;
  if (filter === noWorkroom) return agent.workroomId === null;
  return agent.workroomId === filter;
}

export function WorkroomFilter({ label = 'Workroom' }: { label?: string }) {
  const { ws } = useWorkspace();
  const id = useId();
  const workrooms = useWorkrooms(ws);
  const [search, setSearch] = useSearchParams();
  const value = search.get('workroom') ?? '';
  const items = workrooms.data?.items ?? [];
  if (items.length === 0 && !value) return null;
  return (
    <span className="workroom-filter">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const next = new URLSearchParams(search);
          if (event.target.value) next.set('workroom', event.target.value);
          else next.delete('workroom');
          setSearch(next, { replace: true });
        }}
      >
        <option value="">All workrooms</option>
        <option value={noWorkroom}>No workroom</option>
        {items.map((room) => (
          <option key={room.id} value={room.id}>
            {room.name}
          </option>
        ))}
      </select>
    </span>
  );
}
