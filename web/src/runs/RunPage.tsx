// Placeholder: filled in by its feature.
export function RunPage() {
  return <p className="muted">RunPage</p>;
}
