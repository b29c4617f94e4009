// browser.download by address: the session's request client (the signed-in cookies) asks for the
// file, each redirect checked against the outbound policy since that client does not pass the
// page's routing. A HEAD request first tells the name and size without transferring the file.
import type { APIResponse } from 'playwright-core';
import type { BrowserSession } from '../../browser/browser-pool.ts';
import { OrcaError } from '../../domain/errors.ts';
import type { OutboundPolicy } from '../../network/outbound-policy.ts';
import { ToolError } from '../tool-error.ts';
import { downloadName } from './download-names.ts';

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
): Promise<{ response: APIResponse; url: URL }> {
  let url = new URL(address);
  for (let hop = 0; ; hop++) {
    await network.resolve(url.hostname);
    const response = await session.context.request.fetch(url.toString(), {
      method,
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

/**
 * The file's headers from a HEAD request, or undefined when the server does not answer HEAD
 * usefully (405, an error page): the download's own headers are used then.
 */
export async function probeAddress(
  session: BrowserSession,
  network: OutboundPolicy,
  address: string,
  timeoutMs: number,
): Promise<FileHeaders | undefined> {
  try {
    const { response, url } = await follow(session, network, address, 'HEAD', timeoutMs);
    if (!response.ok()) return undefined;
    return headersOf(response, url);
  } catch (error) {
    // A refused or unknown address fails the GET the same way; a HEAD the server does not
    // handle leaves the name and size to the GET's headers.
    if (error instanceof ToolError || error instanceof OrcaError) throw error;
    return undefined;
  }
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
  const headers = headersOf(response, url);
  if (headers.declaredBytes !== undefined && headers.declaredBytes > options.maxBytes)
    tooLarge(headers.declaredBytes, options.maxBytes);
  const content = await response.body();
  if (content.byteLength > options.maxBytes) tooLarge(content.byteLength, options.maxBytes);
  return { ...headers, content };
}
