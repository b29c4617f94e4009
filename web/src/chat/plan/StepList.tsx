// An agent's steps as a numbered list: the tool, and what the step does in words.
import type { StepRecord } from './spec-shape.ts';
import { stepWords } from './step-words.ts';

export function StepList({ steps }: { steps: StepRecord[] }) {
  return (
    <ol className="step-list">
      {steps.map((step, index) => (
        <li key={step.id ?? index}>
          <code className="tool-name">{step.tool}</code> {stepWords(step)}
        </li>
      ))}
    </ol>
  );
}
