// A tool context for calling a tool directly in a test, as the executor would. Services a test
// does not hand in fail loudly when a tool reaches for them.
import { outboundPolicy } from '../../src/network/outbound-policy.ts';
import type { ToolContext } from '../../src/runtime/tool.ts';
import type { ToolServices } from '../../src/runtime/tool-services.ts';

function missing(name: string): never {
  throw new Error(`This test gave the tool no ${name} service.`);
}

const absentServices: ToolServices = {
  memory: {
    write: () => missing('memory'),
    read: () => missing('memory'),
    search: () => missing('memory'),
    list: () => missing('memory'),
  },
  files: { save: () => missing('files'), read: () => missing('files') },
  mail: { configured: false, send: () => missing('mail') },
  llm: undefined,
  agents: { call: () => missing('agents') },
  connections: { credential: () => missing('connections'), login: () => missing('connections') },
  browser: { session: () => missing('browser') },
  webhookSigningSecret: () => missing('webhook signing'),
};

export function toolContext(
  overrides: Partial<Omit<ToolContext, 'services'>> & { services?: Partial<ToolServices> } = {},
): ToolContext {
  const { services, ...rest } = overrides;
  return {
    workspaceId: '00000000-0000-4000-8000-000000000001',
    runId: '00000000-0000-4000-8000-000000000002',
    stepId: 'step',
    attempt: 1,
    idempotencyKey: 'run-1:step:1',
    stepKey: 'run-1:step',
    signal: new AbortController().signal,
    logger: { info: () => undefined, warn: () => undefined },
    // Tests reach their own servers on loopback, so they allow exactly that, as an operator would.
    network: outboundPolicy(['127.0.0.1']),
    runData: {},
    agent: { id: '00000000-0000-4000-8000-000000000003', name: 'Test agent', version: 1 },
    resumeState: undefined,
    recordUsage: () => undefined,
    ...rest,
    services: { ...absentServices, ...services },
  };
}
