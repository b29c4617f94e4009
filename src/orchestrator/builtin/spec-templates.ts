// The agents the built-in planner builds, as specs made of the real tools. Each is an ordinary
// spec: the user sees it in the plan, and may change it like any other.
import { portalDownloadOutput, portalDownloadSteps } from './portal-download-steps.ts';

export interface Notification {
  email?: string;
  webhook?: string;
}

type Step = Record<string, unknown> & { id: string; tool: string };

/** Steps that tell the user, when the condition (a JSONata expression) holds. */
export function notificationSteps(
  notify: Notification,
  message: { subject: string; text: string; payload: Record<string, unknown> },
  condition?: string,
): Step[] {
  const steps: Step[] = [];
  const when = condition ? { if: condition } : {};
  if (notify.email) {
    steps.push({
      id: 'email',
      tool: 'notify.email',
      ...when,
      with: { to: notify.email, subject: message.subject, text: message.text },
      retry: { attempts: 3, backoffMs: 5000 },
    });
  }
  if (notify.webhook) {
    steps.push({
      id: 'webhook',
      tool: 'notify.webhook',
      ...when,
      with: { url: notify.webhook, payload: message.payload },
      retry: { attempts: 3, backoffMs: 5000 },
    });
  }
  return steps;
}

export function monitorSpec(options: {
  name: string;
  url: string;
  selector?: string;
  notify: Notification;
  goal: string;
}) {
  const payload = {
    url: options.url,
    changed: '{{ steps.compare.value.changed }}',
    content: '{{ steps.read.fields.content }}',
  };
  return {
    name: options.name,
    goal: options.goal,
    instructions: `Fetch ${options.url}, compare ${options.selector ? `"${options.selector}"` : 'the page text'} with the last run, and report a change.`,
    steps: [
      {
        id: 'fetch',
        tool: 'http.request',
        with: { url: options.url },
        retry: { attempts: 3, backoffMs: 2000 },
      },
      {
        id: 'read',
        tool: 'html.extract',
        with: { html: '{{ steps.fetch.body }}', fields: { content: options.selector ?? 'body' } },
      },
      { id: 'previous', tool: 'memory.read', with: { key: 'last-content', scope: 'agent' } },
      {
        id: 'compare',
        tool: 'transform',
        with: {
          expression:
            '{ "changed": steps.previous.found and steps.previous.value != steps.read.fields.content, "first": $not(steps.previous.found) }',
        },
      },
      {
        id: 'remember',
        tool: 'memory.write',
        with: { key: 'last-content', value: '{{ steps.read.fields.content }}', scope: 'agent' },
      },
      ...notificationSteps(
        options.notify,
        {
          subject: `${options.name}: the page changed`,
          text: `${options.url} changed since the last check.`,
          payload,
        },
        'steps.compare.value.changed',
      ),
    ],
    output: { changed: '{{ steps.compare.value.changed }}', firstRun: '{{ steps.compare.value.first }}' },
  };
}

export function scraperSpec(options: {
  name: string;
  url: string;
  noun: string;
  records: { selector: string; fields: Record<string, unknown> } | { find: 'repeated'; fields: string[] };
  notify: Notification;
  goal: string;
}) {
  const payload = { url: options.url, count: '{{ steps.extract.count }}', file: '{{ steps.save.path }}' };
  return {
    name: options.name,
    goal: options.goal,
    instructions: `Collect the ${options.noun} listed on ${options.url}, keep them in the shared context and as a CSV file.`,
    steps: [
      {
        id: 'fetch',
        tool: 'http.request',
        with: { url: options.url },
        retry: { attempts: 3, backoffMs: 2000 },
      },
      {
        id: 'extract',
        tool: 'html.extract',
        with: {
          html: '{{ steps.fetch.body }}',
          baseUrl: options.url,
          records: options.records,
          required: true,
        },
      },
      {
        id: 'save',
        tool: 'files.save',
        with: { name: `${options.noun}.csv`, content: '{{ steps.extract.records }}' },
      },
      {
        id: 'remember',
        tool: 'memory.write',
        with: { key: `${options.noun}/latest`, value: '{{ steps.extract.records }}', tags: [options.noun] },
      },
      ...notificationSteps(options.notify, {
        subject: `${options.name}: {{ steps.extract.count }} ${options.noun}`,
        text: `{{ steps.extract.count }} ${options.noun} collected from ${options.url}. The CSV file: {{ steps.save.path }}`,
        payload,
      }),
    ],
    output: {
      count: '{{ steps.extract.count }}',
      records: '{{ steps.extract.records }}',
      file: '{{ steps.save.id }}',
    },
  };
}

/**
 * An agent that keeps a picture of a page: it signs in first when it has an account, opens the
 * page and saves a screenshot as a deliverable of each run.
 */
export function screenshotSpec(options: {
  name: string;
  goal: string;
  pageUrl: string;
  fileName: string;
  fullPage: boolean;
  signIn?: { connection: string; loginUrl: string };
}) {
  const signIn = options.signIn;
  return {
    name: options.name,
    goal: options.goal,
    instructions: `${signIn ? `Sign in with the "${signIn.connection}" account, then open` : 'Open'} ${options.pageUrl} and save a screenshot of it as ${options.fileName}.`,
    steps: [
      ...(signIn
        ? [
            {
              id: 'login',
              tool: 'browser.login',
              with: { connection: signIn.connection, url: signIn.loginUrl },
            },
          ]
        : []),
      { id: 'open', tool: 'browser.goto', with: { url: options.pageUrl } },
      {
        id: 'screenshot',
        tool: 'browser.screenshot',
        with: { name: options.fileName, fullPage: options.fullPage },
      },
    ],
  };
}

/**
 * An agent that signs in to a portal, reads its listing to its last page (browser.paginate finds
 * how it pages), downloads each file it has not downloaded before into the run's deliverables,
 * and remembers what identifies each file in agent memory (portal-download-steps.ts).
 */
export function portalSpec(options: {
  name: string;
  goal: string;
  connection: string;
  loginUrl: string;
  listingUrl: string;
  noun: string;
  /** What matches each link to a file; a record is the link itself or holds one. */
  links: { selector: string; fields: Record<string, unknown> };
  /** The listing field that tells files apart (a statement number); the name and size otherwise. */
  identity?: string;
}) {
  return {
    name: options.name,
    goal: options.goal,
    instructions: `Sign in with the "${options.connection}" account, read every page of ${options.listingUrl}, and download each of the ${options.noun} not downloaded before.`,
    steps: [
      {
        id: 'login',
        tool: 'browser.login',
        with: { connection: options.connection, url: options.loginUrl },
      },
      {
        id: 'listing',
        tool: 'browser.paginate',
        // Every page to the listing's end, however it pages; a listing longer than maxPages fails
        // the run rather than leave files behind unnoticed.
        with: {
          url: options.listingUrl,
          records: options.links,
          maxPages: 200,
        },
      },
      ...portalDownloadSteps(options.identity),
    ],
    output: portalDownloadOutput,
  };
}
