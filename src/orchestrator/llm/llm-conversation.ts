// What the LLM planner is told of the conversation: the agents it was about ("it", "them"),
// the plan waiting for approval (which a message may change), and the question the last reply
// asked in its words (which the message may answer). The same state the built-in planner reads.
import type { ConversationContext } from '../conversation-state.ts';

export function conversationInstructions(conversation: ConversationContext | undefined): string {
  if (!conversation) return '';
  const lines: string[] = [];
  const { recentAgents, lastTurnAgents, pendingPlan, openQuestion } = conversation;
  if (recentAgents.length > 0) {
    lines.push(
      `The agents this conversation was about, newest first: ${JSON.stringify(recentAgents)}. "It" or "that one" means the first when the last message was about one agent; "them" means the last message's agents: ${JSON.stringify(lastTurnAgents)}. When "it" could be several, ask which (question id "agent").`,
    );
  }
  if (pendingPlan && pendingPlan.operations.length > 0) {
    lines.push(
      `A plan waits for the user's approval: ${JSON.stringify({ summary: pendingPlan.summary, operations: pendingPlan.operations })}. A message that changes it ("actually make it 7:30", "and also e-mail it to me", "call it X instead", "use https://… instead") is answered with that whole plan again, with only that change; a message about something else is a new plan.`,
    );
  }
  if (openQuestion) {
    lines.push(
      `Your last reply asked: ${JSON.stringify(openQuestion.text)}${openQuestion.agentName ? ` (about "${openQuestion.agentName}")` : ''}. Read the message as the answer to it when it can be one.`,
    );
  }
  return lines.join('\n\n');
}
