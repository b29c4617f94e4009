// Placeholder: filled in by its feature.
export function WorkspaceOverview() {
  return <p className="muted">WorkspaceOverview</p>;
}
