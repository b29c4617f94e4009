// A message's text as paragraphs, line breaks kept, with addresses and app paths as links.
import { Link } from 'react-router';
import { usePane } from '../shell/pane.tsx';
import { paragraphs, type ReplyPart, replyParts } from './reply-parts.ts';

function Part({ part, onPage }: { part: ReplyPart; onPage(): void }) {
  switch (part.kind) {
    case 'text':
      return <>{part.text}</>;
    case 'code':
      return <code>{part.text}</code>;
    case 'link':
      return (
        <a href={part.href} target="_blank" rel="noopener noreferrer">
          {part.href}
        </a>
      );
    case 'page':
      return (
        <Link to={part.path} onClick={onPage}>
          {part.path}
        </Link>
      );
  }
}

export function ReplyText({ text }: { text: string }) {
  const { showPanel } = usePane();
  return (
    <div className="reply-text">
      {paragraphs(text).map((paragraph, index) => (
        // Paragraphs have no identity beyond their place in a message that never reorders.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above.
        <p key={index}>
          {replyParts(paragraph).map((part, partIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed text, in order.
            <Part key={partIndex} part={part} onPage={showPanel} />
          ))}
        </p>
      ))}
    </div>
  );
}
