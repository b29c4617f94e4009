import { describe, expect, it } from 'vitest';
import { creditSettingsSchema, estimateRun, mergeCreditSettings } from './credits.ts';

const settingsOf = (overrides: Record<string, unknown>) =>
  creditSettingsSchema.parse(mergeCreditSettings(overrides));

describe('credit settings over the defaults', () => {
  it('keeps wait and transform free when only the price of a step is given (the README example)', () => {
    const settings = settingsOf({ prices: { toolStep: { default: 1 }, browserMinute: 2 } });
    expect(settings.prices.toolStep.byTool).toMatchObject({ wait: 0, transform: 0 });
    const steps = [{ tool: 'transform' }, { tool: 'wait' }, { tool: 'files.save' }];
    expect(estimateRun(settings, steps)).toBe(1);
  });

  it('prices a tool named in byTool, a default-free one too, and refuses a price that is not a number', () => {
    const settings = settingsOf({ prices: { toolStep: { default: 3, byTool: { transform: 2 } } } });
    expect(settings.prices.toolStep).toEqual({ default: 3, byTool: { wait: 0, transform: 2 } });
    expect(() => settingsOf({ prices: { toolStep: 'cheap' } })).toThrow();
    expect(() => settingsOf({ prices: { toolStep: { default: 1, byTool: [] } } })).toThrow();
  });
});
