// The user's side of the profile: description, tone, rules and word lists. A field the user
// saves is pinned (new samples and the LLM leave it alone) until they hand it back.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { type Style, type StyleEdit, styleActions, styleKey } from './style-queries.ts';
import { fieldNames, parseWords } from './style-words.ts';

type Field = Style['pinned'][number];

function sameList(first: readonly string[], second: readonly string[]) {
  return first.length === second.length && first.every((item, index) => item === second[index]);
}

export function StyleEditor({ style, agentId }: { style: Style; agentId: string }) {
  const { ws } = useWorkspace();
  const ids = useId();
  const queryClient = useQueryClient();
  const [description, setDescription] = useState(style.description);
  const [tone, setTone] = useState(style.tone);
  const [rules, setRules] = useState(style.rules.join('\n'));
  const [useWords, setUseWords] = useState(style.useWords.join(', '));
  const [avoidWords, setAvoidWords] = useState(style.avoidWords.join(', '));
  const save = useMutation({
    mutationFn: (edit: StyleEdit) => styleActions.edit(ws, agentId, edit),
    onSuccess: (saved) => {
      queryClient.setQueryData(styleKey(ws, agentId), saved);
      setUseWords(saved.useWords.join(', '));
      setAvoidWords(saved.avoidWords.join(', '));
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Only what changed is sent, so only what the user touched is pinned.
    const edit: StyleEdit = {};
    if (description.trim() !== style.description) edit.description = description.trim();
    if (tone.trim() !== style.tone) edit.tone = tone.trim();
    const ruleList = rules
      .split('\n')
      .map((rule) => rule.trim())
      .filter((rule) => rule !== '');
    if (!sameList(ruleList, style.rules)) edit.rules = ruleList;
    if (!sameList(parseWords(useWords), style.useWords)) edit.useWords = parseWords(useWords);
    if (!sameList(parseWords(avoidWords), style.avoidWords)) edit.avoidWords = parseWords(avoidWords);
    save.mutate(edit);
  }

  const unpin = (field: Field) => save.mutate({ unpin: [field] });

  return (
    <form className="style-editor" onSubmit={submit} aria-label="Edit the style">
      <label htmlFor={`${ids}-description`}>Description of the voice</label>
      <textarea
        id={`${ids}-description`}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        rows={3}
        maxLength={2000}
      />
      <label htmlFor={`${ids}-tone`}>Tone</label>
      <input
        id={`${ids}-tone`}
        value={tone}
        onChange={(event) => setTone(event.target.value)}
        maxLength={200}
        placeholder="warm, direct"
      />
      <label htmlFor={`${ids}-rules`}>Rules, one a line</label>
      <textarea
        id={`${ids}-rules`}
        value={rules}
        onChange={(event) => setRules(event.target.value)}
        rows={4}
        placeholder="Don’t open with “I hope this finds you well”."
      />
      <label htmlFor={`${ids}-use`}>Words to use, separated by commas</label>
      <input id={`${ids}-use`} value={useWords} onChange={(event) => setUseWords(event.target.value)} />
      <label htmlFor={`${ids}-avoid`}>Words to avoid, separated by commas</label>
      <input id={`${ids}-avoid`} value={avoidWords} onChange={(event) => setAvoidWords(event.target.value)} />
      {style.pinned.length > 0 ? (
        <div className="style-pinned">
          <p className="hint">Set by you, kept when samples change:</p>
          <ul>
            {style.pinned.map((field) => (
              <li key={field}>
                {fieldNames[field]}{' '}
                <button type="button" onClick={() => unpin(field)} disabled={save.isPending}>
                  Let the samples decide
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorMessage error={save.error} />
      <button type="submit" className="primary" disabled={save.isPending}>
        Save the style
      </button>
      {save.isSuccess ? <span role="status"> Saved.</span> : null}
    </form>
  );
}
