// A summary of a web page: "summarise https://news.example.com/tech every day and e-mail me".
// With a language model configured, the agent reads the page's text and has llm.generate write
// the summary; without one nothing can write it, so the agent sends the page's title and
// headlines instead and the reply says so plainly: never a plan that silently does less.
import { validateAgentSpec } from '../../domain/agent-spec.ts';
import type { PlanOperation } from '../../domain/plan.ts';
import type { PlannerAnswer, PlannerRequest } from '../planner.ts';
import { scheduleNewAgent, uniqueName } from './new-agents.ts';
import { givenName, hasAny, siteName, titleCase, urlsIn, withoutAddresses } from './request-text.ts';
import { scheduleIn } from './schedule-phrases.ts';
import { type Notification, notificationSteps } from './spec-templates.ts';
import { digestWords } from './vocabulary/agent-verb-vocabulary.ts';

/** The most page text sent to the model: a long page is cut, not refused. */
const mostCharacters = 20_000;

/** Whether the request asks for a summary of a page it gives ("summarise https://…", "a digest of https://…"). */
export function asksForPageSummary(text: string): boolean {
  if (urlsIn(text).length === 0) return false;
  // "Summarise new posts on https://…/feed" is a feed's items, which the feed reader already lists.
  const lower = text.toLowerCase();
  const words = withoutAddresses(lower);
  if (/\b(?:feed|rss|atom)\b/.test(lower) || /\.(?:xml|rss|atom)\b|\/feed\b/.test(lower)) return false;
  // "An agent to grab headlines from https://…, another one to summarise them": two agents.
  if (/\b(?:another|second (?:one|agent)|chain|two agents)\b/.test(lower)) return false;
  // "Monitor https://… and e-mail me a summary when it changes" is a monitor; "scrape … selector
  // .job and e-mail a summary" a scraper: the summary is their notice, not the agent.
  if (
    /\b(?:monitor\w*|watch\w*|track\w*|scrap\w*|collect\w*|extract\w*|grab\w*|changes?|changed|selector)\b/.test(
      words,
    )
  )
    return false;
  return hasAny(words, [...digestWords, 'tl;dr', 'tldr', 'recap', 'gist']);
}

function pageSteps(url: string, model: boolean): Record<string, unknown>[] {
  const steps: Record<string, unknown>[] = [
    { id: 'fetch', tool: 'http.request', with: { url }, retry: { attempts: 3, backoffMs: 5000 } },
    {
      id: 'page',
      tool: 'html.extract',
      with: {
        html: '{{ steps.fetch.body }}',
        baseUrl: url,
        fields: {
          title: 'title',
          headlines: { selector: 'h1, h2, h3', multiple: true },
          text: 'body',
        },
      },
    },
  ];
  if (model) {
    steps.push({
      id: 'summary',
      tool: 'llm.generate',
      with: {
        system:
          'You summarise web pages for a busy reader: what matters first, in a few plain sentences and bullet points. Invent nothing that the page does not say.',
        prompt: `Summarise the page ${url}. Its title: {{ steps.page.fields.title }}. Its text:\n{{ $substring($string(steps.page.fields.text), 0, ${mostCharacters}) }}`,
      },
    });
  } else {
    steps.push({
      id: 'summary',
      tool: 'transform',
      with: {
        expression: `$string(steps.page.fields.title) & "\\n\\n" & $join(steps.page.fields.headlines.("- " & $), "\\n")`,
      },
    });
  }
  return steps;
}

/** The agent that summarises the page the request gives, tested once, on the schedule it names. */
export function planPageSummary(
  text: string,
  request: PlannerRequest,
  notify: (text: string, url: string) => Notification,
): PlannerAnswer | undefined {
  const url = urlsIn(text).find((address) => !/hook/i.test(address));
  if (!url) return undefined;
  const model = Boolean(request.languageModel);
  const site = siteName(url);
  const name = uniqueName(
    givenName(text) ?? `${site} ${model ? 'Summary' : 'Headlines'}`,
    request.snapshot.agents,
  );
  const summary = model ? '{{ steps.summary.text }}' : '{{ steps.summary.value }}';
  const notice = notify(text, url);
  const steps = [
    ...pageSteps(url, model),
    ...notificationSteps(notice, {
      subject: model ? `Summary of ${url}` : `Headlines of ${url}`,
      text: summary,
      payload: { agent: name, page: url, summary },
    }),
  ];
  const validation = validateAgentSpec({
    name,
    goal: model
      ? `Summarise the page ${url}.`
      : `Send the title and headlines of the page ${url} (no model is configured to summarise it).`,
    steps,
    output: summary,
  });
  if (!validation.success)
    throw new Error(`The page summary agent's spec does not validate: ${JSON.stringify(validation.issues)}`);
  const operations: PlanOperation[] = [
    { type: 'createAgent', spec: validation.spec as unknown as Record<string, unknown> },
    { type: 'runAgent', agentName: name, input: {}, test: true },
  ];
  const found = scheduleIn(text);
  const scheduled = scheduleNewAgent(
    name,
    found?.kind === 'found' ? { words: found.words, timezone: found.timezone } : undefined,
    request,
  );
  if (scheduled.operation) operations.push(scheduled.operation);
  const channels = [
    notice.email && `e-mails it to ${notice.email}`,
    notice.webhook && `posts it to ${notice.webhook}`,
  ]
    .filter(Boolean)
    .join(' and ');
  const delivered = channels ? `, and ${channels}` : '';
  const reply = model
    ? `I will create "${name}", which reads ${url} and has the model (${request.languageModel}) summarise it${delivered}. I will test it once.${scheduled.reply} Approve the plan to go ahead.`
    : `No language model is configured (ORCA_LLM is not set), so no agent can write a summary. What I can build instead: "${name}", which reads ${url} and keeps its title and headlines${delivered}. I will test it once.${scheduled.reply} Approve the plan to build that, or configure a model and ask again for a written summary.`;
  return {
    reply,
    plan: {
      summary: `Create "${name}" (${model ? `a summary of ${url}` : `the title and headlines of ${url}, not summarised`}) and test it${scheduled.summary}.`,
      questions: [],
      operations,
    },
  };
}
