// While a new agent waits for answers (its page, its records, how to tell), the person may say
// more about it before answering: "call it Guardian Tech", "send new entries to my email", "and
// check it twice a day". Each is kept in the draft, so the agent is built with it once the
// questions are answered, instead of the message being read as about another agent.
import type { PlannerRequest } from '../planner.ts';
import { hasChannel } from './change-conditions.ts';
import type { CreateDraft } from './drafts.ts';
import { readNewName } from './new-names.ts';
import { emailsIn, givenName } from './request-text.ts';
import { proposedSchedule } from './schedule-phrases.ts';

const naming = /\b(?:call|name)\s+it\s+(?:to\s+)?(.+)$/i;
const byEmail = /\b(?:e-?mail|inbox|mailbox)\b/i;

/** What a message adds to the draft, and the additions in words ("name it \"Guardian Tech\""). */
export interface AmendedDraft {
  draft: CreateDraft;
  noted: string[];
}

/** The draft with the name, e-mail and schedule the message gives; the same draft when it gives none. */
export function amendCreateDraft(draft: CreateDraft, text: string, request: PlannerRequest): AmendedDraft {
  const amended: CreateDraft = { ...draft };
  const noted: string[] = [];
  const named = givenName(text) ?? readNewName(naming.exec(text)?.[1] ?? '');
  if (named) {
    amended.name = named;
    noted.push(`it will be called "${named}"`);
  }
  const email = emailsIn(text)[0] ?? (byEmail.test(text) ? request.userEmail : undefined);
  if (email && !amended.notify?.email) {
    amended.notify = { ...amended.notify, email };
    if (amended.askHow && hasChannel(amended.notify)) amended.askHow = false;
    noted.push(`it will e-mail ${email}`);
  }
  const schedule = named ? undefined : proposedSchedule(text);
  if (schedule) {
    amended.schedule = {
      words: schedule.words,
      ...(schedule.timezone ? { timezone: schedule.timezone } : {}),
    };
    const chosen = schedule.proposed ? ' (times I chose: say others if these do not suit)' : '';
    noted.push(`it will run ${schedule.words}${chosen}`);
  }
  return { draft: amended, noted };
}
