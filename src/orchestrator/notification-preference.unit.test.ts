import { describe, expect, it } from 'vitest';
import { notificationPreference } from './notification-preference.ts';

describe('the preferred notification channel in user memory', () => {
  it('reads "email", an address, a webhook and a Slack webhook', () => {
    expect(notificationPreference({ notificationChannel: 'email' }, 'ada@example.com')).toEqual({
      channel: 'email',
      email: 'ada@example.com',
    });
    expect(notificationPreference({ preferredChannel: 'ops@example.com' }, undefined)).toEqual({
      channel: 'email',
      email: 'ops@example.com',
    });
    expect(
      notificationPreference(
        { notificationChannel: { channel: 'slack', url: 'https://hooks.slack.com/services/T' } },
        undefined,
      ),
    ).toEqual({ channel: 'slack', webhook: 'https://hooks.slack.com/services/T' });
    expect(notificationPreference({ notifyBy: 'https://hooks.example.com/x' }, undefined)).toEqual({
      channel: 'webhook',
      webhook: 'https://hooks.example.com/x',
    });
  });

  it('names none when memory has none it can use', () => {
    expect(notificationPreference({}, 'ada@example.com')).toBeUndefined();
    expect(notificationPreference({ notificationChannel: 'slack' }, 'ada@example.com')).toBeUndefined();
    expect(notificationPreference({ notificationChannel: 'email' }, undefined)).toBeUndefined();
    expect(notificationPreference(null, 'ada@example.com')).toBeUndefined();
  });
});
