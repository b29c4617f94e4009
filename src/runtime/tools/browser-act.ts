// browser.act: carry out an instruction in words on the live page ("open the Statements tab",
// "choose the 2026 period and press Show"). The LLM is shown the page's accessibility snapshot and
// answers with the next actions by ARIA role and accessible name; they are done, the page is
// looked at again, and so on until the LLM says the instruction is done or maxActions runs out.
// Only the instruction, the address, the title and the snapshot go to the LLM, never the run's
// data or connections; what is typed must be written in the instruction.
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { ToolError } from '../tool-error.ts';
import { browserTimeout, onPage, pageFacts } from './browser-common.ts';
import { llmAnswer, requireLlm } from './llm-answer.ts';
import { actionInWords, type PageAction, pageAction, performAction, refusal } from './page-actions.ts';
import { pageSnapshot } from './page-snapshot.ts';

const input = z.strictObject({
  instruction: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .describe(
      'What to do on the page, in words: "open the Statements tab", "choose the 2026 period and press Show". Text to type must be written here.',
    ),
  url: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('Open this address first; the current page otherwise.'),
  maxActions: z
    .number()
    .int()
    .min(1)
    .max(20)
    .default(5)
    .describe('How many actions (clicks, fills, choices) it may take; the step fails beyond.'),
  timeoutMs: browserTimeout.describe('How long each action may wait for its element, in milliseconds.'),
});

const performedAction = z.object({
  action: z.enum(['click', 'fill', 'select', 'check', 'uncheck', 'press']),
  role: z.string(),
  name: z.string(),
  selector: z.string().optional(),
  value: z.string().optional(),
  key: z.string().optional(),
  text: z.string().describe('The action in words, such as clicked tab "Statements".'),
});

const output = z.object({
  actions: z.array(performedAction).describe('What was done, in order.'),
  url: z.string(),
  title: z.string(),
});

const answer = z.object({
  done: z
    .boolean()
    .describe('True when the instruction is carried out once the actions given here are done.'),
  actions: z.array(pageAction).max(20).describe('The next actions, in order; empty when nothing is left.'),
  problem: z
    .string()
    .optional()
    .describe('Why the instruction cannot be carried out on this page, when it cannot.'),
});

const system = `You operate a web page for an automated agent, one instruction at a time.
You are given the instruction, the page's address and title, what was done so far, and the page's accessibility snapshot (YAML: each line is an element's ARIA role, its accessible name in quotes, and its state or text).
Answer with the next actions that carry out the instruction on the page as it is now:
- click, check, uncheck: the element by "role" and "name" exactly as the snapshot shows them;
- fill: a text field, with "value" the text to type, word for word from the instruction (never anything else);
- select: a drop-down (combobox), with "value" the label of the option to choose;
- press: "key" such as Enter, on the element named, or on the page when role and name are empty.
Add "selector" (CSS) only when role and name match several elements.
An action that opens another page or view (a link, a tab, a submit button) must be the last of your list: you will then be shown the page again.
Set "done" to true when the instruction is fully carried out once your actions are done; your actions may then be empty.
When the instruction cannot be carried out on this page, set "problem" to why, with no actions.`;

interface Attempt {
  action: PageAction;
  failure?: string;
}

function history(attempts: readonly Attempt[]): string {
  if (attempts.length === 0) return 'Nothing yet.';
  return attempts
    .map(
      (attempt, index) =>
        `${index + 1}. ${actionInWords(attempt.action)}${attempt.failure ? ` — FAILED: ${attempt.failure}` : ''}`,
    )
    .join('\n');
}

function firstLine(error: unknown) {
  return ((error as Error).message ?? String(error)).split('\n')[0]?.trim() ?? '';
}

export const browserActTool = defineTool({
  name: 'browser.act',
  description:
    'Do something on the live page described in words ("open the Statements tab", "choose the 2026 period and press Show"): the LLM looks at the page (its accessibility snapshot) and clicks, fills, chooses and presses by role and visible name, until the instruction is done or maxActions is reached (the step then fails). Needs an LLM (ORCA_LLM). Text to type must be in the instruction; secrets never go to the LLM (use browser.login for signing in). Returns the actions done, the address and the title.',
  input,
  output,
  // What the instruction asks for may submit a form.
  sideEffect: true,
  run: (request, context) => {
    const llm = requireLlm(
      context,
      'browser.act',
      'name the elements yourself with browser.click, browser.fill, browser.select and browser.press',
    );
    return onPage(
      context,
      {
        action: `Doing "${request.instruction}" on ${request.url ?? 'the page'}`,
        timeoutMs: request.timeoutMs,
      },
      async (session) => {
        const page = session.page;
        if (request.url) await page.goto(request.url, { waitUntil: 'load' });
        const attempts: Attempt[] = [];
        const performed: z.input<typeof performedAction>[] = [];
        for (;;) {
          const facts = await pageFacts(session);
          const next = await llmAnswer(context, llm, {
            system,
            prompt: [
              `Instruction: ${request.instruction}`,
              `Page: ${facts.url} — ${facts.title || '(no title)'}`,
              `Done so far:\n${history(attempts)}`,
              `Accessibility snapshot:\n${await pageSnapshot(page)}`,
            ].join('\n\n'),
            schema: answer,
          });
          if (next.problem && next.actions.length === 0) {
            throw new ToolError(
              'browser',
              `"${request.instruction}" could not be done on ${facts.url}: ${next.problem}`,
              { details: { actions: performed } },
            );
          }
          if (next.actions.length === 0) {
            if (next.done) return { actions: performed, ...(await pageFacts(session)) };
            throw new ToolError(
              'llm_invalid_output',
              `The LLM proposed no action for "${request.instruction}" and did not say it was done.`,
              { retryable: true, details: { actions: performed } },
            );
          }
          for (const action of next.actions) {
            if (attempts.length >= request.maxActions) {
              throw new ToolError(
                'browser',
                `"${request.instruction}" was not done within maxActions (${request.maxActions}); done so far: ${history(attempts)}. Raise maxActions (up to 20), or split the instruction into smaller ones.`,
                { details: { actions: performed, url: page.url() } },
              );
            }
            const refused = refusal(action, request.instruction);
            let failure = refused;
            if (!refused) {
              try {
                await performAction(page, action);
              } catch (error) {
                failure = firstLine(error);
              }
            }
            attempts.push({ action, failure });
            if (failure) {
              context.logger.warn(`browser.act: ${actionInWords(action)} failed: ${failure}`);
              break;
            }
            performed.push({ ...action, text: actionInWords(action) });
          }
          const last = attempts.at(-1);
          if (next.done && !last?.failure) return { actions: performed, ...(await pageFacts(session)) };
        }
      },
    );
  },
});
