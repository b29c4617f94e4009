// Orca's configuration: read once at boot from explicit options and the environment, validated
// with one schema. A bad value stops the start with a message that names the variable and the fix.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { type CreditSettings, creditSettingsSchema, mergeCreditSettings } from './domain/credits.ts';
import { OrcaError } from './domain/errors.ts';
import { defaultExpressionLimits, type ExpressionLimits } from './expressions/expression-limits.ts';
import { parseLlmSetting } from './llm/llm-setting.ts';
import { logFormats, logLevels } from './logging/log-settings.ts';
import { parseMasterKey } from './vault/master-key.ts';

const portMessage = 'must be a port number from 0 to 65535 (0 picks a free port)';
const port = z.coerce.number(portMessage).int(portMessage).min(0, portMessage).max(65535, portMessage);

const databaseUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
    } catch {
      return false;
    }
  }, 'must be a PostgreSQL URL such as postgres://user:password@127.0.0.1:5432/orca');

const llmSetting = z.string().transform((value, context) => {
  try {
    return parseLlmSetting(value);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

function wholeNumber(unit: string, minimum: number, maximum: number) {
  const message = `must be a whole number of ${unit}, ${minimum} to ${maximum}`;
  return z.coerce.number(message).int(message).min(minimum, message).max(maximum, message);
}

/** An IPv4 or IPv6 address, or a CIDR range of one (`10.0.0.0/8`, `fd00::/8`). */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

export const configSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: port.default(4400),
  dataDirectory: z.string().min(1).default('./.orca'),
  /** Where deliverables' bytes are kept; every process of one Orca must see the same directory. */
  filesDirectory: z.string().min(1).optional(),
  databaseUrl: databaseUrl.optional(),
  publicUrl: z.url('must be an absolute URL such as https://orca.example.com').optional(),
  smtpUrl: z.string().min(1).optional(),
  mailFrom: z.string().min(3).default('Orca <orca@localhost>'),
  sessionDays: z.coerce.number().int().min(1).max(365).default(30),
  invitationDays: z.coerce.number().int().min(1).max(90).default(7),
  secureCookies: z
    .enum(['true', 'false'], 'must be true or false')
    .transform((value) => value === 'true')
    .optional(),
  bodyLimitBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  // A workspace bundle carries every agent version, the context and a letterhead: far more than
  // an ordinary request, so its import has a limit of its own.
  bundleLimitBytes: z.coerce
    .number('must be a number of bytes')
    .int('must be a whole number of bytes')
    .min(1024, 'must be at least 1024')
    .default(32 * 1024 * 1024),
  workerConcurrency: z.coerce
    .number('must be a whole number of runs, 1 to 100')
    .int('must be a whole number of runs, 1 to 100')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(4),
  strandedRunGraceSeconds: z.coerce
    .number('must be a whole number of seconds, 1 or more')
    .int('must be a whole number of seconds, 1 or more')
    .min(1, 'must be at least 1 second')
    .default(60),
  // Runs queued and not yet started, across every process on the database, past which new runs
  // are refused (503 with Retry-After) instead of accepted to wait minutes. 5,000 is more than a
  // minute of work at the rates measured on one server, far above what schedules or hooks queue
  // in normal use.
  queueBacklogLimit: z.coerce
    .number('must be a whole number of runs, 1 or more')
    .int('must be a whole number of runs, 1 or more')
    .min(1, 'must be at least 1')
    .default(5000),
  // Runs one workspace may have queued and not started (those parked by its plan's limit of runs
  // at once included) before its own new runs are refused, so that one workspace flooding a hook
  // cannot fill the whole queue and have everyone refused (decision 0038). Unset: a fifth of
  // queueBacklogLimit, so it takes five workspaces flooding at once to fill the queue.
  queueWorkspaceBacklogLimit: z.coerce
    .number('must be a whole number of runs, 1 or more')
    .int('must be a whole number of runs, 1 or more')
    .min(1, 'must be at least 1')
    .optional(),
  allowNetwork: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    ),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges); every other
   * peer's header is ignored, so a client cannot pick the address its attempts are counted under.
   */
  trustedProxies: z
    .string()
    .default('')
    .transform((value, context) => {
      const entries = value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      for (const entry of entries) {
        if (!isAddressOrRange(entry)) {
          context.addIssue({
            code: 'custom',
            message: `"${entry}" is not an IP address or CIDR range; list the proxies' addresses, comma-separated, such as 127.0.0.1,10.0.0.0/8,::1`,
          });
        }
      }
      return entries;
    }),
  signUpsPerAddressPerHour: z.coerce
    .number('must be a whole number of sign-ups, 1 to 100000')
    .int('must be a whole number of sign-ups, 1 to 100000')
    .min(1, 'must be at least 1')
    .max(100000, 'must be at most 100000')
    .default(10),
  llm: llmSetting.optional(),
  chromiumPath: z.string().min(1).default('/usr/bin/chromium'),
  secretKey: z
    .string()
    .refine((value) => {
      try {
        parseMasterKey(value);
        return true;
      } catch {
        return false;
      }
    }, 'must be 32 random bytes as 64 hex digits or base64 (make one with: openssl rand -hex 32)')
    .optional(),
  previousSecretKeys: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .refine(
      (keys) =>
        keys.every((key) => {
          try {
            parseMasterKey(key);
            return true;
          } catch {
            return false;
          }
        }),
      'must list keys (comma-separated) of 64 hex digits or base64 each',
    )
    .default([]),
  llmApiKey: z.string().min(1).optional(),
  // Bounds on every JSONata evaluation (expressions/expression-limits.ts says what each bounds).
  expressionTimeoutMs: wholeNumber('milliseconds', 10, 60_000).default(defaultExpressionLimits.timeoutMs),
  expressionMaximumDepth: wholeNumber('levels', 10, 10_000).default(defaultExpressionLimits.maximumDepth),
  expressionMaximumItems: wholeNumber('items', 1000, 10_000_000).default(
    defaultExpressionLimits.maximumItems,
  ),
  expressionMaximumResultBytes: wholeNumber('bytes', 1024, 256 * 1024 * 1024).default(
    defaultExpressionLimits.maximumResultBytes,
  ),
  expressionMemoryMb: wholeNumber('megabytes', 32, 16_384).default(defaultExpressionLimits.memoryMb),
  expressionProcesses: wholeNumber('processes', 1, 64).default(defaultExpressionLimits.processes),
  /** How often a step may lose its worker before its run is failed rather than resumed again. */
  maximumStepInterruptions: wholeNumber('interruptions', 1, 100).default(3),
  /**
   * How often an open event stream looks its caller up again. Changes made in this process end
   * streams at once; this bounds how long one made by another process (or in the database) takes.
   */
  streamAccessCheckMs: z.coerce
    .number('must be a whole number of milliseconds, 10 to 60000')
    .int('must be a whole number of milliseconds, 10 to 60000')
    .min(10, 'must be at least 10 ms')
    .max(60_000, 'must be at most 60000 ms (a minute)')
    .default(5000),
  /** The least severe log level written; `silent` writes none (docs/operations/logs.md). */
  logLevel: z.enum(logLevels, `must be one of ${logLevels.join(', ')}`).default('info'),
  /**
   * `json` lines or `pretty` text. Unset, each command picks (log-settings.ts): pretty for
   * `orca start` at a terminal, json otherwise.
   */
  logFormat: z.enum(logFormats, 'must be json or pretty').optional(),
  /**
   * How long an open event stream (or a wait for a run to end) sleeps between looks at the
   * database when no run-event notice wakes it: a safety net, so a lost notice only delays.
   */
  streamRecheckMs: wholeNumber('milliseconds', 50, 60_000).default(7500),
  /** How often an idle event stream sends a comment, so proxies and clients see it alive. */
  streamHeartbeatMs: wholeNumber('milliseconds', 1000, 300_000).default(20_000),
  /** The `retry:` an event stream gives EventSource clients: how long to wait before reconnecting. */
  streamRetryMs: wholeNumber('milliseconds', 100, 300_000).default(3000),
  /**
   * A bearer token Prometheus sends to GET /metrics. Without one, /metrics is served only on a
   * loopback bind (HOST 127.0.0.1 or ::1), where only this machine can reach it (decision 0031).
   */
  metricsToken: z
    .string()
    .trim()
    .min(16, 'must be at least 16 characters (make one with: openssl rand -hex 32)')
    .optional(),
  /** `orca worker`'s small HTTP port (/metrics, /api/health, /api/ready); `off` serves none. */
  workerHttpPort: z
    .union([z.literal('off'), port])
    .default(4401)
    .transform((value) => (value === 'off' ? undefined : value)),
  // Timing. Each default is what Orca used before it could be set; docs/operations/metrics.md
  // says what each one trades.
  /** How long a worker may go silent before its runs are given to another worker. */
  runHeartbeatSeconds: wholeNumber('seconds', 1, 3600).default(10),
  /** How often the queue looks for workers that missed their heartbeats (and other upkeep). */
  queueSuperviseSeconds: wholeNumber('seconds', 1, 3600).default(5),
  /** On stop: how long requests in flight may finish before their connections are cut. */
  shutdownGraceMs: wholeNumber('milliseconds', 0, 600_000).default(10_000),
  /** On stop: how long a worker waits for the runs in hand before releasing them to others. */
  workerStopTimeoutMs: wholeNumber('milliseconds', 0, 3_600_000).default(30_000),
  /** How often a worker looks for runs stranded without a queue job. */
  runSweepIntervalSeconds: wholeNumber('seconds', 1, 86_400).default(30),
  /**
   * How often a worker takes back runs parked by their plan's limit of runs at once for which a
   * place is free: the safety net under the wake-up each ending run gives (decision 0038).
   */
  parkedRunRecheckSeconds: wholeNumber('seconds', 1, 86_400).default(60),
  /** The longest the scheduler sleeps between looks at the schedules (new ones are seen within it). */
  schedulerMaximumSleepMs: wholeNumber('milliseconds', 10, 60_000).default(1000),
  /** An occurrence later than this was missed (Orca was down): its schedule's policy decides. */
  scheduleMissedAfterSeconds: wholeNumber('seconds', 1, 86_400).default(60),
  /** Plans and prices as JSON over the defaults (domain/credits.ts); wins over `creditsFile`. */
  credits: z.string().min(1).optional(),
  /** A JSON file of plans and prices over the defaults. */
  creditsFile: z.string().min(1).optional(),
});

