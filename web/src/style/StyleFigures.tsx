// The measured profile in words and figures, and the words to use and to avoid as chips.
import type { Style } from './style-queries.ts';
import { formalityWords, paragraphWords, readingWords, sentenceWords } from './style-words.ts';

function Chips({ label, words, kind }: { label: string; words: readonly string[]; kind: 'use' | 'avoid' }) {
  return (
    <div className="style-chips">
      <h4>{label}</h4>
      {words.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul aria-label={label}>
          {words.map((word) => (
            <li key={word} className={`style-chip style-chip-${kind}`}>
              {word}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function StyleFigures({ style }: { style: Style }) {
  const measured = style.measured;
  return (
    <div className="style-figures">
      {measured ? (
        <dl aria-label="Measured style">
          <dt>Sentences</dt>
          <dd data-testid="style-sentences">{sentenceWords(measured)}</dd>
          <dt>Paragraphs</dt>
          <dd>{paragraphWords(measured)}</dd>
          <dt>Register</dt>
          <dd data-testid="style-formality">{formalityWords(measured)}</dd>
          <dt>Reading level</dt>
          <dd data-testid="style-reading">{readingWords(measured)}</dd>
          <dt>Lists and headings</dt>
          <dd>
            lists {measured.lists}, headings {measured.headings}
          </dd>
          <dt>Measured from</dt>
          <dd>
            {style.samples} {style.samples === 1 ? 'sample' : 'samples'}, {measured.words} words
          </dd>
        </dl>
      ) : (
        <p className="muted">Add a sample of your writing and its figures show here.</p>
      )}
      <Chips label="Words to use" words={style.useWords} kind="use" />
      <Chips label="Words to avoid" words={style.avoidWords} kind="avoid" />
    </div>
  );
}
