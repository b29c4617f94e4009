// What one act of building teaches user memory, as observations: the agent's kind, tools,
// channels and patterns (agent-shape.ts), a schedule's shape and time zone, a browser's language.
// Each key is a name from a closed set or a validated zone or language tag: the shape of the work,
// never its data (no address, no agent name, no selector, no text the person wrote).
import { agentShape } from '../../domain/agent-shape.ts';
import { scheduleShape } from '../../domain/schedule-shape.ts';
import type { Observation } from '../../store/learned-item-repository.ts';

/** The categories of what is learned, shown in this order. */
export const learnedCategories = [
  'kind',
  'pattern',
  'tool',
  'channel',
  'schedule',
  'timezone',
  'locale',
] as const;
export type LearnedCategory = (typeof learnedCategories)[number];

/** Where a thing was learned from. */
export const learnedSources = ['plan', 'agents_api', 'schedule', 'sign_in'] as const;
export type LearnedSource = (typeof learnedSources)[number];

/** The zones a schedule gets when nobody named one: learning them would teach nothing. */
const fallbackZones = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);

const observe = (category: LearnedCategory, key: string, source: LearnedSource): Observation => ({
  category,
  key,
  source,
});

/** What a spec the person built or changed teaches. */
export function specObservations(spec: Record<string, unknown>, source: LearnedSource): Observation[] {
  const shape = agentShape(spec);
  return [
    observe('kind', shape.kind, source),
    ...shape.patterns.map((pattern) => observe('pattern', pattern, source)),
    ...shape.tools.map((tool) => observe('tool', tool, source)),
    ...shape.channels.map((channel) => observe('channel', channel, source)),
  ];
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** What a schedule the person set teaches: its shape, and its zone unless it is the fallback. */
export function scheduleObservations(
  schedule: { cron: string; timezone?: string | null },
  source: LearnedSource,
): Observation[] {
  const observations: Observation[] = [];
  const shape = scheduleShape(schedule.cron);
  if (shape) observations.push(observe('schedule', shape.key, source));
  const zone = schedule.timezone?.trim();
  if (zone && !fallbackZones.has(zone) && isTimeZone(zone))
    observations.push(observe('timezone', zone, source));
  return observations;
}

/**
 * The language the browser asks for first (`Accept-Language: fr-CH, fr;q=0.9, en;q=0.8` is
 * fr-CH), canonical, or nothing when the header names none that parses.
 */
export function localeObservations(acceptLanguage: string | undefined, source: LearnedSource): Observation[] {
  if (!acceptLanguage) return [];
  const ranked = acceptLanguage
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const quality = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
      return { tag: tag.trim(), quality: quality === undefined ? 1 : Number(quality), index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    try {
      const [canonical] = Intl.getCanonicalLocales(entry.tag);
      if (canonical && canonical.length <= 35) return [observe('locale', canonical, source)];
    } catch {
      // Not a language tag: try the next one.
    }
  }
  return [];
}
