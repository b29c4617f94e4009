// Where the user writes to the Orchestrator: Enter sends, Shift+Enter starts a new line; while an
// answer is coming, Stop abandons it.
import { type FormEvent, type KeyboardEvent, type RefObject, useId } from 'react';

export function Composer({
  draft,
  onDraft,
  onSend,
  onStop,
  inFlight,
  textarea,
}: {
  draft: string;
  onDraft(text: string): void;
  onSend(text: string): void;
  onStop(): void;
  inFlight: boolean;
  textarea: RefObject<HTMLTextAreaElement | null>;
}) {
  const id = useId();
  const hintId = useId();
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || inFlight) return;
    onSend(text);
    onDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // While an input method composes a character, Enter confirms it rather than sending.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        Message to the Orchestrator
      </label>
      <textarea
        id={id}
        ref={textarea}
        rows={2}
        value={draft}
        placeholder="Ask for an agent, a change, a schedule…"
        aria-describedby={hintId}
        onChange={(event) => onDraft(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} className="visually-hidden">
        Enter sends, Shift+Enter starts a new line.
      </span>
      {inFlight ? (
        <button type="button" onClick={onStop}>
          Stop
        </button>
      ) : (
        <button type="submit" disabled={!draft.trim()}>
          Send
        </button>
      )}
    </form>
  );
}
