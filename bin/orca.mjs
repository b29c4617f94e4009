#!/usr/bin/env node
// The `orca` command. Help and --version are answered from the command table, plain JavaScript,
// at once; everything else is TypeScript run through tsx's loader, so a clean clone needs no
// separate compile step before its first start.
import { quickAnswer } from '../src/cli/commands.mjs';

const answer = quickAnswer(process.argv.slice(2));
if (answer !== undefined) {
  process.stdout.write(answer);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
