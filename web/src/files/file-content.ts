// The first bytes of a file, for a preview: a large file is not loaded whole into the page, only
// up to `limit` bytes, and the preview says it was cut.
import { ApiError, reportUnauthorized, toApiError, unreachableMessage } from '../api/client.ts';

export interface ContentStart {
  text: string;
  /** True when the file is longer than what was read. */
  cut: boolean;
}

/** How much of a file a preview reads. */
export const previewBytes = 512 * 1024;

export async function readContentStart(
  path: string,
  limit: number,
  signal?: AbortSignal,
): Promise<ContentStart> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', signal });
  } catch (caught) {
    if (caught instanceof DOMException && caught.name === 'AbortError') throw caught;
    throw new ApiError(0, 'unreachable', unreachableMessage);
  }
  if (!response.ok) {
    reportUnauthorized(path, response.status);
    throw toApiError(response.status, await response.json().catch(() => undefined));
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  let cut = false;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
    if (length > limit) {
      cut = true;
      await reader.cancel();
      break;
    }
  }
  const bytes = new Uint8Array(Math.min(length, limit));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.byteLength - offset);
    bytes.set(part, offset);
    offset += part.byteLength;
    if (offset >= bytes.byteLength) break;
  }
  return { text: new TextDecoder().decode(bytes), cut };
}
