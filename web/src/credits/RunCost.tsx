// What a run cost in credits, on its page: the total (or what is held while it runs) and the
// credits of each step that charged.
import type { Schemas } from '../api/client.ts';
import { credits } from './credit-queries.ts';
import './credits.css';

export function RunCost({ cost }: { cost: Schemas['RunCost'] | undefined }) {
  if (!cost) return null;
  return (
    <section className="run-cost" aria-label="Cost">
      <p data-testid="run-cost">
        {cost.charged === null
          ? `Cost: ${credits(cost.reserved)} held while it runs`
          : `Cost: ${credits(cost.charged)}`}
      </p>
      {cost.items.length > 0 ? (
        <div className="table-scroll">
          <table className="credit-table" aria-label="Cost of each step">
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Tool</th>
                <th scope="col">Credits</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {cost.items.map((item, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a step may charge twice; items are never reordered.
                <tr key={`${item.stepId}-${index}`}>
                  <td>{item.stepId}</td>
                  <td>{item.tool}</td>
                  <td className="number">{item.credits.toLocaleString('en')}</td>
                  <td>{item.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