export type Config = Omit<z.infer<typeof configSchema>, 'queueWorkspaceBacklogLimit'> & {
  /** ORCA_QUEUE_WORKSPACE_BACKLOG_LIMIT, or its default (a fifth of the queue's). */
  queueWorkspaceBacklogLimit: number;
  dataDirectory: string;
  filesDirectory: string;
  /** The plans and prices in force (defaults unless ORCA_CREDITS or ORCA_CREDITS_FILE say more). */
  creditSettings: CreditSettings;
};

const environmentNames: Record<keyof z.input<typeof configSchema>, string> = {
  host: 'HOST',
  port: 'PORT',
  dataDirectory: 'ORCA_DATA_DIR',
  filesDirectory: 'ORCA_FILES_DIR',
  databaseUrl: 'DATABASE_URL',
  publicUrl: 'ORCA_PUBLIC_URL',
  smtpUrl: 'ORCA_SMTP_URL',
  mailFrom: 'ORCA_MAIL_FROM',
  sessionDays: 'ORCA_SESSION_DAYS',
  invitationDays: 'ORCA_INVITATION_DAYS',
  secureCookies: 'ORCA_SECURE_COOKIES',
  bodyLimitBytes: 'ORCA_BODY_LIMIT_BYTES',
  bundleLimitBytes: 'ORCA_BUNDLE_LIMIT_BYTES',
  workerConcurrency: 'ORCA_WORKER_CONCURRENCY',
  strandedRunGraceSeconds: 'ORCA_STRANDED_RUN_GRACE_SECONDS',
  queueBacklogLimit: 'ORCA_QUEUE_BACKLOG_LIMIT',
  queueWorkspaceBacklogLimit: 'ORCA_QUEUE_WORKSPACE_BACKLOG_LIMIT',
  allowNetwork: 'ORCA_ALLOW_NETWORK',
  trustedProxies: 'ORCA_TRUSTED_PROXIES',
  signUpsPerAddressPerHour: 'ORCA_SIGN_UPS_PER_ADDRESS_PER_HOUR',
  llm: 'ORCA_LLM',
  chromiumPath: 'ORCA_CHROMIUM_PATH',
  secretKey: 'ORCA_SECRET_KEY',
  previousSecretKeys: 'ORCA_PREVIOUS_SECRET_KEYS',
  llmApiKey: 'ORCA_LLM_API_KEY',
  expressionTimeoutMs: 'ORCA_EXPRESSION_TIMEOUT_MS',
  expressionMaximumDepth: 'ORCA_EXPRESSION_MAX_DEPTH',
  expressionMaximumItems: 'ORCA_EXPRESSION_MAX_ITEMS',
  expressionMaximumResultBytes: 'ORCA_EXPRESSION_MAX_RESULT_BYTES',
  expressionMemoryMb: 'ORCA_EXPRESSION_MEMORY_MB',
  expressionProcesses: 'ORCA_EXPRESSION_PROCESSES',
  maximumStepInterruptions: 'ORCA_MAX_STEP_INTERRUPTIONS',
  streamAccessCheckMs: 'ORCA_STREAM_ACCESS_CHECK_MS',
  logLevel: 'ORCA_LOG_LEVEL',
  logFormat: 'ORCA_LOG_FORMAT',
  streamRecheckMs: 'ORCA_STREAM_RECHECK_MS',
  streamHeartbeatMs: 'ORCA_STREAM_HEARTBEAT_MS',
  streamRetryMs: 'ORCA_STREAM_RETRY_MS',
  metricsToken: 'ORCA_METRICS_TOKEN',
  workerHttpPort: 'ORCA_WORKER_HTTP_PORT',
  runHeartbeatSeconds: 'ORCA_RUN_HEARTBEAT_SECONDS',
  queueSuperviseSeconds: 'ORCA_QUEUE_SUPERVISE_SECONDS',
  shutdownGraceMs: 'ORCA_SHUTDOWN_GRACE_MS',
  workerStopTimeoutMs: 'ORCA_WORKER_STOP_TIMEOUT_MS',
  runSweepIntervalSeconds: 'ORCA_RUN_SWEEP_INTERVAL_SECONDS',
  parkedRunRecheckSeconds: 'ORCA_PARKED_RUN_RECHECK_SECONDS',
  schedulerMaximumSleepMs: 'ORCA_SCHEDULER_MAX_SLEEP_MS',
  scheduleMissedAfterSeconds: 'ORCA_SCHEDULE_MISSED_AFTER_SECONDS',
  credits: 'ORCA_CREDITS',
  creditsFile: 'ORCA_CREDITS_FILE',
};

