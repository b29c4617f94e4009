// agent.call: run another agent of the workspace and use its output.
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { ToolError } from '../tool-error.ts';

const input = z.strictObject({
  agent: z.string().trim().min(1).max(200).describe('The name or id of an agent of this workspace.'),
  input: z
    .record(z.string(), z.unknown())
    .default({})
    .describe('The called agent’s input; it must fit its input schema.'),
  failOnError: z
    .boolean()
    .default(true)
    .describe('Fail this step when the called run fails (otherwise its status and error are the output).'),
});

const output = z.object({
  runId: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  status: z.enum(['succeeded', 'failed', 'cancelled']),
  output: z.unknown(),
  error: z.object({ code: z.string(), message: z.string(), stepId: z.string().optional() }).nullable(),
});

export const agentCallTool = defineTool({
  name: 'agent.call',
  description:
    'Run another agent of this workspace with an input and wait for its output. The called run is linked to this one; agents may call agents up to a depth limit, never in a loop.',
  input,
  output,
  sideEffect: true,
  async run(request, context) {
    const result = await context.services.agents.call({
      agent: request.agent,
      input: request.input,
      // Per attempt: a crash replays the same attempt and finds its run; a retry starts afresh.
      key: context.idempotencyKey,
      signal: context.signal,
    });
    if (result.status !== 'succeeded' && request.failOnError) {
      const where = result.error?.stepId ? ` at step ${result.error.stepId}` : '';
      throw new ToolError(
        'agent_failed',
        `The agent "${result.agentName}" ${result.status === 'cancelled' ? 'was cancelled' : `failed${where}`}${result.error ? `: ${result.error.message}` : '.'}`,
        { details: { runId: result.runId } },
      );
    }
    return result;
  },
});
