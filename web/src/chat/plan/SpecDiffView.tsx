// An updateAgent change, before → after: the settings that change, then each step that is added,
// removed, changed or moved.
import { type FieldChange, type SpecDiff, specDiff } from './spec-diff.ts';
import type { SpecRecord } from './spec-shape.ts';
import { stepWords } from './step-words.ts';

function Change({ change }: { change: FieldChange }) {
  return (
    <li className="field-change">
      <span className="field-name">{change.field}</span>: <span className="visually-hidden">before </span>
      <del>{change.before}</del> <span aria-hidden="true">→</span>
      <span className="visually-hidden"> after </span> <ins>{change.after}</ins>
    </li>
  );
}

export function SpecDiffView({ before, after }: { before: SpecRecord; after: SpecRecord }) {
  const diff: SpecDiff = specDiff(before, after);
  if (diff.settings.length === 0 && diff.steps.length === 0)
    return <p className="muted">Nothing in the agent changes.</p>;
  return (
    <div className="spec-diff">
      {diff.settings.length > 0 ? (
        <>
          <h5>Settings</h5>
          <ul>
            {diff.settings.map((change) => (
              <Change key={change.field} change={change} />
            ))}
          </ul>
        </>
      ) : null}
      {diff.steps.length > 0 ? (
        <>
          <h5>Steps</h5>
          <ul>
            {diff.steps.map((change) => (
              <li key={`${change.kind}-${change.id}`} className={`step-change step-${change.kind}`}>
                {change.kind === 'added' ? (
                  <>
                    <strong>Added</strong> step {change.position + 1} “{change.id}”: {stepWords(change.step)}
                  </>
                ) : null}
                {change.kind === 'removed' ? (
                  <>
                    <strong>Removed</strong> step “{change.id}”: {stepWords(change.step)}
                  </>
                ) : null}
                {change.kind === 'moved' ? (
                  <>
                    <strong>Moved</strong> step “{change.id}” from position {change.from + 1} to{' '}
                    {change.to + 1}
                  </>
                ) : null}
                {change.kind === 'changed' ? (
                  <>
                    <strong>Changed</strong> step “{change.id}” ({stepWords(change.after)}):
                    <ul>
                      {change.fields.map((field) => (
                        <Change key={field.field} change={field} />
                      ))}
                    </ul>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {diff.unchanged > 0 ? (
        <p className="muted">
          {diff.unchanged === 1
            ? 'The other step stays as it is.'
            : `The ${diff.unchanged} other steps stay as they are.`}
        </p>
      ) : null}
    </div>
  );
}
