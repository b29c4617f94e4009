// An agent named in a plan: a link to its page once it exists, its name in bold otherwise.
import { Link } from 'react-router';
import { usePane } from '../../shell/pane.tsx';

export function AgentName({ ws, name, agentId }: { ws: string; name: string; agentId?: string }) {
  const { showPanel } = usePane();
  if (!agentId) return <strong>{name}</strong>;
  return (
    <Link className="agent-link" to={`/w/${ws}/agents/${agentId}`} onClick={showPanel}>
      {name}
    </Link>
  );
}
