// Reads a bundle for import: its format first (a newer file is told to upgrade), then its shape,
// then what refers to what, then each part against the rules the API applies when it is made one
// by one (agent specs, schedules, mappings). Every problem is listed with its path, so one
// answer says all that must change, and nothing is created while any remains.
import { type AgentSpec, runInputIssues, validateAgentSpec } from '../domain/agent-spec.ts';
import { OrcaError, ruleViolated } from '../domain/errors.ts';
import {
  type BundleProblem,
  bundleFormatProblem,
  bundlePath,
  bundleReferenceProblems,
  currentVersionOf,
  type WorkspaceBundle,
  workspaceBundleFormatVersion,
  workspaceBundleSchema,
} from '../domain/workspace-bundle.ts';
import { checkMapping } from '../triggers/chain-rules.ts';
import { scheduleSettings } from '../triggers/schedule-settings.ts';
import { checkTimezone } from '../triggers/schedule-times.ts';
import { serviceSchema } from '../vault/connection-rules.ts';

/** A bundle that passed every check, with each agent's current spec validated. */
export interface CheckedBundle {
  bundle: WorkspaceBundle;
  /** Every version's validated spec, by agent index then version position. */
  specs: AgentSpec[][];
}

/** The problems a rule's 422 names, moved under `prefix`. */
function problemsOf(error: unknown, prefix: string): BundleProblem[] {
  if (!(error instanceof OrcaError) || error.code !== 'rule_violated') throw error;
  const details = Array.isArray(error.details)
    ? (error.details as { path?: string; message?: string }[])
    : [];
  if (details.length === 0) return [{ path: prefix, message: error.message }];
  return details.map((detail) => ({
    path: detail.path ? `${prefix}.${detail.path}` : prefix,
    message: detail.message ?? error.message,
  }));
}

function collect(problems: BundleProblem[], prefix: string, check: () => void) {
  try {
    check();
  } catch (error) {
    problems.push(...problemsOf(error, prefix));
  }
}

function refuse(problems: BundleProblem[]): never {
  const shown = problems
    .slice(0, 5)
    .map((problem) => `${problem.path}: ${problem.message}`)
    .join('; ');
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more, in details)` : '';
  throw ruleViolated(
    `The bundle has ${problems.length} problem${problems.length === 1 ? '' : 's'}, so nothing was imported: ${shown}${more}. Fix the file (or export it again) and import it again.`,
    problems,
  );
}

/** The bundle, checked throughout; a 422 listing every problem otherwise. */
export function checkBundle(raw: unknown, now = new Date()): CheckedBundle {
  const formatProblem = bundleFormatProblem(raw);
  if (formatProblem) {
    throw ruleViolated(formatProblem, [
      { path: 'formatVersion', message: formatProblem, readsFormatVersion: workspaceBundleFormatVersion },
    ]);
  }
  const parsed = workspaceBundleSchema.safeParse(raw);
  if (!parsed.success) {
    refuse(parsed.error.issues.map((issue) => ({ path: bundlePath(issue.path), message: issue.message })));
  }
  const bundle = parsed.data;
  const problems = bundleReferenceProblems(bundle);

  const specs = bundle.agents.map((agent, agentIndex) =>
    agent.versions.flatMap((version, position) => {
      const validation = validateAgentSpec(version.spec);
      if (validation.success) return [validation.spec];
      const at = `agents[${agentIndex}].versions[${position}].spec`;
      for (const issue of validation.issues) {
        problems.push({ path: issue.path === '(spec)' ? at : `${at}.${issue.path}`, message: issue.message });
      }
      return [];
    }),
  );
  const currentSpec = new Map<string, AgentSpec>();
  bundle.agents.forEach((agent, agentIndex) => {
    const position = currentVersionOf(agent) - 1;
    const spec =
      specs[agentIndex]?.length === agent.versions.length ? specs[agentIndex]?.[position] : undefined;
    if (spec) currentSpec.set(agent.name.trim().toLowerCase(), spec);
  });
  const specOf = (name: string) => currentSpec.get(name.trim().toLowerCase());

  bundle.schedules.forEach((schedule, index) => {
    const spec = specOf(schedule.agent);
    // Without a valid spec the agent's own problems are listed already.
    if (!spec) return;
    collect(problems, `schedules[${index}]`, () =>
      scheduleSettings(
        {
          cron: schedule.cron,
          timezone: schedule.timezone,
          input: schedule.input,
          enabled: schedule.enabled,
          missed: schedule.missed,
        },
        { spec, now },
      ),
    );
  });
  bundle.oneOffRuns.forEach((run, index) => {
    collect(problems, `oneOffRuns[${index}]`, () => checkTimezone(run.timezone));
    const spec = specOf(run.agent);
    if (!spec) return;
    for (const issue of runInputIssues(spec, run.input)) {
      problems.push({ path: `oneOffRuns[${index}].input.${issue.path}`, message: issue.message });
    }
  });
  bundle.chains.forEach((chain, index) => {
    collect(problems, `chains[${index}]`, () => checkMapping(chain.mapping));
  });
  bundle.hooks.forEach((hook, index) => {
    collect(problems, `hooks[${index}]`, () => checkMapping(hook.mapping));
  });
  bundle.connections.forEach((connection, index) => {
    const service = serviceSchema.safeParse(connection.service);
    if (!service.success) {
      problems.push({
        path: `connections[${index}].service`,
        message: service.error.issues[0]?.message ?? 'is not a service name',
      });
    }
  });
  if (problems.length > 0) refuse(problems);
  return { bundle, specs };
}
