// "Test connection" for a login account: sign in at its loginUrl in a browser context of its own,
// as browser.login does in a run, and report whether the site let us in. Nothing of the page is
// kept; the secrets go into the form and nowhere else.
import { randomUUID } from 'node:crypto';
import { type PlatformServices, runServices } from './run-services.ts';
import { SecretRedactor } from './secret-redactor.ts';
import type { ToolContext } from './tool.ts';
import { ToolError } from './tool-error.ts';
import { browserLoginTool } from './tools/browser-login.ts';

export interface LoginCheckOutcome {
  status: 'working' | 'failing';
  message: string;
}

/** A sign-in that does not finish in this long is reported as failing. */
const checkTimeoutMilliseconds = 45_000;

export async function checkLogin(
  platform: PlatformServices,
  target: { workspaceId: string; connectionId: string; loginUrl: string },
): Promise<LoginCheckOutcome> {
  // The check's own id names its browser context and its audit entry (connection.used).
  const checkId = randomUUID();
  // The outcome is kept as the connection's status message, which members read: it is redacted
  // like a run's data, and browser.login refuses the same fields and pages as in a run.
  const secrets = new SecretRedactor();
  const services = runServices(
    platform,
    { workspaceId: target.workspaceId, runId: checkId, agentId: '' },
    secrets,
  );
  const context: ToolContext = {
    workspaceId: target.workspaceId,
    runId: checkId,
    stepId: 'connection-check',
    attempt: 1,
    idempotencyKey: `${checkId}:check:1`,
    stepKey: `${checkId}:check`,
    signal: AbortSignal.timeout(checkTimeoutMilliseconds),
    logger: { info: () => undefined, warn: () => undefined },
    network: platform.network,
    runData: {},
    agent: { id: '', name: 'connection check', version: 0 },
    resumeState: undefined,
    recordUsage: () => undefined,
    services: {
      ...services,
      // A check keeps nothing: no failure screenshot is stored for a run that does not exist.
      files: {
        save: () => Promise.reject(new Error('a connection check keeps no files')),
        read: () => Promise.resolve(undefined),
      },
      agents: {
        call: () => Promise.reject(new Error('a connection check calls no agent')),
      },
      // The test route keeps the outcome itself, with the member who asked for it.
      connections: { login: services.connections.login, credential: services.connections.credential },
    },
  };
  try {
    const signedIn = await browserLoginTool.run(
      browserLoginTool.input.parse({ connection: target.connectionId, url: target.loginUrl }),
      context,
    );
    return { status: 'working', message: secrets.redactText(`Signed in at ${signedIn.url}.`) };
  } catch (error) {
    if (error instanceof ToolError) return { status: 'failing', message: secrets.redactText(error.message) };
    throw error;
  } finally {
    await platform.browsers.release(checkId);
  }
}
