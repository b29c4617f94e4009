// A scraper asked for with the fields its records have, and no selector: the built-in planner
// builds it at once with records the agent finds by itself (decision 0040), and its test run, on
// approval, reads them from a real page on 127.0.0.1 with a menu and a footer around them. Asked
// without fields, the planner asks what marks a record, and "find them by itself" answers it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';

let orca: TestPlatform;
let owner: TestUser;
let ws: string;
let server: Server;
let base: string;

const jobs = [
  { title: 'Backend Engineer', company: 'Acme', path: '/jobs/1' },
  { title: 'Data Analyst', company: 'Globex', path: '/jobs/2' },
  { title: 'Product Designer', company: 'Initech', path: '/jobs/3' },
];

const boardPage = `<!doctype html><html><body>
<nav class="menu"><ul>${['Home', 'Jobs', 'Companies', 'Salaries', 'Blog', 'About'].map((item) => `<li><a href="/${item.toLowerCase()}">${item}</a></li>`).join('')}</ul></nav>
<main><h1>Remote jobs</h1><ul class="results">
${jobs.map((job) => `<li class="job"><h2 class="job-title"><a href="${job.path}">${job.title}</a></h2><span class="company-name">${job.company}</span><p>Remote, full time. Apply by the end of the month.</p></li>`).join('\n')}
</ul></main>
<footer><ul>${['Privacy', 'Terms', 'Contact', 'Press'].map((item) => `<li><a href="/${item.toLowerCase()}">${item}</a></li>`).join('')}</ul></footer>
</body></html>`;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/board')
      return response.writeHead(200, { 'content-type': 'text/html' }).end(boardPage);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  orca = await startTestPlatform({ configOverrides: { allowNetwork: '127.0.0.1' } });
  owner = await orca.signUp('Board Owner');
  ws = (await orca.createWorkspace(owner, 'Job Boards')).id;
});
afterAll(async () => {
  await orca.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function say(text: string, conversationId?: string) {
  const response = await orca.request('POST', `/api/workspaces/${ws}/orchestrator/messages`, {
    token: owner.token,
    body: { text, conversationId },
  });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function approvedTestRun(planId: string) {
  const applied = await orca.request('POST', `/api/workspaces/${ws}/plans/${planId}/approve`, {
    token: owner.token,
    body: {},
  });
  expect(applied.status, applied.text).toBe(200);
  const result = applied.body.results.find((entry: { runId?: string }) => entry.runId);
  for (let tries = 0; tries < 200; tries++) {
    const run = await orca.request('GET', `/api/workspaces/${ws}/runs/${result.runId}`, {
      token: owner.token,
    });
    if (['succeeded', 'failed', 'cancelled'].includes(run.body.status)) return run.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the test run did not finish');
}

describe('a scraper whose records the agent finds by itself', () => {
  it('is built at once when the fields are named, and its test run reads the records, not the menu', async () => {
    const answer = await say(`collect the job listings from ${base}/board (title, company, link)`);
    expect(answer.plan.status).toBe('proposed');
    expect(answer.plan.questions).toEqual([]);
    expect(answer.reply).toMatch(
      /finds the repeated records on the page by itself \(with their title, company and link\)/,
    );
    const extract = answer.plan.operations[0].spec.steps.find(
      (step: { tool: string }) => step.tool === 'html.extract',
    );
    expect(extract.with.records).toEqual({ find: 'repeated', fields: ['title', 'company', 'link'] });

    const run = await approvedTestRun(answer.plan.id);
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    const extracted = run.steps.find((step: { id: string }) => step.id === 'extract').output;
    expect(extracted.count).toBe(3);
    expect(
      extracted.records.map((record: Record<string, string>) => [record.title, record.company, record.link]),
    ).toEqual(jobs.map((job) => [job.title, job.company, `${base}${job.path}`]));
    expect(extracted.missing).toEqual([]);
    // The selector it found picks the three listings: what a later fix can pin.
    expect(extracted.selector).toMatch(/job/);
  });

  it('asks what marks a record when no field is named, and "find them by itself" answers it', async () => {
    const first = await say(`scrape the listings from ${base}/board`);
    expect(first.plan.status).toBe('needs_answers');
    expect(first.plan.questions[0]).toMatchObject({
      id: 'records',
      options: expect.arrayContaining(['table rows', 'find them by itself']),
    });
    const second = await say('find them by itself', first.conversationId);
    expect(second.plan.status).toBe('proposed');
    const run = await approvedTestRun(second.plan.id);
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    const extracted = run.steps.find((step: { id: string }) => step.id === 'extract').output;
    expect(extracted.records.map((record: Record<string, string>) => record.title)).toEqual(
      jobs.map((job) => job.title),
    );
  });
});
