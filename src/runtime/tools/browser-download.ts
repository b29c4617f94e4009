// browser.download: fetch a file with the run's browser session (its cookies) and keep it as a
// deliverable: by address, or by clicking what starts a download.
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { fileNameSchema } from '../../domain/file-name.ts';
import { defineTool } from '../tool.ts';
import { ToolError } from '../tool-error.ts';
import { browserTimeout, onPage, selectorField } from './browser-common.ts';
import { contentTypeFor } from './file-formats.ts';
import { healField } from './healed-selector.ts';

const maximumRedirects = 5;

const input = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('The file’s address (fetched with the session’s cookies).'),
    selector: selectorField.optional().describe('Or what to click to start the download.'),
    name: fileNameSchema.optional().describe('The name to keep it under; the server’s name by default.'),
    maxBytes: z
      .number()
      .int()
      .min(1)
      .max(50 * 1024 * 1024)
      .default(25 * 1024 * 1024),
    timeoutMs: browserTimeout.default(60_000),
    heal: healField,
  })
  .refine(
    (value) => (value.url === undefined) !== (value.selector === undefined),
    'give either url or selector',
  );

const output = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  path: z.string(),
});

function nameFromDisposition(header: string | undefined): string | undefined {
  const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(header ?? '');
  const raw = match?.[1] ? decodeURIComponent(match[1]) : match?.[2];
  return raw?.replace(/[/\\]/g, '_');
}

function tooLarge(size: number, maxBytes: number): never {
  throw new ToolError(
    'too_large',
    `The file is ${size} bytes, over maxBytes (${maxBytes}). Raise maxBytes (up to 50 MB) if it is expected.`,
  );
}

export const browserDownloadTool = defineTool({
  name: 'browser.download',
  description:
    'Download a file with the run’s browser session (signed in, with its cookies), by address or by clicking a link or button, and keep it as a deliverable with its name and type.',
  input,
  output,
  sideEffect: true,
  run: (request, context) =>
    onPage(
      context,
      {
        action: `Downloading ${request.url ?? request.selector}`,
        timeoutMs: request.timeoutMs,
        selector: request.selector,
        heal: request.heal ? { tool: 'browser.download', target: 'clickable' } : undefined,
      },
      async (session, selector) => {
        let content: Buffer;
        let serverName: string | undefined;
        let contentType: string | undefined;
        if (request.url) {
          // The session's request client does not pass the page's routing: each hop is checked here.
          let url = new URL(request.url);
          for (let hop = 0; ; hop++) {
            await context.network.resolve(url.hostname);
            const response = await session.context.request.get(url.toString(), {
              maxRedirects: 0,
              timeout: request.timeoutMs,
            });
            const location = response.headers().location;
            if (response.status() >= 300 && response.status() < 400 && location) {
              if (hop >= maximumRedirects)
                throw new ToolError(
                  'network',
                  `More than ${maximumRedirects} redirects from ${request.url}.`,
                );
              url = new URL(location, url);
              continue;
            }
            if (!response.ok()) {
              throw new ToolError('http_status', `${url} answered ${response.status()} to the download.`, {
                retryable: response.status() >= 500,
                details: { status: response.status() },
              });
            }
            const declared = Number(response.headers()['content-length'] ?? 0);
            if (declared > request.maxBytes) tooLarge(declared, request.maxBytes);
            content = await response.body();
            serverName =
              nameFromDisposition(response.headers()['content-disposition']) ??
              decodeURIComponent(url.pathname.split('/').pop() || 'download');
            contentType = response.headers()['content-type']?.split(';')[0];
            break;
          }
        } else {
          const [download] = await Promise.all([
            session.page.waitForEvent('download'),
            session.page
              .locator(selector as string)
              .first()
              .click(),
          ]);
          const file = await download.path();
          const size = (await stat(file)).size;
          if (size > request.maxBytes) tooLarge(size, request.maxBytes);
          content = await readFile(file);
          serverName = download.suggestedFilename();
        }
        if (content.byteLength > request.maxBytes) tooLarge(content.byteLength, request.maxBytes);
        const name = request.name ?? serverName ?? 'download';
        const saved = await context.services.files.save({
          name,
          contentType:
            contentType && contentType !== 'application/octet-stream' ? contentType : contentTypeFor(name),
          content,
          key: context.stepKey,
        });
        return { ...saved, path: `/api/workspaces/${context.workspaceId}/deliverables/${saved.id}/content` };
      },
    ),
});
