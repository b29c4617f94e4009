// Questions about how the workspace is set up, answered from its snapshot in words and figures:
// what is paused, which accounts are connected, what is chained to what, which time zone the
// schedules use, where results are posted, which agents never succeeded, what uses the most, and
// which agents use the browser (or e-mail, or a model). A list names only the agents it is about.

import { connectionReferenceOf } from '../../connection-help.ts';
import { quotedRunData, webhookInWords } from '../../output-words.ts';
import type { PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../../planner.ts';
import { count, periodNamed, periodOf, totalsOver, whenInWords } from '../../run-figures.ts';
import { agentsMentionedWithTypos } from '../name-typos.ts';
import { rankAgents, rankingMeasure } from './agent-rankings.ts';
import { agentTriggers, asksWhatStarts } from './agent-triggers.ts';
import { creditsLeft, creditsLeftWords, workspaceCreditCost } from './credit-answers.ts';
import { totalsInWords, workspaceCost } from './run-answers.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

export type FactKind =
  | 'paused'
  | 'accountUsers'
  | 'accounts'
  | 'ranking'
  | 'triggers'
  | 'chains'
  | 'timezone'
  | 'webhooks'
  | 'neverFailed'
  | 'neverSucceeded'
  | 'mostUsage'
  | 'toolUse';

/** A question, not an order: "which agents are paused?" asks, "pause the paused ones" does not. */
const asking = [
  /^(?:(?:so|and|but|ok|okay|hey|hi|um|uh|hmm|btw|also|please|pls|plz)[,:!]?\s+)*(?:is|are|r|do|does|did|have|has|any|can you|could you)\b/,
  /\b(?:what|what's|whats|which|who|where|anything|list|show|tell me|how many|give me|i'd like to know|i want to know|wonder|wondering|curious)\b/,
];
const endsAsking = /\?\s*$/;
/** Messages that start with an order: "pause the ones that failed" acts, it does not ask. */
export const orders =
  /^(?:(?:please|pls|plz|ok|okay|now|hey)[,:!]?\s+)*(?:pause|resume|unpause|delete|remove|run|rerun|stop|start|create|make|build|set up|schedule|unschedule|chain|unchain|connect|disconnect|rename|duplicate|enable|disable|turn|switch|change|update|add)\b/;

/** The tools a question may ask about, and the words that name each. */
const toolFamilies: { words: RegExp; tools: RegExp; what: string }[] = [
  {
    words:
      /\b(?:browsers?|chrom(?:e|ium)|portals?|log(?:s|ging)? ?(?:in|into|on)|logins?|sign(?:s|ing)? ?(?:in|into|on)|headless)\b/,
    tools: /^browser\./,
    what: 'use the browser (sign in to a site or read pages in Chromium)',
  },
  { words: /\b(?:e-?mails?|mail)\b/, tools: /^notify\.email$/, what: 'send e-mail' },
  {
    words: /\b(?:ai|llms?|gpt|language models?|models?|openai)\b/,
    tools: /^llm\./,
    what: 'ask a language model',
  },
  { words: /\b(?:memory|remember)\b/, tools: /^memory\./, what: 'use memory' },
];

const factWords: [FactKind, RegExp[]][] = [
  [
    'paused',
    [
      /\b(?:paused|on hold|suspended|disabled|inactive|turned off|switched off)\b/,
      /\bnot (?:active|enabled)\b/,
    ],
  ],
  [
    'accountUsers',
    [
      /\b(?:uses?|using|needs?|depends? on|relies on|rely on|signs? in with|logs? in with)\b.*\b(?:accounts?|logins?|connections?|credentials?|api keys?|tokens?)\b/,
      /\b(?:accounts?|logins?|connections?|credentials?|api keys?)\b.*\b(?:used|needed) by\b/,
    ],
  ],
  [
    'accounts',
    [
      /\b(?:accounts?|logins?|connections?|credentials?|integrations?|api keys?|tokens? (?:connected|saved)|secrets?)\b.*\b(?:connected|have|got|linked|set up|saved|stored|exist|there|added|do i|are)\b/,
      /\b(?:connected|linked|saved)\b.*\b(?:accounts?|services?|logins?|apps?|integrations?|credentials?)\b/,
      /\bwhat (?:am i|is) connected\b/,
    ],
  ],
  // "Which agent runs the longest": rankingMeasure in agent-rankings.ts reads it.
  ['ranking', []],
  // "What starts the reporter": asksWhatStarts in agent-triggers.ts reads it.
  ['triggers', []],
  [
    'chains',
    [
      /\bchain(?:s|ed)?\b/,
      /\b(?:runs?|starts?|happens?|comes?|goes|fires?|triggers?|kicks? off)\s+(?:after|next after|once|when)\b/,
      /\bwhat (?:triggers|starts|kicks off|feeds|feeds into)\b/,
      /\b(?:feeds?|feed) into\b/,
      /\bwhat(?:'s| is)? (?:downstream|upstream) of\b/,
      /\b(?:linked|connected|wired) (?:to|together|up)\b.*\b(?:agents?|it)?\b/,
      // "Is the lead scraper hooked up to anything?", "does it feed anything?"
      /\bhooked (?:up|to|into)\b/,
      /\b(?:feeds?|trigger|triggers|start|starts|kick off|kicks off) (?:anything|any other|other agents?|another agent)\b/,
    ],
  ],
  ['timezone', [/\btime ?zones?\b/, /\btz\b/, /\bwhat time (?:zone|do my)\b/]],
  ['webhooks', [/\bweb ?hooks?\b/, /\bhooks?\b/, /\bslack\b/]],
  [
    'neverFailed',
    [
      /\bnever (?:failed|fail|fails|broken|broke|errored|had (?:a |an |any )?(?:failures?|errors?|problems?|issues?))\b/,
      /\b(?:haven't|have not|hasn't|has not|didn't|did not|don't|do not|doesn't|does not) (?:ever )?(?:failed|fail|broken|broke|errored)\b/,
      /\b(?:always|every time|reliably) (?:works?|worked|succeeds?|succeeded|runs? (?:fine|ok|okay|well))\b/,
      /\b(?:without|with no|with zero|no) (?:any |a single )?(?:failures?|failed runs?|errors?)\b/,
      /\b(?:100 ?%|fully|totally|completely) (?:reliable|successful)\b/,
    ],
  ],
  [
    'neverSucceeded',
    [
      /\bnever (?:succeeded|succeed|worked|work|ran successfully|run successfully|passed|finished|been successful|had a successful)\b/,
      /\b(?:always|only ever|every time)\b.*\bfail/,
      /\bnot (?:once|a single time|ever)\b.*\b(?:succeed|work)/,
      /\bnever (?:run|ran|been run|started)\b/,
      /\b(?:haven't|have not|hasn't|has not|didn't|did not) (?:ever )?(?:succeeded|worked|run|ran|been run)\b.*\b(?:ever|yet|once)\b/,
    ],
  ],
  [
    'mostUsage',
    [
      /\bcredits?\b/,
      /\b(?:most|biggest|highest|top|largest)\b.*\b(?:expensive|costs?|costly|tokens|spend|spender|spending|usage|resources|using|uses)\b/,
      /\b(?:costs?|spends?|uses?|using|burn(?:s|ing)?|eat(?:s|ing)?)\b.*\b(?:the )?most\b/,
      /\b(?:burning|eating|using up|draining|chewing)\b.*\b(?:budget|tokens|money|quota|usage)\b/,
      /\bwhere (?:are|is|do|did)\b.*\b(?:tokens|money|budget|usage|credits)\b.*\b(?:go|going|spent)\b/,
      /\bmost expensive\b/,
    ],
  ],
  [
    'toolUse',
    [/\b(?:use|uses|using|log|logs|sign|signs|open|opens|need|needs|send|sends|talk to|call|calls)\b/],
  ],
];

/** The kind of setup question the text asks, or undefined when it asks none of these. */
export function factKind(text: string, skipped?: FactKind): FactKind | undefined {
  const lower = text.toLowerCase().replace(/’/g, "'").trim();
  if (/https?:\/\//.test(lower) || /`/.test(lower)) return undefined;
  // "Pause the job collector and tell me what else is paused" is an order first.
  if (orders.test(lower)) return undefined;
  // "Have the reporter kick off once the scraper is done" orders; "has the reporter run?" asks.
  if (/^(?:have|let|make) (?:the|my|our|it|them)\b/.test(lower) && !endsAsking.test(lower)) return undefined;
  if (!asking.some((pattern) => pattern.test(lower)) && !endsAsking.test(lower)) return undefined;
  // "Why did it fail" and "what went wrong" are troubleshooting, not setup.
  if (/\bwhy\b|\bwrong\b/.test(lower)) return undefined;
  for (const [kind, patterns] of factWords) {
    if (kind === skipped) continue;
    if (kind === 'ranking') {
      if (rankingMeasure(lower)) return kind;
      continue;
    }
    if (kind === 'triggers') {
      if (asksWhatStarts(lower)) return kind;
      continue;
    }
    if (!patterns.some((pattern) => pattern.test(lower))) continue;
    // "Which agent uses the most tokens" ranks agents; it does not ask about accounts.
    if (kind === 'accountUsers' && superlative.test(lower)) continue;
    if (kind === 'toolUse' && !toolFamilies.some((family) => family.words.test(lower))) continue;
    // "which agents are connected to the lead scraper" is a chain, not an account.
    if (
      kind === 'accounts' &&
      /\bagents?\b/.test(lower) &&
      !/\baccounts?|logins?|credentials?|api keys?\b/.test(lower)
    )
      continue;
    return kind;
  }
  return undefined;
}

function quoted(agents: readonly SnapshotAgent[]) {
  return agents.map((agent) => `"${agent.name}"`).join(', ');
}

/** The answer, or undefined when the text is no setup question. */
export function answerFactQuestion(
  text: string,
  request: PlannerRequest,
  kind = factKind(text),
): PlannerAnswer | undefined {
  if (!kind) return undefined;
  const { snapshot } = request;
  const lower = text.toLowerCase();
  switch (kind) {
    case 'paused': {
      // "Is the weekly report paused?" asks about one agent; "is it paused?" about the last one.
      const named = agentsMentionedWithTypos(text.replace(pausedWords, ' '), snapshot.agents);
      const last = snapshot.agents.find((agent) => agent.name === request.lastAgentName);
      const one =
        named.length === 1
          ? named[0]?.item
          : named.length === 0 && /\b(?:it|this|that)\b/.test(lower)
            ? last
            : undefined;
      return one ? pausedOrNot(one) : pausedAgents(snapshot);
    }
    case 'accountUsers':
      return accountUsers(text, snapshot);
    case 'accounts':
      return connectedAccounts(snapshot);
    case 'ranking':
      return rankAgents(text, answerContext(request));
    case 'triggers': {
      const one = oneAgent(text, request);
      if (one) return agentTriggers(one, answerContext(request));
      // "Does anything start at the weekend" names no agent: read as the other facts read it.
      const other = factKind(text, 'triggers');
      return other ? answerFactQuestion(text, request, other) : undefined;
    }
    case 'chains':
      return chainsOf(text, snapshot);
    case 'timezone':
      return timezones(snapshot);
    case 'webhooks':
      return webhookAgents(text, snapshot, request);
    case 'neverFailed':
      return neverFailed(snapshot, request);
    case 'neverSucceeded':
      return neverSucceeded(
        snapshot,
        request,
        /\bnever (?:run|ran|been run|started)\b|\b(?:run|ran) (?:yet|ever)\b/.test(lower),
      );
    case 'mostUsage':
      return mostUsage(text, request);
    case 'toolUse': {
      const family = toolFamilies.find((candidate) => candidate.words.test(lower));
      return family ? agentsUsing(family, snapshot) : undefined;
    }
  }
}

/** Words that rank agents: "the most", "the biggest". */
const superlative = /\b(?:most|least|biggest|highest|lowest|top|largest|smallest)\b/;

/** The one agent a question names, or "it" for the conversation's agent. */
function oneAgent(text: string, request: PlannerRequest): SnapshotAgent | undefined {
  const named = agentsMentionedWithTypos(text, request.snapshot.agents);
  if (named.length === 1) return named[0]?.item;
  if (named.length > 1) return undefined;
  const last = request.snapshot.agents.find((agent) => agent.name === request.lastAgentName);
  return /\b(?:it|this one|that one|this agent|that agent)\b/i.test(text) ? last : undefined;
}

function answerContext(request: PlannerRequest) {
  return {
    snapshot: request.snapshot,
    now: request.now ?? new Date(),
    timezone: request.snapshot.timezone ?? 'UTC',
  };
}

const pausedWords =
  /\b(?:paused|on hold|suspended|disabled|inactive|turned off|switched off|active|enabled)\b/gi;

function pausedOrNot(agent: SnapshotAgent): PlannerAnswer {
  const schedule = agent.schedule
    ? ` Its schedule (${agent.schedule.description})${agent.status === 'paused' ? ' waits until it is resumed' : agent.schedule.enabled ? ' is on' : ' is turned off'}.`
    : ' It has no schedule.';
  return {
    reply:
      agent.status === 'paused'
        ? `Yes, "${agent.name}" is paused: it does not run until resumed (say "resume ${agent.name}").${schedule}`
        : `No, "${agent.name}" is active, not paused.${schedule}`,
    referents: [agent.name],
  };
}

function pausedAgents(snapshot: WorkspaceSnapshot): PlannerAnswer {
  const paused = snapshot.agents.filter((agent) => agent.status === 'paused');
  const offSchedules = snapshot.agents.filter(
    (agent) => agent.status === 'active' && agent.schedule && !agent.schedule.enabled,
  );
  const schedulesNote =
    offSchedules.length > 0
      ? ` The schedule of ${quoted(offSchedules)} is turned off, though the agent is active.`
      : '';
  if (paused.length === 0)
    return {
      reply: `Nothing is paused: all ${count(snapshot.agents.length, 'agent')} are active.${schedulesNote}`,
      referents: offSchedules.map((agent) => agent.name),
    };
  const lines = paused.map((agent) => {
    const last = agent.lastRun ? `its last run ${agent.lastRun.status}` : 'it never ran';
    const schedule = agent.schedule ? `; its schedule (${agent.schedule.description}) waits` : '';
    return `- "${agent.name}" (${last}${schedule})`;
  });
  return {
    reply: `${paused.length} of ${count(snapshot.agents.length, 'agent')} ${paused.length === 1 ? 'is' : 'are'} paused:\n${lines.join('\n')}\nSay "resume …" to start one again.${schedulesNote}`,
    referents: paused.map((agent) => agent.name),
  };
}

const kindWords = { api_key: 'API key', login: 'login', oauth2: 'OAuth 2 authorization' } as const;

function connectedAccounts(snapshot: WorkspaceSnapshot): PlannerAnswer {
  const connections = snapshot.connections ?? [];
  if (connections.length === 0)
    return {
      reply:
        'No account is connected to this workspace yet. Say "connect my … account" (an API key, a login or an OAuth 2 app) to add one.',
    };
  const lines = connections.map((connection) => {
    const name = connection.label ? `${connection.service}/${connection.label}` : connection.service;
    const users = snapshot.agents.filter((agent) =>
      agent.spec.steps.some((step) => {
        const reference = connectionReferenceOf(step as { with: Record<string, unknown> });
        return (
          reference !== undefined &&
          reference.split('/')[0]?.toLowerCase() === connection.service.toLowerCase()
        );
      }),
    );
    const hosts = connection.allowedHosts?.length ? `, for ${connection.allowedHosts.join(', ')}` : '';
    const used = users.length > 0 ? `; used by ${quoted(users)}` : '; no agent uses it';
    return `- "${name}": ${kindWords[connection.kind]}, ${connection.status}${connection.isDefault ? ', the default' : ''}${hosts}${used}`;
  });
  const failing = connections.filter((connection) => connection.status === 'failing').length;
  return {
    reply: `${count(connections.length, 'account')} ${connections.length === 1 ? 'is' : 'are'} connected${failing ? ` (${failing} failing)` : ''}:\n${lines.join('\n')}`,
  };
}

/** The services an agent's steps sign in with. */
function servicesOf(agent: SnapshotAgent): string[] {
  return agent.spec.steps.flatMap((step) => {
    const reference = connectionReferenceOf(step as { with: Record<string, unknown> });
    return reference ? [reference.split('/')[0]?.toLowerCase() ?? reference] : [];
  });
}

/** "Which agents use the crm account": the agents each account (or the one named) serves. */
function accountUsers(text: string, snapshot: WorkspaceSnapshot): PlannerAnswer {
  const lower = text.toLowerCase();
  const connections = snapshot.connections ?? [];
  const used = [...new Set(snapshot.agents.flatMap(servicesOf))];
  const services = [
    ...new Set([...connections.map((connection) => connection.service.toLowerCase()), ...used]),
  ];
  const named = services.filter((service) =>
    new RegExp(`\\b${service.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(lower),
  );
  const shown = named.length > 0 ? named : services;
  if (shown.length === 0) return { reply: 'No agent signs in with an account, and none is connected.' };
  const lines = shown.map((service) => {
    const users = snapshot.agents.filter((agent) => servicesOf(agent).includes(service));
    const connection = connections.find((candidate) => candidate.service.toLowerCase() === service);
    const state = connection ? `${kindWords[connection.kind]}, ${connection.status}` : 'not connected';
    return `- "${service}" (${state}): ${users.length > 0 ? `used by ${quoted(users)}` : 'no agent uses it'}`;
  });
  const referents = snapshot.agents.filter((agent) =>
    servicesOf(agent).some((service) => shown.includes(service)),
  );
  return { reply: lines.join('\n'), referents: referents.map((agent) => agent.name) };
}

const endingWords = { success: 'succeeds', failure: 'fails', always: 'ends' } as const;

function chainsOf(text: string, snapshot: WorkspaceSnapshot): PlannerAnswer {
  const nameOf = new Map(snapshot.agents.map((agent) => [agent.id, agent.name]));
  const chains = snapshot.chains.filter(
    (chain) => nameOf.has(chain.fromAgentId) && nameOf.has(chain.toAgentId),
  );
  const line = (chain: (typeof chains)[number]) =>
    `"${nameOf.get(chain.toAgentId)}" runs after "${nameOf.get(chain.fromAgentId)}" ${endingWords[chain.on]}${chain.mapping ? ' (with its output reshaped)' : ' (with its output as input)'}${chain.enabled ? '' : ', turned off'}`;
  const named = agentsMentionedWithTypos(text.replace(/\bchain(?:s|ed)?\b/gi, ' '), snapshot.agents).map(
    (match) => match.item,
  );
  if (named.length === 1) {
    const agent = named[0] as SnapshotAgent;
    const after = chains.filter((chain) => chain.fromAgentId === agent.id);
    const before = chains.filter((chain) => chain.toAgentId === agent.id);
    if (after.length === 0 && before.length === 0)
      return {
        reply: `Nothing is chained to "${agent.name}": no agent runs after it, and it runs after none.`,
        referents: [agent.name],
      };
    const lines = [...after, ...before].map((chain) => `- ${line(chain)}`);
    const referents = [
      agent.name,
      ...after.map((chain) => nameOf.get(chain.toAgentId) as string),
      ...before.map((chain) => nameOf.get(chain.fromAgentId) as string),
    ];
    return {
      reply: `Chains of "${agent.name}": ${after.length} after it, ${before.length} before it.\n${lines.join('\n')}`,
      referents: [...new Set(referents)],
    };
  }
  if (chains.length === 0)
    return {
      reply: 'No agents are chained. Say "when the … finishes, send its results to the …" to chain two.',
    };
  return {
    reply: `${count(chains.length, 'chain')} in this workspace:\n${chains.map((chain) => `- ${line(chain)}`).join('\n')}`,
    referents: [
      ...new Set(
        chains.flatMap((chain) => [nameOf.get(chain.fromAgentId), nameOf.get(chain.toAgentId)] as string[]),
      ),
    ],
  };
}

function timezones(snapshot: WorkspaceSnapshot): PlannerAnswer {
  const scheduled = snapshot.agents.filter((agent) => agent.schedule);
  const yours = snapshot.timezone
    ? `Your time zone is ${snapshot.timezone}: times you give me are read in it unless you name another.`
    : 'I do not know your time zone yet: times are read in UTC unless you name one (say "my time zone is Europe/Paris").';
  if (scheduled.length === 0) return { reply: `${yours} No agent runs on a schedule yet.` };
  const zones = new Map<string, SnapshotAgent[]>();
  for (const agent of scheduled) {
    const zone = agent.schedule?.timezone ?? 'UTC';
    zones.set(zone, [...(zones.get(zone) ?? []), agent]);
  }
  const lines = [...zones].map(
    ([zone, agents]) =>
      `- ${zone}: ${agents.map((agent) => `"${agent.name}" (${agent.schedule?.description.replace(/ \([^()]+\)$/, '')})`).join(', ')}`,
  );
  const all =
    zones.size === 1
      ? `All ${count(scheduled.length, 'schedule')} run in ${[...zones.keys()][0]}`
      : `The ${count(scheduled.length, 'schedule')} run in ${zones.size} time zones`;
  return {
    reply: `${all}:\n${lines.join('\n')}\n${yours}`,
    referents: scheduled.map((agent) => agent.name),
  };
}

/** "Runs from", "started by", "triggered by": the question is about calls coming in. */
const inboundWords =
  /\b(?:runs? (?:from|on|off|via|by)|start(?:s|ed)?|trigger(?:s|ed)?|kick(?:s|ed)? off|fire[sd]?|call(?:s|ed)?|inbound|incoming|receives?|listen(?:s|ing)?)\b/;

function webhookAgents(text: string, snapshot: WorkspaceSnapshot, request: PlannerRequest): PlannerAnswer {
  const now = request.now ?? new Date();
  const timezone = snapshot.timezone ?? 'UTC';
  const posting = snapshot.agents
    .map((agent) => ({
      agent,
      urls: agent.spec.steps
        .filter((step) => step.tool === 'notify.webhook')
        .map((step) => String((step.with as { url?: unknown }).url ?? '')),
    }))
    .filter(({ urls }) => urls.length > 0);
  // An agent is started by a webhook when it has one, or when a recent run came from one.
  const started = snapshot.agents
    .map((agent) => ({
      agent,
      hooks: agent.hooks ?? [],
      runs: (agent.history?.recent ?? []).filter((run) => run.trigger === 'webhook'),
    }))
    .filter(({ hooks, runs }) => hooks.length > 0 || runs.length > 0);
  const inboundLines = started.map(({ agent, hooks, runs }) => {
    const named = hooks.map(
      (hook) =>
        `${quotedRunData(hook.name, 80)}${hook.enabled ? '' : ' (turned off)'}${hook.signed ? ', signed' : ''}${hook.lastUsedAt ? `, last called ${whenInWords(hook.lastUsedAt, now, timezone)}` : ', never called'}`,
    );
    const hooksWords = hooks.length > 0 ? `${count(hooks.length, 'hook')}: ${named.join('; ')}` : '';
    const [newest] = runs;
    const runWords = newest
      ? `${hooksWords ? '; ' : ''}its last run from a webhook ${whenInWords(newest.createdAt, now, timezone)} ${newest.status}`
      : '';
    return `- "${agent.name}" (${hooksWords}${runWords})`;
  });
  const inbound =
    started.length > 0
      ? `${count(started.length, 'agent')} ${started.length === 1 ? 'is' : 'are'} started by a webhook:\n${inboundLines.join('\n')}`
      : 'No agent is started by a webhook. Any agent can have webhooks of its own: a call to one starts it (its panel, Webhooks, or POST /api/workspaces/:ws/agents/:id/hooks).';
  const outbound =
    posting.length > 0
      ? `${count(posting.length, 'agent')} ${posting.length === 1 ? 'posts' : 'post'} results to webhooks:\n${posting.map(({ agent, urls }) => `- "${agent.name}" posts to ${urls.map(webhookInWords).join(', ')}`).join('\n')}`
      : 'No agent posts its results to a webhook.';
  const asksInbound = inboundWords.test(text.toLowerCase());
  return {
    reply: (asksInbound ? [inbound, outbound] : [outbound, inbound]).join('\n'),
    referents: [...new Set([...started, ...posting].map(({ agent }) => agent.name))],
  };
}

/** Agents that ran and never failed over the counted days (their last run included). */
function neverFailed(snapshot: WorkspaceSnapshot, request: PlannerRequest): PlannerAnswer {
  const now = request.now ?? new Date();
  const timezone = snapshot.timezone ?? 'UTC';
  const counted = snapshot.agents.map((agent) => {
    const days = agent.history?.days ?? [];
    return {
      agent,
      runs: days.reduce((sum, day) => sum + day.runs, 0),
      failed: days.reduce((sum, day) => sum + day.failed, 0),
    };
  });
  const clean = counted.filter(
    ({ agent, runs, failed }) =>
      failed === 0 && agent.lastRun?.status !== 'failed' && (runs > 0 || agent.lastRun),
  );
  const neverRan = counted.filter(({ agent, runs }) => runs === 0 && !agent.lastRun);
  const since = snapshot.agents[0]?.history?.since;
  const over = since ? ` since ${whenInWords(since, now, timezone).replace(/ at \d\d:\d\d$/, '')}` : '';
  const lines = clean.map(
    ({ agent, runs }) =>
      `- "${agent.name}": ${runs > 0 ? (runs === 1 ? 'its 1 run succeeded' : `all ${runs} runs succeeded`) : `its last run ${agent.lastRun?.status}`}${agent.status === 'paused' ? ' (paused)' : ''}`,
  );
  const failing = counted.length - clean.length - neverRan.length;
  const parts = [
    clean.length > 0
      ? `${count(clean.length, 'agent')} never failed${over}:\n${lines.join('\n')}`
      : `Every agent that ran failed at least once${over}.`,
  ];
  if (failing > 0)
    parts.push(
      `The other ${count(failing, 'agent')} failed at least once: ask "what failed" for which and why.`,
    );
  if (neverRan.length > 0) parts.push(`Never run at all: ${quoted(neverRan.map(({ agent }) => agent))}.`);
  return { reply: parts.join('\n'), referents: clean.map(({ agent }) => agent.name) };
}

function neverSucceeded(
  snapshot: WorkspaceSnapshot,
  request: PlannerRequest,
  asksNeverRun: boolean,
): PlannerAnswer {
  const now = request.now ?? new Date();
  const timezone = snapshot.timezone ?? 'UTC';
  const counted = snapshot.agents.map((agent) => {
    const days = agent.history?.days ?? [];
    const runs = days.reduce((sum, day) => sum + day.runs, 0);
    const succeeded = days.reduce((sum, day) => sum + day.succeeded, 0);
    return { agent, runs, succeeded };
  });
  const neverRan = counted.filter(({ agent, runs }) => runs === 0 && !agent.lastRun);
  const failedOnly = counted.filter(
    ({ agent, runs, succeeded }) =>
      succeeded === 0 && agent.lastRun?.status !== 'succeeded' && (runs > 0 || agent.lastRun),
  );
  const since = snapshot.agents[0]?.history?.since;
  const over = since ? ` since ${whenInWords(since, now, timezone).replace(/ at \d\d:\d\d$/, '')}` : '';
  const lines = failedOnly.map(({ agent, runs }) => {
    const error = agent.lastRun?.error?.message;
    return `- "${agent.name}": ${runs > 0 ? `0 of ${count(runs, 'run')} succeeded` : `its last run ${agent.lastRun?.status}`}${error ? `; last error: ${quotedRunData(error)}` : ''}`;
  });
  const parts: string[] = [];
  if (failedOnly.length > 0)
    parts.push(`${count(failedOnly.length, 'agent')} never succeeded${over}:\n${lines.join('\n')}`);
  else parts.push(`Every agent that ran succeeded at least once${over}.`);
  if (neverRan.length > 0) parts.push(`Never run at all: ${quoted(neverRan.map(({ agent }) => agent))}.`);
  else if (asksNeverRun)
    parts.unshift(`Every one of the ${count(snapshot.agents.length, 'agent')} has run at least once.`);
  return {
    reply: parts.join('\n'),
    referents: [...failedOnly, ...neverRan].map(({ agent }) => agent.name),
  };
}

function mostUsage(text: string, request: PlannerRequest): PlannerAnswer {
  const timezone = request.snapshot.timezone ?? 'UTC';
  const now = request.now ?? new Date();
  const period = periodOf(periodNamed(text) ?? 'pastMonth', now, timezone);
  const ranked = workspaceCost({ snapshot: request.snapshot, now, timezone }, period);
  const top = request.snapshot.agents
    .map((agent) => ({ agent, totals: totalsOver(agent.history, period) }))
    .filter(({ totals }) => totals.runs > 0)
    .sort((a, b) => b.totals.tokens - a.totals.tokens || b.totals.seconds - a.totals.seconds)[0];
  if (request.snapshot.credits && creditsLeftWords.some((words) => words.test(text.toLowerCase()))) {
    return creditsLeft(request.snapshot);
  }
  const spent = workspaceCreditCost(request.snapshot, period);
  const credits = spent
    ? `${spent}\n`
    : /\bcredits?\b/i.test(text)
      ? 'Orca has no credits yet: what an agent uses is counted in runs, language-model tokens and run time. '
      : '';
  const most = top ? `The most: "${top.agent.name}" (${totalsInWords(top.totals)}).\n` : '';
  return { reply: `${credits}${most}${ranked.reply}`, ...(top ? { referents: [top.agent.name] } : {}) };
}

function agentsUsing(family: (typeof toolFamilies)[number], snapshot: WorkspaceSnapshot): PlannerAnswer {
  const using = snapshot.agents.filter((agent) =>
    agent.spec.steps.some((step) => family.tools.test(step.tool)),
  );
  if (using.length === 0)
    return { reply: `None of the ${count(snapshot.agents.length, 'agent')} ${family.what}.` };
  const lines = using.map((agent) => {
    const steps = agent.spec.steps.filter((step) => family.tools.test(step.tool));
    const accounts = steps
      .map((step) => connectionReferenceOf(step as { with: Record<string, unknown> }))
      .filter((reference): reference is string => reference !== undefined);
    const account = accounts.length > 0 ? ` with the account "${[...new Set(accounts)].join('", "')}"` : '';
    return `- "${agent.name}": ${steps.map((step) => `${step.id} (${step.tool})`).join(', ')}${account}`;
  });
  return {
    reply: `${using.length} of ${count(snapshot.agents.length, 'agent')} ${family.what}:\n${lines.join('\n')}`,
    referents: using.map((agent) => agent.name),
  };
}
