import { describe, expect, it } from 'vitest';
import { agentsMentioned, nameWords } from './agent-names.ts';

const agents = [
  { name: 'Lead Scraper' },
  { name: 'example.co.uk Price Monitor' },
  { name: 'Weekly Report' },
  { name: 'Monthly Report' },
  { name: 'Reporting Agent (old)' },
  { name: 'Reporting Agent' },
];

const names = (text: string) => agentsMentioned(text, agents).map((match) => match.item.name);

describe('agent names in requests', () => {
  it('reads host names as one word and drops filler', () => {
    expect(nameWords('the 127.0.0.1 Leads Scraper agent')).toEqual(['127001', 'lead', 'scraper']);
  });

  it('finds an agent by a loose mention', () => {
    expect(names('run the lead scraper')).toEqual(['Lead Scraper']);
    expect(names('pause the price monitor')).toEqual(['example.co.uk Price Monitor']);
    expect(names('delete the old reporting agent')).toEqual(['Reporting Agent (old)']);
  });

  it('gives every equally good match, so that the planner can ask', () => {
    expect(names('delete the report')).toEqual(['Weekly Report', 'Monthly Report']);
    expect(names('make me a sandwich')).toEqual([]);
  });
});
