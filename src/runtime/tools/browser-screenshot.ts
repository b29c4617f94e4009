// browser.screenshot: a picture of the page, kept as a deliverable.
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { browserTimeout, onPage } from './browser-common.ts';

const input = z.strictObject({
  name: z.string().min(1).max(200).default('screenshot.png'),
  fullPage: z.boolean().default(false).describe('The whole page, not only what fits the window.'),
  timeoutMs: browserTimeout,
});

export const browserScreenshotTool = defineTool({
  name: 'browser.screenshot',
  description: 'Take a screenshot of the page (PNG), kept as a deliverable of the run.',
  input,
  output: z.object({
    id: z.string(),
    name: z.string(),
    sizeBytes: z.number().int(),
    path: z.string(),
    url: z.string(),
  }),
  sideEffect: true,
  run: (request, context) =>
    onPage(context, { action: 'Taking a screenshot', timeoutMs: request.timeoutMs }, async (session) => {
      const png = await session.page.screenshot({ fullPage: request.fullPage });
      const file = await context.services.files.save({
        name: request.name,
        contentType: 'image/png',
        content: png,
        key: context.stepKey,
      });
      return {
        id: file.id,
        name: file.name,
        sizeBytes: file.sizeBytes,
        path: `/api/workspaces/${context.workspaceId}/deliverables/${file.id}/content`,
        url: session.page.url(),
      };
    }),
});
