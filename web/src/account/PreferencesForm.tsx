// Time zone, locale and preferred notification channel: the defaults the Orchestrator fills in
// ("8am" in your time zone, "tell me" by your channel). Saved together with one button.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ErrorMessage } from '../shared/ErrorMessage.tsx';
import { queryKeys } from '../shared/query-keys.ts';
import { accountActions, type UserMemory } from './account-queries.ts';
import {
  type ChannelChoice,
  type ChannelKind,
  channelPreferences,
  channelProblem,
  readChannel,
} from './notification-channel.ts';
import { TimeZoneField } from './TimeZoneField.tsx';

const channelOptions: { kind: ChannelKind; label: (email: string) => string }[] = [
  { kind: 'none', label: () => 'Not set (Orca asks where to send notices)' },
  { kind: 'account-email', label: (email) => `E-mail to my account address (${email})` },
  { kind: 'other-email', label: () => 'E-mail to another address' },
  { kind: 'slack', label: () => 'Slack (an incoming webhook)' },
  { kind: 'webhook', label: () => 'Webhook (any address that accepts a POST)' },
];

const commonLocales = [
  'en-US',
  'en-GB',
  'fr-FR',
  'de-DE',
  'es-ES',
  'it-IT',
  'nl-NL',
  'pt-BR',
  'ja-JP',
  'zh-CN',
];

export function PreferencesForm({ memory, email }: { memory: UserMemory; email: string }) {
  const queryClient = useQueryClient();
  const [timeZone, setTimeZone] = useState(memory.timezone ?? '');
  const [locale, setLocale] = useState(memory.locale ?? '');
  const [channel, setChannel] = useState<ChannelChoice>(() => readChannel(memory.preferences));
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const browserLocale = navigator.language;
  const localeId = useId();
  const localeListId = useId();
  const channelId = useId();
  const addressId = useId();

  const save = useMutation({
    mutationFn: () =>
      accountActions.saveMemory({
        timezone: timeZone === '' ? null : timeZone,
        locale: locale.trim() === '' ? null : locale.trim(),
        preferences: channelPreferences(channel),
      }),
    onSuccess: (memory) => {
      queryClient.setQueryData(queryKeys.accountMemory, memory);
      setSaved(true);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const channelError = channelProblem(channel);
    setProblem(channelError ?? null);
    setSaved(false);
    if (!channelError) save.mutate();
  }

  // Any change hides "Saved", so the notice never describes values that are not saved yet.
  const changed = () => setSaved(false);
  const needsAddress =
    channel.kind === 'other-email' || channel.kind === 'slack' || channel.kind === 'webhook';

  return (
    <form
      className="my-account-form"
      aria-label="Time zone, language and notifications"
      noValidate
      onSubmit={submit}
    >
      <TimeZoneField
        value={timeZone}
        onChange={(zone) => {
          setTimeZone(zone);
          changed();
        }}
      />
      <div className="field">
        <label htmlFor={localeId}>Language and region</label>
        <input
          id={localeId}
          list={localeListId}
          value={locale}
          placeholder="e.g. en-GB"
          onChange={(event) => {
            setLocale(event.target.value);
            changed();
          }}
        />
        <datalist id={localeListId}>
          {[...new Set([browserLocale, ...commonLocales])].map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <p className="hint">
          How dates and numbers are written for you, as a language tag.{' '}
          {browserLocale && browserLocale !== locale ? (
            <>
              Your browser says <strong>{browserLocale}</strong> —{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setLocale(browserLocale);
                  changed();
                }}
              >
                use {browserLocale}
              </button>
            </>
          ) : null}
        </p>
      </div>
      <div className="field">
        <label htmlFor={channelId}>How Orca tells you about changes</label>
        <select
          id={channelId}
          value={channel.kind}
          onChange={(event) => {
            setChannel({ kind: event.target.value as ChannelKind, address: channel.address });
            setProblem(null);
            changed();
          }}
        >
          {channelOptions.map((option) => (
            <option key={option.kind} value={option.kind}>
              {option.label(email)}
            </option>
          ))}
        </select>
        {needsAddress ? (
          <>
            <label htmlFor={addressId}>
              {channel.kind === 'other-email' ? 'E-mail address for notices' : 'Webhook address'}
            </label>
            <input
              id={addressId}
              type={channel.kind === 'other-email' ? 'email' : 'url'}
              value={channel.address}
              placeholder={
                channel.kind === 'other-email'
                  ? 'name@example.com'
                  : channel.kind === 'slack'
                    ? 'https://hooks.slack.com/services/…'
                    : 'https://example.com/orca-notices'
              }
              aria-invalid={problem ? true : undefined}
              onChange={(event) => {
                setChannel({ kind: channel.kind, address: event.target.value });
                setProblem(null);
                changed();
              }}
            />
          </>
        ) : null}
        <p className="hint">When you ask to be told about something without saying how, Orca uses this.</p>
      </div>
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      <ErrorMessage error={save.error} />
      <div className="form-actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        <span className="saved" role="status">
          {saved ? 'Saved.' : ''}
        </span>
      </div>
    </form>
  );
}
