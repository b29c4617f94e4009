// "Resume it next Monday", "pause the reporter until Friday": a pause or a resume at a later
// time. No operation resumes or pauses an agent on a date (a one-off time runs an agent, it does
// not change its status), so the planner says so and offers to do it now; it never does it now
// without saying. A pause "until Friday" is still a pause now, with the word that nothing will
// resume it on Friday.
import type { PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { oneOffInRequest } from './one-off-planning.ts';
import { isTime } from './request-asides.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

const untilTime = /\b(?:until|till|til|untill)\s+(.+)$/i;

function escaped(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The time ahead the request names, in words ("next monday"), with the agent's name left out. */
function laterTime(text: string, agent: SnapshotAgent, request: PlannerRequest): string | undefined {
  const nameless = text.replace(new RegExp(escaped(agent.name), 'gi'), ' ');
  const found = oneOffInRequest(nameless, request);
  if (!found) return undefined;
  const now = request.now ?? new Date();
  if (found.reading.kind === 'at' && found.reading.at.getTime() <= now.getTime()) return undefined;
  return found.reading.words;
}

/** The note a pause "until <time>" gets: the pause is now, the resume is the person's to ask. */
export function pauseUntilNote(text: string, agent: SnapshotAgent, request: PlannerRequest): string {
  const until = untilTime
    .exec(text)?.[1]
    ?.replace(/[.!]+$/, '')
    .trim();
  // "Until friday" names the coming one, which a one-off reading leaves to a weekly schedule.
  if (!until || !(laterTime(until, agent, request) || isTime(until))) return '';
  return ` It will not resume by itself (${until}): I cannot resume an agent at a later time, so ask me to resume "${agent.name}" then.`;
}

/**
 * A pause or a resume asked for at a later time ("resume it next monday"): said plainly, with the
 * offer to do it now; undefined when the request names no later time.
 */
export function answerLaterAction(
  intent: 'pause' | 'resume',
  text: string,
  agent: SnapshotAgent,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  if (intent === 'pause' && untilTime.test(text)) return undefined;
  const when = laterTime(text, agent, request);
  if (!when) return undefined;
  const already =
    (intent === 'resume' && agent.status === 'active') || (intent === 'pause' && agent.status === 'paused');
  if (already) return { reply: `"${agent.name}" is already ${intent === 'resume' ? 'active' : 'paused'}.` };
  return {
    reply: `I cannot ${intent} "${agent.name}" at a later time (${when}): pausing and resuming happen when you approve them. Should I ${intent} it now instead? Say "yes", or ask me again ${when}.`,
    offer: `${intent} ${agent.name}`,
  };
}
