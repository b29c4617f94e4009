// A run's or a step's failure: what happened, its code, and what to do about it. A browser step
// that failed keeps a screenshot of the page (details.screenshot), shown here.
import { fixFor, type StoredFailure } from './run-words.ts';

export function FailureView({ failure, heading }: { failure: StoredFailure; heading?: string }) {
  const screenshot = screenshotPath(failure.details);
  const status = typeof failure.details?.status === 'number' ? failure.details.status : undefined;
  const address = typeof failure.details?.url === 'string' ? failure.details.url : undefined;
  return (
    <div className="failure" data-testid="failure">
      {heading ? <p className="failure-heading">{heading}</p> : null}
      <p className="failure-message">{failure.message}</p>
      <dl className="failure-facts">
        <dt>Error code</dt>
        <dd>
          <code data-testid="error-code">{failure.code}</code>
        </dd>
        {status !== undefined ? (
          <>
            <dt>Answer</dt>
            <dd>HTTP {status}</dd>
          </>
        ) : null}
        {address ? (
          <>
            <dt>Address</dt>
            <dd className="wrap">{address}</dd>
          </>
        ) : null}
        <dt>How to fix it</dt>
        <dd data-testid="error-hint">{fixFor(failure.code)}</dd>
      </dl>
      {screenshot ? (
        <figure className="step-image">
          <img src={screenshot} alt={`The page when the step failed${address ? ` (${address})` : ''}`} />
          <figcaption>The page when the step failed</figcaption>
        </figure>
      ) : null}
    </div>
  );
}

function screenshotPath(details: Record<string, unknown> | undefined): string | undefined {
  const screenshot = details?.screenshot as { path?: unknown } | undefined;
  return typeof screenshot?.path === 'string' && screenshot.path.startsWith('/api/')
    ? screenshot.path
    : undefined;
}
