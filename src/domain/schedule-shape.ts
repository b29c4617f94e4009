// The shape of a schedule, read from its cron: "weekdays at 08:00", "daily at 18:30", "hourly".
// User memory keeps the shape (a key such as `weekdays@08:00`) and offers it again as words the
// schedule parser reads ("every weekday at 8:00"). A cron too particular to name has no shape.

const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface ScheduleShape {
  /** Stored in memory: `weekdays@08:00`, `daily@09:00`, `weekly-1@09:00`, `hourly`, `every-15-minutes`. */
  key: string;
}

const number = (field: string, maximum: number): number | undefined => {
  if (!/^\d{1,2}$/.test(field)) return undefined;
  const value = Number(field);
  return value <= maximum ? value : undefined;
};

const clock = (hour: number, minute: number) =>
  `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** The schedule's shape, or undefined when the cron is not a common one (a date, a list of hours). */
export function scheduleShape(cron: string): ScheduleShape | undefined {
  const fields = cron.trim().split(/\s+/);
  // Six fields put seconds first; a shape is per minute.
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields.length === 6 ? fields.slice(1) : fields;
  if (fields.length < 5 || fields.length > 6 || dayOfMonth !== '*' || month !== '*') return undefined;
  if (minute === undefined || hour === undefined || dayOfWeek === undefined) return undefined;
  const every = /^\*\/(\d{1,2})$/.exec(minute);
  if (every && hour === '*' && dayOfWeek === '*') return { key: `every-${Number(every[1])}-minutes` };
  const atMinute = number(minute, 59);
  if (atMinute === undefined) return undefined;
  if (hour === '*' && dayOfWeek === '*') return { key: 'hourly' };
  const atHour = number(hour, 23);
  if (atHour === undefined) return undefined;
  const at = clock(atHour, atMinute);
  if (dayOfWeek === '*') return { key: `daily@${at}` };
  if (dayOfWeek === '1-5' || dayOfWeek.toUpperCase() === 'MON-FRI') return { key: `weekdays@${at}` };
  const day = number(dayOfWeek, 7);
  if (day !== undefined) return { key: `weekly-${day % 7}@${at}` };
  return undefined;
}

/** A shape key in words the schedule parser reads: "every weekday at 08:00". */
export function scheduleShapeInWords(key: string): string | undefined {
  const minutes = /^every-(\d{1,2})-minutes$/.exec(key);
  if (minutes) return `every ${minutes[1]} minutes`;
  if (key === 'hourly') return 'every hour';
  const timed = /^(daily|weekdays|weekly-(\d))@(\d{2}):(\d{2})$/.exec(key);
  if (!timed) return undefined;
  const at = `${timed[3]}:${timed[4]}`;
  if (timed[1] === 'daily') return `every day at ${at}`;
  if (timed[1] === 'weekdays') return `every weekday at ${at}`;
  return `every ${dayNames[Number(timed[2])]} at ${at}`;
}
