// A whole workspace in one file: what `GET /export` writes and `POST /import` reads. Agents,
// workrooms, schedules, chains and hooks refer to each other by name, never by id, so that the
// file means the same thing in any Orca. Secrets never enter it: hooks carry no address or
// signing secret and connections only their settings in the clear (the secret fields stay in
// the vault they were sealed in).
import { z } from 'zod';
import { cycleClosedBy } from './chain-graph.ts';

export const workspaceBundleFormat = 'orca-workspace';
/**
 * The newest format version this Orca writes; it reads every version up to it. Version 2 added
 * each agent's monthly budget (a version-1 file reads as agents without one).
 */
export const workspaceBundleFormatVersion = 2;

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const jsonObject = z.record(z.string(), z.unknown());
const isoTime = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 time such as 2026-01-31T08:00:00Z',
});

const memoryEntry = z.object({
  key: z.string().trim().min(1).max(200),
  value: z.custom<unknown>((value) => value !== undefined, 'must be a JSON value'),
  text: z.string().default(''),
  tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
});

const agentVersion = z.object({
  version: z.number().int().min(1),
  /** Checked with the spec rules when imported (validateAgentSpec), with every issue's path. */
  spec: z.unknown(),
  note: z.string().max(500).nullable().default(null),
  createdAt: isoTime,
});

const agent = z.object({
  name,
  status: z.enum(['active', 'paused']).default('active'),
  workroom: name.nullable().default(null),
  /** Oldest first, numbered from 1. */
  versions: z.array(agentVersion).min(1, 'an agent needs at least one version'),
  /** The version in use; the last one when left out. */
  currentVersion: z.number().int().min(1).optional(),
  /** The agent's private memory (what its runs remembered), by key. */
  memory: z.array(memoryEntry).default([]),
  /** Credits the agent may spend a month (its budget); none when null. Since format version 2. */
  monthlyBudget: z.number().int().min(0).nullable().default(null),
});

const workroom = z.object({
  name,
  description: z.string().max(2000).default(''),
  monthlyBudget: z.number().int().min(0).nullable().default(null),
});

const schedule = z.object({
  agent: name,
  cron: z.string().trim().min(1).max(120),
  timezone: z.string().trim().min(1).max(64),
  text: z.string().max(200).nullable().default(null),
  input: jsonObject.default({}),
  enabled: z.boolean().default(true),
  missed: z.enum(['skip', 'run_once']).default('skip'),
});

const oneOffRun = z.object({
  agent: name,
  runAt: isoTime,
  timezone: z.string().trim().min(1).max(64),
  input: jsonObject.default({}),
});

const chain = z.object({
  from: name,
  to: name,
  on: z.enum(['success', 'failure', 'always']).default('success'),
  mapping: z.string().max(4000).nullable().default(null),
  enabled: z.boolean().default(true),
});

const hook = z.object({
  agent: name,
  name: z.string().max(80).default(''),
  mapping: z.string().max(4000).nullable().default(null),
  respond: z.enum(['accepted', 'result']).default('accepted'),
  waitTimeoutMs: z.number().int().min(100).max(120_000).default(30_000),
  ratePerMinute: z.number().int().min(1).max(100_000).default(60),
  enabled: z.boolean().default(true),
  /** Whether calls must be signed: the import makes a new signing secret for it. */
  signed: z.boolean().default(false),
});

const exportProfile = z.object({
  settings: jsonObject.default({}),
  letterhead: z
    .object({
      contentType: z.string().min(1).max(100),
      base64: z.base64('must be base64'),
    })
    .nullable()
    .default(null),
});

/** An account to connect again in the target: kind and settings in the clear, no secret. */
const connection = z.object({
  service: z.string().trim().min(1).max(60),
  label: z.string().max(200).default(''),
  kind: z.enum(['api_key', 'login', 'oauth2']),
  isDefault: z.boolean().default(false),
  settings: jsonObject.default({}),
});

