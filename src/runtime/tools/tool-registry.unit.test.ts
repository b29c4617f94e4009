import { describe, expect, it } from 'vitest';
import { toolNames } from '../../domain/tool-names.ts';
import { builtInTools } from './index.ts';

describe('the tool registry', () => {
  it('has a tool for every name a spec may use, each with a description and schemas', () => {
    const tools = builtInTools();
    expect([...tools.keys()].sort()).toEqual([...toolNames].sort());
    for (const tool of tools.values()) {
      expect(tool.description.length, tool.name).toBeGreaterThan(40);
      expect(tool.input.safeParse, tool.name).toBeTypeOf('function');
    }
  });
});
