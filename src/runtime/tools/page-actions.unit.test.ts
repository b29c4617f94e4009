// Which actions browser.act refuses before touching the page: text to type that the instruction
// does not give (the LLM must not make values up), and actions that name no element.
import { describe, expect, it } from 'vitest';
import { actionInWords, refusal } from './page-actions.ts';

describe('page actions', () => {
  it('types only text the instruction gives', () => {
    const instruction = 'Search for "blue shoes" and open the first result';
    expect(
      refusal({ action: 'fill', role: 'textbox', name: 'Search', value: 'Blue  Shoes' }, instruction),
    ).toBe(undefined);
    expect(
      refusal({ action: 'fill', role: 'textbox', name: 'Password', value: 'hunter2' }, instruction),
    ).toContain('not in the instruction');
  });

  it('needs an element, and an option to choose', () => {
    expect(refusal({ action: 'click', role: 'button', name: '' }, 'press it')).toContain('names no element');
    expect(refusal({ action: 'select', role: 'combobox', name: 'Period' }, 'pick 2026')).toContain('label');
    expect(refusal({ action: 'press', role: '', name: '', key: 'Enter' }, 'press Enter')).toBe(undefined);
  });

  it('says each action in words', () => {
    expect(actionInWords({ action: 'select', role: 'combobox', name: 'Period', value: '2026' })).toBe(
      'chose "2026" in combobox "Period"',
    );
    expect(actionInWords({ action: 'press', role: '', name: '', key: 'Enter' })).toBe('pressed Enter');
  });
});
