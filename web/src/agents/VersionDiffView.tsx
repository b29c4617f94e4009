// The differences between two specs in words (steps added, removed, changed; settings changed),
// with the line diff of their JSON one click away for the details.
import { useState } from 'react';
import { labelFor } from './input-form.ts';
import { toolDescription } from './step-summary.ts';
import { diffSpecs, isEmptyDiff, lineDiff, stableJson } from './version-diff.ts';

type Spec = Record<string, unknown>;

function shortValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? `“${value}”` : stableJson(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

export function VersionDiffView({ before, after }: { before: Spec; after: Spec }) {
  const [showLines, setShowLines] = useState(false);
  const diff = diffSpecs(before, after);
  if (isEmptyDiff(diff)) return <p data-testid="version-diff">These versions are the same.</p>;
  return (
    <div className="version-diff" data-testid="version-diff">
      <ul>
        {diff.added.map((step) => (
          <li key={`added-${step.id}`} className="diff-added">
            Step “{step.id}” added: {toolDescription(step.tool)}
          </li>
        ))}
        {diff.removed.map((step) => (
          <li key={`removed-${step.id}`} className="diff-removed">
            Step “{step.id}” removed: {toolDescription(step.tool)}
          </li>
        ))}
        {diff.changed.map((change) => (
          <li key={`changed-${change.id}`} className="diff-changed">
            Step “{change.id}” changed:{' '}
            {change.fields.map((field) => (field === 'with' ? 'its inputs' : field)).join(', ')}
          </li>
        ))}
        {diff.reordered ? <li className="diff-changed">The steps run in another order.</li> : null}
        {diff.settings.map((setting) => (
          <li key={`setting-${setting.key}`} className="diff-changed">
            {labelFor(setting.key)}: {shortValue(setting.before)} → {shortValue(setting.after)}
          </li>
        ))}
      </ul>
      <button type="button" aria-expanded={showLines} onClick={() => setShowLines(!showLines)}>
        {showLines ? 'Hide the line by line changes' : 'Show the line by line changes'}
      </button>
      {showLines ? <LineDiff before={before} after={after} /> : null}
    </div>
  );
}

function LineDiff({ before, after }: { before: Spec; after: Spec }) {
  const lines = lineDiff(stableJson(before, 2), stableJson(after, 2));
  return (
    <pre className="line-diff">
      {lines.map((line, index) => (
        // Lines repeat, so their place in the diff is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: the diff is rebuilt whole, never reordered
        <span key={index} className={`line-${line.kind}`}>
          {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}
          {line.text}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}
