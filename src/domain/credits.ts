// Plans, prices and what a run costs: pure rules, no I/O. Credits are whole numbers; a price may
// be a fraction (0.5 credit a step), and each priced line is rounded up to a whole credit, so a
// line never costs less than what it used. See docs/decisions/0024-credits-ledger.md.
import { z } from 'zod';

const credits = z.number().min(0, 'a price cannot be negative').max(1_000_000_000);
const wholeCredits = z.int('must be a whole number of credits').min(0).max(1_000_000_000_000);

export const planSchema = z.object({
  name: z.string().trim().min(1).max(60),
  /** Credits granted at the start of every billing period; what is left expires at its end. */
  monthlyAllowance: wholeCredits,
  maxAgents: z.int().min(1).optional(),
  maxRunsAtOnce: z.int().min(1).optional(),
});

const tokenPrices = z.object({ input: credits, output: credits });

export const pricesSchema = z.object({
  /** Credits per step a tool runs (each loop item is a step). */
  toolStep: z.object({ default: credits, byTool: z.record(z.string(), credits).default({}) }),
  /** Credits per minute a browser.* step takes. */
  browserMinute: credits,
  /** Credits per 1000 tokens, by model (`gpt-4o-mini` or `openai:gpt-4o-mini`). */
  llmPer1000Tokens: z.object({
    default: tokenPrices,
    byModel: z.record(z.string(), tokenPrices).default({}),
  }),
});

/** What a run's reservation assumes for work only its running can measure. */
export const estimateSchema = z.object({
  llmInputTokens: z.int().min(0),
  llmOutputTokens: z.int().min(0),
  browserMinutes: z.number().min(0),
});

export const creditSettingsSchema = z
  .object({
    plans: z.array(planSchema).min(1, 'list at least one plan'),
    defaultPlan: z.string(),
    prices: pricesSchema,
    estimate: estimateSchema,
    /** The largest single top-up accepted (a typo guard). */
    maximumTopup: z.int().min(1),
    /** The model the LLM tools use when a step names none (ORCA_LLM's), for pricing. */
    llmModel: z.string().optional(),
  })
  .refine((settings) => settings.plans.some((plan) => plan.name === settings.defaultPlan), {
    message: 'defaultPlan must be the name of one of the plans',
    path: ['defaultPlan'],
  });

export type Plan = z.infer<typeof planSchema>;
export type Prices = z.infer<typeof pricesSchema>;
export type CreditSettings = z.infer<typeof creditSettingsSchema>;

