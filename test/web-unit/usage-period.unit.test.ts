import { describe, expect, it } from 'vitest';
import { usagePeriod } from '../../web/src/credits/usage-period.ts';

describe('the usage table’s periods', () => {
  const now = new Date(2026, 11, 7, 15, 30);
  const none = { from: '', to: '' };

  it('counts back from now, or takes whole calendar months in local time', () => {
    expect(usagePeriod('last7', none, now)).toEqual({
      from: new Date(now.getTime() - 7 * 24 * 3600 * 1000).toISOString(),
      to: now.toISOString(),
    });
    expect(usagePeriod('thisMonth', none, now)).toEqual({
      from: new Date(2026, 11, 1).toISOString(),
      to: now.toISOString(),
    });
    expect(usagePeriod('lastMonth', none, now)).toEqual({
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 11, 1).toISOString(),
    });
    // January's last month is the December before.
    expect(usagePeriod('lastMonth', none, new Date(2027, 0, 10))).toEqual({
      from: new Date(2026, 11, 1).toISOString(),
      to: new Date(2027, 0, 1).toISOString(),
    });
  });

  it('takes custom dates with both days included, and explains what is missing or reversed', () => {
    expect(usagePeriod('custom', { from: '2026-12-01', to: '2026-12-01' }, now)).toEqual({
      from: new Date(2026, 11, 1).toISOString(),
      to: new Date(2026, 11, 2).toISOString(),
    });
    expect(usagePeriod('custom', { from: '2026-12-01', to: '' }, now)).toEqual({
      problem: 'Pick both dates to see the usage between them.',
    });
    expect(usagePeriod('custom', { from: '2026-12-05', to: '2026-12-01' }, now)).toEqual({
      problem: 'The first date must not be after the second.',
    });
    expect(usagePeriod('custom', { from: '2026-13-45', to: '2026-12-01' }, now)).toHaveProperty('problem');
  });
});
