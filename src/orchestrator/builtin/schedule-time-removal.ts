// "Turn off the price monitor's 6am run, keep the 10am one", "drop the 10am run", "only keep the
// morning one": one of the times of a schedule that runs at several hours taken off, the others
// kept. Never a pause: the agent still runs at the times it keeps.
import { clockTime } from '../../domain/schedule-limits.ts';
import type { PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { scheduleOperation } from './schedule-planning.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

const removing =
  /\b(?:turn off|switch off|drop|remove|cancel|skip|get rid of|delete|kill|stop|no more|don'?t need|do not need)\b/;
/** "the 6am run", "its 10am one", "the 18:00 slot": a time named as one of the runs. */
const namedRun =
  /\b(\d{1,2}(?::\d{2})?(?:am|pm)?|morning|afternoon|evening|night)(?:\s*o['’]?clock)?(?:'s)? (?:run|one|slot|time|check)s?\b/g;
const keeping = /\b(?:keep|leave|only)\b[^,.;]*?$/;

/** The hours of the schedule a word names: a clock time, or the runs in a part of the day. */
function hoursNamed(word: string, hours: number[]): number[] {
  if (word === 'morning') return hours.filter((hour) => hour < 12);
  if (word === 'afternoon') return hours.filter((hour) => hour >= 12 && hour < 18);
  if (word === 'evening' || word === 'night') return hours.filter((hour) => hour >= 17);
  const time = clockTime(word);
  return time ? hours.filter((hour) => hour === time.hour) : [];
}

/** The hours to keep of `hours`, or undefined when the request does not take some of them off. */
export function hoursKept(text: string, hours: number[]): number[] | undefined {
  const lower = text.toLowerCase();
  const runs = [...lower.matchAll(namedRun)];
  if (runs.length === 0) return undefined;
  let kept = [...hours];
  let changed = false;
  for (const run of runs) {
    const before = lower.slice(0, run.index);
    // The words since the last comma say what happens to this run: kept, or taken off.
    const clause = before.split(/[,;]| but | and /).at(-1) ?? '';
    const named = hoursNamed(run[1] ?? '', hours);
    if (named.length === 0) continue;
    if (keeping.test(clause)) {
      // "Only keep the 10am one" says the others go; "keep the 10am one" alone leaves them.
      if (/\bonly\b/.test(clause)) kept = named;
      changed = true;
    } else if (removing.test(clause)) {
      kept = kept.filter((hour) => !named.includes(hour));
      changed = true;
    }
  }
  return changed && kept.length > 0 && kept.length < hours.length ? kept : undefined;
}

/** The schedule without some of its times, planned; undefined when the request is not that. */
export function planTimeRemoval(
  text: string,
  mentioned: readonly SnapshotAgent[],
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const [agent] = mentioned;
  const schedule = agent?.schedule;
  if (!agent || mentioned.length !== 1 || !schedule) return undefined;
  const fields = schedule.cron.split(' ');
  if (fields.length !== 5 || !/^\d+$/.test(fields[0] ?? '') || !/^\d+(?:,\d+)+$/.test(fields[1] ?? ''))
    return undefined;
  const hours = (fields[1] ?? '').split(',').map(Number);
  const kept = hoursKept(text, hours);
  if (!kept) return undefined;
  const cron = [fields[0], kept.join(','), ...fields.slice(2)].join(' ');
  const { operation, preview } = scheduleOperation(
    { agentId: agent.id, agentName: agent.name, schedule },
    { kind: 'found', words: cron, timezone: schedule.timezone },
    request,
    { ...(Object.keys(schedule.input).length > 0 ? { input: schedule.input } : {}), missed: schedule.missed },
    cron,
  );
  return {
    reply: `I will run "${agent.name}" ${preview.description.charAt(0).toLowerCase()}${preview.description.slice(1)} instead of ${schedule.description.charAt(0).toLowerCase()}${schedule.description.slice(1)}.`,
    plan: {
      summary: `Schedule "${agent.name}": ${preview.description}.`,
      questions: [],
      operations: [operation],
    },
  };
}
