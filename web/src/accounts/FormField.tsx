// A labelled form field with its hint read out with it. Secret fields are write-only: a password
// input the browser does not fill or remember, never given a value by the page, so a saved secret
// can never be put back on screen.
import { type ReactNode, useId } from 'react';

interface FieldProps {
  label: string;
  name: string;
  hint?: ReactNode;
  required?: boolean;
  defaultValue?: string;
  placeholder?: string;
  type?: 'text' | 'url';
  multiline?: boolean;
}

export function FormField({
  label,
  name,
  hint,
  required,
  defaultValue,
  placeholder,
  type = 'text',
  multiline,
}: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const shared = {
    id,
    name,
    required,
    defaultValue,
    placeholder,
    'aria-describedby': hint ? hintId : undefined,
  };
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {label}
        {required ? '' : <span className="optional"> (optional)</span>}
      </label>
      {multiline ? <textarea rows={3} {...shared} /> : <input type={type} autoComplete="off" {...shared} />}
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function SecretField({
  label,
  name,
  hint,
  required,
}: Omit<FieldProps, 'defaultValue' | 'type' | 'multiline'>) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {label}
        {required ? '' : <span className="optional"> (optional)</span>}
      </label>
      <input
        id={id}
        name={name}
        type="password"
        autoComplete="off"
        spellCheck={false}
        required={required}
        aria-describedby={hint ? hintId : undefined}
        data-secret
      />
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A text field's value from a form, trimmed; undefined when empty. */
export function formText(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A secret's value exactly as typed (a key may end in spaces); undefined when empty. */
export function formSecret(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
