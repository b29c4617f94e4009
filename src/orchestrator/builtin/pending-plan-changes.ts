// Changing the plan waiting for approval before approving it: "actually make it 7:30", "and also
// e-mail it to me", "call it Rival Watch instead", "use https://… instead". The answer is that
// plan with the change (the old one is superseded), never a new, unrelated plan.
import { withClockDigits } from '../../domain/clock-words.ts';
import type { PlannedChange, PlanOperation } from '../../domain/plan.ts';
import { timeInWords } from '../../triggers/one-off-settings.ts';
import { resolveCron } from '../../triggers/schedule-times.ts';
import { operationAgents } from '../conversation-state.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { agentsMentioned, nameScore } from './agent-names.ts';
import { uniqueName, updateOperation, withDefaults } from './new-agents.ts';
import { readNewName } from './new-names.ts';
import { onceInWords } from './one-off-planning.ts';
import { oneOffIn } from './one-off-times.ts';
import { emailsIn, hasAny, selectorIn, urlsIn } from './request-text.ts';
import { proposedSchedule } from './schedule-phrases.ts';
import { scheduleOperation } from './schedule-planning.ts';
import { notificationSteps } from './spec-templates.ts';
import { createWords } from './vocabulary/vocabulary.ts';
import { fieldOfDays } from './week-days.ts';

type Step = Record<string, unknown> & { id: string; tool: string; with: Record<string, unknown> };
type Spec = Record<string, unknown> & { name: string; goal?: string; steps: Step[] };

