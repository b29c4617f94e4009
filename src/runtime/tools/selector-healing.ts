// Selector healing: when a step's selector matches nothing any more (the site was redesigned) and
// an LLM is configured, the LLM is shown the trimmed page and the old selector and answers with
// the new one. The answer is used only when it matches what the step needs (one visible element
// to click, a field to type into, a drop-down with the option), and is then reported (old → new)
// so that the Orchestrator proposes the change to the agent.
import type { Page } from 'playwright-core';
import { z } from 'zod';
import type { BrowserSession } from '../../browser/browser-pool.ts';
import type { ToolContext } from '../tool.ts';
import { reportHealed } from './healed-selector.ts';
import { llmAnswer } from './llm-answer.ts';
import { trimmedHtml } from './trimmed-html.ts';

/** What the step does with the element its selector finds. */
export interface SelectorNeed {
  tool: string;
  target: 'clickable' | 'editable' | 'select' | 'present';
  /** For a drop-down: the option the step chooses, by label or value. */
  option?: string;
}

const targetWords: Record<SelectorNeed['target'], string> = {
  clickable: 'exactly one visible element to click',
  editable: 'exactly one visible field to type into',
  select: 'exactly one visible drop-down (<select>)',
  present: 'the element the step waits for',
};

const answer = z.object({
  selector: z.string().describe('The CSS selector that finds the element on the page as it is now.'),
});

const system = `You repair CSS selectors of a web automation whose site changed its markup.
You are given what the step does, the selector that no longer matches, and the page's HTML now (trimmed: no scripts, only meaningful attributes).
Answer with one CSS selector that finds on this page the element the old selector was meant to find: the same purpose, as its text, role, name and place tell.
Prefer ids, names, aria attributes, data-* attributes and stable class names over positions such as :nth-child. Use only CSS (no XPath, no :contains).`;

// Selectors healed in a run, by step and old selector: a step in a loop heals once, and its
// other items go straight to the new selector instead of waiting for the old one each time.
// Keyed by the run's browser session, so it ends with the run.
const healedInRun = new WeakMap<BrowserSession, Map<string, string>>();
const healKey = (context: ToolContext, old: string) => `${context.stepId}\n${old}`;

/** The selector this step of the run already healed `old` to, if it did. */
export function healedBefore(context: ToolContext, session: BrowserSession, old: string): string | undefined {
  return healedInRun.get(session)?.get(healKey(context, old));
}

async function mismatch(
  page: Page,
  selector: string,
  old: string,
  need: SelectorNeed,
): Promise<string | undefined> {
  if (selector.trim() === old.trim()) return 'that is the selector that no longer matches';
  const located = page.locator(selector);
  let count: number;
  try {
    count = await located.count();
  } catch (error) {
    return `it is not a valid selector (${(error as Error).message.split('\n')[0]})`;
  }
  if (count === 0) return 'it matches nothing';
  if (need.target === 'present') return undefined;
  if (count > 1) return `it matches ${count} elements, and the step needs ${targetWords[need.target]}`;
  if (!(await located.isVisible())) return 'the element it matches is not visible';
  if (need.target === 'editable' && !(await located.isEditable()))
    return 'the element it matches cannot be typed into';
  if (need.target === 'select') {
    const options = await located.evaluate((element) =>
      element instanceof HTMLSelectElement
        ? [...element.options].flatMap((option) => [option.label.trim(), option.value])
        : undefined,
    );
    if (!options) return 'the element it matches is not a drop-down (<select>)';
    if (need.option !== undefined && !options.includes(need.option))
      return `the drop-down it matches has no option "${need.option}"`;
  }
  return undefined;
}

/**
 * The selector to use instead of `old`, checked against the page, or undefined when there is no
 * LLM or it found none that fits (the step then fails as it would without healing).
 */
export async function healSelector(
  context: ToolContext,
  session: BrowserSession,
  old: string,
  need: SelectorNeed,
): Promise<string | undefined> {
  const llm = context.services.llm;
  if (!llm) return undefined;
  const page = session.page;
  const html = trimmedHtml(await page.content());
  let problem: string | undefined;
  // A second try, told why the first answer did not fit, often finds it; more rarely does.
  for (let attempt = 0; attempt < 2; attempt++) {
    const prompt = [
      `Step "${context.stepId}" (${need.tool}) needs ${targetWords[need.target]}${need.option ? `, with the option "${need.option}"` : ''}.`,
      `Its selector "${old}" matches nothing on ${page.url()} any more.`,
      problem ? `Your last answer does not fit: ${problem}. Give another.` : '',
      `HTML of the page:\n${html}`,
    ]
      .filter(Boolean)
      .join('\n\n');
    let candidate: string;
    try {
      candidate = (await llmAnswer(context, llm, { system, prompt, schema: answer })).selector;
    } catch (error) {
      context.logger.warn(`The selector "${old}" could not be healed: ${(error as Error).message}`);
      return undefined;
    }
    problem = await mismatch(page, candidate, old, need);
    if (!problem) {
      reportHealed(context, { tool: need.tool, field: 'selector', from: old, to: candidate }, page.url());
      const healed = healedInRun.get(session) ?? new Map<string, string>();
      healedInRun.set(session, healed.set(healKey(context, old), candidate));
      return candidate;
    }
    problem = `"${candidate}": ${problem}`;
  }
  context.logger.warn(`The selector "${old}" could not be healed: the LLM's last answer, ${problem}.`);
  return undefined;
}