export const workspaceBundleSchema = z.object({
  format: z.literal(workspaceBundleFormat),
  formatVersion: z.number().int().min(1).max(workspaceBundleFormatVersion),
  exportedAt: isoTime,
  source: z.object({ name: z.string(), slug: z.string() }),
  /** What the file leaves out, said in words for whoever opens it. */
  notes: z.array(z.string()).default([]),
  workrooms: z.array(workroom).default([]),
  agents: z.array(agent).default([]),
  schedules: z.array(schedule).default([]),
  oneOffRuns: z.array(oneOffRun).default([]),
  chains: z.array(chain).default([]),
  hooks: z.array(hook).default([]),
  context: z.array(memoryEntry).default([]),
  exportProfile: exportProfile.nullable().default(null),
  connections: z.array(connection).default([]),
});

export type WorkspaceBundle = z.infer<typeof workspaceBundleSchema>;
export type BundleAgent = z.infer<typeof agent>;
export type BundleConnection = z.infer<typeof connection>;
export type BundleHookSettings = Pick<
  z.infer<typeof hook>,
  'name' | 'mapping' | 'respond' | 'waitTimeoutMs' | 'ratePerMinute' | 'enabled'
>;

/** The settings of a hook that a bundle carries as they are: not its agent (named), nor its secrets. */
export function bundleHookSettings(hook: BundleHookSettings): BundleHookSettings {
  const { name, mapping, respond, waitTimeoutMs, ratePerMinute, enabled } = hook;
  return { name, mapping, respond, waitTimeoutMs, ratePerMinute, enabled };
}

/** One thing wrong with a bundle, at a path such as `chains[0].to`. */
export interface BundleProblem {
  path: string;
  message: string;
}

/** A path as the problems name it: `agents[2].versions[0].spec.steps.1`. */
export function bundlePath(parts: readonly PropertyKey[]): string {
  let path = '';
  for (const part of parts) {
    if (typeof part === 'number') path += `[${part}]`;
    else path += path ? `.${String(part)}` : String(part);
  }
  return path || '(bundle)';
}

/**
 * Whether the file is a workspace bundle this Orca can read at all: checked before its content,
 * so that a newer file is told to upgrade rather than shown a list of unknown fields.
 */
export function bundleFormatProblem(raw: unknown): string | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return 'The body is not a workspace bundle: send the JSON file that GET /api/workspaces/:ws/export wrote.';
  }
  const { format, formatVersion } = raw as { format?: unknown; formatVersion?: unknown };
  if (format !== workspaceBundleFormat) {
    return `format is ${JSON.stringify(format ?? null)}, but a workspace bundle has format "${workspaceBundleFormat}". Send the file that GET /api/workspaces/:ws/export wrote (a single agent's file is imported with POST /api/workspaces/:ws/agents/import).`;
  }
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    return `formatVersion must be a whole number; this Orca reads workspace bundles of format versions 1 to ${workspaceBundleFormatVersion}.`;
  }
  if (formatVersion > workspaceBundleFormatVersion) {
    return `This bundle is of format version ${formatVersion}, made by a newer Orca; this Orca reads format versions 1 to ${workspaceBundleFormatVersion}. Upgrade this Orca, then import the file again.`;
  }
  return undefined;
}

/** The version an agent uses: the one named, else the last. */
export function currentVersionOf(agent: BundleAgent): number {
  return agent.currentVersion ?? agent.versions.length;
}

const lower = (value: string) => value.trim().toLowerCase();

function duplicates<T>(items: readonly T[], keyOf: (item: T) => string, at: (index: number) => string) {
  const seen = new Map<string, number>();
  const problems: BundleProblem[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else problems.push({ path: at(index), message: `repeats ${at(first)}; each must be different` });
  });
  return problems;
}

/**
 * What in a well-formed bundle does not fit together: names referring to nothing, repeated
 * names, version lists with gaps, chains that loop. Every problem, not the first.
 */
