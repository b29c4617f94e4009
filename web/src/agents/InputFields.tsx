// The controls of a schema-generated input form (see input-form.ts): each field labelled, required
// ones marked, and its error in words under it, tied to the control for screen readers.
import type { FormField, FormValues } from './input-form.ts';

interface FieldsProps {
  fields: FormField[];
  values: FormValues;
  errors: Record<string, string>;
  onChange: (path: string, value: string | boolean) => void;
  /** Prefix for element ids, so two forms on a page never share one. */
  idPrefix: string;
}

export function InputFields(props: FieldsProps) {
  return (
    <>
      {props.fields.map((field) => (
        <InputField key={field.path} field={field} {...props} />
      ))}
    </>
  );
}

function Label({ field, htmlFor }: { field: FormField; htmlFor?: string }) {
  return (
    <label htmlFor={htmlFor}>
      {field.label}
      {field.required ? (
        <span className="required">
          {' '}
          <span aria-hidden="true">*</span>
          <span className="visually-hidden">(required)</span>
        </span>
      ) : null}
    </label>
  );
}

function InputField({
  field,
  values,
  errors,
  onChange,
  idPrefix,
  fields: _all,
}: FieldsProps & { field: FormField }) {
  const id = `${idPrefix}-${field.path}`;
  const error = errors[field.path];
  const describedBy = [field.description ? `${id}-help` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    'aria-required': field.required || undefined,
  };
  const text = typeof values[field.path] === 'string' ? (values[field.path] as string) : '';
  const help = (
    <>
      {field.description ? (
        <span className="hint" id={`${id}-help`}>
          {field.description}
        </span>
      ) : null}
      {error ? (
        <span className="error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </>
  );
  switch (field.kind) {
    case 'group':
      return (
        <fieldset className="input-group">
          <legend>
            {field.label}
            {field.required ? ' (required)' : ''}
          </legend>
          {field.description ? <p className="hint">{field.description}</p> : null}
          <InputFields
            fields={field.fields}
            values={values}
            errors={errors}
            onChange={onChange}
            idPrefix={idPrefix}
          />
        </fieldset>
      );
    case 'boolean':
      return (
        <div className="input-field input-check">
          <input
            {...common}
            type="checkbox"
            checked={values[field.path] === true}
            onChange={(event) => onChange(field.path, event.target.checked)}
          />
          <Label field={field} htmlFor={id} />
          {help}
        </div>
      );
    case 'choice':
      return (
        <div className="input-field">
          <Label field={field} htmlFor={id} />
          <select {...common} value={text} onChange={(event) => onChange(field.path, event.target.value)}>
            <option value="">{field.required ? 'Choose…' : 'None'}</option>
            {field.options.map((option) => (
              <option key={String(option)} value={String(option)}>
                {String(option)}
              </option>
            ))}
          </select>
          {help}
        </div>
      );
    case 'number':
      return (
        <div className="input-field">
          <Label field={field} htmlFor={id} />
          <input
            {...common}
            inputMode={field.integer ? 'numeric' : 'decimal'}
            value={text}
            onChange={(event) => onChange(field.path, event.target.value)}
          />
          {help}
        </div>
      );
    case 'text':
      return (
        <div className="input-field">
          <Label field={field} htmlFor={id} />
          {field.multiline ? (
            <textarea
              {...common}
              rows={4}
              value={text}
              onChange={(event) => onChange(field.path, event.target.value)}
            />
          ) : (
            <input {...common} value={text} onChange={(event) => onChange(field.path, event.target.value)} />
          )}
          {help}
        </div>
      );
    case 'lines':
    case 'json':
      return (
        <div className="input-field">
          <Label field={field} htmlFor={id} />
          <span className="hint">{field.kind === 'lines' ? 'One per line.' : 'As JSON.'}</span>
          <textarea
            {...common}
            rows={field.kind === 'lines' ? 4 : 5}
            className={field.kind === 'json' ? 'code' : undefined}
            value={text}
            onChange={(event) => onChange(field.path, event.target.value)}
          />
          {help}
        </div>
      );
  }
}