type ConfigInput = Partial<Record<keyof typeof environmentNames, string | number | undefined>>;

/** Builds the configuration: explicit options win over the environment, which wins over defaults. */
export function loadConfig(options: ConfigInput = {}, environment: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(environmentNames)) {
    const explicit = options[key as keyof ConfigInput];
    const fromEnvironment = environment[name];
    const value = explicit ?? (fromEnvironment === '' ? undefined : fromEnvironment);
    if (value !== undefined) raw[key] = value;
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]) as keyof typeof environmentNames;
      return `${environmentNames[key] ?? key}: ${issue.message}`;
    });
    throw new OrcaError(
      'configuration_invalid',
      `Orca's configuration is invalid:\n  ${problems.join('\n  ')}`,
      {
        details: problems,
      },
    );
  }
  const dataDirectory = resolve(parsed.data.dataDirectory);
  return {
    ...parsed.data,
    dataDirectory,
    filesDirectory: resolve(parsed.data.filesDirectory ?? `${dataDirectory}/files`),
    queueWorkspaceBacklogLimit:
      parsed.data.queueWorkspaceBacklogLimit ?? Math.ceil(parsed.data.queueBacklogLimit / 5),
    creditSettings: loadCreditSettings(parsed.data.credits, parsed.data.creditsFile),
  };
}

