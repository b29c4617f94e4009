// The HTTP API's shared zod schemas. Request bodies are strict: an unknown field is an error
// that names it, never silently dropped.
import { z } from '@hono/zod-openapi';
import { passwordMaximumLength } from '../domain/password.ts';
import { roles } from '../domain/roles.ts';

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

export const errorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .openapi('Error');

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { required: true, description, content: { 'application/json': { schema } } };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

const errorResponse = (description: string) => jsonResponse(errorSchema, description);

export const commonErrors = {
  400: errorResponse('The request is malformed or a field is invalid; details name each field.'),
  401: errorResponse('Not signed in.'),
  403: errorResponse('Your role does not allow this.'),
  404: errorResponse('Not found, or not yours.'),
  422: errorResponse('Valid input that breaks a rule.'),
};

export const securedBy: Record<string, string[]>[] = [{ bearer: [] }, { sessionCookie: [] }];
