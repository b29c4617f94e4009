import { describe, expect, it } from 'vitest';
import { withMonthWritten } from './one-off-dates.ts';

const today = new Date(Date.UTC(2026, 10, 24));

describe('withMonthWritten', () => {
  it('writes the month of the next date that is on the named weekday', () => {
    expect(withMonthWritten('run it on monday the 30th at 10', today)).toBe(
      'run it on monday 30 november at 10',
    );
    expect(withMonthWritten('on fri, the 1st at 9', today)).toBe('on friday 1 january at 9');
  });

  it('takes "once" as one day, and leaves a monthly day of the month alone', () => {
    expect(withMonthWritten('run it once on the 3rd at 9', today)).toBe('run it once on 3 december at 9');
    expect(withMonthWritten('run it on the 30th at 10', today)).toBe('run it on the 30th at 10');
  });

  it('leaves a date that names its month alone', () => {
    expect(withMonthWritten('once on the 30th of november', today)).toBe('once on the 30th of november');
  });
});
