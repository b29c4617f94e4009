// Placeholder: filled in by its feature.
export function RunList() {
  return <p className="muted">RunList</p>;
}
