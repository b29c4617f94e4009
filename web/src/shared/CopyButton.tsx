// Copies a value (an invitation link, a hook address, a token shown once) and says so in place.
// Where the page has no clipboard (plain http on another host than localhost), it selects the
// value's text instead, so the person can copy it by hand; either way a screen reader hears it.
import { useEffect, useRef, useState } from 'react';

type Outcome = 'idle' | 'copied' | 'select by hand';

export function CopyButton({
  value,
  label = 'Copy',
  targetId,
}: {
  value: string;
  label?: string;
  targetId?: string;
}) {
  const [outcome, setOutcome] = useState<Outcome>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
    } catch {
      selectTarget(targetId);
      setOutcome('select by hand');
    }
    timer.current = setTimeout(() => setOutcome('idle'), 4000);
  };

  return (
    <span className="copy-button">
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="copy-outcome">
        {outcome === 'copied'
          ? 'Copied'
          : outcome === 'select by hand'
            ? 'Selected: press Ctrl+C to copy'
            : ''}
      </span>
    </span>
  );
}

function selectTarget(targetId: string | undefined) {
  const target = targetId ? document.getElementById(targetId) : null;
  if (!target) return;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    target.select();
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(target);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}
