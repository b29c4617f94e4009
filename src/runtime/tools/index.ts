// The tools this Orca can run, by name. Names come from domain/tool-names.ts; a spec may name a
// tool that is not built yet, and its run then fails at that step saying so.
import type { Tool } from '../tool.ts';
import { htmlExtractTool } from './html-extract.ts';
import { httpRequestTool } from './http-request.ts';
import { transformTool } from './transform.ts';

export function builtInTools(): ReadonlyMap<string, Tool> {
  const tools: Tool[] = [httpRequestTool as Tool, htmlExtractTool as Tool, transformTool as Tool];
  return new Map(tools.map((tool) => [tool.name, tool]));
}
