// Orchestrator figures (issue 4): built-in planner latency per message in a workspace with 200
// agents and a month of runs each, questions about runs among the messages (the planner alone, and the whole POST …/orchestrator/messages with the workspace read
// and the plan stored), and apply latency of a 10-operation plan; on PGlite and PostgreSQL.
// Prints a Markdown table and JSON.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { BuiltInPlanner } from '../src/orchestrator/builtin/builtin-planner.ts';
import { workspaceSnapshot } from '../src/orchestrator/workspace-snapshot.ts';
import { createPlatform, type Platform } from '../src/platform.ts';
import { insertConversation } from '../src/store/conversation-repository.ts';
import { openDatabase } from '../src/store/database.ts';
import { insertPlan } from '../src/store/plan-repository.ts';
import { corpusFailures, corpusTable, scoreCorpus } from './support/corpus-score.ts';
import {
  eighthOutOfSampleSet,
  fifthOutOfSampleSet,
  fourthOutOfSampleSet,
  outOfSampleFailures,
  outOfSampleTable,
  scoreOutOfSample,
  secondOutOfSampleSet,
  seventhOutOfSampleSet,
  sixthOutOfSampleSet,
  thirdOutOfSampleSet,
} from './support/out-of-sample-score.ts';

const adminUrl = process.env.ORCA_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const agentCount = 200;
const messageCount = Number(process.env.ORCA_BENCH_MESSAGES ?? 200);
const applyCount = 20;
const quiet = { info: () => undefined, error: () => undefined };
const nouns = ['Lead', 'Price', 'Job', 'Invoice', 'News', 'Stock', 'Review', 'Ticket', 'Order', 'Weather'];
const kinds = ['Scraper', 'Monitor', 'Collector', 'Reporter', 'Watcher'];

function percentile(values: number[], share: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0) * 10) / 10;
}

