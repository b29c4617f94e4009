// Copying an agent: "duplicate X", "make a copy of X called Y", "clone X for https://…". The
// copy is a new agent with the same spec under a name no agent has, reading the new address
// when one is given; its schedule and chains are not copied (the reply says so).
import { validateAgentSpec } from '../../domain/agent-spec.ts';
import type { PlanOperation } from '../../domain/plan.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { type AgentVerbDraft, askWhichAgent, type SnapshotAgent } from './agent-verb-drafts.ts';
import { leadingAgent } from './leading-agent.ts';
import { uniqueName } from './new-agents.ts';
import { nameTakenBy, readNewName } from './new-names.ts';
import { siteName } from './request-text.ts';
import {
  copyAddressPattern,
  copyFiller,
  copyNamePattern,
  duplicatePatterns,
  purposeTail,
} from './vocabulary/agent-verb-vocabulary.ts';

export interface CopyReading {
  agents: SnapshotAgent[];
  name?: string;
  url?: string;
}

/** What a request to copy an agent says: which agent, and maybe the copy's name and address. */
export function readDuplicate(text: string, request: PlannerRequest): CopyReading | undefined {
  for (const pattern of duplicatePatterns) {
    const groups = pattern.exec(text)?.groups;
    if (!groups) continue;
    // "… so I can try a different site": why they ask is not part of the agent's name.
    let rest = (groups.rest ?? '').replace(purposeTail, '');
    let url = groups.url;
    const address = copyAddressPattern.exec(rest);
    if (address?.groups?.url) {
      url = address.groups.url;
      rest = `${rest.slice(0, address.index)} ${rest.slice(address.index + address[0].length)}`.trim();
    }
    let name: string | undefined;
    const named = copyNamePattern.exec(rest);
    if (named?.groups?.name) {
      name = readNewName(named.groups.name);
      if (!name) continue;
      rest = rest.slice(0, named.index);
    }
    const leading = leadingAgent(rest, request.snapshot.agents, request.lastAgentName);
    if (!leading) continue;
    // "Copy the scraper's results to …" is not a copy of the scraper: only filler may follow it.
    const leftover = leading.rest
      .replace(/[.!?,]+$/, '')
      .split(/\s*,\s*|\s+(?=for me|as well|once more)/)
      .map((part) => part.trim())
      .filter(Boolean);
    if (!leftover.every((part) => copyFiller.test(part))) continue;
    const { resolution } = leading;
    return {
      agents: resolution.kind === 'one' ? [resolution.agent] : resolution.candidates,
      name,
      url,
    };
  }
  return undefined;
}

/** The addresses an agent's steps read that are written in the spec (not computed in a run). */
function fixedPages(agent: SnapshotAgent): string[] {
  const pages = agent.spec.steps
    .filter((step) => ['http.request', 'browser.goto'].includes(step.tool))
    .map((step) => step.with.url)
    .filter((url): url is string => typeof url === 'string' && !url.includes('{{'));
  return [...new Set(pages)];
}

/** Every string of a value with `from` replaced by `to`. */
function replaced<T>(value: T, from: string, to: string): T {
  const rewrite = (item: unknown): unknown => {
    if (typeof item === 'string') return item.split(from).join(to);
    if (Array.isArray(item)) return item.map(rewrite);
    if (item && typeof item === 'object')
      return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, rewrite(entry)]));
    return item;
  };
  return rewrite(value) as T;
}

