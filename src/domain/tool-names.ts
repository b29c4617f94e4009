// The names of the tools an agent step may call. The runtime registers one tool per name
// (src/runtime/tools/); a spec naming anything else is refused when it is saved, not when it runs.
export const toolNames = [
  'http.request',
  'html.extract',
  'transform',
  'llm.generate',
  'memory.write',
  'memory.read',
  'memory.search',
  'memory.list',
  'files.save',
  'files.read',
  'notify.webhook',
  'notify.email',
  'agent.call',
  'wait',
  'browser.goto',
  'browser.fill',
  'browser.click',
  'browser.select',
  'browser.press',
  'browser.waitFor',
  'browser.extract',
  'browser.download',
  'browser.screenshot',
  'browser.login',
  'browser.paginate',
] as const;

export type ToolName = (typeof toolNames)[number];
