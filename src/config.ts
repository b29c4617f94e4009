// Orca's configuration: read once at boot from explicit options and the environment, validated
// with one schema. A bad value stops the start with a message that names the variable and the fix.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { OrcaError } from './domain/errors.ts';
import { defaultExpressionLimits, type ExpressionLimits } from './expressions/expression-limits.ts';
import { parseLlmSetting } from './llm/llm-setting.ts';
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
});

export type Config = z.infer<typeof configSchema> & { dataDirectory: string; filesDirectory: string };

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
  workerConcurrency: 'ORCA_WORKER_CONCURRENCY',
  strandedRunGraceSeconds: 'ORCA_STRANDED_RUN_GRACE_SECONDS',
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
  };
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
