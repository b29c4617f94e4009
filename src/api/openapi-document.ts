// The OpenAPI document: its header (servers, tags, security), and the few things the routes'
// zod declarations cannot say on their own. Client generators read it (the web app's types are
// generated from it; `npm run lint:api` holds it to Redocly's recommended rules).
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ApiEnv } from './context.ts';
import { declareIdempotencyKey, declareResponseHeaders } from './openapi-response-headers.ts';
import { publishedSchemas } from './published-schemas.ts';
import { errorSchemaName, payloadTooLargeResponse, securedBy } from './schemas.ts';

/** Where `orca start` listens by default (HOST, PORT); the served document names its own origin. */
export const defaultServerUrl = 'http://127.0.0.1:4400';

/** Every tag an operation uses, each with what its operations are about. */
export const openApiTags = [
  { name: 'operations', description: 'Whether the server is up.' },
  { name: 'accounts', description: 'Sign-up, sign-in, your sessions, password and memory.' },
  { name: 'workspaces', description: 'Workspaces, their settings, bundles and webhook signing secret.' },
  { name: 'members', description: 'Who belongs to a workspace, with which role; invitations.' },
  { name: 'tokens', description: 'API tokens, each scoped to one workspace and a role.' },
  { name: 'audit', description: 'What changed in a workspace, and who changed it.' },
  { name: 'agents', description: 'Agents: versioned specs, their memory, export and promotion.' },
  { name: 'runs', description: 'Runs of agents: start, read, follow live, cancel, retry.' },
  { name: 'schedules', description: 'Cron and one-off schedules that start runs.' },
  { name: 'hooks', description: 'Inbound hooks: secret addresses that start runs.' },
  { name: 'chains', description: 'Chains: one agent’s run ending starts another’s.' },
  { name: 'context', description: 'The workspace’s shared context entries.' },
  { name: 'credits', description: 'Credits: balance, ledger, plan, budgets and usage.' },
  { name: 'deliverables', description: 'Files runs saved and people uploaded, and their branded exports.' },
  { name: 'export profile', description: 'How branded exports look: letterhead, colours, fonts.' },
  { name: 'orchestrator', description: 'Conversations, plans to approve, and suggestions.' },
  { name: 'connections', description: 'Connected accounts (API keys, logins, OAuth) that agents use.' },
  { name: 'workrooms', description: 'Workrooms: groups of agents and files with a budget of their own.' },
  { name: 'style', description: 'An agent’s style memory: samples, corrections and profile.' },
];

/** The OpenAPI document's header; the paths come from the routes' own validating schemas. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Orca API',
    version: '0.1.0',
    description:
      'Workspaces, members, tokens and everything in them. Errors: { error: { code, message, details?, requestId? } }; every response carries X-Request-Id.',
  },
  servers: [
    { url: defaultServerUrl, description: '`orca start` on this machine, with the default HOST and PORT' },
  ],
  tags: openApiTags,
  // Every operation needs a session or an API token, unless it says `security: []` itself.
  security: securedBy,
};

type Document = ReturnType<OpenAPIHono<ApiEnv>['getOpenAPI31Document']>;
type Operation = {
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  parameters?: { name: string; in: string }[];
};

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

const isEmptySchema = (schema: unknown) =>
  typeof schema === 'object' && schema !== null && Object.keys(schema).every((key) => key === 'description');

/** `anyOf` with an empty member (a value zod cannot describe, such as a preprocessed one). */
function matchesAnything(schema: unknown): schema is { anyOf: unknown[] } {
  const alternatives = (schema as { anyOf?: unknown } | null)?.anyOf;
  return Array.isArray(alternatives) && alternatives.some(isEmptySchema);
}

/** Says "any value" plainly, keeping the description: the other alternatives add nothing. */
function withoutAlternatives({ anyOf, ...rest }: { anyOf: unknown[] }) {
  const described = anyOf.find(
    (member): member is { description: string } =>
      isEmptySchema(member) && Boolean((member as { description?: string }).description),
  );
  return described && !('description' in rest) ? { ...rest, description: described.description } : rest;
}

function hasDefault(schema: unknown): schema is { default: unknown; description?: string } {
  return typeof schema === 'object' && schema !== null && !Array.isArray(schema) && 'default' in schema;
}

