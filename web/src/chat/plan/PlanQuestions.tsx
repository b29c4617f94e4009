// A plan's open questions, answered in place: a button per offered answer, or a line of text.
// An answer is sent as the next message of the conversation.
import { type FormEvent, useId, useState } from 'react';
import type { Schemas } from '../../api/client.ts';
import { ReplyText } from '../ReplyText.tsx';

type Question = Schemas['Plan']['questions'][number];

function QuestionForm({
  question,
  onAnswer,
  busy,
}: {
  question: Question;
  onAnswer(text: string): void;
  busy: boolean;
}) {
  const [text, setText] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) onAnswer(text.trim());
  };
  return (
    <li className="question">
      <div id={`${id}-text`}>
        <ReplyText text={question.text} />
      </div>
      {question.options?.length ? (
        <fieldset className="question-options">
          <legend className="visually-hidden">Answers to pick from</legend>
          {question.options.map((option) => (
            <button key={option} type="button" disabled={busy} onClick={() => onAnswer(option)}>
              {option}
            </button>
          ))}
        </fieldset>
      ) : null}
      <form className="question-answer" onSubmit={submit}>
        <label htmlFor={id}>{question.options?.length ? 'Or your own answer' : 'Your answer'}</label>
        <input id={id} type="text" value={text} onChange={(event) => setText(event.target.value)} />
        <button type="submit" disabled={busy || !text.trim()}>
          Answer
        </button>
      </form>
    </li>
  );
}

export function PlanQuestions({
  questions,
  onAnswer,
  busy,
}: {
  questions: Question[];
  onAnswer(text: string): void;
  busy: boolean;
}) {
  return (
    <ul className="questions" aria-label="Questions">
      {questions.map((question) => (
        <QuestionForm key={question.id} question={question} onAnswer={onAnswer} busy={busy} />
      ))}
    </ul>
  );
}
