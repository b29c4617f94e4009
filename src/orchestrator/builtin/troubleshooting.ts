// "Why did X fail": the agent's last failed run in plain words, with a fix as a plan where one is
// known (retries for a passing failure, a new address for a page that moved, a new selector for a
// page whose layout changed, a higher bound for a listing or loop that had more to read), a question whose answer completes that plan when the request does
// not say what the fix needs, and for a refused sign-in or a missing account, how to reconnect.
import type { PlanOperation, PlanQuestion } from '../../domain/plan.ts';
import {
  connectInstructions,
  connectionNamed,
  connectionReferenceOf,
  reconnectInstructions,
} from '../connection-help.ts';
import { boundFix, fixedUrlOf, retryFix, selectorFix, selectorOf, urlFix } from '../fixes.ts';
import { quotedRunData } from '../output-words.ts';
import type { PlannerAnswer, PlannerRequest, RunErrorSnapshot, WorkspaceSnapshot } from '../planner.ts';
import { agentsMentioned } from './agent-names.ts';
import { runInWords } from './questions/run-answers.ts';
import { hasAny, selectorIn, urlsIn } from './request-text.ts';
import { asksWhatIsWrong } from './vocabulary/trouble-vocabulary.ts';
import { recordLayouts } from './vocabulary/vocabulary.ts';

type SnapshotAgent = WorkspaceSnapshot['agents'][number];

type FailureKind = 'moved' | 'layout' | 'sign_in' | 'bound' | 'other';

interface FailureRule {
  kind: Exclude<FailureKind, 'other'>;
  matches(error: RunErrorSnapshot, tool: string | undefined): boolean;
}

/** Which failures have which fix, first match wins. */
const failureRules: FailureRule[] = [
  {
    kind: 'sign_in',
    matches: (error, tool) =>
      ['login_failed', 'connection_expired', 'not_configured'].includes(error.code) ||
      (error.code === 'not_found' && /connected account/.test(error.message)) ||
      tool === 'browser.login',
  },
  {
    kind: 'bound',
    matches: (error) => error.code === 'page_limit' || error.code === 'repeat_limit',
  },
  {
    kind: 'moved',
    matches: (error) =>
      error.code === 'http_status' &&
      (error.status === 404 || error.status === 410 || /answered 4(04|10)\b/.test(error.message)),
  },
  {
    kind: 'layout',
    matches: (error) =>
      error.code === 'selector_not_found' ||
      (error.code === 'invalid_input' && /match(es|ed) nothing/.test(error.message)),
  },
];

/** What the planner keeps while it waits for the new address or selector. */
export interface FixDraft {
  kind: 'fix';
  fix: 'url' | 'selector';
  agentId: string;
  stepId: string;
  /** The selector that matched nothing. */
  selector?: string;
}

function screenshotNote(error: RunErrorSnapshot) {
  return error.screenshot ? `\nA screenshot of the page when it failed: ${error.screenshot}` : '';
}

/** "…, fix it and try again", "and run it once it's fixed": a run after the fix. */
const runAfterFix =
  /\b(?:try (?:it |that |this )?(?:again|once more)|run (?:it|that|this)(?: again)?|re-?run|retry|test (?:it|that)|give it (?:a|another) (?:go|try|spin|shot|run)|another (?:go|try|run))\b/i;

function updatePlan(
  agent: SnapshotAgent,
  summary: string,
  operation: PlanOperation,
  reply: string,
  text = '',
): PlannerAnswer {
  if (runAfterFix.test(text))
    return {
      reply: `${reply} Then I will run it once to try the fix. Approve to make it version ${agent.version + 1} and run it.`,
      plan: {
        summary: `${summary} Then run it once.`,
        questions: [],
        operations: [
          operation,
          { type: 'runAgent', agentId: agent.id, agentName: agent.name, input: {}, test: true },
        ],
      },
    };
  return {
    reply: `${reply} Approve to make it version ${agent.version + 1}.`,
    plan: { summary, questions: [], operations: [operation] },
  };
}

function ask(question: PlanQuestion, summary: string, draft: FixDraft, before: string): PlannerAnswer {
  return {
    reply: `${before}\n${question.text}`,
    plan: { summary, questions: [question], operations: [], draft: { ...draft } },
  };
}

/** The selector an answer gives: one written out, or the one of a layout it names. */
function selectorFromAnswer(text: string): string | undefined {
  const written = selectorIn(text);
  if (written) return written;
  return Object.values(recordLayouts).find((layout) => hasAny(text, layout.words))?.records.selector;
}