/** Words that say a message changes what was just proposed, rather than asking for something new. */
const changeOpeners =
  /^(?:actually|instead|only|just|no[,.!]?|nope[,.!]?|oh,? and|and|also|but|wait[,.!]?|make (?:it|that|this)|call it|name it|rename it|change (?:it|that|this)|let'?s|use|rather|better|how about|what about)\b/i;
const changeWords = ['instead', 'rather', 'as well', 'too', 'also', 'actually'];

/** A time of day alone: "7:30", "at 8", "8pm", "make it 7" (a bare number is not a time otherwise). */
const timeOfDay =
  /\bat\s+(\d{1,2}(?::\d{2})?\s*(?:am|pm)?)\b|\b(\d{1,2}:\d{2}\s*(?:am|pm)?|\d{1,2}\s*(?:am|pm)|noon|midnight)\b|^(?:actually,?\s+)?make (?:it|that) (\d{1,2})\b(?!\s*(?::|am|pm|h\b|hours?|hrs?|minutes?|mins?))|^(?:actually|no|nope|wait|instead|rather|or|how about|what about)[,.!]?\s+(?:at\s+)?(\d{1,2})(?:\s+instead)?\s*[.!?]?$/i;
/** A new step for a schedule that repeats: "make it 4 hours", "every 30 minutes instead". */
const intervalStep = /\b(?:every\s+)?(\d{1,3})\s*(hours?|hrs?|h|minutes?|mins?)\b/i;
/** The step written in a schedule's words: "every 3 hours", "hourly". */
const writtenStep =
  /\bevery\s+\d{1,3}\s*(?:hours?|hrs?|h|minutes?|mins?|m)\b|\b(?:hourly|every hour|each hour)\b/i;
/** Words that make a schedule of their own, not just a new time for the one proposed. */
const recurrence =
  /\b(?:twice|times (?:a|per) (?:day|week)|every|each|daily|hourly|weekly|monthly|weekdays?|weekends?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|mornings?|evenings?|nights?)\b/i;

/** "It", "its" or "them": in a plan that makes an agent, that agent (it does not exist yet). */
const pronoun = /\b(?:it|its|them|this one|that one|this agent|that agent|the new one|the new agent)\b/i;

/** "Send new entries to my email", "put them in my inbox": where the new agent tells. */
const noticeWords = /\b(?:e-?mail\w*|mail (?:me|us|it|them)|inbox|mailbox)\b/i;

/**
 * A message that reads as about the agent the pending plan creates: "run it every day at noon",
 * "every monday at 8", "send it to bob@example.com too". Nothing else can be "it" then.
 */
function aboutPlannedAgent(text: string, pending: PlannedChange): boolean {
  if (!pending.operations.some((operation) => operation.type === 'createAgent')) return false;
  return pronoun.test(text) || recurrence.test(text) || emailsIn(text).length > 0 || noticeWords.test(text);
}

/** "Hmm,", "ok so": sounds before the change, which say nothing of it. */
const interjection = /^(?:(?:hmm+|um+|uh+|ok(?:ay)?|oh|well|so|right|err*)[,.!]*\s+)+/i;

export function isPendingPlanChange(text: string, pending: PlannedChange, request: PlannerRequest): boolean {
  const trimmed = text.trim().replace(interjection, '');
  // "Not on weekends", "skip fridays": days left out of the schedule proposed.
  const leavesDaysOut = leavingOut.exec(trimmed)?.index === 0;
  if (
    !changeOpeners.test(trimmed) &&
    !hasAny(trimmed, changeWords) &&
    !aboutPlannedAgent(trimmed, pending) &&
    !leavesDaysOut
  )
    return false;
  // "Create …" asks for something new, even right after a proposal.
  if (hasAny(trimmed.split(/\s+/).slice(0, 3).join(' '), createWords)) return false;
  // An agent the plan is not about: the message is about that agent.
  const own = new Set(pending.operations.flatMap(operationAgents).map((name) => name.toLowerCase()));
  // The new name given ("name it Docs Board") is not a mention of an agent named alike.
  const named = agentsMentioned(
    trimmed.replace(/\b(?:call|name|rename)\s+it\b.*$/i, ''),
    request.snapshot.agents,
  );
  return named.every((match) => own.has(match.item.name.toLowerCase()));
}

/** The pending plan with the change the message asks for, or undefined when it asks none it knows. */
export function changePendingPlan(
  text: string,
  pending: PlannedChange,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  if (!isPendingPlanChange(text, pending, request)) return undefined;
  let operations = structuredClone(pending.operations);
  let summary = pending.summary;
  const changes: string[] = [];

  const renamed = /\b(?:call|name|rename)\s+it\s+(?:to\s+)?["“]?([^"”]+?)["”]?(?:\s+instead)?[.!]?$/i.exec(
    text,
  );
  const created = operations.find((operation) => operation.type === 'createAgent');
  if (renamed?.[1] && created?.type === 'createAgent') {
    const before = String(created.spec.name);
    const after = uniqueName(readNewName(renamed[1]) ?? renamed[1].trim(), request.snapshot.agents);
    operations = operations.map((operation) => renameIn(operation, before, after));
    summary = summary.split(`"${before}"`).join(`"${after}"`);
    changes.push(`name it "${after}"`);
  }

  const url = urlsIn(text).find((address) => !/hook/i.test(address));
  if (url && !renamed) {
    for (const operation of operations) {
      if (operation.type !== 'createAgent' && operation.type !== 'updateAgent') continue;
      const old = pointAt(operation.spec as Spec, url);
      if (!old) continue;
      // The old address goes from everywhere it was written: the goal, the instructions, the steps.
      operation.spec = withDefaults(JSON.parse(JSON.stringify(operation.spec).split(old).join(url)));
      summary = summary.split(old).join(url);
      changes.push(`fetch ${url} instead of ${old}`);
    }
  }

  // "It's the .price-now element", "also change the selector to .posting": what the agent reads,
  // when the message says it is a selector ("e-mail me the .csv file" or "#general" is not one).
  const selector = selectorCue.test(text) ? selectorIn(text) : undefined;
  if (selector && !url) {
    for (const operation of operations) {
      if (operation.type !== 'createAgent' && operation.type !== 'updateAgent') continue;
      const spec = operation.spec as Spec;
      const old = pointSelectorAt(spec, selector);
      if (!old) continue;
      operation.spec = withDefaults(spec);
      changes.push(`read ${selector} instead of ${old}`);
    }
  }

  const email = emailsIn(text)[0] ?? (noticeWords.test(text) ? request.userEmail : undefined);
  const hook = urlsIn(text).find((address) => /hook/i.test(address));
  if (email || hook) {
    const specs = operations.filter(
      (operation) => operation.type === 'createAgent' || operation.type === 'updateAgent',
    );
    for (const operation of specs) {
      if (operation.type !== 'createAgent' && operation.type !== 'updateAgent') continue;
      const spec = operation.spec as Spec;
      const added = notify(spec, { email, webhook: hook });
      if (added.length === 0) continue;
      operation.spec = withDefaults(spec);
      changes.push(...added);
    }
    // "And e-mail it to me" after "run the reporter daily at 9": the agent itself changes too.
    const subject = specs.length === 0 ? subjectAgent(operations, request) : undefined;
    if (subject) {
      const spec = structuredClone(subject.spec) as unknown as Spec;
      const added = notify(spec, { email, webhook: hook });
      if (added.length > 0) {
        const update = updateOperation(subject, spec);
        operations.push(update);
        summary = `${summary.replace(/\.$/, '')}; then change "${subject.name}" to ${added.join(' and ')}.`;
        changes.push(...added);
      }
    }
  }

  const again = anotherOnce(text, operations, request);
  if (again) {
    operations = [...operations, again.operation];
    summary = `${summary.replace(/\.$/, '')}; and once more, ${again.when}.`;
    changes.push(`run it once more, ${again.when}`);
  }
  const timed = again ? undefined : retime(text, operations, request);
  if (timed) {
    operations = timed.operations;
    // The schedule proposed is replaced, so the summary says the new one where it said the old.
    const said = timed.replaced ? saidIn(summary, timed.replaced, timed.scheduled) : undefined;
    summary = said
      ? summary.split(said.old).join(said.new)
      : `${summary.replace(/;\s*then run it .*$|\.$/, '')}; then run it ${timed.description}.`;
    changes.push(`run it ${timed.description}${timed.note ?? ''}`);
  }

  if (changes.length === 0) return undefined;
  return {
    reply: `I changed the plan waiting for approval: ${changes.join('; ')}. ${summary} Approve the plan to go ahead.`,
    plan: { summary, questions: [], operations },
  };
}

