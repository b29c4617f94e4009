// A hook's address (and signing secret) just made: shown this once, with a copy button, and
// never again; the panel keeps it until the person closes it.
import { useId } from 'react';
import { CopyButton } from '../shared/CopyButton.tsx';

export interface ShownOnceSecrets {
  hookName: string;
  url?: string;
  signingSecret?: string;
  signatureScheme?: string;
}

export function ShownOnce({ secrets, onClose }: { secrets: ShownOnceSecrets; onClose: () => void }) {
  const id = useId();
  return (
    <section
      className="shown-once"
      aria-label={`New address of ${secrets.hookName}`}
      data-testid="shown-once"
    >
      <p>
        <strong>Copy it now: it will not be shown again.</strong> Anyone who has the address can start this
        agent; if it leaks, give the hook a new address.
      </p>
      {secrets.url ? (
        <p className="secret-line">
          <span>Address</span> <code id={`${id}-url`}>{secrets.url}</code>
          <CopyButton value={secrets.url} label="Copy the address" targetId={`${id}-url`} />
        </p>
      ) : null}
      {secrets.signingSecret ? (
        <>
          <p className="secret-line">
            <span>Signing secret</span> <code id={`${id}-secret`}>{secrets.signingSecret}</code>
            <CopyButton
              value={secrets.signingSecret}
              label="Copy the signing secret"
              targetId={`${id}-secret`}
            />
          </p>
          {secrets.signatureScheme ? (
            <p className="hint">Sign each call: {secrets.signatureScheme}.</p>
          ) : null}
        </>
      ) : null}
      <button type="button" onClick={onClose}>
        I have copied it
      </button>
    </section>
  );
}
