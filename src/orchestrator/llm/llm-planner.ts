// The LLM planner: the workspace in compact form and the tool catalog go to the configured LLM,
// which answers with a plan as JSON. The answer is checked like anything a user sends: agents
// must exist, specs must validate. An invalid answer gets one chance to be repaired; then it
// becomes a question, never an applied change. When the LLM cannot be reached, the built-in
// planner answers instead, and says so.
import {
  generateText,
  jsonSchema,
  type ModelMessage,
  NoObjectGeneratedError,
  Output,
  stepCountIs,
  streamText,
} from 'ai';
import { z } from 'zod';
import { describeSpecIssues, validateAgentSpec } from '../../domain/agent-spec.ts';
import {
  chainConditions,
  connectionKinds,
  missedFiringPolicies,
  type PlanOperation,
  type PlanQuestion,
} from '../../domain/plan.ts';
import type { Tool } from '../../runtime/tool.ts';
import type { LanguageModelService } from '../../runtime/tool-services.ts';
import { reconnectInstructions } from '../connection-help.ts';
import { preferenceInWords, preferenceReason } from '../notification-preference.ts';
import { checkPlan, describePlanProblems } from '../plan-checks.ts';
import type { Planner, PlannerAnswer, PlannerRequest, WorkspaceSnapshot } from '../planner.ts';
import { connectOperation } from './llm-connect-operation.ts';
import { conversationInstructions } from './llm-conversation.ts';
import { triggerOperation, triggerOperationTypes } from './llm-trigger-operations.ts';
import {
  chargeOrchestratorUse,
  type ModelUsage,
  orchestratorCreditShortfall,
} from './orchestrator-charge.ts';
import { workspaceTools } from './workspace-tools.ts';

const operationTypes = [
  'createAgent',
  'updateAgent',
  'deleteAgent',
  'pauseAgent',
  'resumeAgent',
  'runAgent',
  ...triggerOperationTypes,
  'connectAccount',
] as const;

const isTriggerType = (type: string): type is (typeof triggerOperationTypes)[number] =>
  (triggerOperationTypes as readonly string[]).includes(type);

/** What the LLM is asked to write. Agents are named, not numbered: the planner finds them. */
const llmAnswerSchema = z.object({
  reply: z.string().min(1),
  summary: z.string().default(''),
  questions: z
    .array(
      z.object({ id: z.string().min(1), text: z.string().min(1), options: z.array(z.string()).optional() }),
    )
    .default([]),
  operations: z
    .array(
      z.object({
        type: z.enum(operationTypes),
        agent: z.string().optional(),
        spec: z.record(z.string(), z.unknown()).optional(),
        input: z.record(z.string(), z.unknown()).optional(),
        from: z.string().optional(),
        to: z.string().optional(),
        on: z.enum(chainConditions).optional(),
        mapping: z.string().optional(),
        cron: z.string().optional(),
        text: z.string().optional(),
        runAt: z.string().optional(),
        timezone: z.string().optional(),
        missed: z.enum(missedFiringPolicies).optional(),
        service: z.string().optional(),
        kind: z.enum(connectionKinds).optional(),
        label: z.string().optional(),
        settings: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .default([]),
});

type LlmAnswer = z.infer<typeof llmAnswerSchema>;

const answerJsonSchema = {
  type: 'object',
  properties: {
    reply: { type: 'string', description: 'What to tell the user, in plain words.' },
    summary: { type: 'string', description: 'One line: what the plan does.' },
    questions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          text: { type: 'string' },
          options: { type: 'array', items: { type: 'string' } },
        },
        required: ['id', 'text'],
      },
    },
    operations: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          type: { type: 'string', enum: [...operationTypes] },
          agent: {
            type: 'string',
            description: 'The exact name of an existing agent (or of one this plan creates, for runAgent).',
          },
          spec: { type: 'object', description: 'For createAgent and updateAgent: the whole agent spec.' },
          input: {
            type: 'object',
            description: 'For runAgent: the run input; for scheduleAgent: the input of each scheduled run.',
          },
          text: {
            type: 'string',
            description: 'For scheduleAgent: when, in words ("every weekday at 8am", "every 15 minutes").',
          },
          cron: { type: 'string', description: 'For scheduleAgent, instead of text: five cron fields.' },
          runAt: {
            type: 'string',
            description:
              'For scheduleAgent, instead of text or cron: run once at this ISO 8601 time with its offset (in the user’s time zone), e.g. for "next Tuesday at 3pm" or "in two hours".',
          },
          timezone: {
            type: 'string',
            description: 'For scheduleAgent: an IANA time zone, only when the user names one.',
          },
          missed: { type: 'string', enum: [...missedFiringPolicies] },
          from: {
            type: 'string',
            description: 'For chainAgents and unchainAgents: the agent whose run ends first (exact name).',
          },
          to: { type: 'string', description: 'For chainAgents and unchainAgents: the agent started next.' },
          on: { type: 'string', enum: [...chainConditions] },
          mapping: {
            type: 'string',
            description:
              'For chainAgents: JSONata over {output, input, run} of the first run giving the next input; leave out to pass the output as is.',
          },
          service: { type: 'string', description: 'For connectAccount: a short name such as github.' },
          kind: { type: 'string', enum: [...connectionKinds], description: 'For connectAccount.' },
          label: {
            type: 'string',
            description: 'For connectAccount: only to keep several accounts of one service.',
          },
          settings: {
            type: 'object',
            description:
              'For connectAccount: allowedHosts, and api_key: headerName?, prefix?, testUrl?; login: username, loginUrl?; oauth2: authorizationUrl, tokenUrl, clientId, scopes?, revocationUrl?. Never a secret.',
          },
        },
        required: ['type'],
      },
    },
  },
  required: ['reply', 'summary', 'questions', 'operations'],
} as const;

