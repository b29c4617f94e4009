import { describe, expect, it } from 'vitest';
import { agentsMentioned, nameWords, withoutNames } from './agent-names.ts';
import { typoDistance } from './typo-distance.ts';

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
    // "report" is also the stem of "reporting": every one of them is plausible.
    expect(names('delete the report').sort()).toEqual([
      'Monthly Report',
      'Reporting Agent',
      'Reporting Agent (old)',
      'Weekly Report',
    ]);
    expect(names('make me a sandwich')).toEqual([]);
  });

  it('matches word stems and typos, and asks rather than pick one of two plausible agents', () => {
    const reporters = [
      { name: 'Weekly Reporter' },
      { name: 'Old Reporting Agent' },
      { name: 'Lead Scraper' },
    ];
    const among = (text: string) => agentsMentioned(text, reporters).map((match) => match.item.name);
    expect(among('run the reporter')).toEqual(['Weekly Reporter', 'Old Reporting Agent']);
    expect(among('run the weekly reporter')).toEqual(['Weekly Reporter']);
    expect(among('pause the lead scrapper')).toEqual(['Lead Scraper']);
    expect(names('pause the weekly reprot')).toEqual(['Weekly Report']);
    expect(names('delete the monthy report')).toEqual(['Monthly Report']);
    // An exact name still wins over stems: "Reporter" is not "Reporting Agent".
    expect(
      agentsMentioned('pause the reporter', [...agents, { name: 'Reporter' }]).map(
        (match) => match.item.name,
      ),
    ).toEqual(['Reporter']);
  });
});

describe('typo distance', () => {
  it('counts a swap of two letters as one slip', () => {
    expect(typoDistance('reprot', 'report')).toBe(1);
    expect(typoDistance('scrapper', 'scraper')).toBe(1);
    expect(typoDistance('weekly', 'weekday')).toBe(2);
  });

  it('reads two name words written as one, never over the words apart', () => {
    expect(names('resume the pricemonitor')).toEqual(['example.co.uk Price Monitor']);
    expect(names('pause the leadscraper')).toEqual(['Lead Scraper']);
    expect(names('run the weeklyreport')).toEqual(['Weekly Report']);
    expect(names('run the weekly report')).toEqual(['Weekly Report']);
  });

  it('takes out a name said in its order, never a verb that is one of its words', () => {
    expect(withoutNames('price monitor every 15 minutes', ['example.co.uk Price Monitor'])).toBe(
      'every 15 minutes',
    );
    expect(withoutNames('monitor prices and email me', ['example.co.uk Price Monitor'])).toBe(
      'monitor prices and email me',
    );
    expect(
      withoutNames('monitor https://x.example for the price monitor', ['example.co.uk Price Monitor']),
    ).toBe('monitor https://x.example for the');
  });
});
