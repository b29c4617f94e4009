// What the browser suites share: the test portal's account (a password and a TOTP secret) and a
// platform that may reach 127.0.0.1 and drives the Chromium of ORCA_CHROMIUM_PATH when it is set.
import { startTestPlatform, type TestPlatform } from './test-platform.ts';

export const portalAccount = {
  username: 'buyer@example.com',
  password: 'correct horse battery',
  totpSecret: 'JBSWY3DPEHPK3PXP',
};

export function startBrowserPlatform(): Promise<TestPlatform> {
  return startTestPlatform({
    configOverrides: {
      allowNetwork: '127.0.0.1',
      ...(process.env.ORCA_CHROMIUM_PATH ? { chromiumPath: process.env.ORCA_CHROMIUM_PATH } : {}),
    },
  });
}
