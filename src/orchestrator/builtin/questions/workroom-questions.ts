// "What workrooms are there?", "what's in Acme?", "put the weekly report in the Acme workroom",
// "create a workroom for Acme": workrooms in words, with their figures. Creating a workroom and
// moving agents are not plan operations (decision 0025): they change no agent and lose nothing,
// so the answer says exactly where on the Workrooms page to do them, with the names filled in.
import type { PlannerAnswer, PlannerRequest } from '../../planner.ts';
import {
  readWorkroomOverview,
  readWorkroomRecent,
  type WorkroomOverview,
  type WorkroomSummary,
} from '../../workroom-overview.ts';
import { agentsMentioned } from '../agent-names.ts';

const workroomWord = /\bwork\s?rooms?\b/i;
const inWhat =
  /^(?:and\s+)?(?:what(?:'|’)?s|what is|what's|show(?: me)?|tell me about)\s+in\s+(?:the\s+)?(?<name>.+?)\s*\??$/i;
const moveVerbs = /\b(?:put|move|add|assign|place|transfer|take|remove)\b/i;
const outWords = /\b(?:out of|from|remove)\b/i;
const createVerbs = /\b(?:create|make|set up|start|open|new|add)\b/i;
const namedAfter = /\bwork\s?room\s+(?:for|called|named)\s+["“']?(?<name>[^"”']+?)["”']?\s*[.!?]*$/i;
const namedBefore =
  /\b(?:create|make|set up|start|open|add)\s+(?:a |an |the )?(?:new\s+)?["“']?(?<name>[^"”']+?)["”']?\s+work\s?room\b/i;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function budgetWords(budget: number | null) {
  return budget === null ? 'no budget' : `a budget of ${budget.toLocaleString('en')} credits a month`;
}

function summaryLine(workroom: WorkroomSummary) {
  const { counts } = workroom;
  const agents = counts.agents
    ? `${plural(counts.agents, 'agent')} (${workroom.agents.join(', ')})`
    : 'no agents';
  return `- ${workroom.name}: ${agents}, ${plural(counts.runsThisMonth, 'run')} this month, ${plural(counts.deliverables, 'file')}, ${budgetWords(workroom.monthlyBudget)}`;
}

function listAnswer(overview: WorkroomOverview): PlannerAnswer {
  if (overview.workrooms.length === 0) {
    return {
      reply:
        'This workspace has no workrooms yet. A workroom groups agents, their runs and files for one client or project, with an optional monthly budget: open Workrooms in the navigation and choose New workroom.',
    };
  }
  const loose = overview.agentsInNone.length
    ? `\nIn no workroom: ${overview.agentsInNone.join(', ')}.`
    : '\nEvery agent is in a workroom.';
  return {
    reply: `This workspace has ${plural(overview.workrooms.length, 'workroom')}:\n${overview.workrooms.map(summaryLine).join('\n')}${loose}`,
  };
}

async function detailAnswer(request: PlannerRequest, workroom: WorkroomSummary): Promise<PlannerAnswer> {
  const recent = request.workspace
    ? await request.workspace.read((scope) => readWorkroomRecent(scope, workroom.id))
    : { runs: [], files: [] };
  const { counts } = workroom;
  const lines = [
    `${workroom.name}${workroom.description ? ` (${workroom.description})` : ''}: ${budgetWords(workroom.monthlyBudget)}.`,
    counts.agents ? `Agents: ${workroom.agents.join(', ')}.` : 'No agents in it now.',
    `Runs: ${counts.runsThisMonth} this month, ${counts.runs} in all. Files: ${counts.deliverables}.`,
  ];
  if (recent.runs.length) {
    lines.push(
      `Newest runs: ${recent.runs.map((run) => `${run.agent} ${run.status} (${run.createdAt.slice(0, 16).replace('T', ' ')} UTC)`).join('; ')}.`,
    );
  }
  if (recent.files.length) lines.push(`Newest files: ${recent.files.map((file) => file.name).join(', ')}.`);
  return { reply: lines.join('\n') };
}

/** The workroom whose whole name the text contains (the longest, when one name holds another). */
function workroomNamed(text: string, overview: WorkroomOverview): WorkroomSummary | undefined {
  const lower = text.toLowerCase();
  return [...overview.workrooms]
    .sort((first, second) => second.name.length - first.name.length)
    .find((workroom) => {
      const name = workroom.name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`(?:^|[^\\p{L}\\p{N}])${name}(?:$|[^\\p{L}\\p{N}])`, 'u').test(lower);
    });
}