function movedFix(agent: SnapshotAgent, stepId: string, text: string, told: string): PlannerAnswer {
  const oldUrl = fixedUrlOf(agent, stepId);
  if (!oldUrl) {
    return {
      reply: `${told}\nThe address comes from the run's input: run "${agent.name}" again with the page's new address.`,
    };
  }
  const newUrl = urlsIn(text).find((url) => url !== oldUrl);
  const operation = newUrl && urlFix(agent, stepId, newUrl);
  if (newUrl && operation) {
    return updatePlan(
      agent,
      `Point "${agent.name}" at ${newUrl} instead of ${oldUrl}.`,
      operation,
      `${told}\nThe page is not at ${oldUrl} any more: I will point "${agent.name}" at ${newUrl} instead.`,
    );
  }
  return ask(
    { id: 'url', text: `${oldUrl} is not there any more. Which address should "${agent.name}" use now?` },
    `Waiting for the new address of "${agent.name}".`,
    { kind: 'fix', fix: 'url', agentId: agent.id, stepId },
    told,
  );
}

function layoutFix(
  agent: SnapshotAgent,
  error: RunErrorSnapshot,
  stepId: string,
  text: string,
  told: string,
) {
  const selector = selectorOf(agent, stepId, error.selector);
  if (!selector) return { reply: `${told}${screenshotNote(error)}` };
  const given = selectorIn(text);
  const operation = given && selectorFix(agent, stepId, selector, given);
  if (given && operation) {
    return updatePlan(
      agent,
      `Look for \`${given}\` instead of \`${selector}\` in "${agent.name}".`,
      operation,
      `${told}\nThe page changed its layout: I will have step "${stepId}" look for \`${given}\` instead of \`${selector}\`.`,
    );
  }
  return ask(
    {
      id: 'selector',
      text: `Nothing on the page matches \`${selector}\` any more. What marks each record now? Give a CSS selector such as \`.item\` or \`table tr\`, or pick one of these.`,
      options: Object.keys(recordLayouts),
    },
    `Waiting for the new selector of "${agent.name}".`,
    { kind: 'fix', fix: 'selector', agentId: agent.id, stepId, selector },
    `${told}${screenshotNote(error)}`,
  );
}

function signInHelp(
  agent: SnapshotAgent,
  error: RunErrorSnapshot,
  stepId: string,
  snapshot: WorkspaceSnapshot,
  told: string,
) {
  const step = agent.spec.steps.find((candidate) => candidate.id === stepId);
  const reference = connectionReferenceOf(step);
  const connection = reference ? connectionNamed(snapshot, reference) : undefined;
  const why =
    error.code === 'login_failed'
      ? 'The site refused the sign-in: the password (or one-time code secret) of the account is no longer right.'
      : error.code === 'connection_expired'
        ? 'The account’s access has expired and could not be renewed.'
        : error.code === 'not_configured'
          ? 'The account has not been authorized yet.'
          : 'The step could not sign in with its account.';
  const how = connection
    ? reconnectInstructions(connection)
    : reference
      ? connectInstructions(
          snapshot.connections?.[0]?.workspaceId,
          reference,
          step?.tool === 'browser.login' ? 'login' : 'api_key',
        )
      : 'Check which account the step uses, and connect it again.';
  // An account that does not exist yet can be connected from the chat, and one that does can be
  // connected again: "yes", "ok fix it" or "reconnect it" takes it up.
  const service = !connection && reference ? reference.split('/')[0] : undefined;
  const name =
    connection && (connection.label ? `${connection.service}/${connection.label}` : connection.service);
  const offered = service
    ? ` I can plan connecting "${service}" for you: say yes.`
    : name
      ? ` I can plan reconnecting "${name}" for you: say yes.`
      : '';
  const offer = service ? connectOffer(service, step) : name ? `reconnect the ${name} account` : undefined;
  return {
    reply: `${told}\n${why} ${how} Then ask me to run "${agent.name}" again.${screenshotNote(error)}${offered}`,
    ...(offer ? { offer } : {}),
  };
}

/** The request that connects the account a step lacks, with the address the step sends it to. */
function connectOffer(service: string, step: SnapshotAgent['spec']['steps'][number] | undefined): string {
  const address =
    typeof step?.with.url === 'string' && /^https?:\/\//.test(step.with.url) ? step.with.url : undefined;
  const where = address ? ` at ${address}` : '';
  return `connect the ${service} account with ${step?.tool === 'browser.login' ? 'a login' : 'an api key'}${where}`;
}

/**
 * Whether the request asks what is wrong with an agent. With an address in it, only when the
 * agent it names failed last: "the lead scraper is not working, use https://… instead" is a change
 * to an agent that did not fail, "https://… is down" asks for an uptime check.
 */
export function isTroubleRequest(text: string, snapshot: WorkspaceSnapshot): boolean {
  if (!asksWhatIsWrong(text.toLowerCase())) return false;
  if (urlsIn(text).length === 0) return true;
  const mentioned = agentsMentioned(text, snapshot.agents);
  return mentioned.length === 1 && mentioned[0]?.item.lastRun?.status === 'failed';
}

