// Issue 11, item 10: the web app was sent without a Content-Security-Policy. Its pages and files
// now carry a strict one (only its own scripts, styles and API; no framing), and the API's
// responses one that allows nothing at all.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.ts';

let orca: TestPlatform;
let webRoot: string;
beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'orca-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(
    join(webRoot, 'index.html'),
    '<!doctype html><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log("orca")');
  orca = await startTestPlatform({ webRoot });
});
afterAll(async () => {
  await orca.close();
  rmSync(webRoot, { recursive: true, force: true });
});

function directives(header: string | null): Map<string, string> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name as string, values.join(' ')]),
  );
}

describe('security headers', () => {
  it.each(['/', '/w/some-workspace', '/assets/app.js'])(
    'sends a strict policy with the web app’s %s',
    async (path) => {
      const response = await orca.request('GET', path);
      expect(response.status).toBe(200);
      const policy = directives(response.headers.get('content-security-policy'));
      expect(policy.get('default-src')).toBe("'self'");
      expect(policy.get('script-src')).toBe("'self'");
      expect(policy.get('style-src')).toBe("'self'");
      expect(policy.get('connect-src')).toBe("'self'");
      expect(policy.get('object-src')).toBe("'none'");
      expect(policy.get('base-uri')).toBe("'none'");
      expect(policy.get('frame-ancestors')).toBe("'none'");
      expect([...policy.values()].join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    },
  );

  it('sends a policy that allows nothing with API answers, errors included', async () => {
    for (const path of ['/api/health', '/api/me', '/api/no-such-route']) {
      const response = await orca.request('GET', path);
      const policy = directives(response.headers.get('content-security-policy'));
      expect(policy.get('default-src')).toBe("'none'");
      expect(policy.get('frame-ancestors')).toBe("'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