function renameIn(operation: PlanOperation, before: string, after: string): PlanOperation {
  if (operation.type === 'createAgent' && operation.spec.name === before) {
    return { ...operation, spec: withDefaults({ ...operation.spec, name: after }) };
  }
  if ('agentName' in operation && operation.agentName === before) return { ...operation, agentName: after };
  return operation;
}

/** Points the spec's fixed addresses at `url`; the old address, when there was one. */
function pointAt(spec: Spec, url: string): string | undefined {
  let old: string | undefined;
  for (const step of spec.steps) {
    for (const key of ['url', 'baseUrl'] as const) {
      const value = step.with[key];
      if (typeof value !== 'string' || value.includes('{{') || !/^https?:/i.test(value)) continue;
      // A notification's address is where results go, not the page.
      if (step.tool.startsWith('notify.')) continue;
      old ??= value;
      step.with[key] = url;
    }
  }
  return old;
}

/** Words that say a message gives a selector. */
const selectorCue =
  /\bselector\b|\belement\b|\bclass\b|\bcss\b|\bspan\b|\bdiv\b|\btag\b|\bit'?s (?:the|in)\b|\b(?:use|read|extract|match)\s+[.#`]|`/i;

/** Points the spec's extraction at `selector` (its records, else the watched field); the old one. */
function pointSelectorAt(spec: Spec, selector: string): string | undefined {
  for (const step of spec.steps) {
    if (step.tool !== 'html.extract') continue;
    const records = step.with.records as { selector?: unknown; find?: unknown } | undefined;
    // Records found by the tool itself: the selector said replaces the finding, with a record's
    // text and link, as records read by a selector have them.
    if (records?.find === 'repeated') {
      step.with.records = {
        selector,
        fields: { text: { trim: true }, link: { selector: 'a', attribute: 'href' } },
      };
      return 'the records it finds by itself';
    }
    if (records && typeof records.selector === 'string') {
      const old = records.selector;
      if (old === selector) return undefined;
      step.with.records = { ...records, selector };
      return old;
    }
    const fields = step.with.fields as Record<string, unknown> | undefined;
    if (fields && typeof fields.content === 'string') {
      const old = fields.content;
      if (old === selector) return undefined;
      step.with.fields = { ...fields, content: selector };
      return old;
    }
  }
  return undefined;
}

