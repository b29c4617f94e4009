import { describe, expect, it } from 'vitest';
import { redactedMark, scrubText, scrubValue } from './redaction.ts';

describe('scrubText', () => {
  const cases: [string, string, string][] = [
    ['a bearer token', 'Authorization: Bearer abc.DEF-123_xyz', 'abc.DEF-123_xyz'],
    ['a basic credential after Authorization', 'authorization=Basic dXNlcjpodW50ZXIy', 'dXNlcjpodW50ZXIy'],
    ['a session token', 'signed in with orca_s_Qm9vb29vb29vb29vb29vb28', 'orca_s_Qm9vb29vb29vb29vb29vb28'],
    ['an OAuth code in a query', 'GET /callback?code=4/0AbCdEf123&state=xyz789', '4/0AbCdEf123'],
    ['an OAuth state in a query', 'GET /callback?code=4/0AbCdEf123&state=xyz789', 'xyz789'],
    ['a key in a query', 'https://maps.example.com/api?key=AIzaSyA1234567890', 'AIzaSyA1234567890'],
    [
      'an API token',
      'token orca_t_abcdefghijklmnopqrstuvwxyz012345',
      'orca_t_abcdefghijklmnopqrstuvwxyz012345',
    ],
    ['a hook address', 'POST /api/hooks/orca_h_abcdefghijklmnop1234', 'orca_h_abcdefghijklmnop1234'],
    ['a signing secret', 'secret whsec_abcdefghijklmnop', 'whsec_abcdefghijklmnop'],
    ['a password in a URL', 'connect postgres://orca:s3cret-pw@db:5432/orca failed', 's3cret-pw'],
    ['a query string token', 'GET /callback?code=1&access_token=xyz789abc&state=2', 'xyz789abc'],
    ['a password field in JSON', 'body {"email":"a@b.c","password":"hunter2 hunter2"}', 'hunter2 hunter2'],
    ['a cookie header', 'Cookie: orca_session=whatever; theme=dark', 'theme=dark'],
    ['an OpenAI key', 'key sk-proj-ABCDEFGHIJKLMNOPQRSTUV', 'sk-proj-ABCDEFGHIJKLMNOPQRSTUV'],
    ['a GitHub token', 'ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123', 'ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123'],
    ['an AWS access key', 'AKIAIOSFODNN7EXAMPLE in use', 'AKIAIOSFODNN7EXAMPLE'],
    ['a JWT', 'id eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', 'eyJzdWIiOiIxIn0'],
    [
      'a private key',
      'key -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY----- end',
      'MIIEvQIBADANBg',
    ],
  ];
  for (const [what, text, secret] of cases) {
    it(`removes ${what}`, () => {
      const scrubbed = scrubText(text);
      expect(scrubbed).not.toContain(secret);
      expect(scrubbed).toContain(redactedMark);
    });
  }

  it('leaves ordinary text, ids and routes alone', () => {
    for (const text of [
      'request',
      '/api/workspaces/:ws/agents/:agentId',
      '7d4c9a36-0c1e-4a8b-9f0e-2b1d3c4e5f60',
      'Token revoked for user',
      'the basic plan ran out of credits',
      'step failed: the page answered 500',
      '{"code":"http_status","message":"the page answered 500"}',
    ]) {
      expect(scrubText(text)).toBe(text);
    }
  });
});

describe('scrubValue', () => {
  it('replaces secret-named fields at any depth and scrubs the rest', () => {
    const scrubbed = scrubValue({
      userId: 'u1',
      tokenId: 'kept',
      inputTokens: 12,
      connection: { name: 'CRM', credentials: { user: 'ada', password: 'pw-1' } },
      deep: { a: { b: { c: { Password: 'pw-2', apiKey: 'k', 'set-cookie': 'c=1' } } } },
      list: ['Bearer abcdefgh', 3, null],
    });
    expect(scrubbed).toEqual({
      userId: 'u1',
      tokenId: 'kept',
      inputTokens: 12,
      connection: { name: 'CRM', credentials: redactedMark },
      deep: { a: { b: { c: { Password: redactedMark, apiKey: redactedMark, 'set-cookie': redactedMark } } } },
      list: [`Bearer ${redactedMark}`, 3, null],
    });
  });

  it('stops at a bounded depth', () => {
    let nested: Record<string, unknown> = { password: 'deepest' };
    for (let level = 0; level < 20; level++) nested = { next: nested };
    expect(JSON.stringify(scrubValue(nested))).not.toContain('deepest');
  });
});
