// Where samples come from besides pasted text: a deliverable's content, and the output of a run
// the user corrected. Both are run data, so their text passes through the workspace's redactor.
import { notFound, OrcaError, ruleViolated } from '../domain/errors.ts';
import { styleLimits } from '../domain/style-memory.ts';
import type { FileStore } from '../files/file-store.ts';
import { findDeliverable } from '../store/deliverable-repository.ts';
import { findRun, listRunSteps } from '../store/run-repository.ts';
import type { WorkspaceScope } from '../store/store.ts';
import type { Vault } from '../vault/vault.ts';
import { workspaceSecretRedactor } from './workspace-redactor.ts';

const textTypes = /^(?:text\/|application\/(?:json|xml|x-markdown|markdown)\b)/;

/** The text of a file, or undefined when its bytes are not UTF-8 text. */
function decodedText(content: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    return text.includes('\u0000') ? undefined : text.replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

function tooLong(what: string, characters: number): OrcaError {
  return ruleViolated(
    `${what} is ${characters.toLocaleString('en')} characters long; a style sample holds at most ${styleLimits.sampleCharacters.toLocaleString('en')}. Paste the part that shows the voice best as an upload instead.`,
    { characters, limit: styleLimits.sampleCharacters },
  );
}

/** A deliverable's content as sample text: a text file of the workspace, within the size limit. */
export async function deliverableSampleText(
  services: { files: FileStore; vault: Vault },
  scope: WorkspaceScope,
  deliverableId: string,
): Promise<{ text: string; name: string; runId: string | null }> {
  const record = await findDeliverable(scope, deliverableId);
  if (!record) throw notFound('This file');
  // Four bytes a character at most: a file past this cannot fit, whatever it holds.
  if (record.sizeBytes > styleLimits.sampleCharacters * 4)
    throw tooLong(`"${record.name}"`, record.sizeBytes);
  const content = await services.files.read(record.storageKey).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT')
      throw new OrcaError('not_found', `The content of "${record.name}" is missing from the file store.`);
    throw error;
  });
  const text =
    textTypes.test(record.contentType) || record.contentType === '' ? decodedText(content) : undefined;
  if (text === undefined) {
    throw ruleViolated(
      `"${record.name}" is not a text file (${record.contentType}): style samples are text. Save a text or Markdown version of it, or paste its text as an upload.`,
    );
  }
  if (text.trim() === '')
    throw ruleViolated(`"${record.name}" is empty: there is no writing in it to learn from.`);
  if (text.length > styleLimits.sampleCharacters) throw tooLong(`"${record.name}"`, text.length);
  const redactor = await workspaceSecretRedactor(services.vault, scope);
  return { text: redactor.redactText(text), name: record.name, runId: record.runId };
}

function outputText(output: unknown): string | undefined {
  if (typeof output === 'string') return output;
  if (output !== null && typeof output === 'object') {
    const text = (output as { text?: unknown }).text;
    if (typeof text === 'string') return text;
  }
  return undefined;
}

/**
 * The text a correction corrects: the given original, or else the output of the step (or of the
 * run) when that output is text or has a `text` field, as llm.generate's does.
 */
export async function correctedOutput(
  scope: WorkspaceScope,
  agentId: string,
  request: { runId: string; stepId?: string; original?: string },
): Promise<string> {
  const run = await findRun(scope, request.runId);
  if (!run) throw notFound('This run');
  if (run.agentId !== agentId) {
    throw ruleViolated('This run belongs to another agent: send the correction to that agent’s style.');
  }
  let original = request.original;
  if (original === undefined) {
    let output: unknown = run.output;
    if (request.stepId !== undefined) {
      const step = (await listRunSteps(scope, run.id)).find(
        (candidate) => candidate.stepId === request.stepId,
      );
      if (!step) throw notFound(`Step "${request.stepId}" of this run`);
      output = step.output;
    }
    original = outputText(output);
    if (original === undefined) {
      throw ruleViolated(
        `The output of ${request.stepId === undefined ? 'this run' : `step "${request.stepId}"`} is not text: send original, the text you corrected, along with corrected.`,
      );
    }
  }
  if (original.length > styleLimits.sampleCharacters) throw tooLong('The original output', original.length);
  return original;
}
