// The run list's filters: which agent, which status, how the run was started.
import { useId } from 'react';
import { WorkroomFilter } from '../workrooms/WorkroomFilter.tsx';
import type { RunFilters } from './run-queries.ts';
import { runStatuses, runTriggers, statusInWords, triggerInWords } from './run-words.ts';

export function RunFilterBar({
  filters,
  agents,
  onChange,
}: {
  filters: RunFilters;
  agents: { id: string; name: string }[];
  onChange: (name: keyof RunFilters, value: string) => void;
}) {
  const id = useId();
  return (
    <form className="run-filters" aria-label="Filter runs" onSubmit={(event) => event.preventDefault()}>
      <WorkroomFilter />
      <label htmlFor={`${id}-agent`}>Agent</label>
      <select
        id={`${id}-agent`}
        value={filters.agent ?? ''}
        onChange={(event) => onChange('agent', event.target.value)}
      >
        <option value="">All agents</option>
        {agents.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-status`}>Status</label>
      <select
        id={`${id}-status`}
        value={filters.status ?? ''}
        onChange={(event) => onChange('status', event.target.value)}
      >
        <option value="">Any status</option>
        {runStatuses.map((status) => (
          <option key={status} value={status}>
            {statusInWords(status)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-trigger`}>Started</label>
      <select
        id={`${id}-trigger`}
        value={filters.trigger ?? ''}
        onChange={(event) => onChange('trigger', event.target.value)}
      >
        <option value="">In any way</option>
        {runTriggers.map((trigger) => (
          <option key={trigger} value={trigger}>
            {triggerInWords(trigger).toLowerCase()}
          </option>
        ))}
      </select>
    </form>
  );
}
