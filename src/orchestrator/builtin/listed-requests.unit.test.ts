import { describe, expect, it } from 'vitest';
import { opensRequest } from './clause-splitting.ts';
import { listedRequests } from './listed-requests.ts';

// Agents are named by capital letters here: "A", "the B".
const namesAgent = (item: string) => /^(?:the\s+)?[A-Z](?:\s+too)?$/.test(item.trim());
const listed = (text: string) => listedRequests(text, { opensRequest, namesAgent });

describe('requests written as a list', () => {
  it('cuts at numbers counting up from 1, leaving out the words before the first', () => {
    expect(listed('hey! couple things: 1) rename the reporter to Digest 2) pause it (3) run X')).toEqual([
      'rename the reporter to Digest',
      'pause it',
      'run X',
    ]);
    expect(listed('todo\n1. pause A,\n2. run B and')).toEqual(['pause A', 'run B']);
  });

  it('cuts at bullets that start lines', () => {
    expect(listed('today:\n- resume A\n* delete B\n• run C')).toEqual(['resume A', 'delete B', 'run C']);
  });

  it('leaves numbers that count nothing as they are', () => {
    expect(listed('run the reporter at 1.30 and pause it')).toEqual([
      'run the reporter at 1.30 and pause it',
    ]);
    expect(listed('keep 2) and 3) as they are')).toEqual(['keep 2) and 3) as they are']);
    expect(listed('only one:\n- pause A')).toEqual(['only one:\n- pause A']);
    // Sentences that end in an hour are no list.
    const sentences =
      'Run the lead scraper every day at 1. Run the reporter every day at 2. Pause the data collector.';
    expect(listed(sentences)).toEqual([sentences]);
  });

  it('reads agents listed alone as what the request before them acts on', () => {
    expect(listed('Please pause these:\n- the A\n- B')).toEqual(['pause the A and B']);
    expect(listed('todo:\n- pause the A\n- B too\n- run C')).toEqual(['pause the A and B too', 'run C']);
  });

  it('leaves a list of data, or reasons, with its request', () => {
    for (const text of [
      'scrape https://example.com/jobs and give me:\n- title\n- company\n- link',
      'create a scraper for https://example.com with these fields: 1) title 2) company 3) salary',
      'run the weekly report every monday at 9 and email it to:\n- ann@example.com\n- bob@example.com',
      'Pause the lead scraper. Reasons:\n- it fails\n- it costs too much',
    ])
      expect(listed(text)).toEqual([text]);
  });
});
