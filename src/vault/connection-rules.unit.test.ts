import { describe, expect, it } from 'vitest';
import { connectionDefinition } from './connection-rules.ts';

const oauth = (authorizationParameters: Record<string, string>) => ({
  kind: 'oauth2',
  settings: {
    authorizationUrl: 'https://accounts.example.com/authorize',
    tokenUrl: 'https://accounts.example.com/token',
    clientId: 'orca-client',
    allowedHosts: ['api.example.com'],
    authorizationParameters,
  },
  secret: {},
});

describe('connection settings', () => {
  it('takes plain authorization parameters such as access_type', () => {
    expect(connectionDefinition.safeParse(oauth({ access_type: 'offline', prompt: 'consent' })).success).toBe(
      true,
    );
  });

  it.each(['client_secret', 'refresh_token', 'api_key', 'password'])(
    'refuses %s among authorization parameters, which are shown and sent in the address',
    (name) => {
      const parsed = connectionDefinition.safeParse(oauth({ [name]: 'hush' }));
      expect(parsed.success).toBe(false);
      expect(JSON.stringify(parsed.error?.issues)).toContain('belongs in \\"secret\\"');
    },
  );
});
