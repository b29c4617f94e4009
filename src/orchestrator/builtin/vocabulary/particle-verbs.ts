// Verbs whose particle may stand after their object: "turn the reporter off", "shut the lead
// scraper down for a bit", "switch it back on", "wake the collector back up". The action vocabulary lists these verbs with the
// particle next to them ("turn off"), so the request is read with the particle moved back.
import { formsOfVerb } from './verb-forms.ts';

/** The verbs that take a particle, and the particles that make them an action on an agent. */
const particleVerbs = ['turn', 'switch', 'shut', 'power', 'wake'];
const particles = ['back on', 'back off', 'back up', 'off', 'on', 'down', 'up'];

/** Words that may follow the particle and belong to no agent's name: "off for now", "on again". */
const afterParticle =
  '(?=\\s*(?:$|[,.;:!?]|(?:again|for|now|please|pls|plz|until|till|and|then|too|temporarily|today|thanks|as well)\\b))';

const verbForms = particleVerbs.flatMap(formsOfVerb);

/**
 * "turn X off" with at most five words between, and the particle at the end of the clause (or
 * before "again", "for now" …): "switch the reporter on mondays" keeps its "on".
 */
const separated = new RegExp(
  `\\b(?<verb>${verbForms.join('|')})\\s+(?<object>(?:[^\\s,.;!?]+\\s+){0,4}?[^\\s,.;!?]+)\\s+(?<particle>${particles
    .map((particle) => particle.replace(' ', '\\s+'))
    .join('|')})${afterParticle}`,
  'gi',
);

/** The request with each separated particle put back after its verb: "turn off the reporter". */
export function withParticlesJoined(text: string): string {
  return text.replace(separated, (whole, ...args) => {
    const groups = args.at(-1) as { verb: string; object: string; particle: string };
    // "turn on" and "turn off" already together ("turn on the reporter again") are kept as they are.
    if (particles.includes(groups.object.toLowerCase())) return whole;
    return `${groups.verb} ${groups.particle.replace(/\s+/g, ' ')} ${groups.object}`;
  });
}
