// The small page a person sees when the OAuth provider sends them back to Orca. Its message may
// quote the provider's words, so everything is escaped.
import { escapeHtml } from '../export/escape-html.ts';

export function oauthCallbackPage(page: {
  connected: boolean;
  title: string;
  message: string;
  /** Back to the account's page, for a person who authorized in the app's own tab. */
  back?: { href: string; text: string };
}): string {
  const color = page.connected ? '#1a7f37' : '#b42318';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · Orca</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1 style="color: ${color}; font-size: 1.5rem">${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.message)}</p>
${page.back ? `<p><a href="${escapeHtml(page.back.href)}">${escapeHtml(page.back.text)}</a></p>\n` : ''}</body></html>
`;
}
