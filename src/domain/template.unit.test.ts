import { describe, expect, it } from 'vitest';
import { expressionsIn, wholeExpression } from './template.ts';

describe('templates', () => {
  it('takes a string that is one expression as that expression', () => {
    expect(wholeExpression('{{ steps.fetch.body }}')).toBe('steps.fetch.body');
    expect(wholeExpression('  {{ input.n * 2 }} ')).toBe('input.n * 2');
  });

  it('takes two expressions side by side as text, not as one expression spanning both', () => {
    expect(wholeExpression('{{ run.id }}/{{ person.name }}')).toBeUndefined();
    expect(expressionsIn('{{ run.id }}/{{ person.name }}')).toEqual(['run.id', 'person.name']);
    expect(wholeExpression('Hello {{ name }}')).toBeUndefined();
    expect(wholeExpression('plain text')).toBeUndefined();
  });
});