/**
 * A default said in words instead of the `default` keyword, in schemas of what clients send:
 * generators (openapi-typescript by default) make a property with a default required, as it is
 * in an answer, and a client would have to send what the server fills in.
 */
function defaultInWords({ default: value, ...schema }: { default: unknown; description?: string }) {
  const words = `Default: ${JSON.stringify(value)}.`;
  return { ...schema, description: schema.description ? `${schema.description} ${words}` : words };
}

/** Names of the schemas a value refers to, and those they refer to in turn. */
function referencedSchemas(value: unknown, schemas: Record<string, unknown>, found = new Set<string>()) {
  JSON.stringify(value, (key, item) => {
    if (key !== '$ref' || typeof item !== 'string' || !item.startsWith('#/components/schemas/')) return item;
    const name = item.slice('#/components/schemas/'.length);
    if (!found.has(name)) {
      found.add(name);
      referencedSchemas(schemas[name], schemas, found);
    }
    return item;
  });
  return found;
}

/** Schemas only request bodies use: what clients send, never what they read. */
function requestOnlyComponents(document: Document): string[] {
  const schemas = (document.components?.schemas ?? {}) as Record<string, unknown>;
  const sent = new Set<string>();
  const read = new Set<string>();
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const method of methods) {
      const operation = (pathItem as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      referencedSchemas(operation.requestBody, schemas, sent);
      referencedSchemas(operation.responses, schemas, read);
    }
  }
  return [...sent].filter((name) => !read.has(name));
}

/**
 * The document as served and linted. Two things are added after the routes' declarations:
 * the schemas published from the domain's own zod schemas (published-schemas.ts), in zod's input
 * or output view, which zod-to-openapi cannot choose; the 413 answer of the body-limit
 * middleware, which no route declares but every route with a body can give; and the headers
 * the error handler and middleware set by status (openapi-response-headers.ts).
 */
export function openApiDocumentOf(app: OpenAPIHono<ApiEnv>, serverUrl = defaultServerUrl): Document {
  const document = app.getOpenAPI31Document({
    ...openApiDocument,
    servers: [{ url: serverUrl, description: 'This Orca' }],
  });
  const components = document.components ?? {};
  const schemas = components.schemas ?? {};
  document.components = { ...components, schemas };
  for (const [name, published] of Object.entries(publishedSchemas)) {
    const {
      $schema: _dialect,
      $defs: definitions = {},
      ...schema
    } = z.toJSONSchema(published.schema, {
      io: published.io,
      target: 'draft-2020-12',
      // A transform or refinement has no JSON Schema; the shape around it is what clients need.
      unrepresentable: 'any',
    });
    // A recursive part (a JSON value, nested fields) is a definition of its own: it becomes a
    // component beside the schema, since `#/$defs/…` would point at the document's root.
    const renamed = new Map(
      Object.keys(definitions).map((key, index) => [
        `#/$defs/${key}`,
        `#/components/schemas/${name}Part${index + 1}`,
      ]),
    );
    const rewrite = (value: unknown) =>
      JSON.parse(JSON.stringify(value), (key, item) => {
        if (key === '$ref' && typeof item === 'string') return renamed.get(item) ?? item;
        return matchesAnything(item) ? withoutAlternatives(item) : item;
      });
    schemas[name] = rewrite(schema);
    Object.values(definitions).forEach((definition, index) => {
      schemas[`${name}Part${index + 1}`] = rewrite(definition);
    });
  }
  for (const name of requestOnlyComponents(document)) {
    schemas[name] = JSON.parse(JSON.stringify(schemas[name]), (key, item) =>
      key !== 'properties' && hasDefault(item) ? defaultInWords(item) : item,
    );
  }
  for (const [path, pathItem] of Object.entries(document.paths ?? {})) {
    for (const method of methods) {
      const operation = (pathItem as Record<string, Operation | undefined>)[method];
      if (!operation?.responses) continue;
      declareIdempotencyKey(path, method, operation, `#/components/schemas/${errorSchemaName}`);
      if (operation.requestBody && !operation.responses['413']) {
        operation.responses['413'] = payloadTooLargeResponse(`#/components/schemas/${errorSchemaName}`);
      }
      declareResponseHeaders(operation.responses);
    }
  }
  return document;
}
