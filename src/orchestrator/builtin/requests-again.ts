// An operation of a plan said again as the request that asks for it, on the same agent or another:
// "pause the Weekly Report", "run the Monthly Report every Monday at 8". Follow-ups that repeat a
// plan on another agent ("same for the reporter") or move it to the one meant ("not that one, the
// other one") plan these words again, so every check the planner makes (already paused, no such
// schedule, input it needs) is made for the new agent too.
import type { PlanOperation } from '../../domain/plan.ts';

/** "On 2026-11-25 at 11:00 in Europe/Berlin": a one-off time no reader can take another way. */
function onceAgain(runAt: string, timezone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(runAt))
      .map((part) => [part.type, part.value]),
  );
  return `on ${parts.year}-${parts.month}-${parts.day} at ${parts.hour}:${parts.minute} in ${timezone}`;
}

/** The request for `operation` with `from` replaced by `to`; undefined when it cannot be said again. */
export function requestAgain(operation: PlanOperation, from: string, to: string): string | undefined {
  const name = (agentName: string) => (agentName === from ? to : agentName);
  switch (operation.type) {
    case 'pauseAgent':
    case 'resumeAgent':
    case 'deleteAgent':
    case 'unscheduleAgent': {
      if (operation.agentName !== from) return undefined;
      const verb = {
        pauseAgent: 'pause',
        resumeAgent: 'resume',
        deleteAgent: 'delete',
        unscheduleAgent: 'unschedule',
      };
      return `${verb[operation.type]} the ${to}`;
    }
    case 'runAgent': {
      if (operation.agentName !== from) return undefined;
      const input =
        Object.keys(operation.input ?? {}).length > 0 ? ` with ${JSON.stringify(operation.input)}` : '';
      return `run the ${to} now${input}`;
    }
    case 'scheduleAgent': {
      if (operation.agentName !== from) return undefined;
      // One run at a time is said as its day and time in its zone; a schedule said in words again; a
      // cron is not repeated in words.
      if (operation.runAt) return `run the ${to} ${onceAgain(operation.runAt, operation.timezone ?? 'UTC')}`;
      return operation.text ? `run the ${to} ${operation.text}` : undefined;
    }
    case 'chainAgents': {
      if (operation.from.agentName !== from && operation.to.agentName !== from) return undefined;
      const ending = operation.on === 'failure' ? 'fails' : operation.on === 'always' ? 'ends' : 'finishes';
      return `when the ${name(operation.from.agentName)} ${ending}, run the ${name(operation.to.agentName)}`;
    }
    default:
      return undefined;
  }
}
