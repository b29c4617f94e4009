import { describe, expect, it } from 'vitest';
import type { LearnedItemRecord } from '../../store/learned-item-repository.ts';
import type { WorkspaceSnapshot } from '../planner.ts';
import { learnedNotificationPreference, learnedPreferences } from './learned-memory.ts';
import { learnedOffer } from './learned-offer.ts';
import { planObservations } from './learning-recorder.ts';
import { localeObservations, scheduleObservations } from './observations.ts';

let counter = 0;
function item(category: string, key: string, count: number): LearnedItemRecord {
  const at = new Date('2026-12-01T08:00:00Z');
  return {
    id: `item-${++counter}`,
    userId: 'u',
    category,
    key,
    count,
    source: 'plan',
    firstSeenAt: at,
    lastSeenAt: at,
  };
}

const emptyWorkspace = { agents: [], chains: [] } as unknown as WorkspaceSnapshot;

describe('observations', () => {
  it('learns from a plan that builds an agent, and nothing from a promotion (it was built elsewhere)', () => {
    const spec = {
      name: 'Report Writer',
      goal: 'Write the weekly report',
      steps: [{ id: 'save', tool: 'files.save', with: { name: 'report.md', content: '# Report' } }],
    };
    const built = planObservations([{ type: 'createAgent', spec } as never], []);
    expect(built.map((observation) => observation.key)).toContain('files.save');
    const origin = {
      workspaceId: 'w',
      workspaceName: 'Staging',
      agentId: 'a',
      agentName: 'Report Writer',
      version: 1,
      via: 'promote',
    };
    expect(planObservations([{ type: 'createAgent', spec, origin } as never], [])).toEqual([]);
    expect(
      planObservations(
        [{ type: 'updateAgent', agentId: 'b', agentName: 'Report Writer', spec, origin } as never],
        [{ kind: 'restoreSchedule', applied: { cron: '0 8 * * 1-5', timezone: 'Europe/Paris' } }],
      ),
    ).toEqual([]);
  });

  it("takes the browser's most wanted language that parses", () => {
    expect(localeObservations('de-CH;q=0.8, fr-ch, fr;q=0.9', 'sign_in')).toEqual([
      { category: 'locale', key: 'fr-CH', source: 'sign_in' },
    ]);
    expect(localeObservations('*', 'sign_in')).toEqual([]);
    expect(localeObservations('not a tag!, en', 'sign_in')).toEqual([
      { category: 'locale', key: 'en', source: 'sign_in' },
    ]);
    expect(localeObservations(undefined, 'sign_in')).toEqual([]);
  });

  it('keeps a schedule shape and a named zone, not the UTC fallback or a made-up zone', () => {
    expect(scheduleObservations({ cron: '0 8 * * 1-5', timezone: 'Europe/Paris' }, 'schedule')).toEqual([
      { category: 'schedule', key: 'weekdays@08:00', source: 'schedule' },
      { category: 'timezone', key: 'Europe/Paris', source: 'schedule' },
    ]);
    expect(scheduleObservations({ cron: '0 8 1 * *', timezone: 'UTC' }, 'schedule')).toEqual([]);
    expect(scheduleObservations({ cron: '0 8 * * *', timezone: 'Mars/Base' }, 'schedule')).toHaveLength(1);
  });
});

describe('learned preferences', () => {
  const items = [item('channel', 'email', 3), item('channel', 'slack', 1), item('timezone', 'Asia/Tokyo', 2)];

  it('apply only while the person set none, and are suggestions when they set another', () => {
    const fresh = learnedPreferences(items, {}, 'ada@example.com');
    expect(fresh.notificationChannel).toMatchObject({ value: 'email', applies: true, suggestion: false });
    expect(fresh.timezone).toMatchObject({ value: 'Asia/Tokyo', applies: true });
    const set = learnedPreferences(
      items,
      { timezone: 'Europe/Paris', preferences: { notificationChannel: 'https://hooks.slack.com/x' } },
      'ada@example.com',
    );
    expect(set.timezone).toMatchObject({ applies: false, suggestion: true });
    expect(set.notificationChannel).toMatchObject({ value: 'email', applies: false, suggestion: true });
    // The same value as the one set says nothing new.
    expect(learnedPreferences(items, { timezone: 'Asia/Tokyo' }, undefined).timezone).toBeNull();
  });

  it('give the planner e-mail to the account, and no default for Slack (its address stays behind)', () => {
    expect(learnedNotificationPreference(items, 'ada@example.com')).toEqual({
      channel: 'email',
      email: 'ada@example.com',
      learned: true,
    });
    expect(learnedNotificationPreference([item('channel', 'slack', 5)], 'ada@example.com')).toBeUndefined();
  });
});

describe('learnedOffer', () => {
  it('offers the kind built at least twice, with its channel and schedule', () => {
    const offer = learnedOffer({
      items: [
        item('kind', 'price_monitor', 2),
        item('pattern', 'price_monitor+email_on_change', 2),
        item('schedule', 'weekdays@08:00', 2),
      ],
      userId: 'u',
      userEmail: 'ada@example.com',
      snapshot: emptyWorkspace,
      timezone: 'Europe/Paris',
    });
    expect(offer?.reason).toMatch(
      /^You usually build price monitors that e-mail you on change, every weekday at 08:00/,
    );
    expect(offer?.draft).toMatchObject({
      kind: 'create',
      agentKind: 'monitor',
      notify: { email: 'ada@example.com' },
      schedule: { words: 'every weekday at 08:00', timezone: 'Europe/Paris' },
    });
  });

  it('asks how to tell when the usual channel is Slack, and offers nothing built only once', () => {
    const slack = learnedOffer({
      items: [item('kind', 'scraper', 4), item('pattern', 'scraper+slack', 4)],
      userId: 'u',
      userEmail: 'ada@example.com',
      snapshot: emptyWorkspace,
    });
    expect(slack?.plan.questions.map((question) => question.id)).toEqual(['url', 'notify']);
    expect(slack?.draft).toMatchObject({ agentKind: 'scrape', askHow: true, notify: {} });
    expect(
      learnedOffer({
        items: [item('kind', 'price_monitor', 1)],
        userId: 'u',
        userEmail: 'a@b.c',
        snapshot: emptyWorkspace,
      }),
    ).toBeUndefined();
    expect(
      learnedOffer({
        items: [item('kind', 'digest', 9)],
        userId: 'u',
        userEmail: 'a@b.c',
        snapshot: emptyWorkspace,
      }),
    ).toBeUndefined();
  });
});
