// The preferred notification channel, as user memory keeps it (`preferences.notificationChannel`,
// read by the Orchestrator in src/orchestrator/notification-preference.ts): "email" for the
// account's address, another e-mail address, a webhook address, or { channel: "slack", url }.

export type ChannelKind = 'none' | 'account-email' | 'other-email' | 'slack' | 'webhook';

export interface ChannelChoice {
  kind: ChannelKind;
  /** The e-mail address or webhook URL, for the kinds that need one. */
  address: string;
}

/** The keys the Orchestrator reads, first found first; the page writes only the first. */
export const channelKeys = ['notificationChannel', 'preferredChannel', 'notifyBy', 'notify', 'notifications'];

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const urlPattern = /^https?:\/\/\S+$/i;

function fromValue(value: unknown): ChannelChoice | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    if (['email', 'e-mail', 'mail'].includes(text.toLowerCase()))
      return { kind: 'account-email', address: '' };
    if (emailPattern.test(text)) return { kind: 'other-email', address: text };
    if (urlPattern.test(text)) return { kind: /slack/i.test(text) ? 'slack' : 'webhook', address: text };
    return undefined;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entry = value as Record<string, unknown>;
    const address = [entry.url, entry.webhook, entry.address, entry.to, entry.email].find(
      (candidate): candidate is string => typeof candidate === 'string' && candidate.trim() !== '',
    );
    const slack = typeof entry.channel === 'string' && entry.channel.toLowerCase() === 'slack';
    if (address && urlPattern.test(address.trim()))
      return { kind: slack || /slack/i.test(address) ? 'slack' : 'webhook', address: address.trim() };
    if (address) return fromValue(address);
    if (typeof entry.channel === 'string') return fromValue(entry.channel);
  }
  return undefined;
}

/** What the stored preferences say, as the form shows it. */
export function readChannel(preferences: Record<string, unknown>): ChannelChoice {
  for (const key of channelKeys) {
    const choice = fromValue(preferences[key]);
    if (choice) return choice;
  }
  return { kind: 'none', address: '' };
}

/** Why the choice cannot be saved, in words, or undefined when it can. */
export function channelProblem(choice: ChannelChoice): string | undefined {
  const address = choice.address.trim();
  if (choice.kind === 'other-email' && !emailPattern.test(address))
    return 'Type the e-mail address to send notices to, such as ada@example.com.';
  if ((choice.kind === 'slack' || choice.kind === 'webhook') && !urlPattern.test(address))
    return 'Type the webhook address, starting with https://.';
  return undefined;
}

/**
 * The preference changes that store the choice: the documented key holds it, and the other keys
 * the Orchestrator reads are removed, so that one value decides.
 */
export function channelPreferences(choice: ChannelChoice): Record<string, unknown> {
  const address = choice.address.trim();
  const value =
    choice.kind === 'none'
      ? null
      : choice.kind === 'account-email'
        ? 'email'
        : choice.kind === 'slack'
          ? { channel: 'slack', url: address }
          : address;
  return Object.fromEntries(channelKeys.map((key) => [key, key === 'notificationChannel' ? value : null]));
}
