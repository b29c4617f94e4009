// Writes the OpenAPI document the server serves to a file (default: stdout), for linters and
// client generators: `tsx scripts/openapi-document.ts /tmp/openapi.json`.
import { writeFile } from 'node:fs/promises';
import { currentOpenApiDocument } from './api-types.ts';

const text = `${JSON.stringify(currentOpenApiDocument(), null, 2)}\n`;
const target = process.argv[2];
if (target) await writeFile(target, text);
else process.stdout.write(text);
