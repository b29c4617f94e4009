// A portal whose sign-in form says "wrong password" in a different way on each of its paths, as
// sites do: /<variant>/login. Some answer with a full page: the form again, with the message in
// a p.err, a Bulma notification, a field's aria-describedby text, a jQuery-Validate-like
// label.error, or a 401 page with plain text above the form. Some answer in place from a script
// after a fetch: a bare div next to the form, an aria-live region, a role=alert, a Material-like
// alert with a title, an Angular-like <mat-error>, a paragraph in a web component's shadow root.
// Pages also hold what is not the answer: hidden error boxes, notices shown before the submit,
// field hints. A right password leads to /<variant>/home, which has no sign-in form.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The message each variant shows for a refused sign-in, `null` for the one that shows none;
 * {typed} stands for the password that was sent.
 */
export const signInVariants = {
  'p-err': 'Wrong e-mail or passcode',
  'plain-div': 'Wrong e-mail or passcode, please try again.',
  'aria-live': 'Wrong e-mail or passcode. Check both and retry.',
  'role-alert': 'Wrong e-mail or passcode (alert).',
  'described-by': 'Wrong e-mail or passcode for this account.',
  bulma: 'Wrong e-mail or passcode. Forgot it? Ask your admin.',
  'status-401': 'Wrong e-mail or passcode: sign-in refused.',
  'material-alert': 'Error Wrong e-mail or passcode, says the alert.',
  'web-component': 'Wrong e-mail or passcode, inside a web component.',
  'label-error': 'Wrong e-mail or passcode, in a label.',
  'mat-error': 'Wrong e-mail or passcode, in a mat-error.',
  // A site that shows back what was typed: the quoted message must not carry the password.
  echo: 'The passcode "{typed}" is wrong.',
  silent: null,
} as const;

export type SignInVariant = keyof typeof signInVariants;

export interface SignInPortal {
  url: string;
  host: string;
  /** The password the portal accepts from now on (a site whose password was changed). */
  acceptPassword(password: string): void;
  close(): Promise<void>;
}

const escapedHtml = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

function page(body: string, script = '') {
  return `<!doctype html><html><head><title>Supplier portal</title></head><body>
    <h1>Supplier portal</h1>${body}${script ? `<script>${script}</script>` : ''}</body></html>`;
}

function form(variant: SignInVariant, passwordAttributes = '', extra = '') {
  return `<form method="post" action="/${variant}/login">
      <label>E-mail <input name="email" type="email"></label>
      <label>Passcode <input name="password" type="password" ${passwordAttributes}></label>${extra}
      <button type="submit">Sign in</button></form>`;
}

/** The sign-in page of a full-page variant, with the refusal's message when there is one. */
function fullPage(variant: SignInVariant, refusal?: string) {
  const said = refusal === undefined ? undefined : escapedHtml(refusal);
  switch (variant) {
    case 'p-err':
      return page(
        `<div class="error" hidden>Your session has expired.</div>${said ? `<p class="err">${said}</p>` : ''}${form(variant)}`,
      );
    case 'described-by':
      return page(
        form(
          variant,
          `aria-describedby="passcode-hint${said ? ' passcode-error' : ''}"${said ? ' aria-invalid="true"' : ''}`,
          `<small id="passcode-hint">Your passcode has 8 characters or more.</small>${said ? `<small id="passcode-error">${said}</small>` : ''}`,
        ),
      );
    case 'bulma':
      return page(
        `<div class="notification is-info">Maintenance on Sunday night.</div>${said ? `<div class="notification is-danger"><button class="delete" aria-label="close">×</button>${said}</div>` : ''}${form(variant)}`,
      );
    case 'label-error':
      return page(
        form(
          variant,
          said ? 'class="error" aria-invalid="true"' : '',
          said ? `<label id="password-error" class="error" for="password">${said}</label>` : '',
        ),
      );
    case 'echo':
      return page(`${said ? `<div class="alert alert-danger">${said}</div>` : ''}${form(variant)}`);
    case 'status-401':
      return page(`${said ? `<p>${said}</p>` : ''}${form(variant)}`);
    default:
      return page(form(variant));
  }
}

