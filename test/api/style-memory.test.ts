// Style memory over the API: samples from pasted text, files and corrections; the measured profile
// recomputed as they change; the user's edits pinned; a description derived by the LLM (a
// scripted OpenAI-protocol server, the one part mocked); the style in llm.generate's prompt; and
// nothing of it reachable from another workspace.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { styleProfiles, styleSamples } from '../../src/store/schema.ts';
import { findStyleProfile, listStyleSamples } from '../../src/store/style-repository.ts';
import { waitForRunStatus } from '../support/run-waits.ts';
import { type ScriptedLlmServer, startScriptedLlmServer } from '../support/scripted-llm-server.ts';
import { startTestPlatform, type TestPlatform, type TestUser } from '../support/test-platform.ts';
import { tinyPng } from '../support/tiny-files.ts';

let orca: TestPlatform;
let owner: TestUser;
let viewer: TestUser;
let stranger: TestUser;
let ws: string;
let otherWs: string;
let agentId: string;
let strangerAgentId: string;

const firstSample = `Hi team,

Quick update on the launch. We're shipping the onboarding flow on Tuesday! The pricing page was reviewed by legal yesterday.

- Fix the signup bug
- Ship the onboarding flow

Cheers, Dana`;

const secondSample = `Hey folks,

The onboarding flow is live. We're tracking signups daily, and the numbers look good. Can we ship the pricing page next week?

Cheers, Dana`;

beforeAll(async () => {
  orca = await startTestPlatform();
  owner = await orca.signUp('Style Owner');
  viewer = await orca.signUp('Style Viewer');
  stranger = await orca.signUp('Style Stranger');
  ws = (await orca.createWorkspace(owner, 'Style Home')).id;
  otherWs = (await orca.createWorkspace(stranger, 'Style Elsewhere')).id;
  await orca.addMember(owner, ws, viewer, 'viewer');
  agentId = (await createAgent(ws, owner, 'Update Writer')).id;
  strangerAgentId = (await createAgent(otherWs, stranger, 'Their Writer')).id;
});
afterAll(() => orca.close());

async function createAgent(workspace: string, user: TestUser, name: string, steps?: unknown[]) {
  const created = await orca.request('POST', `/api/workspaces/${workspace}/agents`, {
    token: user.token,
    body: {
      spec: {
        name,
        steps: steps ?? [
          {
            id: 'write',
            tool: 'transform',
            with: { expression: '"We are very excited to utilize the new pipeline."' },
          },
        ],
        output: '{{ steps.write.value }}',
      },
    },
  });
  expect(created.status, created.text).toBe(201);
  return created.body;
}

function waitForRun(platform: TestPlatform, workspace: string, runId: string, user = owner) {
  return waitForRunStatus(platform, { workspace, runId, token: user.token });
}

const stylePath = (workspace: string, agent: string) => `/api/workspaces/${workspace}/agents/${agent}/style`;

