import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.ts';

let orca: TestPlatform;
beforeAll(async () => {
  orca = await startTestPlatform();
});
afterAll(() => orca.close());

describe('user memory', () => {
  it('starts empty, keeps time zone, preferences and facts, and merges preferences', async () => {
    const user = await orca.signUp();
    const empty = await orca.request('GET', '/api/me/memory', { token: user.token });
    expect(empty.body).toEqual({
      timezone: null,
      locale: null,
      preferences: {},
      facts: [],
      learning: true,
      learned: { items: [], preferences: { notificationChannel: null, timezone: null, locale: null } },
      updatedAt: null,
    });
    const first = await orca.request('PATCH', '/api/me/memory', {
      token: user.token,
      body: {
        timezone: 'Europe/Paris',
        preferences: { notify: 'email', tone: 'brief' },
        facts: ['I run a small agency'],
      },
    });
    expect(first.status).toBe(200);
    const second = await orca.request('PATCH', '/api/me/memory', {
      token: user.token,
      body: { locale: 'fr-FR', preferences: { tone: null, model: 'small' } },
    });
    expect(second.body).toMatchObject({
      timezone: 'Europe/Paris',
      locale: 'fr-FR',
      preferences: { notify: 'email', model: 'small' },
      facts: ['I run a small agency'],
    });
    expect(second.body.preferences).not.toHaveProperty('tone');
  });

  it('is the same across the workspaces of the account, and private to it', async () => {
    const user = await orca.signUp();
    const other = await orca.signUp();
    await orca.createWorkspace(user, 'One');
    await orca.createWorkspace(user, 'Two');
    await orca.request('PATCH', '/api/me/memory', { token: user.token, body: { timezone: 'Asia/Tokyo' } });
    expect((await orca.request('GET', '/api/me/memory', { token: user.token })).body.timezone).toBe(
      'Asia/Tokyo',
    );
    expect((await orca.request('GET', '/api/me/memory', { token: other.token })).body.timezone).toBeNull();
  });

  it('refuses unknown time zones, bad locales, unknown fields and oversize memory, keeping what was there', async () => {
    const user = await orca.signUp();
    await orca.request('PATCH', '/api/me/memory', {
      token: user.token,
      body: { timezone: 'America/New_York' },
    });
    const zone = await orca.request('PATCH', '/api/me/memory', {
      token: user.token,
      body: { timezone: 'Mars/Olympus' },
    });
    expect(zone.status).toBe(400);
    expect(zone.body.error.message).toMatch(/IANA time zone/);
    const locale = await orca.request('PATCH', '/api/me/memory', {
      token: user.token,
      body: { locale: 'not a locale!' },
    });
    expect(locale.status).toBe(400);
    const unknown = await orca.request('PATCH', '/api/me/memory', {
      token: user.token,
      body: { workspaceSecrets: 1 },
    });
    expect(unknown.status).toBe(400);
    const facts = Array.from({ length: 60 }, (_, index) => `${index} ${'fact '.repeat(90)}`);
    const big = await orca.request('PATCH', '/api/me/memory', { token: user.token, body: { facts } });
    expect(big.status).toBe(422);
    expect(big.body.error.message).toMatch(/limit is 16384/);
    const after = await orca.request('GET', '/api/me/memory', { token: user.token });
    expect(after.body).toMatchObject({ timezone: 'America/New_York', facts: [] });
  });
});

describe('user memory and characters the database cannot store', () => {
  it('refuses NUL characters in facts and preferences with 400', async () => {
    const user = await orca.signUp();
    const fact = await orca.request('PATCH', '/api/me/memory', {
      token: user.token,
      body: { facts: ['bad\u0000fact'] },
    });
    expect(fact.status).toBe(400);
    const preference = await orca.request('PATCH', '/api/me/memory', {
      token: user.token,
      body: { preferences: { note: 'bad\u0000value' } },
    });
    expect(preference.status).toBe(400);
    expect(preference.body.error.message).toMatch(/preferences.*NUL/);
  });
});
