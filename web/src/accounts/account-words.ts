// A connected account in words: its kind, its state, its name, what it waits for. The same words
// on the list, on its page and in the chat.
import type { Account, AccountKind } from './account-queries.ts';

export const kindWords: Record<AccountKind, string> = {
  api_key: 'API key',
  login: 'Login',
  oauth2: 'OAuth 2',
};

/** The secret each kind authenticates with, as people call it. */
export const secretWords: Record<AccountKind, string> = {
  api_key: 'API key',
  login: 'password',
  oauth2: 'authorization',
};

export function accountName(account: Pick<Account, 'service' | 'label'>): string {
  return account.label ? `${account.service} (${account.label})` : account.service;
}

/** Whether an OAuth 2 account holds tokens: someone signed in at the provider. */
export function isAuthorized(account: Pick<Account, 'kind' | 'secretFields'>): boolean {
  return account.kind === 'oauth2' && account.secretFields.includes('accessToken');
}

export type AccountState = 'working' | 'failing' | 'waiting' | 'untested';

/** The state a person cares about: a missing secret or authorization comes before any test. */
export function accountState(account: Account): AccountState {
  if (account.waitingForSecret) return 'waiting';
  if (account.kind === 'oauth2' && !isAuthorized(account) && account.status !== 'failing') return 'waiting';
  return account.status;
}

export function stateWords(account: Account): { title: string; detail: string | null } {
  switch (accountState(account)) {
    case 'waiting':
      return account.kind === 'oauth2'
        ? {
            title: 'Waiting to be connected',
            detail: 'An admin presses Connect on its page and signs in at the provider.',
          }
        : {
            title: `Waiting for its ${secretWords[account.kind]}`,
            detail: `Agents that use it fail until an admin adds the ${secretWords[account.kind]} on its page.`,
          };
    case 'working':
      return { title: 'Working', detail: account.statusMessage };
    case 'failing':
      return { title: 'Failing', detail: account.statusMessage ?? 'The last check failed.' };
    case 'untested':
      return { title: 'Not tested yet', detail: account.statusMessage };
  }
}

/** "api.github.com, *.github.com". */
export function hostsOf(account: Pick<Account, 'settings'>): string[] {
  const hosts = account.settings.allowedHosts;
  return Array.isArray(hosts) ? hosts.map(String) : [];
}

export function settingText(account: Pick<Account, 'settings'>, name: string): string | undefined {
  const value = account.settings[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Host names typed with commas, spaces or new lines; an address is cut down to its host. */
export function parseHosts(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      if (!/^https?:\/\//i.test(entry)) return entry.replace(/\/.*$/, '');
      try {
        return new URL(entry).host;
      } catch {
        return entry;
      }
    });
}
