// What a downloaded file is called and what type it is: the server's Content-Disposition name
// (RFC 6266, with RFC 5987's filename*), else a name drawn from the address with an extension
// from the content type. A server or an address chooses these, so each name is made safe to keep:
// one file name, no folders, no control characters.
import path from 'node:path';
import { contentTypeFor } from './file-formats.ts';

const maximumNameLength = 255;

/** The parameters of a header such as `attachment; filename="a; b.pdf"`, by lower-case name. */
function headerParameters(header: string): Map<string, string> {
  const parameters = new Map<string, string>();
  // A parameter is name=token or name="quoted string" (with backslash escapes); the quotes may
  // hold semicolons and spaces, which a plain split would cut.
  const pattern = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (const match of `;${header}`.matchAll(pattern)) {
    const name = match[1]?.toLowerCase();
    if (!name || parameters.has(name)) continue;
    const value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '').trim();
    parameters.set(name, value);
  }
  return parameters;
}

/** RFC 5987's `charset'language'percent-encoded` value, or undefined when it cannot be read. */
function extendedValue(value: string): string | undefined {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!match) return undefined;
  const charset = (match[1] ?? '').toLowerCase();
  const encoded = match[2] ?? '';
  try {
    if (charset === 'utf-8' || charset === '') return decodeURIComponent(encoded);
    if (charset === 'iso-8859-1' || charset === 'latin1') {
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** A name safe to keep: its last path part, without control characters, at most 255 characters. */
export function safeFileName(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  // A name such as "../../etc/passwd" or "C:\\reports\\q3.pdf" keeps only its last part.
  const last = raw.split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (cleaned === '' || /^\.+$/.test(cleaned)) return undefined;
  if (cleaned.length <= maximumNameLength) return cleaned;
  const extension = path.extname(cleaned).slice(0, 20);
  return `${cleaned.slice(0, maximumNameLength - extension.length)}${extension}`;
}

/** The file name a Content-Disposition header gives: filename* first, then filename. */
export function nameFromDisposition(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  const parameters = headerParameters(header);
  const extended = parameters.get('filename*');
  const fromExtended = extended === undefined ? undefined : safeFileName(extendedValue(extended));
  return fromExtended ?? safeFileName(parameters.get('filename'));
}

/** A content type's `type/subtype` in lower case, or undefined when the header is no content type. */
export function mediaType(header: string | undefined | null): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type && /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : undefined;
}

const extensions: Record<string, string> = {
  'application/pdf': '.pdf',
  'text/csv': '.csv',
  'text/plain': '.txt',
  'text/markdown': '.md',
  'text/html': '.html',
  'application/json': '.json',
  'application/xml': '.xml',
  'text/xml': '.xml',
  'application/zip': '.zip',
  'application/x-zip-compressed': '.zip',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/svg+xml': '.svg',
  'application/vnd.ms-excel': '.xls',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
};

/** The extension a content type implies, such as `.pdf`; undefined for an unknown or generic type. */
export function extensionFor(contentType: string | undefined | null): string | undefined {
  const type = mediaType(contentType);
  return type ? extensions[type] : undefined;
}

// Query parameters that name the file itself (`?file=report.pdf`) or the document (`?id=7`).
const nameParameters = ['filename', 'file', 'name', 'document', 'doc'];
const numberParameters = ['id', 'doc', 'document', 'file', 'fileid', 'documentid', 'number', 'no'];

/**
 * A name drawn from the address when the server gives none: `?file=report.pdf` is report.pdf,
 * `/download?id=7` is download-7, `/files/q3.csv` is q3.csv; then an extension from the
 * content type when the name has none. Other query parameters (session tokens, most often) never
 * enter the name, so the name stays the same from one sign-in to the next.
 */
export function nameFromAddress(address: string, contentType?: string | null): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return withExtension('download', contentType);
  }
  const parameters = new Map([...url.searchParams].map(([key, value]) => [key.toLowerCase(), value]));
  for (const key of nameParameters) {
    const value = safeFileName(parameters.get(key));
    if (value && path.extname(value)) return withExtension(value, contentType);
  }
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  let last: string | undefined;
  try {
    last = safeFileName(decodeURIComponent(segments.at(-1) ?? ''));
  } catch {
    last = safeFileName(segments.at(-1));
  }
  let base = last ?? safeFileName(url.hostname) ?? 'download';
  if (!path.extname(base)) {
    const number = numberParameters
      .map((key) => parameters.get(key))
      .find((value) => value && /^[\w.-]{1,64}$/.test(value));
    if (number) base = `${base}-${number}`;
  }
  return withExtension(base, contentType);
}

function withExtension(name: string, contentType: string | undefined | null): string {
  const extension = extensionFor(contentType);
  if (!extension) return name;
  const current = path.extname(name).toLowerCase();
  // "download-7" gets ".pdf"; "report.v2" from a PDF server is still given ".pdf".
  if (current === extension || (current === '.jpeg' && extension === '.jpg')) return name;
  if (current !== '' && contentTypeFor(name) !== 'application/octet-stream') return name;
  return safeFileName(`${name}${extension}`) ?? name;
}

/**
 * The type to keep a file under: the server's when it says something specific (with its
 * charset), else the one its name implies. Generic types say nothing about the file.
 */
export function keptContentType(serverType: string | undefined | null, name: string): string {
  const type = mediaType(serverType);
  if (
    !type ||
    [
      'application/octet-stream',
      'binary/octet-stream',
      'application/download',
      'application/force-download',
    ].includes(type)
  )
    return contentTypeFor(name);
  const charset = /;\s*charset\s*=\s*"?([\w.:-]{1,40})"?/i.exec(serverType ?? '')?.[1];
  if (charset) return `${type}; charset=${charset.toLowerCase()}`;
  // A text type without a charset is read as UTF-8, as files.save keeps text.
  const implied = contentTypeFor(name);
  return mediaType(implied) === type ? implied : type;
}

/** The name to keep a download under: the server's, else one from its address. */
export function downloadName(options: {
  disposition?: string | null;
  address: string;
  contentType?: string | null;
}): string {
  const named = nameFromDisposition(options.disposition);
  if (named) return path.extname(named) ? named : withExtension(named, options.contentType);
  return nameFromAddress(options.address, options.contentType);
}
