// Where a promoted or imported agent came from, under its name: "Promoted from Staging / Invoice
// Fetcher v3". The names are the ones recorded then, so it reads the same to people who are not
// members of that workspace.
import type { Schemas } from '../api/client.ts';

export function PromotedFrom({ origin }: { origin: Schemas['Agent']['origin'] }) {
  if (!origin) return null;
  const verb = origin.via === 'promote' ? 'Promoted from' : 'Imported from';
  return (
    <p className="muted" data-testid="agent-origin">
      {verb} {origin.workspaceName} / {origin.agentName} v{origin.version}
    </p>
  );
}