export function explainFailure(request: PlannerRequest): PlannerAnswer {
  const { text, snapshot } = request;
  const mentioned = agentsMentioned(text, snapshot.agents);
  const failedOnes = snapshot.agents.filter((agent) => agent.lastRun?.status === 'failed');
  // "What's its problem?" is about the agent the conversation was about.
  const spoken = /\b(?:it|its|it's|this|that|this one|that one)\b/i.test(text)
    ? snapshot.agents.find((candidate) => candidate.name === request.lastAgentName)
    : undefined;
  const agent =
    mentioned.length === 1
      ? mentioned[0]?.item
      : mentioned.length === 0 && spoken
        ? spoken
        : failedOnes.length === 1
          ? failedOnes[0]
          : undefined;
  if (!agent) {
    return {
      reply:
        failedOnes.length > 0
          ? `Which agent? These failed last time: ${failedOnes.map((item) => `"${item.name}"`).join(', ')}.`
          : 'None of the agents failed on its last run.',
    };
  }
  const run = agent.lastRun;
  if (run?.status !== 'failed') {
    const lastTime = `"${agent.name}" did not fail on its last run${run ? ` (it ${run.status})` : ' (it has not run yet)'}.`;
    // "It keeps failing" may be about the runs before: the newest failure still says why.
    const earlier = agent.history?.recent.find((recent) => recent.status === 'failed');
    if (!earlier) return { reply: lastTime };
    const context = { snapshot, now: request.now ?? new Date(), timezone: snapshot.timezone ?? 'UTC' };
    return { reply: `${lastTime} Its last failure: ${runInWords(earlier, context)}.` };
  }
  const error = run.error;
  const where = error?.stepId ? ` at step "${error.stepId}"` : '';
  const told = `"${agent.name}" failed${where}: ${error?.message ? quotedRunData(error.message) : 'no reason was recorded'}`;
  if (!error?.stepId) return { reply: told };
  const tool = agent.spec.steps.find((step) => step.id === error.stepId)?.tool;
  const kind = failureRules.find((rule) => rule.matches(error, tool))?.kind ?? 'other';
  switch (kind) {
    case 'sign_in':
      return signInHelp(agent, error, error.stepId, snapshot, told);
    case 'moved':
      return movedFix(agent, error.stepId, text, told);
    case 'layout':
      return layoutFix(agent, error, error.stepId, text, told);
    case 'bound': {
      const fix = boundFix(agent, error.stepId, error.code);
      if (!fix) return { reply: `${told}\nIt is at the largest bound a step may have: split what it reads.` };
      return updatePlan(
        agent,
        `Let "${fix.stepId}" of "${agent.name}" read up to ${fix.to} ${fix.counts} instead of ${fix.from}.`,
        fix.operation,
        `${told}\nIt stopped at its bound of ${fix.from} ${fix.counts} with more to read: I will raise it to ${fix.to}.`,
      );
    }
    case 'other': {
      const fix = retryFix(agent);
      if (!fix) return { reply: `${told}${screenshotNote(error)}` };
      return {
        reply: `${told}\nThat kind of failure often passes on a second try: I can let "${fix.stepId}" retry up to 3 times with a 60-second limit.${screenshotNote(error)}`,
        plan: {
          summary: `Let "${fix.stepId}" of "${agent.name}" retry.`,
          questions: [],
          operations: [fix.operation],
        },
      };
    }
  }
}

/** The answer to a fix's question: the new address or selector completes the plan. */
export function continueFixDraft(
  draft: FixDraft,
  text: string,
  request: PlannerRequest,
): PlannerAnswer | undefined {
  const agent = request.snapshot.agents.find((candidate) => candidate.id === draft.agentId);
  if (!agent) return undefined;
  if (draft.fix === 'url') {
    const oldUrl = fixedUrlOf(agent, draft.stepId);
    const newUrl = urlsIn(text).find((url) => url !== oldUrl);
    const operation = newUrl && urlFix(agent, draft.stepId, newUrl);
    if (!newUrl || !operation) return undefined;
    return updatePlan(
      agent,
      `Point "${agent.name}" at ${newUrl} instead of ${oldUrl}.`,
      operation,
      `I will point "${agent.name}" at ${newUrl} instead of ${oldUrl}.`,
      text,
    );
  }
  const selector = draft.selector;
  const given = selectorFromAnswer(text);
  const operation = selector && given && selectorFix(agent, draft.stepId, selector, given);
  if (!selector || !given || !operation) return undefined;
  return updatePlan(
    agent,
    `Look for \`${given}\` instead of \`${selector}\` in "${agent.name}".`,
    operation,
    `I will have step "${draft.stepId}" of "${agent.name}" look for \`${given}\` instead of \`${selector}\`. Check its fields still fit the new records (run it once after approving).`,
    text,
  );
}
