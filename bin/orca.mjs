#!/usr/bin/env node
// The `orca` command. Orca is written in TypeScript and run through tsx's loader, so a clean
// clone needs no separate compile step before its first start.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
