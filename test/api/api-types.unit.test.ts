// The web app's API types are generated from the routes; this fails when a route changed and
// `npm run generate:api` was not run, so the UI and the API cannot drift apart unnoticed.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiTypesPath, generateApiTypes } from '../../scripts/api-types.ts';

describe('the web app’s generated API types', () => {
  it('match what the routes declare today (run `npm run generate:api` when this fails)', async () => {
    const checkedIn = await readFile(apiTypesPath, 'utf8');
    expect(checkedIn === (await generateApiTypes())).toBe(true);
  });
});
