// User memory's learned section as the person and the Orchestrator read it: each thing learned in
// words with where it came from, and the preferences it suggests. What the person set themselves
// always wins: a learned value only fills a gap, and one that differs from a set value is shown
// as a suggestion, never applied.
import {
  channelInWords,
  isAgentKind,
  isNotificationChannel,
  kindInWords,
  type NotificationChannel,
  patternInWords,
} from '../../domain/agent-shape.ts';
import { scheduleShapeInWords } from '../../domain/schedule-shape.ts';
import type { LearnedItemRecord } from '../../store/learned-item-repository.ts';
import { type NotificationPreference, notificationPreference } from '../notification-preference.ts';
import { type LearnedCategory, learnedCategories } from './observations.ts';

export interface LearnedItemView {
  id: string;
  category: LearnedCategory;
  key: string;
  label: string;
  count: number;
  source: string;
  sourceLabel: string;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface LearnedPreference {
  value: string;
  label: string;
  /** Where it was learned from, in words. */
  learnedFrom: string;
  /** Whether the Orchestrator uses it: only when you have not set this yourself. */
  applies: boolean;
  /** Set when you chose a different value yourself: the learned one is offered, not used. */
  suggestion: boolean;
}

export interface LearnedPreferences {
  notificationChannel: LearnedPreference | null;
  timezone: LearnedPreference | null;
  locale: LearnedPreference | null;
}

const sourceLabels: Record<string, string> = {
  plan: 'a plan you approved',
  agents_api: 'an agent you saved',
  schedule: 'a schedule you set',
  sign_in: "your browser's language when you signed in",
};

function localeName(tag: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

function labelOf(category: LearnedCategory, key: string): string {
  switch (category) {
    case 'kind':
      return isAgentKind(key) ? kindInWords(key) : key;
    case 'pattern':
      return patternInWords(key);
    case 'tool':
    case 'timezone':
      return key;
    case 'channel':
      return isNotificationChannel(key) ? channelInWords(key) : key;
    case 'schedule':
      return scheduleShapeInWords(key) ?? key;
    case 'locale':
      return localeName(key);
  }
}

function isCategory(value: string): value is LearnedCategory {
  return (learnedCategories as readonly string[]).includes(value);
}

/** The learned items in words, by category, most used first. */
export function learnedItemViews(items: readonly LearnedItemRecord[]): LearnedItemView[] {
  return items
    .filter((item) => isCategory(item.category))
    .map((item) => ({
      id: item.id,
      category: item.category as LearnedCategory,
      key: item.key,
      label: labelOf(item.category as LearnedCategory, item.key),
      count: item.count,
      source: item.source,
      sourceLabel: sourceLabels[item.source] ?? item.source,
      firstSeenAt: item.firstSeenAt.toISOString(),
      lastSeenAt: item.lastSeenAt.toISOString(),
    }))
    .sort(
      (a, b) =>
        learnedCategories.indexOf(a.category) - learnedCategories.indexOf(b.category) ||
        b.count - a.count ||
        b.lastSeenAt.localeCompare(a.lastSeenAt),
    );
}

/** The most used item of a category: the one a preference is learned from. */
function favourite(items: readonly LearnedItemRecord[], category: LearnedCategory) {
  return items
    .filter((item) => item.category === category)
    .sort((a, b) => b.count - a.count || b.lastSeenAt.getTime() - a.lastSeenAt.getTime())[0];
}

const times = (count: number) => (count === 1 ? 'once' : `${count} times`);

function preference(
  item: LearnedItemRecord | undefined,
  category: LearnedCategory,
  from: string,
  explicit: string | null | undefined,
): LearnedPreference | null {
  if (!item) return null;
  const set = explicit !== null && explicit !== undefined;
  if (set && explicit === item.key) return null;
  return {
    value: item.key,
    label: labelOf(category, item.key),
    learnedFrom: `${from} (${times(item.count)})`,
    applies: !set,
    suggestion: set,
  };
}

/** The preferences the learned items suggest, against what the person set themselves. */
export function learnedPreferences(
  items: readonly LearnedItemRecord[],
  memory: { timezone?: string | null; locale?: string | null; preferences?: Record<string, unknown> | null },
  userEmail: string | undefined,
): LearnedPreferences {
  const stated = notificationPreference(memory.preferences, userEmail);
  return {
    notificationChannel: preference(
      favourite(items, 'channel'),
      'channel',
      'the notify steps of agents you built',
      stated?.channel,
    ),
    timezone: preference(favourite(items, 'timezone'), 'timezone', 'schedules you set', memory.timezone),
    locale: preference(favourite(items, 'locale'), 'locale', "your browser's language", memory.locale),
  };
}

/**
 * The channel the built-in and LLM planners use when the person asks to be told and names none,
 * learned from what they built: e-mail to their account's address. A learned Slack or webhook
 * channel carries no address across workspaces (it is another workspace's data), so it gives no
 * default: the planner asks.
 */
export function learnedNotificationPreference(
  items: readonly LearnedItemRecord[],
  userEmail: string | undefined,
): NotificationPreference | undefined {
  const channel = favourite(items, 'channel')?.key as NotificationChannel | undefined;
  if (channel !== 'email' || !userEmail) return undefined;
  return { channel: 'email', email: userEmail, learned: true };
}

/** The time zone learned from schedules the person set, for when they set none themselves. */
export function learnedTimezone(items: readonly LearnedItemRecord[]): string | undefined {
  return favourite(items, 'timezone')?.key;
}
