// The agent's steps as a readable list: the tool in words, what each input reads, what the step
// produces and who uses it; the raw spec is one click away ("Show JSON").
import { useId, useState } from 'react';
import { stepConditions, stepInputs, toolDescription, usedBy } from './step-summary.ts';
import { type SpecStep, stepsOf } from './version-diff.ts';

export function StepList({ spec }: { spec: Record<string, unknown> }) {
  const [showJson, setShowJson] = useState(false);
  const jsonId = useId();
  const steps = stepsOf(spec);
  return (
    <section aria-labelledby="agent-steps">
      <div className="section-heading">
        <h2 id="agent-steps">Steps</h2>
        <button
          type="button"
          aria-expanded={showJson}
          aria-controls={jsonId}
          onClick={() => setShowJson(!showJson)}
        >
          {showJson ? 'Hide JSON' : 'Show JSON'}
        </button>
      </div>
      {showJson ? (
        <pre className="spec-json" id={jsonId} data-testid="spec-json">
          {JSON.stringify(spec, null, 2)}
        </pre>
      ) : (
        <ol className="steps" id={jsonId}>
          {steps.map((step) => (
            <StepItem key={step.id} step={step} steps={steps} />
          ))}
        </ol>
      )}
    </section>
  );
}

function StepItem({ step, steps }: { step: SpecStep; steps: SpecStep[] }) {
  const { inputs, more } = stepInputs(step);
  const readers = usedBy(step, steps);
  const conditions = stepConditions(step);
  return (
    <li className="step">
      <p className="step-title">
        <strong>{toolDescription(step.tool)}</strong> <code>{step.tool}</code>{' '}
        <span className="muted">step “{step.id}”</span>
      </p>
      {typeof step.description === 'string' && step.description ? <p>{step.description}</p> : null}
      {conditions.length > 0 ? <p className="muted">{conditions.join('. ')}.</p> : null}
      {inputs.length > 0 ? (
        <>
          <p className="step-label">Reads</p>
          <ul className="step-inputs">
            {inputs.map((input) => (
              <li key={input.name}>
                <span className="input-name">{input.name}</span>: {input.text}
              </li>
            ))}
            {more > 0 ? <li className="muted">and {more} more</li> : null}
          </ul>
        </>
      ) : (
        <p className="muted">Reads nothing.</p>
      )}
      <p>
        <span className="step-label">Produces</span> <code>steps.{step.id}</code>
        {readers.length > 0
          ? `, used by ${readers.map((id) => `step “${id}”`).join(', ')}`
          : steps.at(-1) === step
            ? ', the run’s output unless the agent says otherwise'
            : ', not used by a later step'}
      </p>
    </li>
  );
}
