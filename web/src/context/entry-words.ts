// An entry's facts in words: who wrote it last, how big it is, how its value reads.
import type { MemoryEntry } from './context-queries.ts';

/** Who wrote the entry last: a person's name, or the agent whose run wrote it. */
export function lastWriter(entry: MemoryEntry): string {
  if (entry.updatedByName) return entry.updatedByName;
  if (entry.updatedBy) return 'a former member';
  if (entry.sourceAgentName) return `a run of ${entry.sourceAgentName}`;
  if (entry.sourceRunId) return 'a run';
  return 'someone no longer known';
}

/** "12 bytes", "3.4 KB", "1.2 MB". */
export function byteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A value as a person reads it: text as it is, anything else as indented JSON. */
export function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** The start of an entry's text for a list, on one line. */
export function preview(entry: MemoryEntry, length = 160): string {
  const text = (entry.text || valueText(entry.value)).replace(/\s+/g, ' ').trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** Tags typed as "a, b, c", without empty ones or repeats. */
export function parseTags(typed: string): string[] {
  return [
    ...new Set(
      typed
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}
