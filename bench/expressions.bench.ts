// Cost per evaluation of JSONata in-process (as Orca did before issue 11) against the limited
// evaluator (fast path for plain field paths, child processes for the rest), in the same run.
// Run with `npm run bench:expressions`; figures go in bench/RESULTS.md.
import jsonata from 'jsonata';
import { evaluateExpressions, stopExpressions } from '../src/expressions/expression-evaluator.ts';

const items = Array.from({ length: 1000 }, (_, index) => ({
  id: index,
  name: `item ${index}`,
  price: index % 97,
}));
const data = {
  input: { url: 'https://example.com/list', limit: 10 },
  steps: { fetch: { status: 200, body: '<ul>…</ul>' }, extract: { records: items } },
};

const cases: [string, string][] = [
  ['a path', 'steps.fetch.body'],
  [
    'a small object',
    '{"url": input.url, "count": $count(steps.extract.records), "ok": steps.fetch.status = 200}',
  ],
  ['$map over 1,000 items', '$map(steps.extract.records, function($r){ {"n": $r.name, "p": $r.price * 2} })'],
];

async function perEvaluation(work: () => Promise<unknown>, rounds: number): Promise<number> {
  for (let round = 0; round < Math.min(50, rounds); round++) await work();
  const started = performance.now();
  for (let round = 0; round < rounds; round++) await work();
  return ((performance.now() - started) / rounds) * 1000;
}

const rows: string[] = [];
for (const [name, expression] of cases) {
  const rounds = name.startsWith('$map') ? 300 : 3000;
  // In-process as before: compiled on every evaluation, and the result made plain JSON.
  const inProcess = await perEvaluation(
    async () => JSON.parse(JSON.stringify((await jsonata(expression).evaluate(data)) ?? null)),
    rounds,
  );
  const limited = await perEvaluation(() => evaluateExpressions([expression], data), rounds);
  rows.push(
    `| ${name.padEnd(22)} | ${inProcess.toFixed(1).padStart(10)} | ${limited.toFixed(1).padStart(10)} |`,
  );
}
console.log('| expression             | in-process µs | limited µs |');
console.log('| ---------------------- | ------------- | ---------- |');
for (const row of rows) console.log(row);
await stopExpressions();
