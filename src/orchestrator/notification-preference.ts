// How the person prefers to be told, from their user memory: "tell me when it changes" with no
// channel is sent there. A preference is written by PATCH /api/me/memory, as
// `preferences.notificationChannel`: "email" (their account's address), an e-mail address, a
// webhook address (Slack's incoming webhooks are one), or { "channel": "slack", "url": "https://…" }.

/** Where notices go, and the channel's name in the reply ("your preferred channel"). */
export interface NotificationPreference {
  channel: 'email' | 'slack' | 'webhook';
  email?: string;
  webhook?: string;
  /** Learned from what the person built (user memory's learned section), not set by them. */
  learned?: boolean;
}

/** The preference keys read, first found first: the documented one, then names people also use. */
const preferenceKeys = ['notificationChannel', 'preferredChannel', 'notifyBy', 'notify', 'notifications'];

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function fromUrl(url: string, named?: string): NotificationPreference | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  const slack = named === 'slack' || /slack/i.test(url);
  return { channel: slack ? 'slack' : 'webhook', webhook: url };
}

function fromValue(value: unknown, userEmail: string | undefined): NotificationPreference | undefined {
  if (typeof value === 'string') {
    const word = value
      .trim()
      .toLowerCase()
      .replace(/[^a-z@.:/\-_0-9]/g, '');
    if (['email', 'e-mail', 'mail'].includes(word))
      return userEmail ? { channel: 'email', email: userEmail } : undefined;
    if (emailPattern.test(value.trim())) return { channel: 'email', email: value.trim() };
    return fromUrl(value.trim());
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entry = value as Record<string, unknown>;
    const named = typeof entry.channel === 'string' ? entry.channel.trim().toLowerCase() : undefined;
    const address = [entry.url, entry.webhook, entry.address, entry.to, entry.email].find(
      (candidate): candidate is string => typeof candidate === 'string' && candidate.trim() !== '',
    );
    if (address) return fromUrl(address.trim(), named) ?? fromValue(address, userEmail);
    if (named) return fromValue(named, userEmail);
  }
  return undefined;
}

/** The person's preferred channel, or undefined when their memory names none that can be used. */
export function notificationPreference(
  preferences: Record<string, unknown> | null | undefined,
  userEmail: string | undefined,
): NotificationPreference | undefined {
  for (const key of preferenceKeys) {
    const preference = fromValue(preferences?.[key], userEmail);
    if (preference) return preference;
  }
  return undefined;
}

/** The preference in the reply's words: "e-mail you at ada@example.com". */
export function preferenceInWords(preference: NotificationPreference): string {
  if (preference.channel === 'email') return `e-mail you at ${preference.email}`;
  if (preference.channel === 'slack') return `post to your Slack webhook ${preference.webhook}`;
  return `post to your webhook ${preference.webhook}`;
}

/** Why this channel, for the reply: "your preferred channel", or that it was learned. */
export function preferenceReason(preference: NotificationPreference): string {
  return preference.learned ? 'learned from what you built' : 'your preferred channel';
}
