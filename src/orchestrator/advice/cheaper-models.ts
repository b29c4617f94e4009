// The cheaper sibling of each model, per provider, as data: what the cost advice proposes for an
// agent whose llm.generate steps spend many tokens. Models served through openai-compatible run
// locally or on the operator's own terms, with no token bill to cut, so none is listed for them.
const cheaperSiblings: Record<string, readonly { model: RegExp; cheaper: (model: string) => string }[]> = {
  openai: [
    { model: /^gpt-4o(-\d{4}-\d{2}-\d{2})?$/, cheaper: () => 'gpt-4o-mini' },
    { model: /^gpt-4\.1(-\d{4}-\d{2}-\d{2})?$/, cheaper: () => 'gpt-4.1-mini' },
    { model: /^gpt-5(-\d{4}-\d{2}-\d{2})?$/, cheaper: () => 'gpt-5-mini' },
  ],
  anthropic: [
    { model: /^claude-opus-/, cheaper: (model) => model.replace(/^claude-opus-/, 'claude-sonnet-') },
    { model: /^claude-sonnet-/, cheaper: (model) => model.replace(/^claude-sonnet-/, 'claude-haiku-') },
  ],
  'openai-compatible': [],
};

/** The cheaper model of the same provider, when one is known. */
export function cheaperModel(provider: string, model: string): string | undefined {
  return cheaperSiblings[provider]?.find((sibling) => sibling.model.test(model))?.cheaper(model);
}
