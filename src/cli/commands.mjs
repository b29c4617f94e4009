// @ts-check
// The `orca` commands: their options and help, as data. Plain JavaScript (types in
// commands.d.mts), so that bin/orca.mjs answers --help and --version from here without loading
// the TypeScript loader, the server or any command's code: that takes seconds on a busy machine,
// this a few milliseconds. See docs/decisions/0036-command-line.md.
import { readFileSync } from 'node:fs';

/** @typedef {import('./commands.d.mts').OptionSpec} OptionSpec */
/** @typedef {import('./commands.d.mts').CommandSpec} CommandSpec */

/** @type {OptionSpec} */
const help = { type: 'boolean', short: 'h', description: 'Show this help.' };
/** @type {OptionSpec} */
const json = {
  type: 'boolean',
  description: 'Machine-readable output: JSON on standard output, errors as JSON on standard error.',
};
/** @type {OptionSpec} */
const serverJson = {
  type: 'boolean',
  description:
    'Say "running" as one JSON line ({"status", "url", …}), log JSON lines to standard error, errors as JSON.',
};
/** @type {OptionSpec} */
const databaseUrl = {
  type: 'string',
  description: 'PostgreSQL server to use instead of the embedded database (or DATABASE_URL).',
};
/** @type {OptionSpec} */
const dataDirectory = {
  type: 'string',
  description: 'Data directory of the embedded database (or ORCA_DATA_DIR; default ./.orca).',
};
/** @type {Record<string, OptionSpec>} */
const serverOptions = {
  host: { type: 'string', description: 'Address to listen on (or HOST; default 127.0.0.1).' },
  port: { type: 'string', short: 'p', description: 'Port to listen on (or PORT; default 4400).' },
};
/** @type {OptionSpec} */
const url = {
  type: 'string',
  description:
    'Where Orca listens (or ORCA_URL, or the server of orca login; default http://127.0.0.1:4400).',
};
/** @type {OptionSpec} */
const token = {
  type: 'string',
  description: 'A session or API token (or ORCA_TOKEN, or the token orca login stored for the server).',
};
/** @type {OptionSpec} */
const workspace = {
  type: 'string',
  short: 'w',
  description: 'The workspace, id or slug (or ORCA_WORKSPACE, or the default of orca login).',
};
/** What every command that talks to a running Orca takes. */
/** @type {Record<string, OptionSpec>} */
const clientOptions = { workspace, url, token, json, help };
/** @type {OptionSpec} */
const idleTimeout = {
  type: 'string',
  description:
    'Seconds the event stream may stay silent, not even a heartbeat, before it is taken for dead and reopened (default 60).',
};
/** @type {Record<string, OptionSpec>} */
const listOptions = {
  limit: { type: 'string', description: 'How many to show (1-200; default 50).' },
  cursor: { type: 'string', description: 'Go on from where a previous page ended (its nextCursor).' },
};

