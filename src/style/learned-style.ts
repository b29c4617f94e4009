// What a run's writing tools are given of the agent's style memory: the profile and the newest
// samples. Read lazily, when a tool writes, so runs that never write pay nothing for it.
import type { LearnedStyle } from '../domain/style-memory.ts';
import type { WorkspaceScope } from '../store/store.ts';
import { findStyleProfile, listStyleSamples } from '../store/style-repository.ts';

/** The newest samples a prompt shows; the tool trims them further to its own character budget. */
const samplesInPrompt = 6;

/** The agent's learned style, or undefined when it has no samples and nothing written by hand. */
export async function loadLearnedStyle(
  scope: WorkspaceScope,
  agentId: string,
): Promise<LearnedStyle | undefined> {
  const profile = await findStyleProfile(scope, agentId);
  if (!profile) return undefined;
  const samples = await listStyleSamples(scope, agentId, samplesInPrompt);
  const style: LearnedStyle = {
    description: profile.description,
    tone: profile.tone,
    rules: profile.rules,
    useWords: profile.useWords,
    avoidWords: profile.avoidWords,
    measured: samples.length > 0 ? profile.measured : null,
    samples: samples.map((sample) => sample.text),
  };
  const empty =
    samples.length === 0 &&
    !style.description &&
    !style.tone &&
    style.rules.length === 0 &&
    style.useWords.length === 0 &&
    style.avoidWords.length === 0;
  return empty ? undefined : style;
}