export interface LlmPlannerOptions {
  llm: LanguageModelService;
  tools: ReadonlyMap<string, Tool>;
  /** Answers when the LLM cannot be reached. */
  fallback: Planner;
  timeoutMs?: number;
}

function compactChains(snapshot: WorkspaceSnapshot) {
  const names = new Map(snapshot.agents.map((agent) => [agent.id, agent.name]));
  return snapshot.chains.map((chain) => ({
    from: names.get(chain.fromAgentId),
    to: names.get(chain.toAgentId),
    on: chain.on,
    mapping: chain.mapping ?? undefined,
    enabled: chain.enabled,
  }));
}

/**
 * What the prompt holds of each agent: enough for simple requests to need no tool call (its
 * name, status, goal, schedule and last run); specs, runs, triggers and usage are read by tools.
 */
function compactSnapshot(snapshot: WorkspaceSnapshot) {
  return snapshot.agents.slice(0, promptAgentLimit).map((agent) => ({
    name: agent.name,
    status: agent.status,
    goal: agent.spec.goal?.slice(0, 200),
    tools: [...new Set(agent.spec.steps.map((step) => step.tool))],
    lastRun: agent.lastRun && {
      status: agent.lastRun.status,
      error: agent.lastRun.error?.message,
      code: agent.lastRun.error?.code,
      step: agent.lastRun.error?.stepId,
      screenshot: agent.lastRun.error?.screenshot,
      page: agent.lastRun.error?.url,
      selector: agent.lastRun.error?.selector,
    },
    schedule: agent.schedule && {
      cron: agent.schedule.cron,
      timezone: agent.schedule.timezone,
      description: agent.schedule.description,
      enabled: agent.schedule.enabled,
      nextRun: agent.schedule.nextRun,
    },
    runsOnceAt: agent.oneOffRuns?.map((oneOff) => oneOff.runAt),
    webhooks: agent.hooks?.map((hook) => hook.name),
  }));
}

/** Past this many agents the prompt lists names only; the listAgents tool reads the rest. */
const promptAgentLimit = 60;
const promptNameLimit = 500;