/** @type {Record<string, CommandSpec>} */
export const commands = {
  start: {
    group: 'server',
    summary: 'Start all of Orca in one process: API, web app, on the embedded database or DATABASE_URL.',
    usage: 'orca start [--port 4400] [--host 127.0.0.1] [--data-dir ./.orca] [--database-url URL]',
    options: {
      ...serverOptions,
      'data-dir': dataDirectory,
      'database-url': databaseUrl,
      json: serverJson,
      help,
    },
  },
  serve: {
    group: 'server',
    summary: 'Start a stateless API process against a PostgreSQL server (scale-out: run any number).',
    usage: 'orca serve --database-url postgres://… [--port 4400] [--host 127.0.0.1]',
    options: { ...serverOptions, 'database-url': databaseUrl, json: serverJson, help },
  },
  worker: {
    group: 'server',
    summary: 'Execute runs from the queue, on a PostgreSQL server (scale-out: run any number).',
    usage: 'orca worker --database-url postgres://… [--concurrency 4]',
    options: {
      'database-url': databaseUrl,
      concurrency: {
        type: 'string',
        short: 'c',
        description: 'Runs executed at once (or ORCA_WORKER_CONCURRENCY; default 4).',
      },
      json: serverJson,
      help,
    },
  },
  migrate: {
    group: 'server',
    summary: 'Apply the database migrations and exit (start and serve also migrate).',
    usage: 'orca migrate [--data-dir ./.orca] [--database-url URL]',
    options: { 'data-dir': dataDirectory, 'database-url': databaseUrl, json, help },
  },
  secrets: {
    group: 'server',
    summary:
      'After changing ORCA_SECRET_KEY: `orca secrets rewrap` wraps every workspace key with the new one.',
    usage:
      'orca secrets rewrap [--data-dir ./.orca] [--database-url URL]   (with ORCA_SECRET_KEY and ORCA_PREVIOUS_SECRET_KEYS set)',
    positionals: true,
    words: ['rewrap'],
    options: { 'data-dir': dataDirectory, 'database-url': databaseUrl, json, help },
  },
  login: {
    group: 'client',
    summary:
      'Check a token against a running Orca and keep it for that server, so other commands need no --token.',
    usage:
      'orca login [--url http://127.0.0.1:4400] [--token <token> | --email <address>] [--workspace <slug>]   (asks for what is missing; reads the token or password from standard input when it is not a terminal)',
    options: {
      url: { type: 'string', description: 'The Orca to sign in to (or ORCA_URL; asked for when left out).' },
      token: {
        type: 'string',
        description:
          'A session token or an API token of a workspace (asked for when left out; avoid it on a shared machine: it shows in the process list).',
      },
      email: {
        type: 'string',
        description: 'Sign in with an e-mail address and password instead (the password is asked for).',
      },
      workspace: {
        type: 'string',
        short: 'w',
        description: 'The workspace commands use when none is named.',
      },
      json,
      help,
    },
  },
  logout: {
    group: 'client',
    summary: 'Forget the token kept for a server, and end it there if it is a session token.',
    usage: 'orca logout [--url http://127.0.0.1:4400]',
    options: {
      url: { type: 'string', description: 'The server to forget (or ORCA_URL; default the last login).' },
      json,
      help,
    },
  },
  agents: {
    group: 'client',
    summary: 'List, show, export and import the agents of a workspace.',
    usage: 'orca agents list | show <agent> | export <agent> [--out file] | import <file> --workspace <slug>',
    positionals: true,
    options: clientOptions,
    subcommands: {
      list: {
        summary: 'The agents of the workspace, oldest first, with their status and version.',
        usage: 'orca agents list [--status active|paused] [--search text] [--limit 50] [--cursor …]',
        options: {
          status: {
            type: 'string',
            description: 'Only active or only paused agents.',
            choices: ['active', 'paused'],
          },
          search: { type: 'string', description: 'Only agents whose name contains this text.' },
          ...listOptions,
        },
      },
      show: {
        summary: 'One agent (by id or exact name): its version, status and spec.',
        usage: 'orca agents show <agent id or name>',
      },
      export: {
        summary: 'Write an agent to a file, to import into another workspace or Orca.',
        usage: 'orca agents export <agent id or name> [--out file]   (standard output without --out)',
        options: { out: { type: 'string', short: 'o', description: 'The file to write.' } },
      },
      import: {
        summary: 'Create an agent from a file of orca agents export.',
        usage: 'orca agents import <file> [--name "New name"] [--update]',
        options: {
          name: { type: 'string', description: 'A new name, when the exported one is taken here.' },
          update: {
            type: 'boolean',
            description: 'When an agent of that name exists, make the import a new version of it.',
          },
        },
      },
    },
  },
  runs: {
    group: 'client',
    summary:
      'List, start, cancel, retry and follow runs (`orca runs watch [runId]`), or show the pipeline of chained runs a run belongs to.',
    usage:
      'orca runs list | show <runId> | start <agent> | cancel <runId> | retry <runId> | watch [runId] | pipeline <runId> --workspace <id or slug>',
    positionals: true,
    options: clientOptions,
    subcommands: {
      list: {
        summary: 'Runs of the workspace, newest first.',
        usage: 'orca runs list [--agent <id or name>] [--status failed] [--trigger schedule] [--limit 50]',
        options: {
          agent: { type: 'string', description: 'Only runs of this agent (id or exact name).' },
          status: {
            type: 'string',
            description: 'Only runs in this status: queued, running, waiting, succeeded, failed, cancelled.',
            choices: ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'],
          },
          trigger: {
            type: 'string',
            description: 'Only runs started so: manual, orchestrator, schedule, webhook, chain, agent.',
            choices: ['manual', 'orchestrator', 'schedule', 'webhook', 'chain', 'agent'],
          },
          ...listOptions,
        },
      },
      show: { summary: 'A run with its steps.', usage: 'orca runs show <runId>' },
      start: {
        summary: 'Start a run of an agent; with --watch, follow it and exit 1 if it fails.',
        usage:
          'orca runs start <agent id or name> [--input \'{"url": "…"}\' | --input @input.json] [--watch]',
        options: {
          input: {
            type: 'string',
            short: 'i',
            description: 'The run input: JSON, or @file to read it from.',
          },
          watch: { type: 'boolean', description: 'Follow the run until it ends; exit 1 if it fails.' },
          'idle-timeout': idleTimeout,
        },
      },
      cancel: { summary: 'Cancel a queued or running run.', usage: 'orca runs cancel <runId>' },
      retry: {
        summary: 'Retry a failed or cancelled run, from the start or from a step.',
        usage: 'orca runs retry <runId> [--from-step <stepId>]',
        options: {
          'from-step': {
            type: 'string',
            description: 'Start again at this step; earlier steps keep their outputs.',
          },
        },
      },
      watch: {
        summary:
          'Follow a run (or every run of the workspace) live, one line per event; reconnects where it left off when the stream drops.',
        usage: 'orca runs watch [runId] [--idle-timeout 60]',
        options: { 'idle-timeout': idleTimeout },
      },
      pipeline: {
        summary: 'Show the pipeline of chained runs a run belongs to, from its first run to its last.',
        usage: 'orca runs pipeline <runId>',
      },
    },
  },
  hooks: {
    group: 'client',
    summary: 'List the inbound hooks of an agent, or make one (its address and secret are shown once).',
    usage: 'orca hooks list <agent> | create <agent> [--name …] [--signed] --workspace <id or slug>',
    positionals: true,
    options: clientOptions,
    subcommands: {
      list: { summary: 'The hooks of an agent.', usage: 'orca hooks list <agent id or name>' },
      create: {
        summary: 'Make a hook: a secret address that starts a run of the agent.',
        usage:
          'orca hooks create <agent id or name> [--name …] [--mapping \'{"url": body.link}\'] [--signed] [--respond accepted|result]',
        options: {
          name: { type: 'string', description: 'A name to tell the hook apart.' },
          mapping: {
            type: 'string',
            description: 'JSONata over { body, headers, query } giving the run input (default: the body).',
          },
          signed: { type: 'boolean', description: 'Calls must carry a valid Orca-Signature header.' },
          respond: {
            type: 'string',
            description: 'accepted: answer 202 at once (default); result: wait for the run to end.',
            choices: ['accepted', 'result'],
          },
          'rate-per-minute': { type: 'string', description: 'Calls a minute the hook accepts (default 60).' },
        },
      },
    },
  },
  chat: {
    group: 'client',
    summary:
      'Ask the Orchestrator of a running Orca: `orca chat "monitor https://… for changes" --workspace <slug>`.',
    usage:
      'orca chat "<request>" --workspace <id or slug> [--conversation <id>] [--yes | --no]   (--yes or --no is needed without a terminal)',
    positionals: true,
    options: {
      workspace,
      conversation: { type: 'string', description: 'Continue this conversation (to answer its questions).' },
      yes: { type: 'boolean', short: 'y', description: 'Apply the plan without asking.' },
      no: { type: 'boolean', description: 'Show the plan and reject it.' },
      url,
      token,
      json,
      help,
    },
  },
  export: {
    group: 'client',
    summary:
      'Write a whole workspace (agents, schedules, chains, hooks, context; no secrets) to one file: `orca export --workspace <slug> --out studio.orca.json`.',
    usage: 'orca export --workspace <id or slug> [--out file]   (standard output without --out)',
    options: {
      ...clientOptions,
      out: { type: 'string', short: 'o', description: 'The file to write (default: standard output).' },
    },
  },
  import: {
    group: 'client',
    summary:
      'Create everything a workspace file holds: `orca import studio.orca.json --new-workspace "Studio"` (or --workspace <slug>).',
    usage: 'orca import <file> --workspace <id or slug> | --new-workspace "Name"',
    positionals: true,
    options: {
      ...clientOptions,
      'new-workspace': {
        type: 'string',
        description: 'Create a workspace of this name and import into it (needs a session token).',
      },
    },
  },
  api: {
    group: 'client',
    summary: 'Call any route of the HTTP API with the stored token: `orca api GET /api/me`.',
    usage: "orca api <METHOD> <path> [--data '{…}' | --data @file.json]",
    positionals: true,
    words: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
    options: {
      data: { type: 'string', short: 'd', description: 'The JSON body, or @file to read it from.' },
      url,
      token,
      json,
      help,
    },
  },
  completion: {
    group: 'shell',
    summary: 'Print a completion script: `source <(orca completion bash)` (or zsh).',
    usage: 'orca completion bash | zsh',
    positionals: true,
    words: ['bash', 'zsh'],
    options: { json: { type: 'boolean', description: 'The script as {"shell", "script"}.' }, help },
  },
};

