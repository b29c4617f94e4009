// A time zone picker: type part of a city or region to narrow the list, pick one, or take the
// zone the browser detected in one click.
import { useId, useMemo, useState } from 'react';
import { allTimeZones, detectedTimeZone, matchesSearch, zoneLabel } from './time-zones.ts';

export function TimeZoneField({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const detected = useMemo(detectedTimeZone, []);
  const zones = useMemo(() => allTimeZones(detected), [detected]);
  const [search, setSearch] = useState('');
  const searchId = useId();
  const selectId = useId();
  const hintId = useId();
  // The chosen zone stays in the list whatever the search, so the select never shows another.
  const shown = zones.filter((zone) => zone === value || matchesSearch(zone, search));
  const matches = shown.filter((zone) => zone !== value).length;
  return (
    <fieldset className="time-zone-field">
      <legend>Time zone</legend>
      {detected && detected !== value ? (
        <p className="detected-zone">
          Your browser says <strong>{detected}</strong> —{' '}
          <button type="button" onClick={() => onChange(detected)}>
            use it
          </button>
        </p>
      ) : null}
      <label htmlFor={searchId}>Search time zones</label>
      <input
        id={searchId}
        type="search"
        value={search}
        placeholder="A city or region, e.g. Tokyo"
        aria-describedby={hintId}
        onChange={(event) => setSearch(event.target.value)}
      />
      <p id={hintId} className="hint" aria-live="polite">
        {search.trim() === ''
          ? `${zones.length} time zones. Type to narrow the list.`
          : matches === 0
            ? 'No time zone matches. Try a big city nearby, or a region such as "Europe".'
            : `${matches} time zone${matches === 1 ? '' : 's'} match.`}
      </p>
      <label htmlFor={selectId}>Your time zone</label>
      <select id={selectId} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">Not set (Orca asks when it needs one)</option>
        {shown.map((zone) => (
          <option key={zone} value={zone}>
            {zoneLabel(zone)}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