export function bundleReferenceProblems(bundle: WorkspaceBundle): BundleProblem[] {
  const problems: BundleProblem[] = [];
  const workroomNames = new Set(bundle.workrooms.map((room) => lower(room.name)));
  const agentNames = new Set(bundle.agents.map((each) => lower(each.name)));
  const needAgent = (agentName: string, path: string) => {
    if (!agentNames.has(lower(agentName))) {
      problems.push({ path, message: `names the agent "${agentName}", which is not in the bundle` });
    }
  };

  problems.push(
    ...duplicates(
      bundle.workrooms,
      (room) => lower(room.name),
      (index) => `workrooms[${index}].name`,
    ),
  );
  problems.push(
    ...duplicates(
      bundle.agents,
      (each) => lower(each.name),
      (index) => `agents[${index}].name`,
    ),
  );
  bundle.agents.forEach((each, index) => {
    const at = `agents[${index}]`;
    if (each.workroom !== null && !workroomNames.has(lower(each.workroom))) {
      problems.push({
        path: `${at}.workroom`,
        message: `names the workroom "${each.workroom}", which is not in the bundle's workrooms`,
      });
    }
    each.versions.forEach((version, position) => {
      if (version.version !== position + 1) {
        problems.push({
          path: `${at}.versions[${position}].version`,
          message: `is ${version.version} but should be ${position + 1}: versions are listed oldest first, numbered from 1 without gaps`,
        });
      }
    });
    const currentNumber = currentVersionOf(each);
    const current = each.versions.find((version) => version.version === currentNumber);
    if (!current) {
      problems.push({
        path: `${at}.currentVersion`,
        message: `is ${currentNumber}, which is not one of the agent's versions`,
      });
    }
    const currentName = (current?.spec as { name?: unknown } | undefined)?.name;
    if (typeof currentName === 'string' && lower(currentName) !== lower(each.name)) {
      problems.push({
        path: `${at}.name`,
        message: `is "${each.name}" but the current version's spec is named "${currentName}"; they must agree`,
      });
    }
    problems.push(
      ...duplicates(
        each.memory,
        (entry) => entry.key,
        (position) => `${at}.memory[${position}].key`,
      ),
    );
  });
  for (const [index, item] of bundle.schedules.entries()) needAgent(item.agent, `schedules[${index}].agent`);
  problems.push(
    ...duplicates(
      bundle.schedules,
      (item) => lower(item.agent),
      (index) => `schedules[${index}].agent`,
    ),
  );
  for (const [index, item] of bundle.oneOffRuns.entries())
    needAgent(item.agent, `oneOffRuns[${index}].agent`);
  for (const [index, item] of bundle.hooks.entries()) needAgent(item.agent, `hooks[${index}].agent`);
  bundle.chains.forEach((item, index) => {
    needAgent(item.from, `chains[${index}].from`);
    needAgent(item.to, `chains[${index}].to`);
  });
  problems.push(
    ...duplicates(
      bundle.chains,
      (item) => `${lower(item.from)}\u0000${lower(item.to)}`,
      (index) => `chains[${index}]`,
    ),
  );
  const edges: { fromAgentId: string; toAgentId: string }[] = [];
  bundle.chains.forEach((item, index) => {
    const edge = { fromAgentId: lower(item.from), toAgentId: lower(item.to) };
    const loop = cycleClosedBy(edges, edge);
    if (loop) {
      problems.push({
        path: `chains[${index}]`,
        message: `closes a loop of chains (${loop.join(' → ')}), which would start runs forever`,
      });
    } else edges.push(edge);
  });
  problems.push(
    ...duplicates(
      bundle.context,
      (entry) => entry.key,
      (index) => `context[${index}].key`,
    ),
  );
  problems.push(
    ...duplicates(
      bundle.connections,
      (item) => `${lower(item.service)}\u0000${lower(item.label)}`,
      (index) => `connections[${index}]`,
    ),
  );
  return problems;
}
