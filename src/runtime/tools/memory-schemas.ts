// Pieces the four memory tools share: which memory, and how an entry reads in a run's output.
import { z } from 'zod';

export const memoryScopeField = z
  .enum(['workspace', 'agent'])
  .default('workspace')
  .describe(
    'workspace: the shared context every agent of the workspace reads and writes; agent: this agent’s private memory.',
  );

export const memoryEntryOutput = z.object({
  id: z.string(),
  scope: z.enum(['workspace', 'agent']),
  key: z.string(),
  value: z.unknown(),
  text: z.string(),
  tags: z.array(z.string()),
  sourceRunId: z.string().nullable(),
  updatedAt: z.string(),
});
