// The `orca` commands: their options and help, as data.
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  description: string;
}

export interface CommandSpec {
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Whether the command takes words after its name (`orca runs watch <runId>`). */
  positionals?: boolean;
}

const help: OptionSpec = { type: 'boolean', short: 'h', description: 'Show this help.' };
const databaseUrl: OptionSpec = {
  type: 'string',
  description: 'PostgreSQL server to use instead of the embedded database (or DATABASE_URL).',
};
const dataDirectory: OptionSpec = {
  type: 'string',
  description: 'Data directory of the embedded database (or ORCA_DATA_DIR; default ./.orca).',
};
const serverOptions: Record<string, OptionSpec> = {
  host: { type: 'string', description: 'Address to listen on (or HOST; default 127.0.0.1).' },
  port: { type: 'string', short: 'p', description: 'Port to listen on (or PORT; default 4400).' },
};

export const commands: Record<string, CommandSpec> = {
  start: {
    summary: 'Start all of Orca in one process: API, web app, on the embedded database or DATABASE_URL.',
    usage: 'orca start [--port 4400] [--host 127.0.0.1] [--data-dir ./.orca] [--database-url URL]',
    options: { ...serverOptions, 'data-dir': dataDirectory, 'database-url': databaseUrl, help },
  },
  serve: {
    summary: 'Start a stateless API process against a PostgreSQL server (scale-out: run any number).',
    usage: 'orca serve --database-url postgres://… [--port 4400] [--host 127.0.0.1]',
    options: { ...serverOptions, 'database-url': databaseUrl, help },
  },
  worker: {
    summary: 'Execute runs from the queue, on a PostgreSQL server (scale-out: run any number).',
    usage: 'orca worker --database-url postgres://… [--concurrency 4]',
    options: {
      'database-url': databaseUrl,
      concurrency: {
        type: 'string',
        short: 'c',
        description: 'Runs executed at once (or ORCA_WORKER_CONCURRENCY; default 4).',
      },
      help,
    },
  },
  runs: {
    summary:
      'Follow runs live through a running Orca (`orca runs watch [runId]`), or show the pipeline of chained runs a run belongs to (`orca runs pipeline <runId>`).',
    usage:
      'orca runs watch [runId] | pipeline <runId> --workspace <id or slug> [--url http://127.0.0.1:4400] [--token <token>]',
    positionals: true,
    options: {
      workspace: { type: 'string', short: 'w', description: 'The workspace (id or slug).' },
      url: {
        type: 'string',
        description: 'Where Orca listens (or ORCA_URL; default http://127.0.0.1:4400).',
      },
      token: { type: 'string', description: 'A session or API token (or ORCA_TOKEN).' },
      help,
    },
  },
  chat: {
    summary:
      'Ask the Orchestrator of a running Orca: `orca chat "monitor https://… for changes" --workspace <slug>`.',
    usage:
      'orca chat "<request>" --workspace <id or slug> [--conversation <id>] [--yes | --no] [--url http://127.0.0.1:4400] [--token <token>]',
    positionals: true,
    options: {
      workspace: { type: 'string', short: 'w', description: 'The workspace (id or slug).' },
      conversation: { type: 'string', description: 'Continue this conversation (to answer its questions).' },
      yes: { type: 'boolean', short: 'y', description: 'Apply the plan without asking.' },
      no: { type: 'boolean', description: 'Show the plan and reject it.' },
      url: {
        type: 'string',
        description: 'Where Orca listens (or ORCA_URL; default http://127.0.0.1:4400).',
      },
      token: { type: 'string', description: 'A session or API token (or ORCA_TOKEN).' },
      help,
    },
  },
  secrets: {
    summary:
      'After changing ORCA_SECRET_KEY: `orca secrets rewrap` wraps every workspace key with the new one.',
    usage:
      'orca secrets rewrap [--data-dir ./.orca] [--database-url URL]   (with ORCA_SECRET_KEY and ORCA_PREVIOUS_SECRET_KEYS set)',
    positionals: true,
    options: { 'data-dir': dataDirectory, 'database-url': databaseUrl, help },
  },
  migrate: {
    summary: 'Apply the database migrations and exit (start and serve also migrate).',
    usage: 'orca migrate [--data-dir ./.orca] [--database-url URL]',
    options: { 'data-dir': dataDirectory, 'database-url': databaseUrl, help },
  },
};

export function commandHelp(name: string, spec: CommandSpec): string {
  const lines = [`orca ${name}: ${spec.summary}`, '', `Usage: ${spec.usage}`, '', 'Options:'];
  for (const [option, optionSpec] of Object.entries(spec.options)) {
    const flag = `${optionSpec.short ? `-${optionSpec.short}, ` : '    '}--${option}${optionSpec.type === 'string' ? ' <value>' : ''}`;
    lines.push(`  ${flag.padEnd(30)} ${optionSpec.description}`);
  }
  return `${lines.join('\n')}\n`;
}

export function overallHelp(): string {
  const lines = [
    'Orca: a self-hostable platform for AI agent workspaces.',
    '',
    'Usage: orca <command> [options]',
    '',
    'Commands:',
  ];
  for (const [name, spec] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${spec.summary}`);
  lines.push('', 'Run `orca <command> --help` for the options of a command.');
  return `${lines.join('\n')}\n`;
}