/** @type {Record<CommandSpec['group'], string>} */
const groupTitles = {
  server: 'Run Orca:',
  client: 'Use a running Orca:',
  shell: 'Shell:',
};

/** @param {Record<string, OptionSpec>} options */
function optionLines(options) {
  return Object.entries(options).map(([option, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${option}${spec.type === 'string' ? ' <value>' : ''}`;
    return `  ${flag.padEnd(30)} ${spec.description}`;
  });
}

/**
 * @param {string} name
 * @param {CommandSpec} spec
 */
export function commandHelp(name, spec) {
  const lines = [`orca ${name}: ${spec.summary}`, '', `Usage: ${spec.usage}`, ''];
  if (spec.subcommands) {
    lines.push('Commands:');
    for (const [subcommand, subspec] of Object.entries(spec.subcommands)) {
      lines.push(`  ${subcommand.padEnd(10)} ${subspec.summary}`);
    }
    lines.push('', `Run \`orca ${name} <command> --help\` for the options of each.`, '');
  }
  lines.push('Options:', ...optionLines(spec.options));
  return `${lines.join('\n')}\n`;
}

/**
 * @param {string} name
 * @param {CommandSpec} spec
 * @param {string} subcommand
 */
export function subcommandHelp(name, spec, subcommand) {
  const subspec = spec.subcommands?.[subcommand];
  if (!subspec) return commandHelp(name, spec);
  const lines = [`orca ${name} ${subcommand}: ${subspec.summary}`, '', `Usage: ${subspec.usage}`, ''];
  lines.push('Options:', ...optionLines({ ...(subspec.options ?? {}), ...spec.options }));
  return `${lines.join('\n')}\n`;
}

export function overallHelp() {
  const lines = [
    'Orca: a self-hostable platform for AI agent workspaces.',
    '',
    'Usage: orca <command> [options]',
  ];
  for (const group of /** @type {const} */ (['server', 'client', 'shell'])) {
    lines.push('', groupTitles[group]);
    for (const [name, spec] of Object.entries(commands)) {
      if (spec.group === group) lines.push(`  ${name.padEnd(11)} ${spec.summary}`);
    }
  }
  lines.push(
    '',
    'Run `orca <command> --help` for the options of a command; `orca --version` for the version.',
    'Exit codes: 0 ok, 1 failed (a run, or a refused request), 2 usage, 3 auth, 4 not found, 5 unreachable.',
  );
  return `${lines.join('\n')}\n`;
}

export function version() {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String(manifest.version);
}

/**
 * The answer to `orca --help`, `orca <command> [<subcommand>] --help` or `orca --version`, or
 * undefined when the command line asks for something else.
 * @param {string[]} argv
 */
export function quickAnswer(argv) {
  const [name, ...rest] = argv;
  // `orca help runs watch` is `orca runs watch --help`.
  if (name === 'help' && rest[0] && commands[rest[0]]) return quickAnswer([...rest, '--help']);
  if (!name || name === '--help' || name === '-h' || name === 'help') return overallHelp();
  if (name === '--version' || name === '-V' || name === 'version') {
    return rest.includes('--json') ? `${JSON.stringify({ version: version() })}\n` : `orca ${version()}\n`;
  }
  const spec = commands[name];
  const end = rest.indexOf('--');
  const options = end < 0 ? rest : rest.slice(0, end);
  if (!spec || !(options.includes('--help') || options.includes('-h'))) return undefined;
  const subcommand = rest[0];
  return subcommand && spec.subcommands?.[subcommand]
    ? subcommandHelp(name, spec, subcommand)
    : commandHelp(name, spec);
}
