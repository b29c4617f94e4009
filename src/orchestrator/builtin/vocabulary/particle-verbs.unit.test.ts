import { describe, expect, it } from 'vitest';
import { withParticlesJoined } from './particle-verbs.ts';

describe('particle verbs', () => {
  it('puts a particle said after the agent back after its verb', () => {
    expect(withParticlesJoined('turn the weekly report off')).toBe('turn off the weekly report');
    expect(withParticlesJoined('shut the lead scraper down for a bit')).toBe(
      'shut down the lead scraper for a bit',
    );
    expect(withParticlesJoined('switched the reporter back on pls')).toBe(
      'switched back on the reporter pls',
    );
    expect(withParticlesJoined('Turn the Price Monitor off, then run it')).toBe(
      'Turn off the Price Monitor, then run it',
    );
  });

  it('leaves particles that belong to something else', () => {
    expect(withParticlesJoined('switch the reporter on mondays to noon')).toBe(
      'switch the reporter on mondays to noon',
    );
    expect(withParticlesJoined('turn off the reporter again')).toBe('turn off the reporter again');
  });
});
