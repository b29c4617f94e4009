// The HTTP API's shared zod schemas. Request bodies are strict: an unknown field is an error
// that names it, never silently dropped.
import { z } from '@hono/zod-openapi';
import { errorCodes } from '../domain/errors.ts';
import { passwordMaximumLength } from '../domain/password.ts';
import { roles } from '../domain/roles.ts';
import { runErrorCodes } from '../domain/run-errors.ts';
import type { PublishedSchemaName } from './published-schemas.ts';

// Control characters in a display name are a paste accident or an attack on a log; refuse them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const controlCharacters = /[\u0000-\u001f\u007f]/;

export const displayName = (what: string, maximum: number) =>
  z
    .string(`${what} must be text`)
    .trim()
    .min(1, `${what} must not be empty`)
    .max(maximum, `${what} must be at most ${maximum} characters`)
    .refine((value) => !controlCharacters.test(value), `${what} must not contain control characters`);

export const emailSchema = z
  .string('email must be text')
  .trim()
  .max(254, 'email must be at most 254 characters')
  .pipe(z.email('email must be an e-mail address such as ada@example.com'))
  .transform((value) => value.toLowerCase())
  .openapi({ example: 'ada@example.com' });

export const passwordSchema = z
  .string('password must be text')
  .min(1, 'password must not be empty')
  .max(passwordMaximumLength, `password must be at most ${passwordMaximumLength} characters`);

export const roleSchema = z.enum(roles, `role must be one of ${roles.join(', ')}`).openapi('Role');

export const idParameter = (name: string) =>
  z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name, in: 'path' } });

export const timestamp = z.string().openapi({ format: 'date-time' });

export const userSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), createdAt: timestamp })
  .openapi('User');

export const workspaceSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    role: roleSchema,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('Workspace');

export const errorSchemaName = 'Error';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes).openapi('ErrorCode'),
      message: z.string().describe('What happened and what to do next, for people.'),
      details: z
        .unknown()
        .optional()
        .describe(
          'For validation_failed: [{ path, message }], one per field at fault; otherwise what the code needs.',
        ),
      requestId: z
        .string()
        .optional()
        .openapi({ description: "The request's id, as in the X-Request-Id header and the server's log." }),
    }),
  })
  .openapi(errorSchemaName);

/** A run's or a step's error: `code` is one of a closed set, `stepId` names the step at fault. */
export const runErrorSchema = z
  .object({
    code: z.enum(runErrorCodes).openapi('RunErrorCode'),
    message: z.string(),
    stepId: z.string().optional().describe('The step that failed, when a step did.'),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('RunError');

/**
 * A field validated as `placeholder` and documented as a schema published from the domain
 * (published-schemas.ts): an agent spec, a plan operation.
 */
export function publishedAs<T extends z.ZodType>(placeholder: T, name: PublishedSchemaName): T {
  // The type is for zod-to-openapi's sake only: openapi-document.ts writes the component itself.
  return placeholder.openapi(name, { type: 'object' });
}

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { required: true, description, content: { 'application/json': { schema } } };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A body of bytes (a file's content, an image), in each of these media types. */
export function binaryContent(...mediaTypes: string[]) {
  const schema = { type: 'string' as const, format: 'binary' };
  return Object.fromEntries(mediaTypes.map((mediaType) => [mediaType, { schema }]));
}

const errorResponse = (description: string) => jsonResponse(errorSchema, description);

export const commonErrors = {
  400: errorResponse('The request is malformed or a field is invalid; details name each field.'),
  401: errorResponse('Not signed in.'),
  403: errorResponse('Your role does not allow this.'),
  404: errorResponse('Not found, or not yours.'),
  422: errorResponse('Valid input that breaks a rule.'),
};

const entityTagHeader = {
  ETag: {
    description: 'The representation’s tag; send it back in If-Match to change this version only.',
    schema: { type: 'string' as const },
  },
};

/** A JSON answer that carries an ETag (agents: entity-tag.ts). */
export function taggedResponse<T extends z.ZodType>(schema: T, description: string) {
  return { ...jsonResponse(schema, description), headers: entityTagHeader };
}

/** The If-Match request header of a change guarded by an ETag. */
export const ifMatchHeaders = z.object({
  'if-match': z
    .string()
    .max(1000)
    .optional()
    .describe(
      'The ETag of the version this change is based on (or `*`); a tag that is no longer current is refused with 412.',
    ),
});

export const preconditionFailed = {
  412: errorResponse(
    'If-Match names a tag that is no longer current; details.currentETag is the current one.',
  ),
};

export const securedBy: Record<string, string[]>[] = [{ bearer: [] }, { sessionCookie: [] }];

/** For routes anyone may call: sign-up, sign-in, a hook's own address (its secret is in it). */
export const publicRoute: Record<string, string[]>[] = [];

const retryAfterHeader = {
  'Retry-After': {
    description: 'Seconds to wait before trying again.',
    schema: { type: 'integer' as const, minimum: 0 },
  },
};

/** 429, with the Retry-After header that says when to try again. */
export function rateLimitedResponse(description: string) {
  return { ...jsonResponse(errorSchema, description), headers: retryAfterHeader };
}

/** 413 from the body-limit middleware, added to every operation with a body (openapi-document.ts). */
export function payloadTooLargeResponse(errorSchemaReference: string) {
  return {
    description:
      'The request body is larger than the server takes (ORCA_BODY_LIMIT_BYTES); send a smaller one.',
    content: { 'application/json': { schema: { $ref: errorSchemaReference } } },
  };
}
