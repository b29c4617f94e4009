// What the workspace spent, grouped by agent, workroom or day: JSON, or CSV for a spreadsheet.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ruleViolated } from '../../domain/errors.ts';
import { type UsageRow, usageBetween } from '../../store/usage-repository.ts';
import type { ApiEnv } from '../context.ts';
import { commonErrors, idParameter, securedBy, timestamp } from '../schemas.ts';
import { requireAction } from '../workspace-access.ts';

const usageRowSchema = z
  .object({
    key: z.string().nullable().describe('The agent or workroom id (null for none), or the day.'),
    label: z.string(),
    credits: z.number().int(),
    runs: z.number().int(),
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    browserMinutes: z.number(),
  })
  .openapi('UsageRow');

const usageSchema = z
  .object({
    from: timestamp,
    to: timestamp,
    groupBy: z.enum(['agent', 'workroom', 'day']),
    rows: z.array(usageRowSchema),
    total: usageRowSchema.omit({ key: true, label: true }),
  })
  .openapi('Usage');

const route = createRoute({
  method: 'get',
  operationId: 'getUsage',
  path: '/api/workspaces/{ws}/usage',
  tags: ['credits'],
  summary: 'Credits, runs, LLM tokens and browser minutes spent, grouped (JSON or CSV)',
  security: securedBy,
  request: {
    params: z.object({ ws: idParameter('ws') }),
    query: z.object({
      from: z.iso
        .datetime({ offset: true, message: 'from must be a date-time such as 2026-12-01T00:00:00Z' })
        .optional(),
      to: z.iso
        .datetime({ offset: true, message: 'to must be a date-time such as 2027-01-01T00:00:00Z' })
        .optional(),
      groupBy: z
        .enum(['agent', 'workroom', 'day'], 'groupBy must be agent, workroom or day')
        .default('agent'),
      format: z.enum(['json', 'csv'], 'format must be json or csv').optional(),
    }),
  },
  responses: {
    200: {
      description: 'The usage.',
      content: {
        'application/json': { schema: usageSchema },
        'text/csv': { schema: z.string() },
      },
    },
    ...commonErrors,
  },
});

const columns = ['label', 'key', 'credits', 'runs', 'inputTokens', 'outputTokens', 'browserMinutes'] as const;

/** A CSV field, quoted when it holds a separator, and never read as a formula by a spreadsheet. */
function csvField(value: string | number | null) {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(rows: UsageRow[]) {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function registerUsageRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(route, async (c) => {
    const access = requireAction(c, 'credits.read');
    const query = c.req.valid('query');
    const to = query.to ? new Date(query.to) : new Date();
    // A month back by default: the question people ask most is "this month".
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * 24 * 3600 * 1000);
    if (from.getTime() >= to.getTime()) throw ruleViolated('from must be before to.');
    const rows = await c
      .get('services')
      .store.inWorkspace(access.workspace.id, (scope) =>
        usageBetween(scope, { from, to, groupBy: query.groupBy }),
      );
    const wantsCsv =
      query.format === 'csv' || (!query.format && (c.req.header('accept') ?? '').includes('text/csv'));
    if (wantsCsv) {
      const name = `usage-by-${query.groupBy}-${from.toISOString().slice(0, 10)}-${to.toISOString().slice(0, 10)}.csv`;
      return c.body(toCsv(rows), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
      }) as never;
    }
    const total = rows.reduce(
      (sum, row) => ({
        credits: sum.credits + row.credits,
        runs: sum.runs + row.runs,
        inputTokens: sum.inputTokens + row.inputTokens,
        outputTokens: sum.outputTokens + row.outputTokens,
        browserMinutes: Number((sum.browserMinutes + row.browserMinutes).toFixed(2)),
      }),
      { credits: 0, runs: 0, inputTokens: 0, outputTokens: 0, browserMinutes: 0 },
    );
    return c.json(
      { from: from.toISOString(), to: to.toISOString(), groupBy: query.groupBy, rows, total },
      200,
    );
  });
}
