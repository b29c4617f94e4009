// The child process that evaluates JSONata for the expression pool (expression-pool.ts). It is a
// process, not a worker thread, because a worker thread that runs out of heap can abort the
// whole Orca process (seen here on Node 20 with `[1..10000000]` and `$pad("x", 1e8)`); a child
// that runs out of memory or loops only loses itself, and the pool starts another.
// Plain JavaScript with no imports of ours, so it starts without the TypeScript loader.
import jsonata from 'jsonata';

/** Compiled expressions by text, oldest first; a run evaluates the same few again and again. */
const compiled = new Map();
const compiledLimit = 500;

/** One object that every compiled expression holds, so the limits of each request apply to all. */
const options = {};

function compile(expression) {
  let found = compiled.get(expression);
  if (found) {
    compiled.delete(expression);
  } else {
    found = jsonata(expression, options);
    if (compiled.size >= compiledLimit) compiled.delete(compiled.keys().next().value);
  }
  compiled.set(expression, found);
  return found;
}

/** jsonata's own guards, which catch most runaways without losing the process. */
const limitByCode = { D1011: 'depth', D1012: 'time', D2014: 'items', D2015: 'items' };

function failure(error) {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return { limit: 'depth' };
  const code = typeof error?.code === 'string' ? error.code : undefined;
  const limit = code ? limitByCode[code] : undefined;
  if (limit) return { limit };
  if (/stack overflow/i.test(String(error?.message))) return { limit: 'depth' };
  // The code tells a syntax error (S0…) from a failure while evaluating (T…, D…).
  return { message: String(error?.message ?? error), code };
}

// A request: { id, expressions, data, limits: { timeoutMs, maximumDepth, maximumItems, maximumResultBytes } }.
// For each expression in turn one answer, so the parent times each on its own; the first
// failure ends the request.
process.on('message', async ({ id, expressions, data, limits }) => {
  Object.assign(options, {
    timeout: limits.timeoutMs,
    stack: limits.maximumDepth,
    sequence: limits.maximumItems,
  });
  for (const [index, expression] of expressions.entries()) {
    let json;
    try {
      const value = await compile(expression).evaluate(data);
      // A JSON text is plain data (no JSONata sequences) and its length is the result's size.
      json = value === undefined ? undefined : JSON.stringify(value);
    } catch (error) {
      process.send({ id, index, ...failure(error) });
      return;
    }
    if (json !== undefined && json.length > limits.maximumResultBytes) {
      process.send({ id, index, limit: 'result' });
      return;
    }
    process.send({ id, index, json });
  }
});

// The parent went away (even killed): nothing is left to answer.
process.on('disconnect', () => process.exit(0));

// Started and compiled: the parent times evaluations from now on, not from the start.
process.send({ ready: true });
