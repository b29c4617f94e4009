// The figures of a run read from its steps, and a test run next to the run before it, in words.
import { describe, expect, it } from 'vitest';
import { comparisonInWords, runFigures } from './run-comparison.ts';

const oldListing = [
  { stepId: 'login', tool: 'browser.login', input: {}, output: { url: 'x' } },
  // The pagination links: fields, no records, so no page of the listing.
  { stepId: 'pages', tool: 'browser.extract', input: { fields: {} }, output: { fields: {}, count: 0 } },
  {
    stepId: 'listing',
    tool: 'browser.extract',
    input: { url: '{{ page }}', records: {} },
    output: [
      { records: [{}, {}], count: 2 },
      { records: [{}, {}], count: 2 },
    ],
  },
  { stepId: 'listing#0', tool: 'browser.extract', input: null, output: { records: [{}, {}], count: 2 } },
  { stepId: 'download', tool: 'browser.download', input: {}, output: [{ name: 'a' }, { name: 'b' }] },
];
const walked = [
  {
    stepId: 'listing',
    tool: 'browser.paginate',
    input: {},
    output: { records: [], count: 7, pages: 4, complete: true },
  },
];

describe('run figures', () => {
  it('counts each page a per-page extraction read, its records, and the files downloaded', () => {
    expect(runFigures({ count: 2, downloaded: ['a', 'b', 'c', 'd'] }, oldListing)).toEqual({
      pages: 2,
      records: 4,
      downloaded: 4,
    });
    expect(runFigures({ count: 3, downloaded: ['e', 'f', 'g'] }, walked)).toEqual({
      pages: 4,
      records: 7,
      downloaded: 3,
    });
  });

  it('finds nothing to count in a run that reads no listing', () => {
    expect(
      runFigures({ title: 'x' }, [{ stepId: 'fetch', tool: 'http.request', input: {}, output: {} }]),
    ).toEqual({});
  });
});

describe('a run compared with the one before', () => {
  it('says what this run got and what the last one got', () => {
    expect(
      comparisonInWords(
        { pages: 4, records: 7, downloaded: 3 },
        { status: 'succeeded', figures: { pages: 2, records: 4, downloaded: 4 } },
      ),
    ).toBe(
      'This run read 4 pages, listed 7 files and downloaded 3 new ones; the last run read 2 pages, listed 4 and downloaded 4.',
    );
  });

  it('says the last run failed, and nothing when there is nothing to compare', () => {
    expect(comparisonInWords({ pages: 1 }, { status: 'failed', figures: {}, stepId: 'login' })).toBe(
      'This run read 1 page; the last run failed at step "login".',
    );
    expect(comparisonInWords({}, { status: 'succeeded', figures: { pages: 2 } })).toBeUndefined();
    expect(comparisonInWords({ pages: 2 }, { status: 'succeeded', figures: {} })).toBeUndefined();
  });
});
