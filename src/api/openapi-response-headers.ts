// Headers that middleware and the error handler put on answers, declared in the OpenAPI document
// for every operation whose answer can carry them, so that no route has to remember them and a
// client generator sees them all: Location on a 201 or 202, Retry-After on a 429 or 503,
// WWW-Authenticate on a 401. (A 405 belongs to no operation: it answers the methods a path lacks.)

import { idempotentRoutes } from './idempotency.ts';

interface HeaderObject {
  description: string;
  required?: boolean;
  schema: { type: 'string' } | { type: 'integer'; minimum: number };
}

interface ResponseObject {
  headers?: Record<string, HeaderObject>;
}

const location: HeaderObject = {
  description: 'Where the created thing (201) or the started run (202) is read: a path under /api, by id.',
  schema: { type: 'string' },
};

const retryAfter: HeaderObject = {
  description:
    'Seconds to wait before trying again. On a 503 it is sent when the refusal is temporary (queue_full), not when the operator must set something up.',
  schema: { type: 'integer', minimum: 0 },
};

const authenticate: HeaderObject = {
  description: 'The scheme to sign in with: `Bearer realm="orca"`.',
  required: true,
  schema: { type: 'string' },
};

const headersByStatus: Record<string, Record<string, HeaderObject>> = {
  '201': { Location: location },
  '202': { Location: location },
  '401': { 'WWW-Authenticate': authenticate },
  '429': { 'Retry-After': retryAfter },
  '503': { 'Retry-After': retryAfter },
};

/** Adds the headers above to an operation's responses, leaving those a route declared itself. */
export function declareResponseHeaders(responses: Record<string, unknown>): void {
  for (const [status, response] of Object.entries(responses)) {
    const wanted = headersByStatus[status];
    if (!wanted || typeof response !== 'object' || response === null || '$ref' in response) continue;
    const declared = response as ResponseObject;
    declared.headers = { ...wanted, ...declared.headers };
  }
}

const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Names this request, so that a retry (same key, same request, within 24 hours) is answered with the first answer instead of doing the work again. 1 to 255 printable ASCII characters; a UUID is a good key.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

interface KeyedOperation {
  parameters?: { name: string; in: string }[];
  responses?: Record<string, unknown>;
}

/** The Idempotency-Key header, its 409 and its 422, on the POSTs the middleware is mounted on. */
export function declareIdempotencyKey(
  path: string,
  method: string,
  operation: KeyedOperation,
  errorSchemaReference: string,
): void {
  const honoPath = path.replace(/\{([^}]+)\}/g, ':$1');
  if (method !== 'post' || !idempotentRoutes.includes(honoPath)) return;
  const parameters = operation.parameters ?? [];
  if (!parameters.some((parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key')) {
    operation.parameters = [...parameters, idempotencyKeyParameter];
  }
  const responses = operation.responses ?? {};
  operation.responses = responses;
  mention(responses, '409', errorSchemaReference, {
    description:
      'a request with this Idempotency-Key is still being answered (idempotency_key_in_progress); retry after Retry-After',
    headers: { 'Retry-After': retryAfter },
  });
  mention(responses, '422', errorSchemaReference, {
    description: 'this Idempotency-Key was used for another request (idempotency_key_reused)',
  });
}

interface DescribedResponse extends ResponseObject {
  description: string;
  content?: unknown;
}

/** Adds a case to a response the route declares already, or declares the response with it. */
function mention(
  responses: Record<string, unknown>,
  status: string,
  errorSchemaReference: string,
  addition: { description: string; headers?: Record<string, HeaderObject> },
): void {
  const existing = responses[status] as DescribedResponse | undefined;
  if (!existing) {
    const sentence = addition.description.charAt(0).toUpperCase() + addition.description.slice(1);
    responses[status] = {
      description: `${sentence}.`,
      content: { 'application/json': { schema: { $ref: errorSchemaReference } } },
      ...(addition.headers ? { headers: addition.headers } : {}),
    };
    return;
  }
  responses[status] = {
    ...existing,
    description: `${existing.description.replace(/\.$/, '')}; or ${addition.description}.`,
    headers: { ...addition.headers, ...existing.headers },
  };
}
