import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.ts';

let orca: TestPlatform;
beforeAll(async () => {
  orca = await startTestPlatform();
});
afterAll(() => orca.close());

describe('OpenAPI document', () => {
  it('documents every public path of the foundation, generated from the validating schemas', async () => {
    const response = await orca.request('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body;
    expect(document.openapi).toBe('3.1.0');
    const expected: Record<string, string[]> = {
      '/api/auth/signup': ['post'],
      '/api/auth/login': ['post'],
      '/api/auth/logout': ['post'],
      '/api/me': ['get'],
      '/api/me/memory': ['get', 'patch'],
      '/api/workspaces': ['get', 'post'],
      '/api/workspaces/{ws}': ['get', 'patch', 'delete'],
      '/api/workspaces/{ws}/members': ['get', 'post'],
      '/api/workspaces/{ws}/members/{userId}': ['patch', 'delete'],
      '/api/workspaces/{ws}/invitations': ['get', 'post'],
      '/api/workspaces/{ws}/invitations/{invitationId}': ['delete'],
      '/api/invitations/{token}': ['get'],
      '/api/invitations/{token}/accept': ['post'],
      '/api/workspaces/{ws}/tokens': ['get', 'post'],
      '/api/workspaces/{ws}/tokens/{tokenId}': ['delete'],
      '/api/workspaces/{ws}/audit': ['get'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      expect(Object.keys(document.paths[path] ?? {}).sort(), path).toEqual([...methods].sort());
    }
    const signup = document.paths['/api/auth/signup'].post.requestBody.content['application/json'].schema;
    expect(signup.required.sort()).toEqual(['email', 'name', 'password']);
    expect(signup.additionalProperties).toBe(false);
    expect(document.components.schemas.Error).toBeDefined();
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
