// The tools this Orca can run, by name. Names come from domain/tool-names.ts, and every name
// there has its tool here (a unit test checks it).
import type { Tool } from '../tool.ts';
import { agentCallTool } from './agent-call.ts';
import { browserClickTool } from './browser-click.ts';
import { browserDownloadTool } from './browser-download.ts';
import { browserExtractTool } from './browser-extract.ts';
import { browserFillTool } from './browser-fill.ts';
import { browserGotoTool } from './browser-goto.ts';
import { browserLoginTool } from './browser-login.ts';
import { browserPaginateTool } from './browser-paginate.ts';
import { browserPressTool } from './browser-press.ts';
import { browserScreenshotTool } from './browser-screenshot.ts';
import { browserSelectTool } from './browser-select.ts';
import { browserWaitForTool } from './browser-wait-for.ts';
import { filesReadTool } from './files-read.ts';
import { filesSaveTool } from './files-save.ts';
import { htmlExtractTool } from './html-extract.ts';
import { httpRequestTool } from './http-request.ts';
import { llmGenerateTool } from './llm-generate.ts';
import { memoryListTool } from './memory-list.ts';
import { memoryReadTool } from './memory-read.ts';
import { memorySearchTool } from './memory-search.ts';
import { memoryWriteTool } from './memory-write.ts';
import { notifyEmailTool } from './notify-email.ts';
import { notifyWebhookTool } from './notify-webhook.ts';
import { transformTool } from './transform.ts';
import { waitTool } from './wait.ts';

export function builtInTools(): ReadonlyMap<string, Tool> {
  const tools = [
    httpRequestTool,
    htmlExtractTool,
    transformTool,
    llmGenerateTool,
    memoryWriteTool,
    memoryReadTool,
    memorySearchTool,
    memoryListTool,
    filesSaveTool,
    filesReadTool,
    notifyWebhookTool,
    notifyEmailTool,
    agentCallTool,
    waitTool,
    browserGotoTool,
    browserFillTool,
    browserClickTool,
    browserSelectTool,
    browserPressTool,
    browserWaitForTool,
    browserExtractTool,
    browserDownloadTool,
    browserScreenshotTool,
    browserLoginTool,
    browserPaginateTool,
  ] as unknown as Tool[];
  return new Map(tools.map((tool) => [tool.name, tool]));
}
