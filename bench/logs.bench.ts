// The cost of logging (issue 17): requests per second of one Orca (PGlite in memory, in this
// process, served over HTTP on 127.0.0.1) with its logs at `info` in JSON, at `info` in the
// pretty format, and `silent`, the modes taking turns in the same run so that the machine's
// other load falls on all of them alike. Lines go to /dev/null through a real write, as they
// would to a file or a pipe. Two requests: an unknown API path (no database: the logging is a
// large share of the work) and GET /api/me (a session looked up and touched in the database).
// Also the microseconds one access line costs on its own. Prints a Markdown table and JSON.
import { closeSync, openSync, writeSync } from 'node:fs';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.ts';
import type { LogFormat, LogLevel } from '../src/logging/log-settings.ts';
import { createLogger, type LogFields, type Logger } from '../src/logging/logger.ts';
import { createPlatform, listen } from '../src/platform.ts';
import { openDatabase } from '../src/store/database.ts';

const seconds = Number(process.env.ORCA_BENCH_SECONDS ?? 5);
const rounds = Number(process.env.ORCA_BENCH_ROUNDS ?? 3);
const connections = Number(process.env.ORCA_BENCH_CONNECTIONS ?? 10);

const devNull = openSync('/dev/null', 'w');
const modes: { name: string; level: LogLevel; format: LogFormat }[] = [
  { name: 'silent', level: 'silent', format: 'json' },
  { name: 'info, json', level: 'info', format: 'json' },
  { name: 'info, pretty', level: 'info', format: 'pretty' },
];
const loggers = new Map(
  modes.map((mode) => [
    mode.name,
    createLogger({ level: mode.level, format: mode.format, write: (line) => void writeSync(devNull, line) }),
  ]),
);
let current = loggers.get('silent') as Logger;

/** Logs through whichever mode is current; a child resolves once, when it first writes. */
function switchingLogger(bound?: LogFields): Logger {
  let resolved: Logger | undefined;
  const target = () => {
    if (!bound) return current;
    resolved ??= current.child(bound);
    return resolved;
  };
  return {
    debug: (message, fields) => target().debug(message, fields),
    info: (message, fields) => target().info(message, fields),
    warn: (message, fields) => target().warn(message, fields),
    error: (message, error, fields) => target().error(message, error, fields),
    child: (fields) => switchingLogger({ ...bound, ...fields }),
  };
}

const database = await openDatabase({ kind: 'pglite-memory' });
const platform = await createPlatform(loadConfig({ port: '0' }, {}), {
  database,
  workers: false,
  logger: switchingLogger(),
});
const server = await listen(platform);

const signup = await platform.app.request('/api/auth/signup', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    email: `bench-${Date.now()}@example.com`,
    password: 'benchmark passphrase',
    name: 'B',
  }),
});
const token = ((await signup.json()) as { token: string }).token;

const targets = [
  { name: 'unknown API path (404, no database)', path: '/api/no-such-route', status: 404, signedIn: false },
  { name: 'GET /api/me (database)', path: '/api/me', status: 200, signedIn: true },
];

async function requestsPerSecond(path: string, status: number, signedIn: boolean) {
  const result = await autocannon({
    url: `${server.url}${path}`,
    connections,
    duration: seconds,
    // Without a token the unknown path touches no database: authentication looks nothing up.
    headers: signedIn ? { authorization: `Bearer ${token}` } : {},
  });
  const unexpected = status === 200 ? result.non2xx : result['2xx'];
  if (unexpected > 0 || result.errors > 0) throw new Error(`${path}: unexpected answers or errors`);
  return result.requests.average;
}

const figures = new Map<string, number[]>();
for (let round = 0; round < rounds; round++) {
  for (const target of targets) {
    for (const mode of modes) {
      current = loggers.get(mode.name) as Logger;
      const key = `${target.name}|${mode.name}`;
      figures.set(key, [
        ...(figures.get(key) ?? []),
        await requestsPerSecond(target.path, target.status, target.signedIn),
      ]);
    }
  }
}
current = loggers.get('silent') as Logger;

// One access line alone, many times: the logger's own cost, without the server around it.
function microsecondsPerLine(logger: Logger) {
  const lines = 50_000;
  const fields = {
    method: 'GET',
    route: '/api/workspaces/:ws/agents',
    status: 200,
    durationMs: 3.2,
    workspaceId: '7d4c9a36-0c1e-4a8b-9f0e-2b1d3c4e5f60',
    userId: '0b8f7c1e-1111-2222-3333-444455556666',
  };
  const started = performance.now();
  for (let line = 0; line < lines; line++) logger.child({ requestId: `r${line}` }).info('request', fields);
  return ((performance.now() - started) / lines) * 1000;
}
const perLine = Object.fromEntries(
  modes.map((mode) => [mode.name, Number(microsecondsPerLine(loggers.get(mode.name) as Logger).toFixed(2))]),
);

await server.close();
await platform.close();
closeSync(devNull);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const rows = targets.map((target) => {
  const silent = median(figures.get(`${target.name}|silent`) ?? []);
  return {
    target: target.name,
    modes: Object.fromEntries(
      modes.map((mode) => {
        const value = median(figures.get(`${target.name}|${mode.name}`) ?? []);
        return [
          mode.name,
          { requestsPerSecond: Math.round(value), versusSilent: Number((value / silent).toFixed(3)) },
        ];
      }),
    ),
  };
});

console.log(
  `\nLogging cost: ${connections} connections, ${seconds} s per figure, median of ${rounds} rounds\n`,
);
console.log(`| request | ${modes.map((mode) => `${mode.name} (req/s)`).join(' | ')} |`);
console.log(`| --- | ${modes.map(() => '---').join(' | ')} |`);
for (const row of rows) {
  const cells = modes.map((mode) => {
    const figure = row.modes[mode.name] as { requestsPerSecond: number; versusSilent: number };
    return mode.name === 'silent'
      ? String(figure.requestsPerSecond)
      : `${figure.requestsPerSecond} (${Math.round((figure.versusSilent - 1) * 1000) / 10}%)`;
  });
  console.log(`| ${row.target} | ${cells.join(' | ')} |`);
}
console.log(
  `\nOne access line (child logger + line): ${modes.map((mode) => `${mode.name} ${perLine[mode.name]} µs`).join(', ')}\n`,
);
console.log(JSON.stringify({ connections, seconds, rounds, rows, microsecondsPerLine: perLine }, null, 2));
