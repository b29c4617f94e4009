// Placeholder: filled in by its feature.
export function AgentPanel() {
  return <p className="muted">AgentPanel</p>;
}