/** Adds the notifications the spec lacks; what was added, in words. */
function notify(spec: Spec, targets: { email?: string; webhook?: string }): string[] {
  const added: string[] = [];
  const last = spec.steps.filter((step) => !step.tool.startsWith('notify.')).at(-1);
  for (const [channel, tool] of [
    ['email', 'notify.email'],
    ['webhook', 'notify.webhook'],
  ] as const) {
    const target = targets[channel];
    if (!target) continue;
    // "Also to bob@example.com": a second reader of the e-mail the agent already sends.
    const sending = spec.steps.find((step) => step.tool === tool);
    if (sending && channel === 'email') {
      const to = sending.with.to;
      const readers = (Array.isArray(to) ? to : [to]).filter(
        (reader): reader is string => typeof reader === 'string',
      );
      if (readers.includes(target) || readers.some((reader) => reader.includes('{{'))) continue;
      sending.with.to = [...readers, target];
      added.push(`e-mail ${target} too`);
      continue;
    }
    if (sending) continue;
    const steps = notificationSteps(
      { [channel]: target },
      {
        subject: `${spec.name} finished`,
        text: `${spec.name} finished run {{ run.id }}.`,
        payload: { agent: spec.name, run: '{{ run.id }}', result: last ? `{{ steps.${last.id} }}` : null },
      },
    );
    spec.steps.push(...(steps as Step[]));
    added.push(channel === 'email' ? `e-mail ${target} after each run` : `post to ${target} after each run`);
  }
  return added;
}

/**
 * A new time for the plan's schedule ("make it 7:30" keeps the days and changes the time), or a
 * schedule of its own ("actually every Monday at 8"), added when the plan had none.
 */
