import { describe, expect, it } from 'vitest';
import { formsOfVerb, withVerbForms } from './verb-forms.ts';

describe('verb forms', () => {
  it('makes the -s, -ing and -ed forms by spelling rules', () => {
    expect(formsOfVerb('collect')).toEqual(['collect', 'collects', 'collecting', 'collected']);
    expect(formsOfVerb('scrape')).toEqual(['scrape', 'scrapes', 'scraping', 'scraped']);
    expect(formsOfVerb('watch')).toEqual(['watch', 'watches', 'watching', 'watched']);
    expect(formsOfVerb('stop')).toEqual(['stop', 'stops', 'stopping', 'stopped']);
    expect(formsOfVerb('copy')).toEqual(['copy', 'copies', 'copying', 'copied']);
    expect(formsOfVerb('email')).toEqual(['email', 'emails', 'emailing', 'emailed']);
  });

  it('inflects the last part of a hyphenated verb and knows the irregular pasts', () => {
    expect(formsOfVerb('e-mail')).toEqual(['e-mail', 'e-mails', 'e-mailing', 'e-mailed']);
    expect(formsOfVerb('run')).toEqual(['run', 'runs', 'running', 'ran']);
    expect(formsOfVerb('send')).toContain('sent');
    expect(formsOfVerb('send')).not.toContain('sended');
  });

  it('inflects the first word of a phrase', () => {
    expect(withVerbForms(['keep an eye', 'turn off'])).toEqual([
      'keep an eye',
      'keeps an eye',
      'keeping an eye',
      'kept an eye',
      'turn off',
      'turns off',
      'turning off',
      'turned off',
    ]);
  });
});
