// browser.download: fetch a file with the run's browser session (its cookies) and keep it as a
// deliverable: by address, or by clicking what starts a download. Given the identities of the
// files kept before (`known`), it keeps only a new file, and says which identity it had.
import { z } from 'zod';
import type { BrowserSession } from '../../browser/browser-pool.ts';
import { fileNameSchema } from '../../domain/file-name.ts';
import { defineTool } from '../tool.ts';
import { browserTimeout, onPage, selectorField } from './browser-common.ts';
import { type FetchedFile, type FileHeaders, fetchAddress, probeAddress } from './download-by-address.ts';
import { clickDownload } from './download-by-click.ts';
import {
  contentHash,
  hashIdentity,
  identityField,
  identitySaveKey,
  isRule,
  knownField,
  nameAndSize,
} from './download-identity.ts';
import { keptContentType, nameFromAddress } from './download-names.ts';
import { healField } from './healed-selector.ts';

const input = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('The file’s address (fetched with the session’s cookies).'),
    selector: selectorField
      .optional()
      .describe(
        'Or what to click to start the download: a link, a button whose script or form starts it, or one that opens the file in a new tab.',
      ),
    name: fileNameSchema.optional().describe('The name to keep it under; the server’s name by default.'),
    known: knownField.optional(),
    identity: identityField.optional(),
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
  identity: z.string().describe('What identifies the file, to remember among the known ones.'),
  skipped: z
    .boolean()
    .describe('True when the file was known (or kept by an earlier run) and was not kept again.'),
  id: z.string().nullable(),
  name: z.string(),
  contentType: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  path: z.string().nullable(),
});

type Output = z.infer<typeof output>;

/** Identities each run's browser session has kept: a file listed twice is kept once. */
const keptInSession = new WeakMap<BrowserSession, Set<string>>();

function skippedFile(identity: string, name: string, headers?: FileHeaders): Output {
  return {
    identity,
    skipped: true,
    id: null,
    name,
    contentType: headers?.contentType ? keptContentType(headers.contentType, name) : null,
    sizeBytes: headers?.declaredBytes ?? null,
    sha256: null,
    path: null,
  };
}

export const browserDownloadTool = defineTool({
  name: 'browser.download',
  description:
    'Download a file with the run’s browser session (signed in, with its cookies), by address or by clicking a link or button, and keep it as a deliverable with its name and type. With `known` (identities kept before) and `identity` (url, name+size, sha256, or a value such as a statement number; a click goes by name+size unless told otherwise), a known file is skipped (`skipped: true`) and one agent never keeps the same file twice; the output’s `identity` is the one to remember.',
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
      async (session, selector): Promise<Output> => {
        const deduplicating = request.known !== undefined || request.identity !== undefined;
        const rule = request.identity ?? 'url';
        const kept = keptInSession.get(session) ?? new Set<string>();
        keptInSession.set(session, kept);
        const isKnown = (identity: string) => request.known?.has(identity) || kept.has(identity);
        const limits = { timeoutMs: request.timeoutMs, maxBytes: request.maxBytes };

        // An identity known before any transfer skips the file without fetching it.
        let identity: string | undefined = isRule(rule) ? undefined : rule;
        if (rule === 'url' && request.url) identity = request.url;
        let headers: FileHeaders | undefined;
        // Asking the name and size may bring the whole file, from a server that ignores ranges.
        let probed: FetchedFile | undefined;
        if (deduplicating && rule === 'name+size' && request.url) {
          const probe = await probeAddress(session, context.network, request.url, limits);
          headers = probe?.headers;
          probed = probe?.file;
          if (headers?.declaredBytes !== undefined)
            identity = nameAndSize(headers.name, headers.declaredBytes);
        }
        if (deduplicating && identity !== undefined && isKnown(identity)) {
          const name =
            request.name ?? headers?.name ?? (request.url ? nameFromAddress(request.url) : 'download');
          return skippedFile(identity, name, headers);
        }

        const file: FetchedFile =
          probed ??
          (request.url
            ? await fetchAddress(session, context.network, request.url, limits)
            : await clickDownload(session, context.network, selector as string, limits));
        const sha256 = contentHash(file.content);
        if (identity === undefined) {
          if (rule === 'sha256') identity = hashIdentity(sha256);
          // A click has no address of its own to go by (a script's blob: address changes, a form
          // POSTs different files to one address): its name and size identify it.
          else identity = nameAndSize(file.name, file.declaredBytes ?? file.content.byteLength);
        }
        const name = request.name ?? file.name;
        if (deduplicating && isKnown(identity)) {
          return {
            ...skippedFile(identity, name),
            contentType: keptContentType(file.contentType, name),
            sizeBytes: file.content.byteLength,
            sha256,
          };
        }

        const saved = await context.services.files.save({
          name,
          contentType: keptContentType(file.contentType, name),
          content: file.content,
          // Deduplicating, one agent keeps one copy of a file, whichever run or item meets it.
          key: deduplicating ? identitySaveKey(context.agent.id, identity) : context.stepKey,
        });
        kept.add(identity);
        return {
          identity,
          // Kept by an earlier run that did not get to remember it: this run does not keep it again.
          skipped: saved.runId !== null && saved.runId !== context.runId,
          id: saved.id,
          name: saved.name,
          contentType: saved.contentType,
          sizeBytes: saved.sizeBytes,
          sha256: saved.sha256,
          path: `/api/workspaces/${context.workspaceId}/deliverables/${saved.id}/content`,
        };
      },
    ),
});
