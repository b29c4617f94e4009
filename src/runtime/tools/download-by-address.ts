// browser.download by address: the session's request client (the signed-in cookies) asks for the
// file, each redirect checked against the outbound policy since that client does not pass the
// page's routing. A HEAD request first tells the name and size without transferring the file.
import type { APIResponse } from 'playwright-core';
import type { BrowserSession } from '../../browser/browser-pool.ts';
import { OrcaError } from '../../domain/errors.ts';
import type { OutboundPolicy } from '../../network/outbound-policy.ts';
import { ToolError } from '../tool-error.ts';
import { downloadName, mediaType } from './download-names.ts';

const maximumRedirects = 5;

/** What the server says of a file before its content: the name, size and type. */
export interface FileHeaders {
  /** Where the file was served from, after redirects. */
  address: string;
  name: string;
  contentType: string | undefined;
  /** The declared Content-Length, when the server gives one. */
  declaredBytes: number | undefined;
}

export interface FetchedFile extends FileHeaders {
  content: Buffer;
}

export function tooLarge(size: number, maxBytes: number): never {
  throw new ToolError(
    'too_large',
    `The file is ${size} bytes, over maxBytes (${maxBytes}). Raise maxBytes (up to 50 MB) if it is expected.`,
  );
}

async function follow(
  session: BrowserSession,
  network: OutboundPolicy,
  address: string,
  method: 'GET' | 'HEAD',
  timeoutMs: number,
  headers?: Record<string, string>,
): Promise<{ response: APIResponse; url: URL }> {
  let url = new URL(address);
  for (let hop = 0; ; hop++) {
    await network.resolve(url.hostname);
    const response = await session.context.request.fetch(url.toString(), {
      method,
      ...(headers ? { headers } : {}),
      maxRedirects: 0,
      timeout: timeoutMs,
    });
    const location = response.headers().location;
    if (response.status() >= 300 && response.status() < 400 && location) {
      if (hop >= maximumRedirects)
        throw new ToolError('network', `More than ${maximumRedirects} redirects from ${address}.`);
      url = new URL(location, url);
      continue;
    }
    return { response, url };
  }
}

function headersOf(response: APIResponse, url: URL): FileHeaders {
  const headers = response.headers();
  const contentType = headers['content-type'];
  const length = headers['content-length'];
  return {
    address: url.toString(),
    name: downloadName({ disposition: headers['content-disposition'], address: url.toString(), contentType }),
    contentType,
    declaredBytes: length !== undefined && /^\d+$/.test(length.trim()) ? Number(length) : undefined,
  };
}

/** An HTML page, not a file: text/html without a Content-Disposition naming a file. */
function isPageAnswer(response: APIResponse) {
  const headers = response.headers();
  return mediaType(headers['content-type']) === 'text/html' && !headers['content-disposition'];
}

/** The whole size a 206 answer gives in its Content-Range: `bytes 0-0/1234` is 1234. */
function rangeTotal(response: APIResponse): number | undefined {
  const total = /^bytes\s+(?:\d+-\d+|\*)\/(\d+)\s*$/i.exec(response.headers()['content-range'] ?? '')?.[1];
  return total === undefined ? undefined : Number(total);
}

/**
 * The file's name and size before its transfer: a HEAD request, or when that tells no size (a
 * server that answers HEAD without Content-Length, or not at all), a GET of its first byte, whose
 * Content-Range tells the whole size. A server that ignores the range sends the whole file: it
 * is returned as `file`, so it is not asked for twice. Undefined when neither tells anything.
 */
export async function probeAddress(
  session: BrowserSession,
  network: OutboundPolicy,
  address: string,
  limits: { timeoutMs: number; maxBytes: number },
): Promise<{ headers: FileHeaders; file?: FetchedFile } | undefined> {
  try {
    const head = await follow(session, network, address, 'HEAD', limits.timeoutMs);
    if (head.response.ok()) {
      const headers = headersOf(head.response, head.url);
      // A web page that names no file (a sign-in or error page some servers give a HEAD) would
      // give every file the same name and size: the GET decides then.
      if (isPageAnswer(head.response)) return undefined;
      if (headers.declaredBytes !== undefined) return { headers };
    }
  } catch (error) {
    // A refused or unknown address fails the GET the same way.
    if (error instanceof ToolError || error instanceof OrcaError) throw error;
  }
  const ranged = await follow(session, network, address, 'GET', limits.timeoutMs, { range: 'bytes=0-0' });
  const total = ranged.response.status() === 206 ? rangeTotal(ranged.response) : undefined;
  if (total !== undefined) {
    return { headers: { ...headersOf(ranged.response, ranged.url), declaredBytes: total } };
  }
  if (!ranged.response.ok()) return undefined;
  const file = await fileOf(ranged.response, ranged.url, limits.maxBytes);
  return { headers: file, file };
}

async function fileOf(response: APIResponse, url: URL, maxBytes: number): Promise<FetchedFile> {
  const headers = headersOf(response, url);
  if (headers.declaredBytes !== undefined && headers.declaredBytes > maxBytes)
    tooLarge(headers.declaredBytes, maxBytes);
  const content = await response.body();
  if (content.byteLength > maxBytes) tooLarge(content.byteLength, maxBytes);
  return { ...headers, content };
}

export async function fetchAddress(
  session: BrowserSession,
  network: OutboundPolicy,
  address: string,
  options: { timeoutMs: number; maxBytes: number },
): Promise<FetchedFile> {
  const { response, url } = await follow(session, network, address, 'GET', options.timeoutMs);
  if (!response.ok()) {
    throw new ToolError('http_status', `${url} answered ${response.status()} to the download.`, {
      retryable: response.status() >= 500,
      details: { status: response.status() },
    });
  }
  return fileOf(response, url, options.maxBytes);
}