async function measure(database: string, platform: Platform) {
  const call = async (method: string, path: string, token: string | undefined, body: unknown) => {
    const response = await platform.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  const signup = await call('POST', '/api/auth/signup', undefined, {
    email: `bench-${Date.now()}@example.com`,
    password: 'benchmark passphrase',
    name: 'Bench',
  });
  const token = signup.token as string;
  const userId = (signup.user as { id: string }).id;
  const workspace = (await call('POST', '/api/workspaces', token, { name: 'Planner Bench' })) as {
    id: string;
  };
  // The free plan holds 100 agents; the bench needs more, as a team workspace would have.
  const plan = await call('PUT', `/api/workspaces/${workspace.id}/credits/plan`, token, { plan: 'team' });
  if (plan.error)
    throw new Error(`could not move the bench workspace to the team plan: ${JSON.stringify(plan)}`);
  const names: string[] = [];
  for (let index = 0; index < agentCount; index++) {
    const name = `${nouns[index % nouns.length]} ${kinds[Math.floor(index / nouns.length) % kinds.length]} ${Math.floor(index / 50) + 1}`;
    names.push(name);
    await call('POST', `/api/workspaces/${workspace.id}/agents`, token, {
      spec: {
        name,
        steps: [{ id: 'fetch', tool: 'http.request', with: { url: `https://example.com/${index}` } }],
      },
    });
  }
  const requests = (index: number) => {
    const name = names[(index * 37) % names.length] ?? names[0];
    return [
      `pause the ${name}`,
      `run the ${name}`,
      'what agents do I have?',
      `monitor https://example.com/page-${index} for changes and email me`,
      `use https://example.com/new-${index} instead for the ${name}`,
      `scrape the leads from https://example.com/team-${index}, each lead is \`.lead\``,
      `delete the ${name}`,
      `did the ${name} run today?`,
      `how much did the ${name} cost this week?`,
      'anything broken?',
      "what's scheduled for tomorrow",
      `pause the ${name} and the ${names[(index * 53) % names.length]}, then run the ${names[(index * 71) % names.length]}`,
    ][index % 12] as string;
  };

  // A month of history: four runs a day per agent (one in ten failed), for the questions above.
  await platform.store.inWorkspace(workspace.id, (scope) =>
    scope.db.execute(sql`
      insert into runs (workspace_id, agent_id, agent_version, status, trigger, usage, error, created_at, started_at, finished_at)
      select a.workspace_id, a.id, 1,
             case when n % 10 = 0 then 'failed' else 'succeeded' end, 'schedule',
             jsonb_build_object('inputTokens', 900, 'outputTokens', 100),
             case when n % 10 = 0 then jsonb_build_object('code', 'network', 'message', 'The request failed.', 'stepId', 'fetch') end,
             now() - n * interval '6 hours', now() - n * interval '6 hours',
             now() - n * interval '6 hours' + interval '12 seconds'
      from agents a cross join generate_series(1, 120) as n
      where a.workspace_id = ${workspace.id}`),
  );
  // A database that grew to this would have its statistics (autovacuum analyzes as rows come);
  // right after a bulk insert it has none, and the planner guesses a few rows per workspace.
  await platform.database.drizzle.execute(sql`analyze runs`);

  const snapshot = await platform.store.inWorkspace(workspace.id, (scope) => workspaceSnapshot(scope));
  const planner = new BuiltInPlanner();
  const plannerTimes: number[] = [];
  for (let index = 0; index < messageCount; index++) {
    const started = performance.now();
    await planner.plan({ text: requests(index), snapshot });
    plannerTimes.push(performance.now() - started);
  }
  const messageTimes: number[] = [];
  for (let index = 0; index < messageCount; index++) {
    const started = performance.now();
    await call('POST', `/api/workspaces/${workspace.id}/orchestrator/messages`, token, {
      text: requests(index),
    });
    messageTimes.push(performance.now() - started);
  }
  const applyTimes: number[] = [];
  for (let round = 0; round < applyCount; round++) {
    // A plan is approved where it was proposed: in a conversation of the approving user.
    const plan = await platform.store.inWorkspace(workspace.id, async (scope) =>
      insertPlan(scope, {
        conversationId: (await insertConversation(scope, userId, 'Bench apply')).id,
        status: 'proposed',
        summary: 'Ten operations',
        questions: [],
        operations: Array.from({ length: 10 }, (_, index) => ({
          type: 'createAgent' as const,
          spec: {
            name: `Applied ${round}-${index}`,
            steps: [{ id: 'fetch', tool: 'http.request', with: { url: 'https://example.com/' } }],
          },
        })),
      }),
    );
    const started = performance.now();
    const answer = await call('POST', `/api/workspaces/${workspace.id}/plans/${plan.id}/approve`, token, {});
    applyTimes.push(performance.now() - started);
    if ((answer.plan as { status?: string } | undefined)?.status !== 'applied')
      throw new Error(`apply failed: ${JSON.stringify(answer)}`);
  }
  return {
    database,
    agents: agentCount,
    planner: { p50: percentile(plannerTimes, 0.5), p99: percentile(plannerTimes, 0.99) },
    message: { p50: percentile(messageTimes, 0.5), p99: percentile(messageTimes, 0.99) },
    apply10: { p50: percentile(applyTimes, 0.5), p99: percentile(applyTimes, 0.99) },
  };
}

async function postgres() {
  const name = `orca_bench_planner_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const platform = await createPlatform(loadConfig({ databaseUrl: url.toString() }, {}), {
    workers: false,
    logger: quiet,
  });
  try {
    return await measure('PostgreSQL', platform);
  } finally {
    await platform.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function pglite() {
  const database = await openDatabase({ kind: 'pglite-memory' });
  const platform = await createPlatform(loadConfig({}, {}), { database, workers: false, logger: quiet });
  try {
    return await measure('PGlite', platform);
  } finally {
    await platform.close();
  }
}

// The corpus score first: ORCA_BENCH_CORPUS_ONLY=1 prints it alone, without the databases.
const score = await scoreCorpus();
console.log(corpusTable(score));
// ORCA_BENCH_SHOW_FAILURES=1 lists the in-sample failures and those of the blind sets already used
// for fixes; the set that still measures lists its own only with ORCA_BENCH_SHOW_BLIND_FAILURES=1,
// since whoever reads them can no longer fix the planner blind.
const showFailures = process.env.ORCA_BENCH_SHOW_FAILURES === '1';
if (showFailures) console.log(`\n${corpusFailures()}`);
// Requests the planner was never tuned on (issue 13), scored apart: a measurement, not a target.
const outOfSample = await scoreOutOfSample();
console.log(`\n${outOfSampleTable(outOfSample)}`);
if (showFailures) console.log(`\n${outOfSampleFailures(outOfSample)}`);
const { failures: _failures, ...outOfSampleSummary } = outOfSample;
// The second blind set, written after the first had guided fixes.
const secondOutOfSample = await scoreOutOfSample(secondOutOfSampleSet);
console.log(`\n${outOfSampleTable(secondOutOfSample)}`);
if (showFailures) console.log(`\n${outOfSampleFailures(secondOutOfSample)}`);
const { failures: _secondFailures, ...secondOutOfSampleSummary } = secondOutOfSample;
// The third blind set, written after the second had guided fixes.
const thirdOutOfSample = await scoreOutOfSample(thirdOutOfSampleSet);
console.log(`\n${outOfSampleTable(thirdOutOfSample)}`);
if (showFailures) console.log(`\n${outOfSampleFailures(thirdOutOfSample)}`);
const { failures: _thirdFailures, ...thirdOutOfSampleSummary } = thirdOutOfSample;
// The fourth blind set, written after the third had guided fixes.
const fourthOutOfSample = await scoreOutOfSample(fourthOutOfSampleSet);
console.log(`\n${outOfSampleTable(fourthOutOfSample)}`);
if (showFailures) console.log(`\n${outOfSampleFailures(fourthOutOfSample)}`);
const { failures: _fourthFailures, ...fourthOutOfSampleSummary } = fourthOutOfSample;
// The fifth blind set, written while the fourth guided fixes.
const fifthOutOfSample = await scoreOutOfSample(fifthOutOfSampleSet);
console.log(`\n${outOfSampleTable(fifthOutOfSample)}`);
if (showFailures) console.log(`\n${outOfSampleFailures(fifthOutOfSample)}`);
const { failures: _fifthFailures, ...fifthOutOfSampleSummary } = fifthOutOfSample;
// The sixth blind set, written while the fifth guided fixes.
const sixthOutOfSample = await scoreOutOfSample(sixthOutOfSampleSet);
console.log(`\n${outOfSampleTable(sixthOutOfSample)}`);
if (showFailures) console.log(`\n${outOfSampleFailures(sixthOutOfSample)}`);
const { failures: _sixthFailures, ...sixthOutOfSampleSummary } = sixthOutOfSample;
// The seventh blind set, written while the sixth guided fixes.
const seventhOutOfSample = await scoreOutOfSample(seventhOutOfSampleSet);
console.log(`\n${outOfSampleTable(seventhOutOfSample)}`);
if (showFailures) console.log(`\n${outOfSampleFailures(seventhOutOfSample)}`);
const { failures: _seventhFailures, ...seventhOutOfSampleSummary } = seventhOutOfSample;
// The eighth blind set, written while the seventh guided fixes: the one that still measures.
const eighthOutOfSample = await scoreOutOfSample(eighthOutOfSampleSet);
console.log(`\n${outOfSampleTable(eighthOutOfSample)}`);
if (process.env.ORCA_BENCH_SHOW_BLIND_FAILURES === '1')
  console.log(`\n${outOfSampleFailures(eighthOutOfSample)}`);
const { failures: _eighthFailures, ...eighthOutOfSampleSummary } = eighthOutOfSample;
if (process.env.ORCA_BENCH_CORPUS_ONLY === '1') {
  console.log(
    JSON.stringify({
      corpus: score,
      outOfSample: outOfSampleSummary,
      outOfSampleSecond: secondOutOfSampleSummary,
      outOfSampleThird: thirdOutOfSampleSummary,
      outOfSampleFourth: fourthOutOfSampleSummary,
      outOfSampleFifth: fifthOutOfSampleSummary,
      outOfSampleSixth: sixthOutOfSampleSummary,
      outOfSampleSeventh: seventhOutOfSampleSummary,
      outOfSampleEighth: eighthOutOfSampleSummary,
    }),
  );
  process.exit(0);
}
const results = [await postgres(), await pglite()];
console.log(
  [
    '| database | agents | built-in planner p50 / p99 ms | POST message p50 / p99 ms | apply 10 operations p50 / p99 ms |',
    '| --- | --- | --- | --- | --- |',
    ...results.map(
      (row) =>
        `| ${row.database} | ${row.agents} | ${row.planner.p50} / ${row.planner.p99} | ${row.message.p50} / ${row.message.p99} | ${row.apply10.p50} / ${row.apply10.p99} |`,
    ),
  ].join('\n'),
);
console.log(
  JSON.stringify({
    messageCount,
    applyCount,
    results,
    corpus: score,
    outOfSample: outOfSampleSummary,
    outOfSampleSecond: secondOutOfSampleSummary,
    outOfSampleThird: thirdOutOfSampleSummary,
    outOfSampleFourth: fourthOutOfSampleSummary,
    outOfSampleFifth: fifthOutOfSampleSummary,
    outOfSampleSixth: sixthOutOfSampleSummary,
    outOfSampleSeventh: seventhOutOfSampleSummary,
    outOfSampleEighth: eighthOutOfSampleSummary,
  }),
);
process.exit(0);
