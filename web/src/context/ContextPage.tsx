// The workspace's shared context: what every agent here can read and write (notes, facts, run
// results), browsed, searched and, by builders, changed in the browser.
import { MemoryBrowser } from './MemoryBrowser.tsx';

const surface = { kind: 'context' } as const;

export function ContextPage() {
  return (
    <section className="context-page" aria-labelledby="context-title">
      <h1 id="context-title">Shared context</h1>
      <p className="muted">
        Notes, facts and results every agent in this workspace can read and write. Agents keep entries here
        with a memory.write step; people can add and correct them too.
      </p>
      <MemoryBrowser
        surface={surface}
        paramPrefix=""
        headingLevel={2}
        words={{
          what: 'shared context',
          empty: 'Nothing is in the shared context yet. Agents add entries when a step writes to memory.',
        }}
      />
    </section>
  );
}