describe('style samples and the measured profile', () => {
  it('measures pasted samples, lists them, and recomputes when one is deleted', async () => {
    const empty = await orca.request('GET', stylePath(ws, agentId), { token: viewer.token });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      samples: 0,
      measured: null,
      useWords: [],
      pinned: [],
      llmAvailable: false,
    });

    const first = await orca.request('POST', `${stylePath(ws, agentId)}/samples`, {
      token: owner.token,
      body: { text: firstSample, source: 'upload', name: 'Launch note' },
    });
    expect(first.status, first.text).toBe(201);
    expect(first.body.sample).toMatchObject({
      source: 'upload',
      name: 'Launch note',
      characters: firstSample.length,
    });
    expect(first.body.style.samples).toBe(1);
    const second = await orca.request('POST', `${stylePath(ws, agentId)}/samples`, {
      token: owner.token,
      body: { text: secondSample },
    });
    expect(second.status).toBe(201);

    const style = await orca.request('GET', stylePath(ws, agentId), { token: viewer.token });
    expect(style.body.samples).toBe(2);
    const measured = style.body.measured;
    expect(measured.samples).toBe(2);
    expect(measured.sentenceWords.mean).toBeGreaterThan(3);
    expect(measured.sentenceWords.mean).toBeLessThan(15);
    expect(measured.formality.contractionsPer100Words).toBeGreaterThan(0);
    expect(measured.readingEase).not.toBeNull();
    expect(measured.lists).toBe('often');
    expect(style.body.useWords).toEqual(expect.arrayContaining(['onboarding flow', 'pricing page']));
    expect(style.body.updatedAt).toEqual(expect.any(String));

    const listed = await orca.request('GET', `${stylePath(ws, agentId)}/samples`, { token: viewer.token });
    expect(listed.body.items.map((item: { text: string }) => item.text)).toEqual([secondSample, firstSample]);

    const removed = await orca.request(
      'DELETE',
      `${stylePath(ws, agentId)}/samples/${second.body.sample.id}`,
      {
        token: owner.token,
      },
    );
    expect(removed.status).toBe(204);
    const after = await orca.request('GET', stylePath(ws, agentId), { token: owner.token });
    expect(after.body.samples).toBe(1);
    expect(after.body.measured.samples).toBe(1);
    const again = await orca.request('DELETE', `${stylePath(ws, agentId)}/samples/${second.body.sample.id}`, {
      token: owner.token,
    });
    expect(again.status).toBe(404);
    // Put back for the tests that follow.
    await orca.request('POST', `${stylePath(ws, agentId)}/samples`, {
      token: owner.token,
      body: { text: secondSample },
    });
  });

  it('refuses empty and oversized samples with what to do, and viewers who try to add', async () => {
    const emptyText = await orca.request('POST', `${stylePath(ws, agentId)}/samples`, {
      token: owner.token,
      body: { text: '   ' },
    });
    expect(emptyText.status).toBe(400);
    expect(emptyText.text).toMatch(/must not be empty/);
    const long = await orca.request('POST', `${stylePath(ws, agentId)}/samples`, {
      token: owner.token,
      body: { text: 'word '.repeat(4001) },
    });
    expect(long.status).toBe(400);
    expect(long.text).toMatch(/at most 20,000 characters/);
    const neither = await orca.request('POST', `${stylePath(ws, agentId)}/samples`, {
      token: owner.token,
      body: {},
    });
    expect(neither.status).toBe(400);
    expect(neither.text).toMatch(/send text .* or deliverableId/);
    const byViewer = await orca.request('POST', `${stylePath(ws, agentId)}/samples`, {
      token: viewer.token,
      body: { text: 'Hello there.' },
    });
    expect(byViewer.status).toBe(403);
  });

  it('takes a text file as a sample (with connection secrets redacted) and refuses a picture', async () => {
    const canary = 'canary-secret-7f3a9c21';
    const connection = await orca.request('POST', `/api/workspaces/${ws}/connections`, {
      token: owner.token,
      body: {
        service: 'acme-api',
        kind: 'api_key',
        settings: { allowedHosts: ['127.0.0.1'] },
        secret: { apiKey: canary },
      },
    });
    expect(connection.status, connection.text).toBe(201);
    const note = await orca.request('POST', `/api/workspaces/${ws}/deliverables?name=note.md`, {
      token: owner.token,
      rawBody: `# Weekly note\n\nThe onboarding flow is steady. The key ${canary} was rotated.`,
      headers: { 'content-type': 'text/markdown' },
    });
    expect(note.status).toBe(201);
    const added = await orca.request(
      'POST',
      `/api/workspaces/${ws}/deliverables/${note.body.id}/style-sample`,
      {
        token: owner.token,
        body: { agentId },
      },
    );
    expect(added.status, added.text).toBe(201);
    expect(added.body.sample).toMatchObject({
      source: 'deliverable',
      name: 'note.md',
      deliverableId: note.body.id,
    });
    expect(added.body.sample.text).toContain('[redacted]');
    expect(added.body.sample.text).not.toContain(canary);

    const picture = await orca.request('POST', `/api/workspaces/${ws}/deliverables?name=logo.png`, {
      token: owner.token,
      rawBody: tinyPng(),
      headers: { 'content-type': 'image/png' },
    });
    const refused = await orca.request('POST', `${stylePath(ws, agentId)}/samples`, {
      token: owner.token,
      body: { deliverableId: picture.body.id },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/"logo.png" is not a text file .* paste its text/);
    await orca.request('DELETE', `${stylePath(ws, agentId)}/samples/${added.body.sample.id}`, {
      token: owner.token,
    });
  });

  it('learns words to avoid and to use from a correction of a run’s output', async () => {
    const started = await orca.request('POST', `/api/workspaces/${ws}/agents/${agentId}/runs`, {
      token: owner.token,
      body: { input: {} },
    });
    const run = await waitForRun(orca, ws, started.body.id);
    expect(run.status).toBe('succeeded');
    const corrected = await orca.request('POST', `${stylePath(ws, agentId)}/corrections`, {
      token: owner.token,
      body: { runId: run.id, corrected: 'We are thrilled to use the new pipeline.' },
    });
    expect(corrected.status, corrected.text).toBe(201);
    expect(corrected.body.sample).toMatchObject({
      source: 'correction',
      original: 'We are very excited to utilize the new pipeline.',
      text: 'We are thrilled to use the new pipeline.',
      runId: run.id,
    });
    expect(corrected.body.style.avoidWords).toEqual(expect.arrayContaining(['very', 'excited', 'utilize']));
    expect(corrected.body.style.useWords).toEqual(expect.arrayContaining(['thrilled']));

    const unchanged = await orca.request('POST', `${stylePath(ws, agentId)}/corrections`, {
      token: owner.token,
      body: { runId: run.id, corrected: 'We are very excited to utilize the new pipeline.' },
    });
    expect(unchanged.status).toBe(422);
    const noStep = await orca.request('POST', `${stylePath(ws, agentId)}/corrections`, {
      token: owner.token,
      body: { runId: run.id, stepId: 'nowhere', corrected: 'Something else.' },
    });
    expect(noStep.status).toBe(404);
    const stepOutput = await orca.request('POST', `${stylePath(ws, agentId)}/corrections`, {
      token: owner.token,
      body: { runId: run.id, stepId: 'write', corrected: 'Fine.' },
    });
    // The step's output is { value }, not text: the original has to be sent.
    expect(stepOutput.status).toBe(422);
    expect(stepOutput.body.error.message).toMatch(/send original/);
  });

  it('keeps the user’s edits pinned through recomputation, until they unpin', async () => {
    const edited = await orca.request('PATCH', stylePath(ws, agentId), {
      token: owner.token,
      body: {
        avoidWords: ['synergy', 'leverage'],
        description: 'Short, warm and plain.',
        rules: ['Sign off with Cheers.'],
      },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({
      avoidWords: ['synergy', 'leverage'],
      description: 'Short, warm and plain.',
      rules: ['Sign off with Cheers.'],
    });
    expect(edited.body.pinned).toEqual(expect.arrayContaining(['avoidWords', 'description', 'rules']));
    // A new sample recomputes the figures but leaves the pinned list alone.
    await orca.request('POST', `${stylePath(ws, agentId)}/samples`, {
      token: owner.token,
      body: { text: 'Morning all. The onboarding flow passed review. Cheers, Dana' },
    });
    const kept = await orca.request('GET', stylePath(ws, agentId), { token: owner.token });
    expect(kept.body.avoidWords).toEqual(['synergy', 'leverage']);
    expect(kept.body.measured.avoidWords).toEqual(expect.arrayContaining(['utilize']));

    const unpinned = await orca.request('PATCH', stylePath(ws, agentId), {
      token: owner.token,
      body: { unpin: ['avoidWords'] },
    });
    expect(unpinned.body.pinned).not.toContain('avoidWords');
    expect(unpinned.body.avoidWords).toEqual(expect.arrayContaining(['utilize']));
    const clash = await orca.request('PATCH', stylePath(ws, agentId), {
      token: owner.token,
      body: { rules: [], unpin: ['rules'] },
    });
    expect(clash.status).toBe(422);
    const byViewer = await orca.request('PATCH', stylePath(ws, agentId), {
      token: viewer.token,
      body: { description: 'x' },
    });
    expect(byViewer.status).toBe(403);
  });

  it('says an LLM is needed to derive, and that the measured profile is in use', async () => {
    const derived = await orca.request('POST', `${stylePath(ws, agentId)}/profile/derive`, {
      token: owner.token,
    });
    expect(derived.status).toBe(409);
    expect(derived.body.error.message).toMatch(/needs an LLM.*ORCA_LLM.*measured profile .* already in use/);
  });
});

describe('style memory never leaves its workspace', () => {
  it('answers 404 to another workspace’s members, through their workspace or ours', async () => {
    const paths: [string, string, unknown?][] = [
      ['GET', ''],
      ['GET', '/samples'],
      ['POST', '/samples', { text: 'Stolen voice.' }],
      ['PATCH', '', { description: 'Taken over.' }],
      ['POST', '/profile/derive'],
      ['POST', '/corrections', { runId: '00000000-0000-4000-8000-000000000000', corrected: 'x' }],
    ];
    for (const [method, suffix, body] of paths) {
      for (const workspace of [otherWs, ws]) {
        const response = await orca.request(method, `${stylePath(workspace, agentId)}${suffix}`, {
          token: stranger.token,
          body,
        });
        expect(response.status, `${method} ${workspace} ${suffix}`).toBe(404);
      }
    }
    const samples = await orca.request('GET', `${stylePath(ws, agentId)}/samples`, { token: owner.token });
    const sampleId = samples.body.items[0].id;
    const deleted = await orca.request('DELETE', `${stylePath(otherWs, agentId)}/samples/${sampleId}`, {
      token: stranger.token,
    });
    expect(deleted.status).toBe(404);
    // Nor can our own agent take another workspace's file or sample.
    const theirFile = await orca.request('POST', `/api/workspaces/${otherWs}/deliverables?name=theirs.txt`, {
      token: stranger.token,
      rawBody: 'Their own words, kept to themselves.',
      headers: { 'content-type': 'text/plain' },
    });
    const borrowed = await orca.request('POST', `${stylePath(ws, agentId)}/samples`, {
      token: owner.token,
      body: { deliverableId: theirFile.body.id },
    });
    expect(borrowed.status).toBe(404);
    const crossed = await orca.request('GET', stylePath(ws, strangerAgentId), { token: owner.token });
    expect(crossed.status).toBe(404);
    const still = await orca.request('GET', `${stylePath(ws, agentId)}/samples`, { token: owner.token });
    expect(still.body.items).toHaveLength(samples.body.items.length);
  });

  it('shows nothing of the agent’s style under the other workspace’s scope', async () => {
    const seen = await orca.platform.store.inWorkspace(otherWs, async (scope) => ({
      samples: await listStyleSamples(scope, agentId),
      profile: await findStyleProfile(scope, agentId),
    }));
    expect(seen).toEqual({ samples: [], profile: undefined });
    // Nor can that scope write: row-level security refuses rows of our workspace.
    await expect(
      orca.platform.store.inWorkspace(otherWs, (scope) =>
        scope.db.insert(styleSamples).values({ workspaceId: ws, agentId, source: 'upload', text: 'Forged.' }),
      ),
    ).rejects.toThrow();
    const hijacked = await orca.platform.store.inWorkspace(otherWs, (scope) =>
      scope.db
        .update(styleProfiles)
        .set({ description: 'Hijacked.' })
        .where(eq(styleProfiles.agentId, agentId))
        .returning(),
    );
    expect(hijacked).toEqual([]);
    const own = await orca.platform.store.inWorkspace(ws, (scope) => listStyleSamples(scope, agentId));
    expect(own.length).toBeGreaterThan(0);
  });
});

describe('with an LLM', () => {
  let llm: ScriptedLlmServer;
  let withLlm: TestPlatform;
  let llmOwner: TestUser;
  let llmWs: string;

  beforeAll(async () => {
    llm = await startScriptedLlmServer();
    withLlm = await startTestPlatform({
      configOverrides: { llm: `openai-compatible:${llm.baseUrl}#scripted`, allowNetwork: '127.0.0.1' },
    });
    llmOwner = await withLlm.signUp('Voice Owner');
    llmWs = (await withLlm.createWorkspace(llmOwner, 'Voice Home')).id;
  });
  afterAll(async () => {
    await withLlm?.close();
    await llm?.close();
  });

  it('derives a description from the samples, keeps a pinned rule list, and writes in the style', async () => {
    const agent = await withLlm.request('POST', `/api/workspaces/${llmWs}/agents`, {
      token: llmOwner.token,
      body: {
        spec: {
          name: 'Newsletter',
          steps: [
            {
              id: 'write',
              tool: 'llm.generate',
              with: { system: 'You write newsletters.', prompt: 'Write the intro.' },
            },
          ],
          memory: { style: { samples: [], profile: 'Always British spelling.' } },
        },
      },
    });
    expect(agent.status, agent.text).toBe(201);
    const path = stylePath(llmWs, agent.body.id);
    const noSamples = await withLlm.request('POST', `${path}/profile/derive`, { token: llmOwner.token });
    expect(noSamples.status).toBe(422);
    for (const text of [firstSample, secondSample]) {
      await withLlm.request('POST', `${path}/samples`, { token: llmOwner.token, body: { text } });
    }
    await withLlm.request('PATCH', path, {
      token: llmOwner.token,
      body: { rules: ['Sign off with Cheers, Dana.'], avoidWords: ['synergy'] },
    });

    llm.reply({
      json: {
        description: 'Brisk, friendly team updates in short sentences.',
        tone: 'warm, direct',
        rules: ['Do lead with the news.', 'Don’t use jargon.'],
      },
    });
    const before = llm.requests.length;
    const derived = await withLlm.request('POST', `${path}/profile/derive`, { token: llmOwner.token });
    expect(derived.status, derived.text).toBe(200);
    expect(derived.body).toMatchObject({
      description: 'Brisk, friendly team updates in short sentences.',
      tone: 'warm, direct',
      rules: ['Sign off with Cheers, Dana.'],
      derivedBy: expect.stringContaining('scripted'),
      llmAvailable: true,
    });
    const asked = llm.requests[before];
    expect(JSON.stringify(asked?.body.messages)).toContain('Quick update on the launch');

    llm.reply({ text: 'Hi team, a short intro.' });
    const started = await withLlm.request('POST', `/api/workspaces/${llmWs}/agents/${agent.body.id}/runs`, {
      token: llmOwner.token,
      body: { input: {} },
    });
    const run = await waitForRun(withLlm, llmWs, started.body.id, llmOwner);
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    const system = llm.requests.at(-1)?.system ?? '';
    expect(system).toMatch(/^You write newsletters\.\n\n## Writing style/);
    expect(system).toContain('Style profile:\nAlways British spelling.');
    expect(system).toContain('follow the profile above');
    expect(system).toContain('Voice: Brisk, friendly team updates in short sentences.');
    expect(system).toContain('- Sign off with Cheers, Dana.');
    expect(system).toContain('Never use these words: synergy.');
    expect(system).toMatch(/Sentences of about \d+ words/);
    expect(system).toContain('Words and phrases this writer uses:');
    expect(system).toContain('Quick update on the launch');
  });

  it('tells the user what went wrong when the model fails', async () => {
    const agent = await withLlm.request('POST', `/api/workspaces/${llmWs}/agents`, {
      token: llmOwner.token,
      body: { spec: { name: 'Fragile', steps: [{ id: 'x', tool: 'llm.generate', with: { prompt: 'Hi' } }] } },
    });
    const path = stylePath(llmWs, agent.body.id);
    await withLlm.request('POST', `${path}/samples`, { token: llmOwner.token, body: { text: firstSample } });
    llm.reply({ status: 500 }, { status: 500 });
    const failed = await withLlm.request('POST', `${path}/profile/derive`, { token: llmOwner.token });
    expect(failed.status).toBe(503);
    expect(failed.body.error.message).toMatch(/answered 500.*measured profile stays in use/);
    const style = await withLlm.request('GET', path, { token: llmOwner.token });
    expect(style.body.description).toBe('');
    expect(style.body.measured.samples).toBe(1);
  });
});