/** What the in-place variants' script does with a refusal's message. */
const showRefusal: Partial<Record<SignInVariant, string>> = {
  'plain-div': `form.insertAdjacentHTML('afterend', '<div></div>'); form.nextElementSibling.textContent = message;`,
  'aria-live': `document.getElementById('status').textContent = message;`,
  'role-alert': `const alert = document.createElement('div'); alert.setAttribute('role', 'alert'); alert.textContent = message; form.before(alert);`,
  'mat-error': `const said = document.createElement('mat-error'); said.textContent = message; form.append(said);`,
  'web-component': `const said = document.createElement('p'); said.textContent = message; form.after(said);`,
  'material-alert': `form.insertAdjacentHTML('beforebegin', '<div class="MuiAlert-root" role="alert"><div class="MuiAlert-icon"><svg width="20" height="20"><circle cx="10" cy="10" r="8"></circle></svg></div><div class="MuiAlert-message"><div class="MuiAlertTitle-root">Error</div><span></span></div></div>'); document.querySelector('.MuiAlert-message span').textContent = message.replace(/^Error /, '');`,
};

function inPlacePage(variant: SignInVariant) {
  // The web component's form and message live in its open shadow root.
  const shadow = variant === 'web-component';
  const script = `
    ${shadow ? `const host = document.querySelector('supplier-sign-in'); host.attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(form(variant))};` : ''}
    const form = ${shadow ? 'host.shadowRoot' : 'document'}.querySelector('form');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      ${variant === 'aria-live' ? "document.getElementById('status').textContent = 'Signing in…';" : ''}
      const answer = await fetch('/${variant}/session', { method: 'POST', body: new URLSearchParams(new FormData(form)) });
      const { ok, message } = await answer.json();
      if (ok) { location.href = '/${variant}/home'; return; }
      ${showRefusal[variant]}
    });`;
  const live = variant === 'aria-live' ? '<div id="status" aria-live="polite"></div>' : '';
  return page(`${live}${shadow ? '<supplier-sign-in></supplier-sign-in>' : form(variant)}`, script);
}

async function formOf(request: IncomingMessage) {
  let body = '';
  for await (const chunk of request) body += chunk;
  return new URLSearchParams(body);
}

export async function startSignInPortal(account: {
  username: string;
  password: string;
}): Promise<SignInPortal> {
  let accepted = account.password;
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://portal');
    const [, variantName, action] = url.pathname.split('/');
    const html = (status: number, body: string, headers: Record<string, string> = {}) =>
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
    if (!variantName || !(variantName in signInVariants)) return html(404, page('<p>Not found.</p>'));
    const variant = variantName as SignInVariant;
    const message = signInVariants[variant];
    const inPlace = variant in showRefusal;

    if (action === 'home') return html(200, page('<p>Welcome back. Your orders are below.</p>'));
    if (action === 'login' && request.method === 'GET')
      return html(200, inPlace ? inPlacePage(variant) : fullPage(variant));
    if (request.method !== 'POST' || !['login', 'session'].includes(action ?? ''))
      return html(404, page('<p>Not found.</p>'));
    const sent = await formOf(request);
    const right = sent.get('email') === account.username && sent.get('password') === accepted;
    if (action === 'session') {
      // A little later, as a real service answers: the page must wait for it, not give up (nor
      // take the aria-live variant's "Signing in…", shown meanwhile, for the answer).
      await new Promise((resolve) => setTimeout(resolve, variant === 'aria-live' ? 1200 : 400));
      return response
        .writeHead(right ? 200 : 401, { 'content-type': 'application/json' })
        .end(JSON.stringify(right ? { ok: true } : { ok: false, message }));
    }
    if (right) return html(303, '', { location: `/${variant}/home` });
    const refusal = message?.replace('{typed}', sent.get('password') ?? '');
    return html(variant === 'status-401' ? 401 : 200, fullPage(variant, refusal));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    acceptPassword: (password) => {
      accepted = password;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
