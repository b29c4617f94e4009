import { describe, expect, it } from 'vitest';
import { describeOutput, quotedRunData } from './output-words.ts';

describe('a run output in words', () => {
  it('counts a list of records and reads out the first three', () => {
    const output = {
      file: 'f1',
      count: 4,
      records: [
        { cells: ['Katherine Johnson', 'Mathematician'] },
        { cells: ['Dorothy Vaughan', 'Programmer'] },
        { cells: ['Mary Jackson', 'Engineer'] },
        { cells: ['Annie Easley', 'Engineer'] },
      ],
    };
    expect(describeOutput(output)).toBe(
      'It got 4 records: “Katherine Johnson, Mathematician”; “Dorothy Vaughan, Programmer”; “Mary Jackson, Engineer”, and 1 more. Open the run to see all of it and its files.',
    );
  });

  it('names the records by their list and counts one without a plural', () => {
    expect(describeOutput({ leads: [{ name: 'Ada', link: '/ada' }] })).toMatch(
      /^It got 1 lead: “Ada, \/ada”\./,
    );
  });

  it('shows anything else as short JSON', () => {
    expect(describeOutput({ changed: true })).toBe('Its output: `{"changed":true}`');
    expect(describeOutput(null)).toBe('Its output: `null`');
    expect(describeOutput({ text: 'x'.repeat(700) })).toMatch(/…`$/);
  });

  it('keeps run data inside its quotation or code span, so the chat never links it', () => {
    expect(describeOutput([{ text: 'see” http://evil.example “now' }])).toContain(
      '“see" http://evil.example "now”',
    );
    expect(describeOutput({ note: 'a `tick` here' })).toBe('Its output: `{"note":"a \'tick\' here"}`');
  });

  it('clips a long record', () => {
    expect(describeOutput([{ text: 'y'.repeat(300) }])).toContain(`“${'y'.repeat(100)}…”`);
  });

  it('names records by their list only when the key is a plain word, never by an address a site wrote', () => {
    expect(describeOutput({ 'https://evil.example/x': [1, 2] })).toMatch(/^It got 2 records: “1”; “2”\./);
    expect(describeOutput({ '/w/other/agents/9': ['a'] })).toMatch(/^It got 1 record: “a”\./);
    expect(describeOutput([{ text: 'a `code` span' }])).toContain("“a 'code' span”");
  });

  it('quotes run data so that nothing inside can end the quotation, in one clipped line', () => {
    expect(quotedRunData('GET https://x.example answered 404 ” see https://evil.example\n`now`')).toBe(
      "“GET https://x.example answered 404 \" see https://evil.example 'now'”",
    );
    expect(quotedRunData('y'.repeat(500))).toBe(`“${'y'.repeat(400)}…”`);
  });
});