/** A fresh install is usable: a generous free plan, and prices that make costs visible. */
export const defaultCreditSettings: CreditSettings = {
  plans: [
    { name: 'free', monthlyAllowance: 100_000, maxAgents: 100, maxRunsAtOnce: 50 },
    { name: 'team', monthlyAllowance: 1_000_000, maxAgents: 1000, maxRunsAtOnce: 200 },
  ],
  defaultPlan: 'free',
  prices: {
    toolStep: { default: 1, byTool: { wait: 0, transform: 0 } },
    browserMinute: 2,
    llmPer1000Tokens: { default: { input: 1, output: 3 }, byModel: {} },
  },
  estimate: { llmInputTokens: 2000, llmOutputTokens: 500, browserMinutes: 1 },
  maximumTopup: 100_000_000,
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Tool prices given over the defaults: tools priced by name merge with the default ones, so
 * `{"toolStep":{"default":2}}` changes the price of a step and leaves `wait` and `transform`
 * free, as the defaults have them (a tool is made paid by naming it). Anything but an object is
 * passed on for the schema to refuse.
 */
function mergeToolStep(toolStep: unknown): unknown {
  if (!isObject(toolStep)) return toolStep ?? defaultCreditSettings.prices.toolStep;
  const byTool = toolStep.byTool ?? {};
  return {
    ...defaultCreditSettings.prices.toolStep,
    ...toolStep,
    byTool: isObject(byTool) ? { ...defaultCreditSettings.prices.toolStep.byTool, ...byTool } : byTool,
  };
}

/**
 * Settings given as JSON over the defaults: top-level keys replace, prices merge by part, and
 * tool prices by tool.
 */
export function mergeCreditSettings(overrides: Record<string, unknown>): unknown {
  const prices = (overrides.prices ?? {}) as Record<string, unknown>;
  return {
    ...defaultCreditSettings,
    ...overrides,
    prices: { ...defaultCreditSettings.prices, ...prices, toolStep: mergeToolStep(prices.toolStep) },
    estimate: { ...defaultCreditSettings.estimate, ...((overrides.estimate ?? {}) as object) },
  };
}

export function planNamed(settings: CreditSettings, name: string): Plan {
  return (
    settings.plans.find((plan) => plan.name === name) ??
    settings.plans.find((plan) => plan.name === settings.defaultPlan) ??
    (settings.plans[0] as Plan)
  );
}

function toolPrice(prices: Prices, tool: string): number {
  // Own keys only: a tool or model named "constructor" must not find Object's.
  return Object.hasOwn(prices.toolStep.byTool, tool)
    ? (prices.toolStep.byTool[tool] ?? prices.toolStep.default)
    : prices.toolStep.default;
}

function modelPrices(prices: Prices, model: string | undefined) {
  if (!model) return prices.llmPer1000Tokens.default;
  const bare = model.includes(':') ? model.slice(model.indexOf(':') + 1) : model;
  const { byModel } = prices.llmPer1000Tokens;
  if (Object.hasOwn(byModel, model)) return byModel[model] ?? prices.llmPer1000Tokens.default;
  if (Object.hasOwn(byModel, bare)) return byModel[bare] ?? prices.llmPer1000Tokens.default;
  return prices.llmPer1000Tokens.default;
}

/** Whether a tool talks to the LLM (its estimate includes tokens). */
const usesLlm = (tool: string) => tool.startsWith('llm.') || tool === 'browser.act';
const usesBrowser = (tool: string) => tool.startsWith('browser.');

/** Tokens priced at a model's rates, in (fractional) credits. */
export function tokenCredits(prices: Prices, model: string | undefined, input: number, output: number) {
  const rates = modelPrices(prices, model);
  return (input * rates.input + output * rates.output) / 1000;
}

/**
 * The reservation for a run of these steps: each step once, at its tool's price, with the
 * configured guess of tokens for LLM steps and of minutes for browser steps. Loops and retries
 * cost more than this; the difference is charged when the run settles.
 */
export function estimateRun(settings: CreditSettings, steps: ReadonlyArray<{ tool: string }>): number {
  let total = 0;
  for (const step of steps) {
    let line = toolPrice(settings.prices, step.tool);
    if (usesLlm(step.tool)) {
      line += tokenCredits(
        settings.prices,
        settings.llmModel,
        settings.estimate.llmInputTokens,
        settings.estimate.llmOutputTokens,
      );
    }
    if (usesBrowser(step.tool)) line += settings.estimate.browserMinutes * settings.prices.browserMinute;
    total += Math.ceil(line);
  }
  return total;
}

/** One step (or loop item) as it ran, as much as pricing needs. */
export interface MeteredStep {
  stepId: string;
  tool: string;
  inputTokens: number;
  outputTokens: number;
  /** The model a step reported using (llm.generate's output), else the configured one. */
  model?: string;
  durationMs: number;
}

export interface PricedStep {
  stepId: string;
  tool: string;
  credits: number;
  reason: string;
  inputTokens: number;
  outputTokens: number;
  browserMinutes: number;
}

const figure = (value: number) => Number(value.toFixed(3)).toLocaleString('en-US');

/** A step's cost and why, rounded up to a whole credit. */
export function priceStep(settings: CreditSettings, step: MeteredStep): PricedStep {
  const reasons: string[] = [];
  const base = toolPrice(settings.prices, step.tool);
  reasons.push(`${step.tool} step ${figure(base)}`);
  let exact = base;
  const tokens = step.inputTokens + step.outputTokens;
  if (tokens > 0) {
    const model = step.model ?? settings.llmModel;
    const tokenCost = tokenCredits(settings.prices, model, step.inputTokens, step.outputTokens);
    exact += tokenCost;
    reasons.push(
      `${figure(step.inputTokens)} input + ${figure(step.outputTokens)} output tokens${model ? ` of ${model}` : ''} ${figure(tokenCost)}`,
    );
  }
  let browserMinutes = 0;
  if (usesBrowser(step.tool)) {
    browserMinutes = Math.max(0, step.durationMs) / 60_000;
    const browserCost = browserMinutes * settings.prices.browserMinute;
    exact += browserCost;
    reasons.push(`${figure(browserMinutes)} browser minutes ${figure(browserCost)}`);
  }
  return {
    stepId: step.stepId,
    tool: step.tool,
    credits: Math.ceil(exact - 1e-9),
    reason: reasons.join(' + '),
    inputTokens: step.inputTokens,
    outputTokens: step.outputTokens,
    browserMinutes: Number(browserMinutes.toFixed(4)),
  };
}

/** The end of the billing period that starts at `start`: the same day and time a month later. */
export function periodEndAfter(start: Date): Date {
  const end = new Date(start);
  const day = end.getUTCDate();
  end.setUTCMonth(end.getUTCMonth() + 1);
  // 31 January + a month is 3 March in JavaScript; a period ends on the last day of the month instead.
  if (end.getUTCDate() !== day) end.setUTCDate(0);
  return end;
}
