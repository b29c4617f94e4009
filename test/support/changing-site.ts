// A small bank site on 127.0.0.1 whose markup changes between two runs: `redesign(true)` flips it
// to a new design in which every class name and the structure differ (tabs become a nav list,
// the statements table becomes a list of cards), while what a person sees (link and button
// names, labels) stays. A sign-in page signs in without leaving the page (its script posts the
// form), so the filled password field is still on the page afterwards, as on many such sites.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export const siteAccount = { username: 'buyer@example.com', password: 'correct horse battery' };

export interface ChangingSite {
  /** Such as `http://127.0.0.1:41234`. */
  base: string;
  /** Every path (with its query) the site was asked for, oldest first. */
  readonly requests: string[];
  redesign(on: boolean): void;
  close(): Promise<void>;
}

const statements: Record<string, { date: string; amount: string; file: string }[]> = {
  '2025': [
    { date: '2025-11-30', amount: '88.10', file: '2025-11.pdf' },
    { date: '2025-12-31', amount: '91.45', file: '2025-12.pdf' },
  ],
  '2026': [
    { date: '2026-01-31', amount: '120.00', file: '2026-01.pdf' },
    { date: '2026-02-28', amount: '132.75', file: '2026-02.pdf' },
  ],
};

function page(title: string, body: string) {
  return `<!doctype html><html><head><title>${title}</title><style>.hidden{display:none}</style></head><body>${body}</body></html>`;
}

function tabs(redesigned: boolean) {
  return redesigned
    ? '<ul class="nav-list"><li><a class="nav__item" href="/account">Overview</a></li><li><a class="nav__item nav__item--docs" href="/account/statements">Statements</a></li></ul>'
    : '<nav class="tabs"><a class="tab tab-overview" href="/account">Overview</a> <a class="tab tab-statements" href="/account/statements">Statements</a></nav>';
}

function statementsPage(period: string, redesigned: boolean) {
  const rows = statements[period] ?? [];
  const options = Object.keys(statements)
    .map((year) => `<option${year === period ? ' selected' : ''}>${year}</option>`)
    .join('');
  if (!redesigned) {
    return page(
      'Statements',
      `${tabs(false)}<h1>Statements</h1>
      <form class="period-form" action="/account/statements"><label for="period">Period</label>
      <select id="period" name="period" class="period-select">${options}</select>
      <button class="show-btn" type="submit">Show</button></form>
      <table class="statements"><tbody>${rows
        .map(
          (row) =>
            `<tr class="statement-row"><td class="date">${row.date}</td><td class="amount">${row.amount}</td><td><a class="pdf-link" href="/files/${row.file}">PDF</a></td></tr>`,
        )
        .join('')}</tbody></table>`,
    );
  }
  return page(
    'Your documents',
    `<div class="shell">${tabs(true)}<section class="panel"><h2 class="panel__title">Statements</h2>
    <form class="toolbar" action="/account/statements"><div class="field"><label class="field__label" for="statement-period">Period</label>
    <select id="statement-period" name="period" class="field__control">${options}</select></div>
    <button class="btn btn--primary" type="submit">Show</button></form>
    <div class="stmt-list">${rows
      .map(
        (row) =>
          `<article class="stmt"><span class="stmt__date">${row.date}</span><span class="stmt__amount">${row.amount}</span><a class="stmt__pdf" href="/files/${row.file}">Download PDF</a></article>`,
      )
      .join('')}</div></section></div>`,
  );
}

// Signs in by script: the form is posted with fetch, and the account's tabs appear above it.
const signInPage = page(
  'Sign in',
  `<h1>Acme Bank</h1><div id="account"></div>
  <form id="sign-in" method="post" action="/session"><label for="user">E-mail</label><input id="user" name="username" type="email">
  <label for="password">Password</label><input id="password" name="password" type="password">
  <button type="submit">Sign in</button></form>
  <script>
    document.getElementById('sign-in').addEventListener('submit', async (event) => {
      event.preventDefault();
      const answer = await fetch('/session', { method: 'POST', body: new URLSearchParams(new FormData(event.target)) });
      document.getElementById('account').innerHTML = answer.ok
        ? '<p role="status">Signed in as ' + (await answer.text()) + '</p>' + ${JSON.stringify(tabs(false))}
        : '<p role="alert">Wrong e-mail or password</p>';
    });
  </script>`,
);

// Recent activity is fetched when asked for, then shown with a button for more.
const activity = `<button id="activity-button" type="button">Recent activity</button><div id="activity"></div>
  <script>
    document.getElementById('activity-button').addEventListener('click', async () => {
      const items = await (await fetch('/activity')).json();
      document.getElementById('activity').innerHTML = '<ul>' + items.map((item) => '<li>' + item + '</li>').join('') +
        '</ul><button type="button" data-done="All activity shown" onclick="this.textContent = this.dataset.done">Show more</button>';
    });
  </script>`;

async function form(request: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startChangingSite(): Promise<ChangingSite> {
  let redesigned = false;
  const requests: string[] = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    const html = (body: string) => response.writeHead(200, { 'content-type': 'text/html' }).end(body);
    if (url.pathname === '/login') return html(signInPage);
    if (url.pathname === '/session' && request.method === 'POST') {
      const sent = await form(request);
      const right =
        sent.get('username') === siteAccount.username && sent.get('password') === siteAccount.password;
      return response
        .writeHead(right ? 200 : 401, { 'content-type': 'text/plain' })
        .end(right ? siteAccount.username : 'no');
    }
    if (url.pathname === '/account')
      return html(
        page(
          'Account',
          `${tabs(redesigned)}<h1>Welcome back</h1><p>Your balance is 1,204.50.</p>${activity}`,
        ),
      );
    // Answers late, as a busy server does: what it fills in appears a while after the click.
    if (url.pathname === '/activity') {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(['Card payment 12.40', 'Transfer 300.00']));
    }
    if (url.pathname === '/account/statements')
      return html(statementsPage(url.searchParams.get('period') ?? '2025', redesigned));
    if (url.pathname.startsWith('/files/'))
      return response
        .writeHead(200, {
          'content-type': 'application/pdf',
          'content-disposition': `attachment; filename="${url.pathname.slice('/files/'.length)}"`,
        })
        .end('%PDF-1.4 statement');
    response.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    redesign: (on) => {
      redesigned = on;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
