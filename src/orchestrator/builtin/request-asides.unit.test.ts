import { describe, expect, it } from 'vitest';
import { withoutAsides } from './request-asides.ts';

describe('withoutAsides', () => {
  it.each([
    [
      "delete the monthly report and the weekly report, they're replaced by the reporting agent",
      'delete the monthly report and the weekly report',
    ],
    ['pause the reporter because it keeps failing', 'pause the reporter'],
    ['remove weekly report since the reporting agent does that now', 'remove weekly report'],
    ["pause the data collector as we're over budget", 'pause the data collector'],
    ['pause reporter until i fix the password', 'pause reporter'],
    ['turn the weekly report off till someone looks at it', 'turn the weekly report off'],
  ])('reads "%s" as "%s"', (said, request) => {
    expect(withoutAsides(said)).toBe(request);
  });

  it.each([
    'what failed since the deploy',
    'why did the reporter fail, because it worked yesterday?',
    'pause the reporter until friday',
    'run the lead scraper until it works',
    'make a copy of the weekly report as the EU one',
    "scrape the team page, it's at https://example.com/team",
  ])('keeps "%s" whole: a question, a time, a name or an address', (said) => {
    expect(withoutAsides(said)).toBe(said);
  });
});
