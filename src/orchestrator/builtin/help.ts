// "What can you do", "help", "how does this work": what the Orchestrator does, with examples
// that work in this workspace (its own agents' names), so a newcomer's first question is answered.
import type { PlannerAnswer, WorkspaceSnapshot } from '../planner.ts';

const asksForHelp = [
  /^(?:(?:hi|hey|hello|so|ok|okay)[,!.]?\s+)?(?:help|help me|\?+|menu|commands|options)[.!?]*$/,
  /\bwhat (?:can|do|could|should) (?:you|u|i)(?: even)? (?:do|help with|ask(?: you)?)\b/,
  /\bwhat (?:are you|is this)(?: for)?\??$/,
  /\bhow (?:does this|do you|do i use (?:this|you)|can you help)\b(?! .*\b(?:agents?|runs?|schedule)\b)/,
  /\bwhat (?:kind of things|sort of things|things) can\b/,
];

export function isHelpRequest(text: string): boolean {
  const lower = text.toLowerCase().replace(/’/g, "'").trim();
  return asksForHelp.some((pattern) => pattern.test(lower));
}

export function helpAnswer(snapshot: WorkspaceSnapshot): PlannerAnswer {
  const [first, second] = snapshot.agents.map((agent) => agent.name);
  const yours = first
    ? `\nWith your agents: "run ${first} every weekday at 8am", "why did ${first} fail?", "how much did ${first} cost this month?"${second ? `, "when ${first} finishes, send its results to ${second}"` : ''}.`
    : '';
  return {
    reply: `I build and run agents that do work on the web for you, and answer questions about them. Say what you want in your own words, for example:
- Build: "monitor https://example.com/pricing and e-mail me when it changes", "collect the people on https://example.com/team every Monday", "log in to the supplier portal and download new invoices".
- Change: "also extract phone numbers", "use https://example.com/new instead", "rename it to …", "make a copy called …".
- Run and schedule: "run it now", "every weekday at 9:30", "next Tuesday at 3pm", "pause it", "resume it".
- Chain: "when the scraper finishes, send its results to the reporter".
- Ask: "what failed this week?", "what runs at the weekend?", "what does the reporter do?", "what's next?".
Every change comes as a plan you approve first, and can be undone.${yours}`,
  };
}
