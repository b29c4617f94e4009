// The IANA time zones the browser knows, and the one it runs in, for the time zone picker.

/** Every zone the browser supports, with the detected one and UTC always among them. */
export function allTimeZones(detected: string | undefined): string[] {
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = new Set(supported);
  zones.add('UTC');
  if (detected) zones.add(detected);
  return [...zones].sort((left, right) => left.localeCompare(right));
}

/** The zone the browser says it is in ("Europe/Paris"), when it says one. */
export function detectedTimeZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
}

/** "Asia/Tokyo" matches "tokyo", "asia to" and "Asia/"; underscores read as spaces. */
export function matchesSearch(zone: string, search: string): boolean {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const name = zone.toLowerCase().replaceAll('_', ' ');
  return words.every((word) => name.includes(word));
}

/** "Asia/Tokyo (UTC+09:00)": the zone with its offset now, so a person recognises it. */
export function zoneLabel(zone: string): string {
  try {
    const offset = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')?.value;
    const readable = zone.replaceAll('_', ' ');
    return offset ? `${readable} (${offset === 'GMT' ? 'UTC' : offset.replace('GMT', 'UTC')})` : readable;
  } catch {
    return zone;
  }
}
