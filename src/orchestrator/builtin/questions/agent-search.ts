// "Is there an agent that watches prices?", "do I have anything that scrapes linkedin?", "which
// agent collects the jobs?": the agents whose name, goal, steps or addresses share the words of
// what it should do (by word stem: "watches prices" finds a "Price Monitor" that watches a page).
import type { PlannerAnswer, WorkspaceSnapshot } from '../../planner.ts';
import { questionKind } from './workspace-questions.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

const asks = [
  /^(?:(?:so|and|but|ok|okay|hey|hi|um|hmm)[,!]?\s+)*(?:is there|are there|do i have|do we have|have i got|have we got|have i|have we|got|any)\b.*\b(?:agents?|anything|something|one|bots?|automations?)\s+(?:that|which|to|for|who|doing|watching|checking|scraping|collecting)\b(?<wanted>.+)$/,
  /^(?:(?:so|and|but|ok|okay|hey|hi)[,!]?\s+)*(?:which|what) (?:agents?|one|bot)s? (?<wanted>(?:does|do|is|are|handles?|watches|collects|scrapes|monitors|checks|reads|gets|fetches|sends|downloads|tracks)\b.*)$/,
];

/** Words that say nothing of what an agent does. */
const stopWords = new Set(
  'a an the that which to for who is are do does it its of on in at my our me us any some all and or with from by every each one ones already yet there here what this these those be been being have has had can could would should will i we you they'.split(
    ' ',
  ),
);

/** A rough stem: "watches" and "watching" are "watch", "prices" is "price", "scrapes" "scrap". */
function stem(word: string): string {
  return word
    .toLowerCase()
    .replace(/(?:ing|ed|es|s|er|ers)$/, '')
    .replace(/e$/, '');
}

/** Words that name what agents do, and the tools that do it. */
const toolWords: Record<string, string[]> = {
  watch: ['memory.read', 'transform'],
  monitor: ['memory.read', 'transform'],
  track: ['memory.read', 'transform'],
  scrap: ['html.extract', 'browser.extract'],
  collect: ['html.extract', 'browser.extract', 'files.save'],
  extract: ['html.extract', 'browser.extract'],
  download: ['browser.download', 'files.save'],
  email: ['notify.email'],
  mail: ['notify.email'],
  login: ['browser.login'],
  screenshot: ['browser.screenshot'],
  summar: ['llm.generate'],
};

function stems(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map(stem),
  );
}

/**
 * How well an agent fits: a word of its name counts 2, of its goal or steps' settings 1. A word
 * that names what agents do ("emails", "scrapes") must be done by one of its tools, or it fits not.
 */
function fitOf(agent: SnapshotAgent, wanted: string[]): number {
  const spec = agent.spec as { goal?: unknown; steps: { tool: string; with?: unknown }[] };
  const name = stems(agent.name);
  const rest = stems(
    `${typeof spec.goal === 'string' ? spec.goal : ''} ${JSON.stringify(spec.steps.map((step) => step.with))}`,
  );
  const tools = new Set<string>(spec.steps.map((step) => step.tool));
  let score = 0;
  for (const word of wanted) {
    const doneBy = toolWords[word];
    if (doneBy) {
      if (!doneBy.some((tool) => tools.has(tool))) return 0;
      score += 1;
    } else if (name.has(word)) score += 2;
    else if (rest.has(word)) score += 1;
  }
  return score;
}

/** The answer, or undefined when the text asks no such thing. */
export function answerAgentSearch(text: string, snapshot: WorkspaceSnapshot): PlannerAnswer | undefined {
  const lower = text
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/[?!.]+$/, '');
  const found = asks
    .map((pattern) => pattern.exec(lower)?.groups?.wanted)
    .find((wanted) => wanted !== undefined);
  if (found === undefined) return undefined;
  // "Which agents are failing", "which ones are scheduled": a state the run history answers.
  if (/^(?:is|are)\b/.test(found.trim()) && questionKind(text)) return undefined;
  const wanted = found
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !stopWords.has(word))
    .map(stem);
  if (wanted.length === 0) return undefined;
  const scored = snapshot.agents
    .map((agent) => ({ agent, score: fitOf(agent, wanted) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0]?.score ?? 0;
  // Only the agents that share most of the words: "watches prices" is not every agent that watches.
  const shown = scored.filter(({ score }) => score === best && score >= 2);
  const what = found.trim();
  if (shown.length === 0)
    return {
      reply: `No agent here does that ("${what}"). Say what it should do, with the page's address, and I will build one.`,
    };
  const lines = shown.map(({ agent }) => {
    const goal = (agent.spec as { goal?: unknown }).goal;
    return `- "${agent.name}"${typeof goal === 'string' && goal ? `: ${goal}` : ''}${agent.status === 'paused' ? ' (paused)' : ''}`;
  });
  return {
    reply: `${shown.length === 1 ? 'Yes, one agent does' : `Yes, ${shown.length} agents do`} ("${what}"):\n${lines.join('\n')}`,
    referents: shown.map(({ agent }) => agent.name),
  };
}