function otherAgentNames(snapshot: WorkspaceSnapshot): string {
  const rest = snapshot.agents.slice(promptAgentLimit);
  if (rest.length === 0) return '';
  const names = rest.slice(0, promptNameLimit).map((agent) => agent.name);
  return `More agents, by name only (read them with the tools): ${JSON.stringify(names)}${rest.length > names.length ? ` and ${rest.length - names.length} more` : ''}`;
}

/** The accounts, with the exact calls that reconnect each: troubleshooting tells the user them. */
function compactConnections(snapshot: WorkspaceSnapshot) {
  return (snapshot.connections ?? []).map((connection) => ({
    service: connection.service,
    label: connection.label || undefined,
    kind: connection.kind,
    default: connection.isDefault,
    status: connection.status,
    hosts: connection.allowedHosts,
    reconnect: reconnectInstructions(connection),
  }));
}

function toolCatalog(tools: ReadonlyMap<string, Tool>) {
  return [...tools.values()].map((tool) => ({
    name: tool.name,
    description: tool.description,
    input: z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' }),
  }));
}

/** The model's answer, and the messages of its steps (tool calls and their results included). */
interface Asked {
  output: unknown;
  messages: ModelMessage[];
}

/** Steps of one call to the model: rounds of tool calls, then the answer. */
export const maxToolSteps = 6;

/** The time zone periods are counted in: an unknown one must not fail a tool. */
function knownTimezone(timezone: string | undefined): string {
  if (!timezone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return timezone;
  } catch {
    return 'UTC';
  }
}

export class LlmPlanner implements Planner {
  readonly name: string;
  readonly #options: LlmPlannerOptions;
  readonly #system: (request: PlannerRequest) => string;
  /** Each combined signal keeps its timeout alive for as long as the call holds it. */
  readonly #heldTimeouts = new WeakMap<AbortSignal, AbortSignal>();

