// browser.goto: open an address in the run's browser page.
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { browserTimeout, onPage, pageFacts } from './browser-common.ts';

const input = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'url must be an http:// or https:// address' }),
  waitUntil: z.enum(['load', 'domcontentloaded', 'networkidle']).default('load'),
  timeoutMs: browserTimeout,
});

const output = z.object({ url: z.string(), title: z.string(), status: z.number().int().nullable() });

export const browserGotoTool = defineTool({
  name: 'browser.goto',
  description:
    'Open an address in the run’s own browser page (a real Chromium; cookies last for the run). Private and local addresses are refused unless allowed.',
  input,
  output,
  sideEffect: false,
  run: (request, context) =>
    onPage(context, { action: `Opening ${request.url}`, timeoutMs: request.timeoutMs }, async (session) => {
      const response = await session.page.goto(request.url, { waitUntil: request.waitUntil });
      return { ...(await pageFacts(session)), status: response?.status() ?? null };
    }),
});
