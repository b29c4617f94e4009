// Client generators must be able to use the OpenAPI document as it is: openapi-typescript with its
// default settings generates types from it, and a small client (typed-client/client.ts, written
// with openapi-fetch) that creates a workspace and an agent, starts a run and reads its error
// must compile against them without a single cast.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentOpenApiDocument } from '../../scripts/api-types.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const clientSource = fileURLToPath(new URL('./typed-client/client.ts', import.meta.url));

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'orca-typed-client-'));
  await writeFile(path.join(directory, 'openapi.json'), JSON.stringify(currentOpenApiDocument()));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

/** Type errors of the files, as `file:line: message` lines. */
function typeErrors(files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    // The temporary directory is outside the project: find the client library in the project's.
    paths: { 'openapi-fetch': [path.join(root, 'node_modules/openapi-fetch')] },
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${path.basename(diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}`
      : '(options)';
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

/** `x as T` and `<T>x` in a source file: what a client should not need. */
function castsIn(source: string): string[] {
  const file = ts.createSourceFile('client.ts', source, ts.ScriptTarget.ES2022, true);
  const casts: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) casts.push(node.getText(file));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return casts;
}

describe('a client generated from the OpenAPI document with default settings', () => {
  it('compiles a workspace → agent → run → error scenario without casts', async () => {
    const document = JSON.parse(await readFile(path.join(directory, 'openapi.json'), 'utf8'));
    // Defaults: no options at all, as `npx openapi-typescript openapi.json` would run.
    await writeFile(path.join(directory, 'schema.d.ts'), astToString(await openapiTS(document)));
    const client = path.join(directory, 'client.ts');
    await copyFile(clientSource, client);

    expect(castsIn(await readFile(clientSource, 'utf8'))).toEqual([]);
    expect(typeErrors([client])).toEqual([]);
  });

  it('gives every operation a unique operationId, declared tags and a security decision', () => {
    const document = currentOpenApiDocument();
    const declaredTags = new Set((document.tags ?? []).map((tag) => tag.name));
    const ids: string[] = [];
    for (const [route, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(item ?? {})) {
        if (typeof operation !== 'object' || !operation || !('responses' in operation)) continue;
        const where = `${method.toUpperCase()} ${route}`;
        expect(operation.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
        ids.push(operation.operationId ?? '');
        expect(operation.tags?.length, where).toBeGreaterThan(0);
        for (const tag of operation.tags ?? [])
          expect(declaredTags.has(tag), `${where}: tag ${tag}`).toBe(true);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(document.security).toEqual([{ bearer: [] }, { sessionCookie: [] }]);
    for (const [route, method] of [
      ['/api/auth/signup', 'post'],
      ['/api/auth/login', 'post'],
      ['/api/health', 'get'],
      ['/api/hooks/{token}', 'post'],
      ['/api/invitations/{token}', 'get'],
      ['/api/oauth/callback', 'get'],
    ] as const) {
      expect(document.paths?.[route]?.[method]?.security, `${method} ${route}`).toEqual([]);
    }
  });
});
