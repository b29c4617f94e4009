// "Send that to sam@example.com" after an answer about what an agent got: a finished run's output
// is not sent from the chat (no plan operation sends a past result). Said plainly, with the two
// things that are possible: the run's page to download or forward it from, and a notice on the
// agent so each new result goes to that address.
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { emailsIn } from './request-text.ts';

const forwarding =
  /^(?:(?:ok|okay|great|thanks|cool|nice|perfect)[,.!]?\s+)*(?:(?:can|could) you\s+|please\s+|pls\s+)?(?:send|e-?mail|mail|forward|share)\s+(?:that|it|this|these|those|them)\s+(?:over\s+)?to\s+/i;

export function answerForwardRequest(text: string, request: PlannerRequest): PlannerAnswer | undefined {
  const trimmed = text.trim();
  // "… after every run", "from now on": a notice on the agent, which its own rules plan.
  if (
    !forwarding.test(trimmed) ||
    /\b(?:after (?:each|every)|each time|every time|from now on|going forward|whenever|each run|every run)\b/i.test(
      trimmed,
    )
  )
    return undefined;
  const agent = request.snapshot.agents.find((candidate) => candidate.name === request.lastAgentName);
  const [address] = emailsIn(trimmed);
  if (!agent || !address) return undefined;
  return {
    reply: `I cannot send a finished run's output from this chat. Open the run on "${agent.name}"'s page (Runs) to download its output and files and send them on. To have every new result sent to ${address}, say "have ${agent.name} e-mail ${address} after each run".`,
    referents: [agent.name],
  };
}