function retime(
  text: string,
  operations: PlanOperation[],
  request: PlannerRequest,
):
  | { operations: PlanOperation[]; description: string; scheduled: string; replaced?: string; note?: string }
  | undefined {
  const index = operations.findIndex((operation) => operation.type === 'scheduleAgent');
  const existing = operations[index];
  // "Actually half 7": the time in digits, as the schedule parser reads it.
  const unnamed = withClockDigits(withoutAgentNames(text, request.snapshot.agents));
  // "No wait, only once, tomorrow morning at 9": one run instead of the schedule proposed.
  const once =
    existing?.type === 'scheduleAgent' && !existing.runAt && onlyOnce.test(unnamed)
      ? onceInstead(unnamed, operations, index, request)
      : undefined;
  if (once) return once;
  // "Actually friday instead" after one run tomorrow at 9: the run moves to Friday at 9, and
  // stays one run (only "every friday" or "fridays" makes it a schedule).
  const moved =
    existing?.type === 'scheduleAgent' &&
    existing.runAt &&
    !recurrence.test(unnamed.replace(/\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b(?!s)/gi, ''))
      ? onceOn(unnamed, existing, request)
      : undefined;
  if (moved && existing?.type === 'scheduleAgent')
    return {
      operations: operations.map((operation, at) => (at === index ? moved.operation : operation)),
      description: (moved.operation.description ?? moved.when).replace(/^Once\b/, 'once'),
      scheduled: moved.operation.description ?? moved.when,
      replaced: existing.description,
    };
  // "Not on weekends" leaves days out: the days it names are never the new schedule's. Without
  // a repeating schedule to narrow (or with more said than days), nothing is changed here.
  if (leavingOut.test(unnamed) && !(existing?.type === 'scheduleAgent' && fewerDays(unnamed, existing)))
    return undefined;
  const found = timeOfDay.exec(unnamed.replace(/https?:\/\/\S+/g, '').trim());
  const time = found && [found[0], found[1] ?? found[2] ?? found[3] ?? found[4]];
  const ownSchedule = recurrence.test(unnamed) ? proposedSchedule(unnamed) : undefined;
  const step = intervalStep.exec(unnamed);
  let words: string | undefined;
  let timezone: string | undefined;
  let proposed = false;
  // "And on weekends too" after "every weekday at 7:30": the same times on more days; "and not on
  // fridays": on fewer.
  const widened =
    existing?.type === 'scheduleAgent'
      ? (fewerDays(unnamed, existing) ?? widenedDays(unnamed, existing))
      : undefined;
  // "Make that every hour instead" after "every 30 minutes from 9 to 17 on weekdays": only the step.
  const stepOnly =
    existing?.type === 'scheduleAgent' &&
    existing.text &&
    writtenStep.test(existing.text) &&
    ownSchedule?.kind === 'found' &&
    /^(?:every\s+(?:\d{1,3}\s*)?(?:hours?|hrs?|h|minutes?|mins?|m)|hourly|each hour)$/i.test(
      ownSchedule.words.trim(),
    )
      ? existing.text.replace(writtenStep, ownSchedule.words.trim())
      : undefined;
  const narrowed =
    existing?.type === 'scheduleAgent' && existing.text
      ? narrowedSchedule(unnamed, existing.text)
      : undefined;
  if (stepOnly && existing?.type === 'scheduleAgent') {
    words = stepOnly;
    timezone = existing.timezone;
  } else if (widened && existing?.type === 'scheduleAgent') {
    words = existing.text ?? widened;
    timezone = existing.timezone;
  } else if (narrowed && existing?.type === 'scheduleAgent') {
    // "And only on weekdays", "but only 7am to 10pm": the schedule proposed, on fewer days or hours.
    words = narrowed;
    timezone = existing.timezone;
  } else if (ownSchedule?.kind === 'found') {
    words = ownSchedule.words;
    timezone = ownSchedule.timezone;
    proposed = ownSchedule.proposed;
  } else if (step && existing?.type === 'scheduleAgent' && existing.text && writtenStep.test(existing.text)) {
    // "Make it 4 hours, 3 is too many": the step changes, the days and hours it runs within stay.
    words = existing.text.replace(writtenStep, `every ${step[1]} ${step[2]}`);
    timezone = existing.timezone;
  } else if (time?.[1] && existing?.type === 'scheduleAgent' && existing.text) {
    const at = /\bat\s+(?:(\d{1,2})(?::\d{2})?\s*(am|pm)?|noon|midnight)/i;
    const before = at.exec(existing.text);
    const hour = before?.[1]
      ? Number(before[1]) + (/pm/i.test(before[2] ?? '') ? 12 : 0)
      : /noon/i.test(before?.[0] ?? '')
        ? 12
        : undefined;
    const said = inSameHalfOfDay(time[1], hour);
    words = before ? existing.text.replace(at, `at ${said}`) : `${existing.text} at ${said}`;
    timezone = existing.timezone;
  }
  if (!words && time?.[1] && existing?.type === 'scheduleAgent' && existing.runAt && !ownSchedule)
    return retimedOnce(operations, index, time[1], request);
  if (!words) return undefined;
  const subject =
    existing?.type === 'scheduleAgent'
      ? { agentId: existing.agentId, agentName: existing.agentName }
      : firstSubject(operations);
  if (!subject) return undefined;
  try {
    const { operation, preview } = scheduleOperation(
      {
        ...subject,
        schedule: request.snapshot.agents.find((agent) => agent.id === subject.agentId)?.schedule,
      },
      { kind: 'found', words, timezone },
      request,
      {},
      widened,
    );
    const changed = [...operations];
    if (index >= 0) changed[index] = operation;
    else changed.push(operation);
    const replaced = index >= 0 && existing?.type === 'scheduleAgent' ? existing.description : undefined;
    return {
      operations: changed,
      description: preview.description.replace(/^(?:At|On|Every|Once)\b/, (word) => word.toLowerCase()),
      scheduled:
        operation.type === 'scheduleAgent'
          ? (operation.description ?? preview.description)
          : preview.description,
      replaced,
      ...(proposed ? { note: ' (times I chose: say others if these do not suit)' } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * How the summary words the schedule replaced, and the new one worded alike: as described
 * ("Once, on Wednesday … (Europe/Berlin)"), or without its zone and in lower case ("once, on
 * Wednesday …"), as a one-off's summary says it.
 */
function saidIn(summary: string, replaced: string, scheduled: string) {
  const zoneless = (text: string) => text.replace(/\s*\([A-Za-z_]+\/[A-Za-z_/]+\)$/, '');
  const lower = (text: string) => text.replace(/^(?:At|On|Every|Once)\b/, (word) => word.toLowerCase());
  const forms = [
    { old: replaced, new: scheduled },
    { old: zoneless(replaced), new: zoneless(scheduled) },
    { old: lower(zoneless(replaced)), new: lower(zoneless(scheduled)) },
  ];
  return forms.find((form) => form.old.length > 0 && summary.includes(form.old));
}

/**
 * A bare hour read in the half of the day of the time it replaces: "no, 4" after 3pm is 4pm,
 * "actually 11" after 10am is 11am. Said with am, pm or minutes, it is as said.
 */
export function inSameHalfOfDay(time: string, previousHour: number | undefined): string {
  const bare = /^\s*(\d{1,2})\s*$/.exec(time);
  const hour = Number(bare?.[1]);
  if (!bare || previousHour === undefined || previousHour < 12 || hour >= 12 || hour === 0) return time;
  return `${hour}pm`;
}

/**
 * "Oh and also friday same time" after one run proposed: a second run, on that day, at the same
 * time unless the message says another.
 */
function anotherOnce(text: string, operations: readonly PlanOperation[], request: PlannerRequest) {
  const existing = operations.find((operation) => operation.type === 'scheduleAgent' && operation.runAt);
  if (existing?.type !== 'scheduleAgent' || !existing.runAt || !addingWords.test(text)) return undefined;
  // "Friday instead, and e-mail me too": the run moves; no second one.
  if (/\b(?:instead|rather|make it|move it)\b/i.test(text)) return undefined;
  return onceOn(text, existing, request);
}

/** The one run proposed, on the day the message names (the coming one), at its time or the one said. */
function onceOn(
  text: string,
  existing: Extract<PlanOperation, { type: 'scheduleAgent' }>,
  request: PlannerRequest,
) {
  if (!existing.runAt) return undefined;
  // "Not monday, tuesday": the day said without a "not" before it.
  const day = [...text.matchAll(/\b((?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow)\b(?!s)/gi)].find(
    (found) => !/\b(?:not|no|except|skip|but not)\s+(?:on\s+)?$/i.test(text.slice(0, found.index)),
  )?.[1];
  if (!day) return undefined;
  const timezone = existing.timezone ?? 'UTC';
  const now = request.now ?? new Date();
  const said = timeOfDay.exec(text);
  const time =
    said?.[1] ??
    said?.[2] ??
    new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(existing.runAt));
  const reading = oneOffIn(`${/tomorrow/i.test(day) ? day : `this ${day}`} at ${time}`, timezone, now);
  if (reading?.kind !== 'at' || reading.at.getTime() <= now.getTime()) return undefined;
  const description = onceInWords(reading.at, timezone, now);
  return {
    operation: {
      ...existing,
      runAt: reading.at.toISOString(),
      description,
      nextRuns: [reading.at.toISOString()],
    },
    when: description.replace(/^Once,\s*/, ''),
  };
}

/** Words that turn a repeating schedule into one run: "only once", "just the once", "one-off". */
const onlyOnce = /\b(?:only|just)\s+(?:the\s+)?once\b|\bone[- ]?off\b|\bonce\s+only\b/i;

/** The schedule proposed replaced by one run at the time said, read in the schedule's zone. */
function onceInstead(text: string, operations: PlanOperation[], index: number, request: PlannerRequest) {
  const existing = operations[index];
  if (existing?.type !== 'scheduleAgent') return undefined;
  const timezone = existing.timezone ?? request.snapshot.timezone ?? 'UTC';
  const now = request.now ?? new Date();
  const reading = oneOffIn(text, timezone, now);
  if (reading?.kind !== 'at' || reading.at.getTime() <= now.getTime()) return undefined;
  const description = onceInWords(reading.at, timezone, now);
  const { cron: _cron, text: _text, before: _before, ...kept } = existing;
  const changed = [...operations];
  changed[index] = {
    ...kept,
    runAt: reading.at.toISOString(),
    timezone,
    description,
    nextRuns: [reading.at.toISOString()],
  };
  return {
    operations: changed,
    description: description.replace(/^Once\b/, 'once'),
    scheduled: description,
    replaced: existing.description,
    note: ' instead of on a schedule',
  };
}

/** The one run proposed, on the same day at the new time: "run it tomorrow at 10" then "actually 11". */
function retimedOnce(operations: PlanOperation[], index: number, time: string, request: PlannerRequest) {
  const existing = operations[index];
  if (existing?.type !== 'scheduleAgent' || !existing.runAt) return undefined;
  const timezone = existing.timezone ?? 'UTC';
  // The day in the run's own zone, written so the one-off reader cannot take it another way.
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(existing.runAt));
  const now = request.now ?? new Date();
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', hourCycle: 'h23' }).format(
      new Date(existing.runAt),
    ),
  );
  const reading = oneOffIn(`on ${day} at ${inSameHalfOfDay(time, hour)}`, timezone, now);
  if (reading?.kind !== 'at' || reading.at.getTime() <= now.getTime()) return undefined;
  const description = onceInWords(reading.at, timezone, now);
  const changed = [...operations];
  changed[index] = {
    ...existing,
    runAt: reading.at.toISOString(),
    description,
    nextRuns: [reading.at.toISOString()],
  };
  // The summary says the time as the one-off planner wrote it: that is what is replaced.
  return {
    operations: changed,
    description: description.replace(/^Once\b/, 'once'),
    scheduled: timeInWords(reading.at, timezone, now),
    replaced: timeInWords(new Date(existing.runAt), timezone, now),
  };
}

/** Words that add to what was proposed rather than replace it: "and on weekends too". */
const addingWords = /\b(?:too|also|as well|plus|in addition)\b/i;

const dayNumbers: Record<string, number[]> = {
  sun: [0],
  mon: [1],
  tues: [2],
  wednes: [3],
  thurs: [4],
  fri: [5],
  satur: [6],
};

/** The week days a cron's day field names; undefined for every day or a field it cannot read. */
function cronDays(field: string): Set<number> | undefined {
  if (field === '*') return undefined;
  const days = new Set<number>();
  for (const item of field.split(',')) {
    const range = /^(\d)(?:-(\d))?$/.exec(item);
    if (!range) return undefined;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    for (let day = from; day <= to; day++) days.add(day % 7);
  }
  return days;
}

/** The days a message names: "weekends" are 0 and 6, "weekdays" 1 to 5, "fridays" 5. */
function namedDays(text: string): number[] {
  return (text.match(dayWords) ?? []).flatMap((word) => {
    const lower = word.toLowerCase();
    if (/^weekends?$/.test(lower)) return [0, 6];
    if (/^(?:weekdays?|working days|business days)$/.test(lower)) return [1, 2, 3, 4, 5];
    const stem = Object.keys(dayNumbers).find((prefix) => lower.startsWith(prefix));
    return stem ? (dayNumbers[stem] ?? []) : [];
  });
}

/**
 * The proposed schedule's cron on more days, when the message only adds days ("and on weekends
 * too", "saturdays as well"): its times stay. Undefined when it says a time or does not add.
 */
export function widenedDays(
  text: string,
  existing: Extract<PlanOperation, { type: 'scheduleAgent' }>,
): string | undefined {
  if (!addingWords.test(text) || /\bonly\b/i.test(text) || leavingOut.test(text) || timeOfDay.test(text))
    return undefined;
  const added = namedDays(text);
  if (added.length === 0 || existing.runAt) return undefined;
  let fields: string[];
  try {
    fields = resolveCron(existing).split(' ');
  } catch {
    return undefined;
  }
  // Five fields, every day of the month: a weekly rhythm days can be added to.
  if (fields.length !== 5 || fields[2] !== '*') return undefined;
  const days = cronDays(fields[4] ?? '*');
  if (!days) return undefined;
  for (const day of added) days.add(day);
  fields[4] = fieldOfDays([...days]);
  return fields.join(' ');
}

/** "And not on fridays", "but skip weekends": days taken off the proposed schedule. */
const leavingOut =
  /\b(?:not|except|but not|skip|skipping|without|no)\s+(?:on\s+)?(?:the\s+)?(?=(?:weekdays?|weekends?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b)/i;

/** The proposed schedule's cron on fewer days, when the message only leaves days out. */
export function fewerDays(
  text: string,
  existing: Extract<PlanOperation, { type: 'scheduleAgent' }>,
): string | undefined {
  const at = leavingOut.exec(text);
  if (!at || timeOfDay.test(text) || existing.runAt) return undefined;
  const removed = new Set(namedDays(text.slice(at.index)));
  let fields: string[];
  try {
    fields = resolveCron(existing).split(' ');
  } catch {
    return undefined;
  }
  if (fields.length !== 5 || fields[2] !== '*' || removed.size === 0) return undefined;
  const days = cronDays(fields[4] ?? '*') ?? new Set([0, 1, 2, 3, 4, 5, 6]);
  const kept = [...days].filter((day) => !removed.has(day)).sort((a, b) => a - b);
  if (kept.length === 0 || kept.length === days.size) return undefined;
  fields[4] = fieldOfDays(kept);
  return fields.join(' ');
}

/** Days of the week, alone or in groups: "weekdays", "mondays", "the weekend". */
const dayWords =
  /\b(?:weekdays?|weekends?|working days|business days|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b/gi;
/** Hours a schedule keeps within: "7am to 10pm", "between 8:00 and 18:00". */
const hourWindow =
  /\b(\d{1,2}(?::\d{2})?\s*(?:am|pm)?)\s*(?:to|until|till|-|–|and)\s*(\d{1,2}(?::\d{2})?\s*(?:am|pm)?)\b/i;

/**
 * The proposed schedule kept within the days or hours the message names, when it names only those:
 * "and only on weekdays" after "every day at 8:30" keeps 8:30; "only 7am to 10pm" after "every 3
 * hours" keeps the step. Undefined when the message says a time or step of its own.
 */
export function narrowedSchedule(text: string, proposed: string): string | undefined {
  if (intervalStep.test(text)) return undefined;
  const window = hourWindow.exec(text);
  const clock = (said: string) => /am|pm|:/i.test(said);
  if (window?.[1] && window[2] && (clock(window[1]) || clock(window[2])) && writtenStep.test(proposed)) {
    const [from, to] = [window[1].trim(), window[2].trim()];
    return `${proposed.replace(/\s+(?:from|between)\s+\S+\s+(?:to|and|until)\s+\S+/i, '')} from ${from} to ${to}`;
  }
  const days = text.match(dayWords);
  if (!days || timeOfDay.test(text) || proposed.match(dayWords)) return undefined;
  return `${proposed} only on ${days.join(' and ')}`;
}

/** The text without the words of the agents it names: "the weekly one" holds no schedule. */
function withoutAgentNames(text: string, agents: readonly { name: string }[]): string {
  const named = agentsMentioned(text, agents).map((match) => match.item.name);
  if (named.length === 0) return text;
  return text
    .split(/(\s+)/)
    .filter((word) => !/\w/.test(word) || !named.some((name) => nameScore(word, name).shared > 0))
    .join('')
    .replace(/\s+/g, ' ');
}

/** The one existing agent a plan without spec changes acts on: whose spec "e-mail it to me" changes. */
function subjectAgent(operations: readonly PlanOperation[], request: PlannerRequest) {
  const names = new Set(
    operations.flatMap((operation) =>
      'agentName' in operation && operation.type !== 'deleteAgent' ? [operation.agentName] : [],
    ),
  );
  if (names.size !== 1) return undefined;
  const [name] = names;
  return request.snapshot.agents.find((agent) => agent.name === name);
}

function firstSubject(operations: PlanOperation[]): { agentId?: string; agentName: string } | undefined {
  for (const operation of operations) {
    if (operation.type === 'createAgent') return { agentName: String(operation.spec.name) };
    if ('agentName' in operation) return { agentId: operation.agentId, agentName: operation.agentName };
  }
  return undefined;
}
