// The secrets a run has used (API keys, passwords, OAuth tokens), so that nothing a server or a
// page reflects back carries them into what the run stores: step outputs and errors, the run's
// output, logs, memory and saved files. One redactor per execution of a run, filled as the vault
// hands out credentials and kept only in memory: the secrets are never written anywhere.
//
// Redaction is a second line: the first is that a secret only ever goes into a request header
// or a password field. It covers the forms a server plausibly echoes a secret in: as is,
// URL-encoded (hexadecimal in either case), JSON-escaped (as JavaScript, PHP, Go and Python
// escape), HTML-escaped and base64 (standalone or inside a longer base64 text).

export const redactedMark = '[redacted]';

/**
 * Shorter secrets are not redacted. Redacting, say, "abc" would mark every "abc" in every page
 * and, worse, show where the secret occurs: for a short value the marks give it away instead of
 * hiding it. Six characters is below any key or token a service issues and keeps false matches
 * in ordinary text rare.
 */
export const minimumSecretLength = 6;

function escapeForPattern(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function htmlEscaped(text: string) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * `bytes` in base64: standalone, and as the characters that encode them alone at each of the three
 * alignments they may have inside a longer encoded text (a whole request body echoed in base64,
 * say), where the characters that mix in bits of the neighbouring bytes are left out.
 */
function base64Forms(bytes: Buffer): string[] {
  // Standalone, whole with its padding (base64url drops the padding).
  const forms = [bytes.toString('base64'), bytes.toString('base64url')];
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const skipped = Math.ceil((offset * 8) / 6);
    const whole = Math.floor(((offset + bytes.length) * 8) / 6);
    const standard = encoded.slice(skipped, whole);
    forms.push(standard, standard.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

/** A character as a JSON \u escape, in the lower-case hexadecimal that JSON encoders write. */
function unicodeEscaped(character: string) {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * `secret` as JSON string content, as the common encoders write it: JavaScript's, PHP's (`\/`,
 * non-ASCII as `\u00e9`), Go's (`<`, `>`, `&` as `\u003c`…) and Python's (non-ASCII as `\u00e9`).
 */
function jsonForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const asciiOnly = json.replace(/[^\x20-\x7e]/g, unicodeEscaped);
  return [json, asciiOnly.replace(/\//g, '\\/'), json.replace(/[<>&]/g, unicodeEscaped), asciiOnly];
}

/** Every form of `secret` that redaction looks for. */
function formsOf(secret: string): string[] {
  const percentEncoded = encodeURIComponent(secret);
  return [
    secret,
    percentEncoded,
    // Some encoders write the hexadecimal digits in lower case (%2f).
    percentEncoded.replace(/%[0-9A-F]{2}/g, (code) => code.toLowerCase()),
    new URLSearchParams({ s: secret }).toString().slice(2),
    ...jsonForms(secret),
    htmlEscaped(secret),
    ...base64Forms(Buffer.from(secret, 'utf8')),
  ].filter((form) => form.length >= minimumSecretLength);
}

export class SecretRedactor {
  readonly #forms = new Set<string>();
  #pattern: RegExp | undefined;

  /** Remembers a secret the run uses; values too short to redact safely are ignored. */
  add(secret: string | undefined): void {
    if (secret === undefined || secret.length < minimumSecretLength) return;
    const before = this.#forms.size;
    for (const form of formsOf(secret)) this.#forms.add(form);
    if (this.#forms.size !== before) this.#pattern = undefined;
  }

  /** Whether any secret is known: without one, nothing is looked at. */
  get empty(): boolean {
    return this.#forms.size === 0;
  }

  redactText(text: string): string {
    if (this.#forms.size === 0) return text;
    // Longest first, so that a longer form is replaced whole rather than around a shorter one.
    this.#pattern ??= new RegExp(
      [...this.#forms]
        .sort((left, right) => right.length - left.length)
        .map(escapeForPattern)
        .join('|'),
      'g',
    );
    return text.replace(this.#pattern, redactedMark);
  }

  /** A JSON-like value with every string (object keys too) redacted; other values kept as they are. */
  redact<T>(value: T): T {
    if (this.#forms.size === 0) return value;
    return this.#walk(value) as T;
  }

  /**
   * File content: the bytes are read one character per byte (latin1), which keeps binary content
   * intact and still finds a secret written as UTF-8 text.
   */
  redactBytes(content: Uint8Array): Uint8Array {
    if (this.#forms.size === 0) return content;
    const asBytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('latin1');
    const byteForms = new SecretRedactor();
    for (const form of this.#forms) byteForms.#forms.add(Buffer.from(form, 'utf8').toString('latin1'));
    const redacted = byteForms.redactText(asBytes);
    return redacted === asBytes ? content : Buffer.from(redacted, 'latin1');
  }

  #walk(value: unknown): unknown {
    if (typeof value === 'string') return this.redactText(value);
    if (typeof value === 'number' || typeof value === 'bigint') {
      // A numeric secret echoed in JSON comes back as a number.
      return this.redactText(String(value)) === String(value) ? value : redactedMark;
    }
    if (Array.isArray(value)) return value.map((item) => this.#walk(item));
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [this.redactText(key), this.#walk(item)]),
      );
    }
    return value;
  }
}