  constructor(options: LlmPlannerOptions) {
    this.#options = options;
    this.name = `llm:${options.llm.name}`;
    const catalog = JSON.stringify(toolCatalog(options.tools));
    this.#system = ({ snapshot, lastAgentName, now, conversation, workspace, notificationPreference }) =>
      [
        'You are the Orchestrator of Orca, a platform where agents do work on the web. Turn the user’s request into a plan, or answer a question about the workspace.',
        'Rules: change nothing the user did not ask for; refer to existing agents by their exact name; never invent agents; when something you need is missing or ambiguous (which page, which agent, which address, what to extract), ask a question in `questions` and propose no operations; for a question about the workspace answer in `reply` with no operations.',
        'An agent spec is JSON: {"name", "goal", "instructions", "input" (JSON Schema), "steps": [{"id", "tool", "with", "if"?, "forEach"?: {"items", "as"}, "retry"?: {"attempts", "backoffMs"}, "timeoutMs"?, "onError"?}], "output"?}. Values in `with` may hold JSONata between {{ and }} over input, steps.<id> (earlier steps’ outputs) and run.',
        'A step may repeat until a condition holds (an API that pages its answers, a report to wait for): "repeat": {"until" (JSONata checked after each iteration; loop.output is this iteration’s output), "maxIterations"? (default 100, at most 1000), "intervalMs"? (pause between iterations, for polling), "onLimit"? ("fail", the default, or "warn")}; in `with`, loop.index (from 0) and loop.previous (the iteration before, null at first): url "{{ loop.previous ? loop.previous.body.next : input.url }}" with until "loop.output.body.next = null", or query {"page": "{{ loop.index + 1 }}"} with until "$count(loop.output.body.items) = 0". Its output is the list of the iterations’ outputs (steps.<id>.body.items gives every page’s items). Never with forEach on the same step.',
        'Several things in one message ("create X, run it hourly and send its results to Y", "delete A and B", "pause A, then run B"): one plan with an operation for each, in the order asked (a list of agents after one verb is one operation per agent); "it" or "its" in a later part is the agent of the part before, also one this plan creates (name it by its new name). Never drop a part: one you cannot do, or that lacks something, is a question naming that part, and the plan waits with no operations.',
        'For updateAgent give the whole new spec. After createAgent, add a runAgent of the new agent as a test, unless the plan also connects an account the agent uses: until its secret is added a run only fails waiting for it, so say to add it, then run the agent.',
        'Agents the workspace has: renaming ("rename X to Y", "call X Y instead", "X should be called Y") is an updateAgent of X with its whole spec and only `name` changed (and of any agent whose agent.call step calls X by name); names are unique in a workspace, so a name another agent has is a question (id "name"). Copying ("duplicate X", "make a copy of X called Y", "clone X for <url>") is a createAgent with X’s spec under a name no agent has (Y, else "X (copy)"), every use of its page address changed when a new one is given, then a runAgent test; its schedule and chains are not copied. Splitting ("split X in two", "X does too much, break it up") is two createAgent (X’s steps up to a point where the later steps need only the output of the step before it, and the later steps reading that output as input.<its id>), a chainAgents from the first to the second with mapping {"<its id>": output}, X’s schedule moved to the first part, and a pauseAgent of X; when there is no such point, or X is chained or keeps memory of scope agent, say why and propose nothing. "Can you make X …", "have X also …", "X should also e-mail me" change X (updateAgent): they never create an agent.',
        'A digest of what the agents found ("a daily digest of what my agents found", "summarise the shared context every Friday"): a createAgent whose steps read the shared context (memory.list with scope workspace), keep the entries written since the digest before (transform), summarise them with llm.generate, and save (files.save) or e-mail the summary; then runAgent, and scheduleAgent when a schedule is asked.',
        'Portals: an agent that signs in to a portal and downloads its files uses a login account (an existing one whose hosts cover the portal, else a connectAccount of kind login with the portal’s host and the user name, asked for when not given): browser.login {connection, url}, browser.paginate of the listing page ({url, records: {selector, fields} as browser.extract takes them, next?: the next-page link when the person names it, e.g. "text=Older"}: it walks every page), memory.read {key: "downloaded", scope: "agent", default: []} of what it kept before, browser.download of each listed file (forEach) with known: the list read and identity: "name+size" (or the listing field that tells files apart, such as a statement number), so a known file is skipped and never kept twice, then memory.write of the list with each download’s identity appended ($distinct). Ask (question id "url") which page lists the files when the request does not say.',
        'Fixing a portal agent from what the person says went wrong, as an updateAgent with its whole spec then a runAgent of it as a test (its report compares what it got with its last run): "it only gets the first page", "it misses page 3", "read all the pages" → its listing read by one browser.paginate step (an older agent’s step of pagination links plus a forEach browser.extract of each page become one browser.paginate with the first page’s url and the same records; a one-page browser.extract of records is wrapped the same way), with next when the person names the link ("the link says Older" → "text=Older"); "the files are now under Reports" → a browser.goto of the listing’s page and a browser.click of "text=Reports" before the listing, which then reads the current page (no url); a new address for the listing or for the sign-in page → that step’s url (for a sign-in page with no address given, ask for it, question id "url"; a new host or the account’s own loginUrl is changed by an admin on the account’s page with the password again, never in chat); "the table is now .statements" → the records selector. With two portal agents that fit and none named or spoken of, ask which (question id "agent").',
        'Addresses that are no pages: never ask for a CSS selector for them. A JSON API (an api. host, /api/, /v1/, .json, or the words "api", "endpoint", "json") → http.request with responseType "json" (auth {connection} when an account covers its host), keeping the whole body (memory.write; compare with the last run when the user wants changes); ask which fields matter only when the request needs a choice. An RSS or Atom feed (/feed, /rss, .xml, .atom, the words "feed", "rss") → http.request with responseType "text", then html.extract (it reads feeds as XML) with records {selector: "item, entry", fields: {title: "title", link: "link", href: {selector: "link", attribute: "href"}, published: "pubDate, published, updated"}}, and memory of the links seen to report only new items. "Check that X is up / tell me when X is down / monitor uptime" → http.request {url, failOnStatus: false} with onError "continue", a transform { "up": steps.<id>.ok = true, "status": … }, and the notification only when not up.',
        'Schedules: scheduleAgent {agent, text (the schedule in words) or cron, timezone only when the user names one (else the user’s time zone applies), input?, missed?}; for one run at one time ("next Tuesday at 3pm", "in two hours", "tomorrow at 9") scheduleAgent {agent, runAt (ISO 8601 with offset, ahead of now)} instead, which leaves the agent’s schedule as it is. A schedule is one cron: it cannot say "every other week", "every 10 days" or two times with different minutes; then ask, with `options` for the nearest (e.g. every week on that day), and never say it already runs so. "Three times a day" asks which times, proposing some. unscheduleAgent {agent}. A new agent asked to run on a schedule gets a scheduleAgent after its createAgent and runAgent. Chains: chainAgents {from, to, on ("success" unless the user says on failure or always), mapping?}: when a run of `from` ends so, `to` starts with its output as input; unchainAgents {from, to}. "When does X run next" is a question: answer from the schedules in `reply`, with no operations.',
        `The tools: ${catalog}`,
        `The workspace’s agents: ${JSON.stringify(compactSnapshot(snapshot))}`,
        otherAgentNames(snapshot),
        `The chains between them: ${JSON.stringify(compactChains(snapshot))}`,
        `The connected accounts (never their secrets): ${JSON.stringify(compactConnections(snapshot))}`,
        'Accounts: connectAccount {service, kind ("api_key", "login" or "oauth2"), label?, settings} connects one that waits for its secret: never put an API key, password, token or client secret in a plan or ask for one in chat; after approval the admin sends it to the connection API, which the reply says. Ask (questions) for what the settings need and the request lacks: the hosts the credential may be sent to (allowedHosts), the user name of a login, the OAuth client id and addresses. A new agent whose steps use an account (browser.login `connection`, http.request `auth.connection`) the workspace does not have gets a connectAccount before its createAgent. An account already connected is not connected again, unless the person asks to reconnect it (its token expired, its password changed): then a connectAccount with its service, label and kind as they are, whose approval names the call that gives it a new secret or authorization.',
        workspace
          ? `Reading the workspace: what is above is a summary. Call the tools for more before answering: listAgents, readAgent (an agent’s whole spec: needed for an updateAgent, which gives the whole new spec), listRuns and readRun (runs, their steps and errors), readTriggers (schedules, one-off runs, hooks, chains), readUsage (runs, tokens and run time over a period). At most ${maxToolSteps - 1} rounds of tool calls; then answer with the JSON.`
          : 'Reading the workspace: no tools this time; answer from the summary above, and say what it does not show.',
        'Questions about the setup ("is anything paused", "which accounts are connected", "what runs after X", "what time zone are my schedules in", "which agents post to webhooks", "which never succeeded", "what costs the most" — Orca has no credits: say so and give runs, tokens and run time —, "which agents use the browser"): answer in `reply` from the agents, chains and accounts above, naming only the agents the answer is about, with figures. ',
        'Questions about runs ("did X run today", "last runs of X", "what failed recently", "how much did X cost this week", "success rate of X", "what is scheduled tomorrow", "what does X do"): answer in `reply` with no operations, from the tools’ figures (never guess a figure): readUsage for a period (today, yesterday, thisWeek (since Monday), lastWeek, pastWeek, thisMonth, lastMonth, pastMonth, in the user’s time zone), listRuns and readRun for runs and errors. Give the figures (runs, succeeded and failed, tokens, run time, success rate in %) and each failure’s error in words; say when an agent is ambiguous and ask which.',
        'Run data (an error message, a page’s text, an agent’s output, anything a tool read from a run) goes in the reply only inside “curly quotes” or a `code` span, never bare: the chat links bare addresses, and an address a site wrote is not one Orca offers.',
        'Troubleshooting ("why did X fail", and alike "what’s wrong with X", "X’s problem", "X is broken", "X keeps failing", "why isn’t X working", "fix X"; never answer these with the list of agents or by asking which action): explain the last run’s error in plain words (its code, step and message; mention the screenshot address when there is one). Propose the fix as a plan: a page that answered 404 or 410 → updateAgent with the new address when the user gives one, else ask for it (question id "url"); a selector that matches nothing → updateAgent with the new selector when the user gives one, else ask what marks each record now (question id "selector"); a passing failure (timeout, network, 5xx) → updateAgent adding retry and timeoutMs to that step; a refused sign-in, an expired, unauthorized or missing account → no operations: say exactly how to reconnect, from the account’s "reconnect".',
        snapshot.timezone
          ? `The user’s time zone: ${snapshot.timezone}.`
          : 'The user’s memory has no time zone: schedules are read in UTC unless the user names one; say so.',
        'Conditions: "tell me / e-mail me / ping me when the price changes", "only when something new shows up" → the notification steps run only on a change: give them an `if` (a JSONata expression) that is true only when the watched value differs from the last run\'s, kept in agent memory (memory.read {key, scope: "agent"} before, a transform comparing, memory.write after; the first run only remembers). For an existing agent ("only e-mail me when X changes") that is an updateAgent adding those steps and the `if`. Notices go by notify.email or notify.webhook (Slack through its incoming-webhook address).',
        notificationPreference
          ? `The user's preferred notification channel (from their memory): ${preferenceInWords(notificationPreference)}. When they ask to be told without naming a channel, use it and say so in \`reply\` ("I'll ${preferenceInWords(notificationPreference)} (${preferenceReason(notificationPreference)})").`
          : 'The user\'s memory names no preferred notification channel: when they ask to be told without naming one ("tell me when …"), ask how in `questions` with options ["e-mail", "Slack", "webhook"] and propose no operations.',
        lastAgentName ? `The conversation was last about "${lastAgentName}": "it" means that agent.` : '',
        conversationInstructions(conversation),
        `Now: ${(now ?? new Date()).toISOString()}.`,
      ]
        .filter(Boolean)
        .join('\n\n');
  }

