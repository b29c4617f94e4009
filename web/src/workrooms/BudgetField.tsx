// A monthly budget typed as a whole number of credits, or left empty for none; says in place what
// is wrong with what was typed.
import { budgetFromField } from './workroom-queries.ts';

export function BudgetField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const invalid = budgetFromField(value) === 'invalid';
  return (
    <>
      <label htmlFor={id}>Monthly budget (credits)</label>
      <input
        id={id}
        inputMode="numeric"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint`}
        placeholder="No budget"
      />
      <span id={`${id}-hint`} className={invalid ? 'error' : 'hint'}>
        {invalid
          ? 'Type a whole number of credits, such as 5000, or leave it empty for no budget.'
          : 'Optional. What the workroom’s runs may spend in a calendar month; empty for no budget.'}
      </span>
    </>
  );
}
