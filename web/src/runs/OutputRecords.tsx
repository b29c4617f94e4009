// The records in a run's output as a table, above the raw JSON: what a scraper collected, read
// at a glance. The table scrolls inside its own box on a phone, never the page.
import { recordTable } from './output-records.ts';

const shownRows = 50;

export function OutputRecords({ output }: { output: unknown }) {
  const table = recordTable(output, shownRows);
  if (!table) return null;
  const caption = `${table.total.toLocaleString()} ${table.name || 'record'}${table.name || table.total === 1 ? '' : 's'}${
    table.total > table.rows.length ? `, the first ${table.rows.length} shown` : ''
  }`;
  return (
    <div className="output-records">
      <table className="run-table">
        <caption>What it got: {caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            // Rows have no identity of their own; their order is the output's order.
            // biome-ignore lint/suspicious/noArrayIndexKey: the output's order is the row's identity.
            <tr key={rowIndex}>
              {row.map((cell, columnIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional.
                <td key={columnIndex}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
