// Agents for addresses that are not pages to read with a selector: a JSON API (its body is the
// data), an RSS or Atom feed (its items are the records) and an uptime check (its status is the
// answer). Each is an ordinary spec of the real tools, like those of spec-templates.ts.
import { type Notification, notificationSteps } from './spec-templates.ts';

/** How the request asks an API agent to tell: on every run, or only when the answer changed. */
export type ApiReport = 'every run' | 'on change';

export function apiSpec(options: {
  name: string;
  url: string;
  goal: string;
  notify: Notification;
  report: ApiReport;
  /** The connected account whose key the API wants, when the workspace has one for its host. */
  connection?: string;
}) {
  const onChange = options.report === 'on change';
  return {
    name: options.name,
    goal: options.goal,
    instructions: `Call ${options.url}, read its JSON answer whole, keep it in agent memory${onChange ? ' and report when it differs from the last run' : ''}.`,
    steps: [
      {
        id: 'fetch',
        tool: 'http.request',
        with: {
          url: options.url,
          headers: { accept: 'application/json' },
          responseType: 'json',
          ...(options.connection ? { auth: { connection: options.connection } } : {}),
        },
        retry: { attempts: 3, backoffMs: 2000 },
      },
      { id: 'previous', tool: 'memory.read', with: { key: 'last-response', scope: 'agent' } },
      {
        id: 'compare',
        tool: 'transform',
        with: {
          expression:
            '{ "changed": steps.previous.found and $string(steps.previous.value) != $string(steps.fetch.body), "first": $not(steps.previous.found) }',
        },
      },
      {
        id: 'remember',
        tool: 'memory.write',
        with: { key: 'last-response', value: '{{ steps.fetch.body }}', scope: 'agent' },
      },
      ...notificationSteps(
        options.notify,
        {
          subject: onChange ? `${options.name}: the answer changed` : `${options.name}: the latest answer`,
          text: `${options.url} answered:\n{{ $string(steps.fetch.body) }}`,
          payload: {
            url: options.url,
            changed: '{{ steps.compare.value.changed }}',
            data: '{{ steps.fetch.body }}',
          },
        },
        onChange ? 'steps.compare.value.changed' : undefined,
      ),
    ],
    output: { data: '{{ steps.fetch.body }}', changed: '{{ steps.compare.value.changed }}' },
  };
}

/**
 * A feed's items: RSS `<item>` and Atom `<entry>` alike, each with its title, link (RSS writes it
 * as text, Atom as an href), date and summary. Items seen on an earlier run are not new.
 */
export function feedSpec(options: { name: string; url: string; goal: string; notify: Notification }) {
  return {
    name: options.name,
    goal: options.goal,
    instructions: `Read the feed at ${options.url}, keep its items, and report the ones not seen before.`,
    steps: [
      {
        id: 'fetch',
        tool: 'http.request',
        with: { url: options.url, responseType: 'text' },
        retry: { attempts: 3, backoffMs: 2000 },
      },
      {
        id: 'items',
        tool: 'html.extract',
        with: {
          html: '{{ steps.fetch.body }}',
          baseUrl: options.url,
          records: {
            selector: 'item, entry',
            fields: {
              title: 'title',
              link: 'link',
              href: { selector: 'link', attribute: 'href' },
              published: 'pubDate, published, updated',
              summary: 'description, summary',
            },
          },
        },
      },
      { id: 'known', tool: 'memory.read', with: { key: 'seen-items', scope: 'agent' } },
      {
        id: 'fresh',
        tool: 'transform',
        // An item is known by its link (an RSS link is text, an Atom link an href), else its title.
        with: {
          expression:
            '[steps.items.records[$not(($exists(link) and link != "" ? link : ($exists(href) and href != null ? href : title)) in $$.steps.known.value)]]',
        },
      },
      {
        id: 'remember',
        tool: 'memory.write',
        with: {
          key: 'seen-items',
          scope: 'agent',
          value:
            '{{ [$distinct($append(steps.known.value, steps.items.records.($exists(link) and link != "" ? link : ($exists(href) and href != null ? href : title))))] }}',
        },
      },
      ...notificationSteps(
        options.notify,
        {
          subject: `${options.name}: {{ $count(steps.fresh.value) }} new items`,
          text: '{{ $join(steps.fresh.value.(title & " " & (link ? link : href)), "\\n") }}',
          payload: { url: options.url, items: '{{ steps.fresh.value }}' },
        },
        '$count(steps.fresh.value) > 0',
      ),
    ],
    output: {
      count: '{{ steps.items.count }}',
      items: '{{ steps.items.records }}',
      fresh: '{{ steps.fresh.value }}',
    },
  };
}

/**
 * Whether an address answers: its status, not its content. A 4xx or 5xx answer and an address
 * that does not answer at all (the step goes on with no output) both count as down.
 */
export function uptimeSpec(options: { name: string; url: string; goal: string; notify: Notification }) {
  return {
    name: options.name,
    goal: options.goal,
    instructions: `Request ${options.url} and report when it does not answer with a 2xx status.`,
    steps: [
      {
        id: 'check',
        tool: 'http.request',
        with: { url: options.url, failOnStatus: false, timeoutMs: 15_000 },
        retry: { attempts: 2, backoffMs: 5000 },
        onError: 'continue',
      },
      {
        id: 'verdict',
        tool: 'transform',
        with: {
          expression:
            '{ "up": steps.check.ok = true, "status": steps.check.status ? steps.check.status : null, "ms": steps.check.durationMs ? steps.check.durationMs : null }',
        },
      },
      ...notificationSteps(
        options.notify,
        {
          subject: `${options.name}: ${options.url} is down`,
          text: `${options.url} did not answer with a 2xx status (status: {{ steps.verdict.value.status }}).`,
          payload: { url: options.url, up: false, status: '{{ steps.verdict.value.status }}' },
        },
        '$not(steps.verdict.value.up)',
      ),
    ],
    output: {
      up: '{{ steps.verdict.value.up }}',
      status: '{{ steps.verdict.value.status }}',
      ms: '{{ steps.verdict.value.ms }}',
    },
  };
}
