// Reading "tell me when the price changes", "let me know if its output changes", "only when
// something new shows up": the person wants to be told on a condition (a change), perhaps on a
// channel they name, perhaps on none ("tell me": their preferred channel, or a question).
import type { PlanQuestion } from '../../domain/plan.ts';
import type { NotificationPreference } from '../notification-preference.ts';
import { emailsIn, hasAny, urlsIn, withoutAddresses } from './request-text.ts';
import type { Notification } from './spec-templates.ts';
import { typoDistance } from './typo-distance.ts';

const changeForms = ['change', 'changes', 'changed', 'changing'];

/** "chnages", "chagned", "cahnge": a change word typed one slip wrong is still one. */
function isChangeWord(word: string): boolean {
  return word.length >= 5 && changeForms.some((form) => typoDistance(word, form) <= 1);
}

const whenWords = /\b(?:when|whenever|if|once|as soon as|each time|every time|in case|only)\b/;
const changedWords =
  /\b(?:differs?|different|updated?|goes (?:up|down)|went (?:up|down)|drops?|rises?|increases?|decreases?|moves?)\b/;
const somethingNew =
  /\b(?:something|anything|whatever|what(?:'s| is))\s+new\b|\bnew\s+(?:\w+\s+)?(?:shows?|appears?|comes?|pops?|gets?|is|are)\b|\b(?:new|fresh)\s+(?:items?|posts?|entries|entry|listings?|jobs?|ones?|results?|records?|leads?|articles?|stuff)\b/;

/** Whether the request asks for something to happen only when what is watched changes. */
export function asksOnChange(text: string): boolean {
  const lower = withoutAddresses(text);
  if (somethingNew.test(lower)) return true;
  if (!whenWords.test(lower)) return false;
  return lower.split(/[^a-z-]+/).some(isChangeWord) || changedWords.test(lower);
}

const tellPattern =
  /\b(?:tell|tel|tlel|notify|notfy|nofity|notifiy|alert|ping|message|msg|inform|warn|e-?mail|mail|text|slack|dm|contact)\s+me\b|\blet\s+me\s+k\w{0,3}w\b|\blemme\s+know\b|\bkeep\s+me\s+(?:posted|informed|updated)\b|\bsend\s+me\s+(?:an?\s+)?(?:e-?mail|message|note|alert|notification|ping)\b|\b(?:notify|alert|ping)\b/;

/** Whether the request asks to be told ("tell me", "ping me", "let me know"), with or without a channel. */
export function asksToBeTold(text: string): boolean {
  return tellPattern.test(withoutAddresses(text));
}

export function hasChannel(notify: Notification | undefined): boolean {
  return Boolean(notify?.email || notify?.webhook);
}

/** Notices to the preferred channel. */
export function preferredNotification(preference: NotificationPreference): Notification {
  return preference.email ? { email: preference.email } : { webhook: preference.webhook };
}

export const howToTell: PlanQuestion = {
  id: 'notify',
  text: 'How should I tell you: by e-mail, on Slack (give its incoming-webhook address, https://hooks.slack.com/…), or by a webhook (give its address)?',
  options: ['e-mail', 'Slack', 'webhook'],
};

export type ChannelAnswer =
  | { kind: 'found'; notify: Notification }
  /** "Slack" or "a webhook" without its address: the address is still missing. */
  | { kind: 'needsAddress'; channel: 'Slack' | 'webhook' }
  | { kind: 'none' };

/** The answer to "how should I tell you": an address, a webhook, or "e-mail" for the person's own. */
export function channelInAnswer(text: string, userEmail: string | undefined): ChannelAnswer {
  const url = urlsIn(text)[0];
  if (url) return { kind: 'found', notify: { webhook: url } };
  const email = emailsIn(text)[0];
  if (email) return { kind: 'found', notify: { email } };
  const lower = withoutAddresses(text);
  if (hasAny(lower, ['e-mail', 'email', 'mail', 'emial', 'emal', 'by mail']) && userEmail)
    return { kind: 'found', notify: { email: userEmail } };
  if (hasAny(lower, ['slack'])) return { kind: 'needsAddress', channel: 'Slack' };
  if (hasAny(lower, ['webhook', 'hook', 'web hook'])) return { kind: 'needsAddress', channel: 'webhook' };
  return { kind: 'none' };
}

export function addressQuestion(channel: 'Slack' | 'webhook'): PlanQuestion {
  return {
    id: 'notify',
    text:
      channel === 'Slack'
        ? 'Which Slack incoming-webhook address should I post to? It looks like https://hooks.slack.com/services/….'
        : 'Which address should the webhook post to?',
  };
}
