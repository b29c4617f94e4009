// What makes two downloads the same file, for "new files only": the address, the name and size
// the server gives, the content's SHA-256, or a value the agent names itself (a statement number
// from the listing). An identity is a plain string, kept in agent memory between runs.
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const identityRules = ['url', 'name+size', 'sha256'] as const;
export type IdentityRule = (typeof identityRules)[number];

export const identityField = z
  .union([
    z.enum(identityRules),
    z
      .string()
      .trim()
      .min(1, 'must not be empty: a listing column that is empty for a row cannot tell files apart')
      .max(1000),
    z.number().transform(String),
  ])
  .describe(
    'What identifies the file among those kept before: "url" (its address, the default; not for links that carry a token of the sign-in), "name+size" (the server’s name and size, asked with a HEAD request first so a known file is not transferred), "sha256" (its content, which is transferred to know it), or a value of your own such as "{{ document.number }}".',
  );

/** Identities already kept; a memory key never written reads as null, which means none. */
export const knownField = z
  .union([z.array(z.union([z.string(), z.number()]).nullable()).max(100_000), z.string(), z.null()])
  // JSONata gives a one-item list as the item itself.
  .transform(
    (list) => new Set((Array.isArray(list) ? list : [list]).filter((item) => item !== null).map(String)),
  )
  .describe(
    'Identities of the files kept before (the agent memory this step’s identities are written to); a known file is skipped, not kept again.',
  );

export function isRule(identity: string): identity is IdentityRule {
  return (identityRules as readonly string[]).includes(identity);
}

export function nameAndSize(name: string, sizeBytes: number) {
  return `name+size:${name}:${sizeBytes}`;
}

export function contentHash(content: Uint8Array) {
  return createHash('sha256').update(content).digest('hex');
}

export function hashIdentity(sha256: string) {
  return `sha256:${sha256}`;
}

/**
 * The save key of a kept file: one per agent and identity, so the same file is never kept twice
 * by one agent, even by a run that failed before it could remember what it kept, or a listing
 * that shows a file twice under different addresses.
 */
export function identitySaveKey(agentId: string, identity: string) {
  return `${agentId}:download:${createHash('sha256').update(identity).digest('hex')}`;
}
