// A value a run read or produced, shown as readable text: short values inline, longer ones as
// indented JSON that folds away (long lines wrap, so nothing scrolls sideways on a phone).
const foldAboveLines = 12;

export function JsonView({ label, value, open }: { label: string; value: unknown; open?: boolean }) {
  if (value === undefined || value === null) {
    return (
      <div className="json-view">
        <span className="json-label">{label}</span> <span className="muted">none</span>
      </div>
    );
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  const lines = text.split('\n').length;
  if (lines <= 1 && text.length <= 80) {
    return (
      <div className="json-view">
        <span className="json-label">{label}</span> <code>{text}</code>
      </div>
    );
  }
  return (
    <details className="json-view" open={open ?? lines <= foldAboveLines}>
      <summary>
        <span className="json-label">{label}</span>{' '}
        <span className="muted">
          ({lines === 1 ? `${text.length.toLocaleString()} characters` : `${lines} lines`})
        </span>
      </summary>
      <pre>{text}</pre>
    </details>
  );
}