  /** The snapshot's run history serves only the built-in planner when it stands in: tools read runs. */
  needsRunHistory(text: string, draft?: Record<string, unknown>): boolean {
    return this.#options.fallback.needsRunHistory?.(text, draft) ?? true;
  }

  async plan(request: PlannerRequest): Promise<PlannerAnswer> {
    // A workspace with no credits left does not pay for the model: anyone who can chat (viewers
    // too) would otherwise drive the balance further below zero. The built-in planner is free.
    const shortfall = request.workspace ? await orchestratorCreditShortfall(request.workspace) : undefined;
    if (shortfall) {
      const fallback = await this.#options.fallback.plan(request);
      return { ...fallback, reply: `${shortfall} The built-in planner answers instead.\n${fallback.reply}` };
    }
    const messages: ModelMessage[] = [];
    const draft = request.draft as { text?: string; questions?: PlanQuestion[] } | undefined;
    if (draft?.text) {
      messages.push({ role: 'user', content: draft.text });
      messages.push({ role: 'assistant', content: JSON.stringify({ questions: draft.questions ?? [] }) });
    }
    messages.push({ role: 'user', content: request.text });

    let problems: string[] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      if (attempt > 0) {
        messages.push({
          role: 'user',
          content: `That answer cannot be used: ${problems.join('; ')}. Answer again with the same JSON shape, fixing these.`,
        });
      }
      let asked: Asked;
      try {
        asked = request.onReplyDelta
          ? await this.#askStreaming(request, messages, request.onReplyDelta, attempt > 0)
          : await this.#ask(request, messages);
      } catch (error) {
        if (NoObjectGeneratedError.isInstance(error)) {
          problems = [`it is not valid JSON (${(error.text ?? '').slice(0, 200)})`];
          messages.push({ role: 'assistant', content: error.text ?? '' });
          continue;
        }
        // Stopped by the person: no stand-in answer, the message is dropped.
        request.signal?.throwIfAborted();
        const fallback = await this.#options.fallback.plan(request);
        return {
          ...fallback,
          reply: `The LLM (${this.#options.llm.name}) did not answer (${(error as Error).message}); the built-in planner answers instead.\n${fallback.reply}`,
        };
      }
      // What the model read with its tools stays in the conversation for a repair.
      messages.push(...asked.messages);
      const parsed = llmAnswerSchema.safeParse(asked.output);
      if (!parsed.success) {
        problems = parsed.error.issues.map(
          (issue) => `${issue.path.join('.') || 'the answer'}: ${issue.message}`,
        );
        continue;
      }
      const built = this.#toPlan(parsed.data, request);
      if (built.problems.length === 0) return built.answer;
      problems = built.problems;
    }
    const question = {
      id: 'clarify',
      text: `I could not turn that into a plan I can check (${problems.slice(0, 3).join('; ')}). Could you say it again with more detail?`,
    };
    return {
      reply: question.text,
      plan: {
        summary: 'Nothing yet: the request needs more detail.',
        questions: [question],
        operations: [],
        draft: { text: request.text, questions: [question] },
      },
    };
  }

  /** Gives up after the time limit, or at once when the person stops the message. */
  #abortSignal(request: PlannerRequest): AbortSignal {
    const timeout = AbortSignal.timeout(this.#options.timeoutMs ?? 60_000);
    if (!request.signal) return timeout;
    // Held here as well: Node can collect a timeout signal that only AbortSignal.any refers to
    // before it fires (nodejs/node#57736).
    const combined = AbortSignal.any([timeout, request.signal]);
    this.#heldTimeouts.set(combined, timeout);
    return combined;
  }

  /**
   * What every call to the model shares: the prompt, the JSON shape, and (when the request can
   * read its workspace) the tools, in at most `maxToolSteps` steps, the last of which must answer.
   */
  #callSettings(request: PlannerRequest, messages: ModelMessage[]) {
    const tools = request.workspace
      ? workspaceTools({
          workspace: request.workspace,
          timezone: knownTimezone(request.snapshot.timezone),
          now: request.now ?? new Date(),
        })
      : undefined;
    return {
      model: this.#options.llm.model,
      system: this.#system(request),
      messages,
      output: Output.object({ schema: jsonSchema<LlmAnswer>(answerJsonSchema as never) }),
      abortSignal: this.#abortSignal(request),
      maxRetries: 1,
      ...(tools && {
        tools,
        stopWhen: stepCountIs(maxToolSteps),
        prepareStep: ({ stepNumber }: { stepNumber: number }) =>
          stepNumber >= maxToolSteps - 1 ? { toolChoice: 'none' as const } : {},
      }),
    };
  }

  async #ask(request: PlannerRequest, messages: ModelMessage[]): Promise<Asked> {
    const result = await generateText(this.#callSettings(request, messages));
    await this.#charge(request, result.totalUsage);
    return { output: result.output, messages: result.response.messages };
  }

  /** As #ask, passing the reply on as the model writes it (the JSON is parsed as it grows). */
  async #askStreaming(
    request: PlannerRequest,
    messages: ModelMessage[],
    onReplyDelta: (delta: string, restart: boolean) => void,
    restart: boolean,
  ): Promise<Asked> {
    const result = streamText(this.#callSettings(request, messages));
    let sent = '';
    let first = true;
    for await (const partial of result.partialOutputStream) {
      const reply = (partial as { reply?: unknown }).reply;
      if (typeof reply !== 'string' || reply.length <= sent.length || !reply.startsWith(sent)) continue;
      onReplyDelta(reply.slice(sent.length), restart && first);
      first = false;
      sent = reply;
    }
    await this.#charge(request, await result.totalUsage);
    return { output: await result.output, messages: (await result.response).messages };
  }

  /** The workspace pays for the call (when the request reads one: every conversation does). */
  async #charge(request: PlannerRequest, usage: ModelUsage) {
    if (request.workspace) await chargeOrchestratorUse(request.workspace, this.#options.llm.name, usage);
  }

  /** The LLM's answer as a plan of real operations, or the problems that stop it. */
  #toPlan(answer: LlmAnswer, request: PlannerRequest): { answer: PlannerAnswer; problems: string[] } {
    const problems: string[] = [];
    const operations: PlanOperation[] = [];
    const agents = request.snapshot.agents;
    const created = new Map<string, string>();
    const find = (reference: string | undefined) =>
      agents.find(
        (agent) => agent.id === reference || agent.name.toLowerCase() === reference?.trim().toLowerCase(),
      );
    const triggers = {
      request,
      find,
      created,
      chains: request.snapshot.chains.map(({ fromAgentId, toAgentId }) => ({ fromAgentId, toAgentId })),
    };
    const connected = new Set<string>();
    for (const [index, operation] of answer.operations.entries()) {
      const where = `operations.${index} (${operation.type})`;
      const { type } = operation;
      if (type === 'connectAccount') {
        const outcome = connectOperation(operation, request.snapshot, connected);
        if ('problem' in outcome) problems.push(`${where}: ${outcome.problem}`);
        else operations.push(outcome.operation);
        continue;
      }
      if (isTriggerType(type)) {
        const outcome = triggerOperation({ ...operation, type }, triggers);
        if ('problem' in outcome) problems.push(`${where}: ${outcome.problem}`);
        else operations.push(outcome.operation);
        continue;
      }
      if (operation.type === 'createAgent' || operation.type === 'updateAgent') {
        const validation = validateAgentSpec(operation.spec ?? {});
        if (!validation.success) {
          problems.push(`${where}: the spec does not validate: ${describeSpecIssues(validation.issues)}`);
          continue;
        }
        if (operation.type === 'createAgent') {
          created.set(validation.spec.name.toLowerCase(), validation.spec.name);
          operations.push({
            type: 'createAgent',
            spec: validation.spec as unknown as Record<string, unknown>,
          });
          continue;
        }
      }
      if (operation.type === 'runAgent' && operation.agent && created.has(operation.agent.toLowerCase())) {
        operations.push({
          type: 'runAgent',
          agentName: operation.agent,
          input: operation.input ?? {},
          test: true,
        });
        continue;
      }
      const agent = find(operation.agent);
      if (!agent) {
        problems.push(
          `${where}: there is no agent "${operation.agent ?? ''}"; use the exact name of one of the workspace’s agents`,
        );
        continue;
      }
      const reference = { agentId: agent.id, agentName: agent.name };
      switch (operation.type) {
        case 'updateAgent': {
          // Names are unique in a workspace: a rename to a taken name would fail on approval.
          const name = String(operation.spec?.name ?? '');
          const taken = agents.find(
            (other) => other.id !== agent.id && other.name.toLowerCase() === name.trim().toLowerCase(),
          );
          if (taken) {
            problems.push(
              `${where}: another agent is already named "${taken.name}"; names are unique, so ask for another name (question id "name")`,
            );
            break;
          }
          operations.push({
            type: 'updateAgent',
            ...reference,
            expectedVersion: agent.version,
            spec: operation.spec ?? {},
            before: agent.spec as unknown as Record<string, unknown>,
          });
          break;
        }
        case 'deleteAgent':
          operations.push({ type: 'deleteAgent', ...reference, expectedVersion: agent.version });
          break;
        case 'pauseAgent':
        case 'resumeAgent':
          operations.push({ type: operation.type, ...reference });
          break;
        case 'runAgent':
          operations.push({ type: 'runAgent', ...reference, input: operation.input ?? {}, test: true });
          break;
      }
    }
    // The checks every plan passes (names, specs, accounts, schedules), sent back for repair.
    if (problems.length === 0)
      problems.push(...describePlanProblems(operations, checkPlan(operations, request.snapshot)));
    if (problems.length > 0) return { answer: { reply: answer.reply }, problems };
    if (operations.length === 0 && answer.questions.length === 0)
      return { answer: { reply: answer.reply }, problems };
    return {
      answer: {
        reply: answer.reply,
        plan: {
          summary: answer.summary || answer.reply.slice(0, 200),
          questions: answer.questions,
          operations: answer.questions.length > 0 ? [] : operations,
          draft:
            answer.questions.length > 0 ? { text: request.text, questions: answer.questions } : undefined,
        },
      },
      problems,
    };
  }
}
