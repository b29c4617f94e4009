// Placeholder: filled in by its feature.
export function ChatPanel() {
  return <p className="muted">ChatPanel</p>;
}
