// What the built-in planner understands of requests to connect an account, as data: the words
// that ask for it, the words that tell each kind of account, and the services it knows the hosts
// of. Teaching it a service means adding an entry here.
import type { ConnectionKindName } from '../../../domain/plan.ts';

/** A request to connect an account: a verb, then what is connected. */
export const connectPatterns = [
  /\b(connect|link|add|hook up|store|save)\b.*\b(account|api key|api-key|apikey|api token|access token|token|login|log-in|credentials|oauth|oauth2)\b/,
  // "Connect our billing portal": a portal right after the verb is an account to sign in to
  // ("save the results to the partner portal" is not).
  /^(?:(?:please|pls|can you|could you|let's|lets)\s+)?(?:connect|hook up|link up|integrate|set up|add)\s+(?:(?:our|my|the|a|an)\s+)?(?:[a-z0-9-]+\s+){0,2}portal\b/,
  // "Connect our slack", "integrate hubspot": a service alone (the planner checks it is no agent).
  /^(?:(?:please|pls|can you|could you|let's|lets)\s+)?(?:connect|integrate|hook up|link up)\s+(?:(?:our|my|the|a|an)\s+)?[a-z][\w.-]*(?:\s+(?:workspace|instance|integration))?(?:\s*\([^)]*\))?(?:\s+(?:please|too|as well|now))?[.!]*$/,
  /\b(api key|api token|access token|credentials)\s+(for|of)\b/,
  // "Connect our confluence at https://… as bob@…": a service where one signs in, as someone.
  /^(?:(?:please|pls|can you|could you|let's|lets)\s+)?(?:connect|integrate|hook up|link up)\s+(?:our|my|the)\s+[a-z][\w.-]*\s+(?:at|on)\s+(?:\S+\s+)?(?:as|with (?:the )?(?:login|user ?name|user))(?:\s|$)/,
  // "Set up a login for portal.acme.com", "create our hubspot account": the account right after
  // the verb (a verb farther away, "create an agent that reads my crm account", asks for an agent).
  /\b(?:set ?up|create|configure|register)\s+(?:(?:a|an|the|my|our|new)\s+)*(?:[a-z0-9.-]+\s+){0,2}(?:account|api key|api-key|api token|access token|login|log-in|credentials)\b/,
];

/** The words that tell each kind of account; the earliest in the request wins. */
export const connectionKindWords: Record<ConnectionKindName, readonly string[]> = {
  oauth2: ['oauth', 'oauth2', 'oauth 2', 'sign in with', 'authorize', 'authorise'],
  login: ['login', 'log-in', 'log in', 'password', 'sign in', 'sign-in', 'portal', 'username', 'user name'],
  api_key: ['api key', 'api-key', 'apikey', 'api token', 'access token', 'token', 'secret key', 'key'],
};

/** Answers to "which kind of account" as people give them. */
export const connectionKindOptions: Record<string, ConnectionKindName> = {
  'api key': 'api_key',
  login: 'login',
  oauth: 'oauth2',
};

/** Words that end the name of a service in "the acme portal login", "my crm account". */
export const connectionNouns = [
  'account',
  'accounts',
  'login',
  'log-in',
  'api key',
  'api token',
  'access token',
  'token',
  'key',
  'credentials',
  'password',
  'portal',
];

/** Words never taken for the service's name. */
export const notServiceNames = new Set([
  'api',
  'an',
  'a',
  'the',
  'my',
  'our',
  'new',
  'this',
  'that',
  'oauth',
  'oauth2',
  'login',
  'account',
  // "I need to connect an account": the verbs around the account are not its service.
  'connect',
  'add',
  'link',
  'set',
  'setup',
  'create',
  'use',
  'store',
  'save',
  'another',
  'one',
  'some',
  'accounts',
  'key',
  'token',
  'credentials',
  'password',
]);

export interface KnownService {
  words: readonly string[];
  /** The kind of account the service is usually connected with. */
  kind: ConnectionKindName;
  /** Its settings per kind it is known for: the hosts and addresses people should not have to know. */
  settings: Partial<Record<ConnectionKindName, Record<string, unknown>>>;
}

export const knownServices: Record<string, KnownService> = {
  github: {
    words: ['github'],
    kind: 'api_key',
    settings: {
      api_key: { allowedHosts: ['api.github.com'], testUrl: 'https://api.github.com/user' },
      // The providers' documented OAuth 2 endpoints: only the app's client id is left to ask.
      oauth2: {
        allowedHosts: ['api.github.com'],
        authorizationUrl: 'https://github.com/login/oauth/authorize',
        tokenUrl: 'https://github.com/login/oauth/access_token',
      },
    },
  },
  stripe: {
    words: ['stripe'],
    kind: 'api_key',
    settings: {
      api_key: { allowedHosts: ['api.stripe.com'], testUrl: 'https://api.stripe.com/v1/balance' },
    },
  },
  openai: {
    words: ['openai', 'open ai'],
    kind: 'api_key',
    settings: { api_key: { allowedHosts: ['api.openai.com'], testUrl: 'https://api.openai.com/v1/models' } },
  },
  hubspot: {
    words: ['hubspot'],
    kind: 'api_key',
    settings: {
      api_key: { allowedHosts: ['api.hubapi.com'] },
      oauth2: {
        allowedHosts: ['api.hubapi.com'],
        authorizationUrl: 'https://app.hubspot.com/oauth/authorize',
        tokenUrl: 'https://api.hubapi.com/oauth/v1/token',
      },
    },
  },
  slack: {
    words: ['slack'],
    kind: 'api_key',
    settings: {
      api_key: { allowedHosts: ['slack.com'], testUrl: 'https://slack.com/api/auth.test' },
      oauth2: {
        allowedHosts: ['slack.com'],
        authorizationUrl: 'https://slack.com/oauth/v2/authorize',
        tokenUrl: 'https://slack.com/api/oauth.v2.access',
      },
    },
  },
  google: {
    words: [
      'google',
      'gmail',
      'google drive',
      'google sheets',
      'gsheets',
      'google docs',
      'google calendar',
      'gcal',
    ],
    kind: 'oauth2',
    settings: {
      oauth2: {
        allowedHosts: ['*.googleapis.com'],
        authorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
        tokenUrl: 'https://oauth2.googleapis.com/token',
        revocationUrl: 'https://oauth2.googleapis.com/revoke',
        authorizationParameters: { access_type: 'offline', prompt: 'consent' },
      },
    },
  },
  microsoft: {
    words: ['microsoft', 'outlook', 'office 365', 'onedrive', 'sharepoint'],
    kind: 'oauth2',
    settings: {
      oauth2: {
        allowedHosts: ['graph.microsoft.com'],
        authorizationUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
        tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
        scopes: ['offline_access'],
      },
    },
  },
};

/**
 * A request to connect again an account the workspace has: "reconnect the crm", "re-auth crm",
 * "hook up the crm again, the token expired", "renew the supplier-portal login".
 */
export const reconnectPatterns = [
  /\bre-?(?:conn?ect|auth|authori[sz]e|authenticate|link|login|log in|sign in)\w*\b/,
  /\b(?:connect|link|hook up|hook|auth|authori[sz]e|authenticate|log ?in|sign ?in|set up|setup)\b.*\bagain\b/,
  /\b(?:renew|refresh)\b.*\b(?:account|token|login|credentials?|access|password|key|connection)\b/,
  /\b(?:token|login|password|credentials?|access|key|connection)\b.*\b(?:expired|revoked|invalid|refused|changed|rotated)\b/,
  /\b(?:fix|update|change|replace|reset|rotate)\b.*\b(?:password|token|api key|credentials?)\b/,
];