export function planDuplicate(
  agent: SnapshotAgent,
  reading: Omit<CopyReading, 'agents'>,
  request: PlannerRequest,
): PlannerAnswer {
  const { agents } = request.snapshot;
  if (reading.name) {
    const taken = nameTakenBy(reading.name, agents);
    if (taken) {
      const text = `Another agent is already called "${taken.name}", and names are unique in a workspace. What should the copy of "${agent.name}" be called?`;
      return {
        reply: text,
        plan: {
          summary: `Waiting for a name for the copy of "${agent.name}".`,
          questions: [{ id: 'name', text }],
          operations: [],
          draft: {
            kind: 'agentVerb',
            agentVerb: 'duplicate',
            agentId: agent.id,
            url: reading.url,
          } satisfies AgentVerbDraft as unknown as Record<string, unknown>,
        },
      };
    }
  }
  let spec: Record<string, unknown> = structuredClone(agent.spec) as unknown as Record<string, unknown>;
  let change = '';
  if (reading.url) {
    const pages = fixedPages(agent);
    if (pages.length === 0)
      return {
        reply: `"${agent.name}" reads no page address written in its steps, so a copy for ${reading.url} would do the same as it. Say "duplicate ${agent.name}" for a plain copy, or tell me what the copy should do.`,
      };
    if (pages.length > 1)
      return {
        reply: `"${agent.name}" reads several pages (${pages.join(', ')}): I cannot tell which one ${reading.url} replaces. Say it as "copy ${agent.name} and use ${reading.url} instead of ${pages[0]}", or duplicate it and change the copy.`,
      };
    const [page] = pages as [string];
    spec = replaced(spec, page, reading.url);
    change = `, reading ${reading.url} instead of ${page}`;
  }
  const wanted =
    reading.name ??
    (reading.url ? `${agent.name} (${placeName(reading.url, agent.name)})` : `${agent.name} (copy)`).slice(
      0,
      72,
    );
  spec.name = reading.name ?? uniqueName(wanted, agents);
  const validation = validateAgentSpec(spec);
  if (!validation.success)
    return {
      reply: `The copy of "${agent.name}" would not be a valid agent: ${validation.issues.map((issue) => issue.message).join('; ')}.`,
    };
  const copy = validation.spec;
  const needsInput = (copy.input as { required?: string[] } | undefined)?.required?.length;
  const operations: PlanOperation[] = [
    { type: 'createAgent', spec: copy as unknown as Record<string, unknown> },
  ];
  if (!needsInput) operations.push({ type: 'runAgent', agentName: copy.name, input: {}, test: true });
  const chained = request.snapshot.chains.some(
    (chain) => chain.fromAgentId === agent.id || chain.toAgentId === agent.id,
  );
  const extras = [agent.schedule && 'schedule', chained && 'chains'].filter(Boolean);
  return {
    reply: `I will create "${copy.name}", a copy of "${agent.name}"${change}${needsInput ? '' : ', and test it once'}.${extras.length > 0 ? ` Its ${extras.join(' and ')} ${extras.length === 1 && !chained ? 'is' : 'are'} not copied: ask for ${extras.length === 1 && !chained ? 'it' : 'them'} if the copy needs ${extras.length === 1 && !chained ? 'it' : 'them'}.` : ''} Approve the plan to go ahead.`,
    plan: {
      summary: `Copy "${agent.name}" as "${copy.name}"${change}${needsInput ? '' : ' and test it'}.`,
      questions: [],
      operations,
    },
  };
}

/** A copy the request asks for, or a question which agent it means. */
export function duplicateRequest(text: string, request: PlannerRequest): PlannerAnswer | undefined {
  const found = readDuplicate(text, request);
  if (!found) return undefined;
  const [only] = found.agents;
  if (found.agents.length === 1 && only) return planDuplicate(only, found, request);
  return askWhichAgent('duplicate', found.agents, { name: found.name, url: found.url });
}

/**
 * What tells the copy apart in its name: the new site, or, on a site the name already says
 * ("example.com Price Monitor" for https://example.com/pricing/enterprise), the page's last words.
 */
function placeName(url: string, name: string): string {
  const site = siteName(url);
  if (!name.toLowerCase().includes(site.toLowerCase())) return site;
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean);
    const last = segments
      .at(-1)
      ?.replace(/\.[a-z0-9]+$/i, '')
      .replace(/[-_]+/g, ' ');
    return last ? decodeURIComponent(last) : site;
  } catch {
    return site;
  }
}