function moveAnswer(
  text: string,
  request: PlannerRequest,
  overview: WorkroomOverview,
): PlannerAnswer | undefined {
  const workroom = workroomNamed(text, overview);
  const rest = workroom
    ? text.replace(new RegExp(workroom.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'), ' ')
    : text;
  const [agent] = agentsMentioned(rest.replace(workroomWord, ' '), request.snapshot.agents);
  if (!agent) return undefined;
  const name = agent.item.name;
  if (outWords.test(text)) {
    return {
      reply: `To take ${name} out of its workroom: open ${name} and choose “No workroom” under Workroom, or open Workrooms → its workroom and choose Remove beside it. Its earlier runs and files stay where they were made. I do not move agents through a plan: it is one choice on the page, changes nothing the agent does, and is undone the same way.`,
      referents: [name],
    };
  }
  if (!workroom) {
    return {
      reply: `I found ${name}, but no workroom of that name. ${overview.workrooms.length ? `The workrooms are: ${overview.workrooms.map((room) => room.name).join(', ')}.` : 'This workspace has no workrooms yet.'} To create one: Workrooms → New workroom.`,
      referents: [name],
    };
  }
  return {
    reply: `To put ${name} in ${workroom.name}: open Workrooms → ${workroom.name} and choose ${name} under “Move an agent in”, or open ${name} and choose ${workroom.name} under Workroom. Runs from then on count in ${workroom.name}; its earlier runs and files stay where they were made. I do not move agents through a plan: it is one choice on the page, changes nothing the agent does, and is undone the same way.`,
    referents: [name],
  };
}

function createAnswer(text: string, overview: WorkroomOverview): PlannerAnswer | undefined {
  const name = (namedAfter.exec(text) ?? namedBefore.exec(text))?.groups?.name?.trim();
  if (!name) return undefined;
  const existing = workroomNamed(name, overview);
  if (existing && existing.name.toLowerCase() === name.toLowerCase()) {
    return { reply: `There is a workroom “${existing.name}” already:\n${summaryLine(existing)}` };
  }
  return {
    reply: `To create the workroom “${name}”: open Workrooms in the navigation, choose New workroom and name it “${name}” (a monthly budget in credits is optional). Then move its agents in from its page. I do not create workrooms through a plan: a new workroom changes nothing until agents are moved into it, and it is deleted as easily.`,
  };
}

/** An answer about workrooms, or undefined when the request is not about them. */
export async function answerWorkroomQuestion(
  text: string,
  request: PlannerRequest,
): Promise<PlannerAnswer | undefined> {
  const mentionsWorkroom = workroomWord.test(text);
  const asksInside = inWhat.exec(text.trim());
  if ((!mentionsWorkroom && !asksInside) || !request.workspace) return undefined;
  const now = request.now ?? new Date();
  const overview = await request.workspace.read((scope) => readWorkroomOverview(scope, now));
  if (!mentionsWorkroom) {
    // "What's in Acme?" is about a workroom only when a workroom has that name.
    const named = asksInside?.groups?.name && workroomNamed(asksInside.groups.name, overview);
    return named ? detailAnswer(request, named) : undefined;
  }
  if (moveVerbs.test(text)) {
    const moved = moveAnswer(text, request, overview);
    if (moved) return moved;
  }
  if (createVerbs.test(text)) {
    const created = createAnswer(text, overview);
    if (created) return created;
  }
  const named = workroomNamed(text, overview);
  if (named) return detailAnswer(request, named);
  return listAnswer(overview);
}
