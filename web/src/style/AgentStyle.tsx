// An agent's style memory on its panel: how it should write, learned from the user's samples and
// corrections, shown in words and figures, editable, and described by the LLM on request.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { useWorkspace } from '../shared/workspace-context.tsx';
import { StyleEditor } from './StyleEditor.tsx';
import { StyleFigures } from './StyleFigures.tsx';
import { StyleSamples } from './StyleSamples.tsx';
import { type Style, styleActions, styleKey, useStyle } from './style-queries.ts';
import './style.css';

function DeriveButton({ style, agentId }: { style: Style; agentId: string }) {
  const { ws } = useWorkspace();
  const queryClient = useQueryClient();
  const derive = useMutation({
    mutationFn: () => styleActions.derive(ws, agentId),
    onSuccess: (derived) => queryClient.setQueryData(styleKey(ws, agentId), derived),
  });
  const reason = !style.llmAvailable
    ? 'Deriving needs an LLM, and none is configured (the operator sets ORCA_LLM). The measured profile is in use meanwhile.'
    : style.samples === 0
      ? 'Add a sample first.'
      : undefined;
  return (
    <div className="style-derive">
      <button
        type="button"
        onClick={() => derive.mutate()}
        disabled={reason !== undefined || derive.isPending}
        aria-describedby={reason ? 'style-derive-reason' : undefined}
      >
        {derive.isPending ? 'Deriving…' : 'Derive with the LLM'}
      </button>
      {reason ? (
        <p className="hint" id="style-derive-reason">
          {reason}
        </p>
      ) : null}
      {style.derivedBy ? <p className="hint">Described by {style.derivedBy}.</p> : null}
      <ErrorMessage error={derive.error} />
    </div>
  );
}

export function AgentStyle({ agentId, agentName }: { agentId: string; agentName: string }) {
  const { ws, canBuild } = useWorkspace();
  const style = useStyle(ws, agentId);
  return (
    <section aria-labelledby="agent-style" className="agent-style">
      <h2 id="agent-style">Writing style</h2>
      <p className="hint">
        {agentName}’s LLM steps write in this style, learned from your samples and the corrections you make to
        its output.
      </p>
      {style.error ? <ErrorMessage error={style.error} onRetry={() => void style.refetch()} /> : null}
      {style.data ? (
        <>
          <StyleFigures style={style.data} />
          {style.data.description || style.data.rules.length > 0 ? (
            <div className="style-description">
              {style.data.description ? <p>{style.data.description}</p> : null}
              {style.data.rules.length > 0 ? (
                <ul aria-label="Style rules">
                  {style.data.rules.map((rule) => (
                    <li key={rule}>{rule}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          {canBuild ? (
            <>
              <DeriveButton style={style.data} agentId={agentId} />
              {/* Keyed by the last change, so a derivation or another tab's edit refills the fields. */}
              <StyleEditor key={style.data.updatedAt ?? 'new'} style={style.data} agentId={agentId} />
            </>
          ) : null}
        </>
      ) : null}
      <StyleSamples agentId={agentId} />
    </section>
  );
}
