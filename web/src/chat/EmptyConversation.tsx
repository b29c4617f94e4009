// A new conversation: what to type first, with three requests the built-in planner understands
// (clicking one puts it in the message box, to send as it is or change first).
const examples = [
  'Monitor https://example.com/pricing for changes',
  'Scrape the team members from https://example.com/team',
  'What agents do I have?',
];

export function EmptyConversation({ onExample }: { onExample(text: string): void }) {
  return (
    <div className="empty-conversation">
      <p>
        Tell the Orchestrator what you want done, in your own words: an agent that watches a page, collects a
        list, runs every morning. It answers with a plan, and nothing changes until you approve it.
      </p>
      <p id="chat-examples">Try one of these:</p>
      <ul className="examples" aria-labelledby="chat-examples">
        {examples.map((example) => (
          <li key={example}>
            <button type="button" className="example" onClick={() => onExample(example)}>
              {example}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
