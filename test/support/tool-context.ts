// A tool context for calling a tool directly in a test, as the executor would.
import { outboundPolicy } from '../../src/runtime/outbound-policy.ts';
import type { ToolContext } from '../../src/runtime/tool.ts';

export function toolContext(overrides: Partial<ToolContext> = {}): ToolContext {
  return {
    workspaceId: '00000000-0000-4000-8000-000000000001',
    runId: '00000000-0000-4000-8000-000000000002',
    stepId: 'step',
    attempt: 1,
    idempotencyKey: 'run-1:step:1',
    signal: new AbortController().signal,
    logger: { info: () => undefined, warn: () => undefined },
    // Tests reach their own servers on loopback, so they allow exactly that, as an operator would.
    network: outboundPolicy(['127.0.0.1']),
    runData: {},
    ...overrides,
  };
}
