import { describe, expect, it } from 'vitest';
import { listedRequests } from './listed-requests.ts';

describe('requests written as a list', () => {
  it('cuts at numbers counting up from 1, leaving out the words before the first', () => {
    expect(
      listedRequests('hey! couple things: 1) rename the reporter to Digest 2) pause it (3) run X'),
    ).toEqual(['rename the reporter to Digest', 'pause it', 'run X']);
    expect(listedRequests('1. pause A, 2. run B and')).toEqual(['pause A', 'run B']);
  });

  it('cuts at bullets that start lines', () => {
    expect(listedRequests('today:\n- resume A\n* delete B\n• run C')).toEqual([
      'resume A',
      'delete B',
      'run C',
    ]);
  });

  it('leaves numbers that count nothing as they are', () => {
    expect(listedRequests('run the reporter at 1.30 and pause it')).toEqual([
      'run the reporter at 1.30 and pause it',
    ]);
    expect(listedRequests('keep 2) and 3) as they are')).toEqual(['keep 2) and 3) as they are']);
    expect(listedRequests('only one:\n- pause A')).toEqual(['only one:\n- pause A']);
  });
});
