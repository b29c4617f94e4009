// Writes web/src/api/schema.d.ts from the routes (see api-types.ts).
import { writeFile } from 'node:fs/promises';
import { apiTypesPath, generateApiTypes } from './api-types.ts';

await writeFile(apiTypesPath, await generateApiTypes());
console.log(`wrote ${apiTypesPath}`);
