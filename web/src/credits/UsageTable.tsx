// What the workspace spent, grouped by agent, workroom or day, with the same figures as a CSV file.
import { useId, useMemo, useState } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { dateTime } from '../shared/format.ts';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { type UsageGrouping, usageCsvPath, useUsage } from './credit-queries.ts';
import { type UsagePeriodChoice, usagePeriod, usagePeriodChoices } from './usage-period.ts';

const groupings: { value: UsageGrouping; label: string; column: string }[] = [
  { value: 'agent', label: 'Agent', column: 'Agent' },
  { value: 'workroom', label: 'Workroom', column: 'Workroom' },
  { value: 'day', label: 'Day', column: 'Day' },
];

export function UsageTable() {
  const { ws } = useWorkspace();
  const id = useId();
  const [groupBy, setGroupBy] = useState<UsageGrouping>('agent');
  const [choice, setChoice] = useState<UsagePeriodChoice>('last30');
  const [custom, setCustom] = useState({ from: '', to: '' });
  // Worked out once per choice, so "the last 30 days" does not move on every render.
  const chosen = useMemo(() => usagePeriod(choice, custom), [choice, custom]);
  const period = 'problem' in chosen ? undefined : chosen;
  const usage = useUsage(ws, groupBy, period);
  const column = groupings.find((grouping) => grouping.value === groupBy)?.column ?? 'Group';
  return (
    <section className="credit-usage" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Usage</h2>
      <div className="usage-controls">
        <label htmlFor={`${id}-group`}>Group by</label>
        <select
          id={`${id}-group`}
          value={groupBy}
          onChange={(event) => setGroupBy(event.target.value as UsageGrouping)}
        >
          {groupings.map((grouping) => (
            <option key={grouping.value} value={grouping.value}>
              {grouping.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-period`}>Period</label>
        <select
          id={`${id}-period`}
          value={choice}
          onChange={(event) => setChoice(event.target.value as UsagePeriodChoice)}
        >
          {usagePeriodChoices.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {choice === 'custom' ? (
          <>
            <label htmlFor={`${id}-from`}>From</label>
            <input
              id={`${id}-from`}
              type="date"
              value={custom.from}
              onChange={(event) => setCustom({ ...custom, from: event.target.value })}
            />
            <label htmlFor={`${id}-to`}>To</label>
            <input
              id={`${id}-to`}
              type="date"
              value={custom.to}
              onChange={(event) => setCustom({ ...custom, to: event.target.value })}
            />
          </>
        ) : null}
        {period ? (
          <a href={usageCsvPath(ws, groupBy, period)} download>
            Download CSV
          </a>
        ) : null}
      </div>
      {'problem' in chosen ? <p className="hint">{chosen.problem}</p> : null}
      {period && usage.isPending ? <p className="loading">Loading the usage…</p> : null}
      <ErrorMessage error={usage.error} onRetry={() => void usage.refetch()} />
      {usage.data ? (
        <>
          <p className="hint">
            From {dateTime(usage.data.from)} to {dateTime(usage.data.to)}
          </p>
          <div className="table-scroll">
            <table className="credit-table" aria-label={`Usage by ${column.toLowerCase()}`}>
              <thead>
                <tr>
                  <th scope="col">{column}</th>
                  <th scope="col">Credits</th>
                  <th scope="col">Runs</th>
                  <th scope="col">Tokens in</th>
                  <th scope="col">Tokens out</th>
                  <th scope="col">Browser minutes</th>
                </tr>
              </thead>
              <tbody>
                {usage.data.rows.length === 0 ? (
                  <tr>
                    <td colSpan={6} className="muted">
                      Nothing spent in this period.
                    </td>
                  </tr>
                ) : (
                  usage.data.rows.map((row) => (
                    <tr key={row.key ?? 'none'}>
                      <th scope="row">{row.label}</th>
                      <td className="number">{row.credits.toLocaleString('en')}</td>
                      <td className="number">{row.runs.toLocaleString('en')}</td>
                      <td className="number">{row.inputTokens.toLocaleString('en')}</td>
                      <td className="number">{row.outputTokens.toLocaleString('en')}</td>
                      <td className="number">{row.browserMinutes.toLocaleString('en')}</td>
                    </tr>
                  ))
                )}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <td className="number">{usage.data.total.credits.toLocaleString('en')}</td>
                  <td className="number">{usage.data.total.runs.toLocaleString('en')}</td>
                  <td className="number">{usage.data.total.inputTokens.toLocaleString('en')}</td>
                  <td className="number">{usage.data.total.outputTokens.toLocaleString('en')}</td>
                  <td className="number">{usage.data.total.browserMinutes.toLocaleString('en')}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