function invalidCredits(variable: string, problem: string): OrcaError {
  const message = `${variable}: ${problem}`;
  return new OrcaError('configuration_invalid', `Orca's configuration is invalid:\n  ${message}`, {
    details: [message],
  });
}

/** Plans and prices: ORCA_CREDITS (JSON) or ORCA_CREDITS_FILE (a JSON file) over the defaults. */
function loadCreditSettings(json: string | undefined, file: string | undefined): CreditSettings {
  const variable = json !== undefined ? 'ORCA_CREDITS' : 'ORCA_CREDITS_FILE';
  let text = json;
  if (text === undefined && file !== undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw invalidCredits(
        variable,
        `cannot read ${file} (${(error as Error).message}); give the path of a JSON file of plans and prices`,
      );
    }
  }
  let overrides: unknown = {};
  if (text !== undefined) {
    try {
      overrides = JSON.parse(text);
    } catch (error) {
      throw invalidCredits(variable, `is not JSON (${(error as Error).message})`);
    }
    if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
      throw invalidCredits(
        variable,
        'must be a JSON object such as {"plans":[…],"defaultPlan":"free","prices":{…}}',
      );
    }
  }
  const parsed = creditSettingsSchema.safeParse(mergeCreditSettings(overrides as Record<string, unknown>));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(top)'} ${issue.message}`,
    );
    throw invalidCredits(variable, problems.join('; '));
  }
  return parsed.data;
}

/** The address links in e-mails point at. */
export function publicUrlOf(config: Config): string {
  return (config.publicUrl ?? `http://${config.host}:${config.port}`).replace(/\/+$/, '');
}

/** The bounds every expression is evaluated under. */
export function expressionLimitsOf(config: Config): ExpressionLimits {
  return {
    timeoutMs: config.expressionTimeoutMs,
    maximumDepth: config.expressionMaximumDepth,
    maximumItems: config.expressionMaximumItems,
    maximumResultBytes: config.expressionMaximumResultBytes,
    memoryMb: config.expressionMemoryMb,
    processes: config.expressionProcesses,
  };
}
