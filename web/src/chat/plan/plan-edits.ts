// The fields of a plan a user may change before approving (names, goals, the addresses and other
// plain values in steps, a schedule's words, cron and time zone, a chain's mapping, an account's
// label and hosts), and the operations with those changes made, for approve-with-operations.
import { type PlanOperation, type SpecRecord, stepsOf } from './spec-shape.ts';

export interface EditableField {
  /** Unique in the plan: the operation's index, then where in it. */
  key: string;
  operation: number;
  label: string;
  value: string;
  multiline?: boolean;
  /** Shown under the field. */
  hint?: string;
}

/** Plain string values of a step's inputs by path (templates are wiring, not settings). */
function stepStrings(value: unknown, path: string[], into: { path: string[]; value: string }[]) {
  if (typeof value === 'string') {
    if (!value.includes('{{')) into.push({ path, value });
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) stepStrings(inner, [...path, key], into);
  }
  return into;
}

function specFields(index: number, spec: SpecRecord): EditableField[] {
  const fields: EditableField[] = [
    { key: `${index}:name`, operation: index, label: 'Agent name', value: spec.name ?? '' },
    { key: `${index}:goal`, operation: index, label: 'Goal', value: spec.goal ?? '', multiline: true },
  ];
  for (const [stepIndex, step] of stepsOf(spec).entries()) {
    for (const entry of stepStrings(step.with ?? {}, [], [])) {
      fields.push({
        key: `${index}:step:${stepIndex}:${entry.path.join('.')}`,
        operation: index,
        label: `Step ${stepIndex + 1} (${step.id}): ${entry.path.join('.')}`,
        value: entry.value,
      });
    }
  }
  return fields;
}

function operationFields(operation: PlanOperation, index: number): EditableField[] {
  switch (operation.type) {
    case 'createAgent':
    case 'updateAgent':
      return specFields(index, operation.spec as SpecRecord);
    case 'scheduleAgent':
      return [
        {
          key: `${index}:schedule.text`,
          operation: index,
          label: 'When, in words',
          value: operation.text ?? '',
          hint: 'Such as “every weekday at 8am” or “every Monday at 9:30”.',
        },
        {
          key: `${index}:schedule.cron`,
          operation: index,
          label: 'Or a cron expression',
          value: operation.cron ?? '',
          hint: 'Five fields, such as 0 8 * * 1-5. Used instead of the words when given.',
        },
        {
          key: `${index}:schedule.timezone`,
          operation: index,
          label: 'Time zone',
          value: operation.timezone ?? '',
          hint: 'An IANA time zone such as Europe/Paris; yours (or UTC) when left empty.',
        },
      ];
    case 'runAgent':
      return Object.entries(operation.input ?? {})
        .filter(([, value]) => typeof value === 'string')
        .map(([name, value]) => ({
          key: `${index}:input:${name}`,
          operation: index,
          label: `Test run input: ${name}`,
          value: value as string,
        }));
    case 'chainAgents':
      return [
        {
          key: `${index}:chain.mapping`,
          operation: index,
          label: 'Input of the second agent (JSONata over the first run)',
          value: operation.mapping ?? '',
          multiline: true,
          hint: 'Left empty, the second agent gets the first run’s output.',
        },
      ];
    case 'connectAccount': {
      const hosts = operation.settings?.allowedHosts;
      return [
        {
          key: `${index}:connect.label`,
          operation: index,
          label: 'Account label',
          value: operation.label ?? '',
        },
        {
          key: `${index}:connect.allowedHosts`,
          operation: index,
          label: 'Hosts the credential may be sent to',
          value: Array.isArray(hosts) ? hosts.join(', ') : '',
          hint: 'Separated by commas, such as api.example.com, *.example.com.',
        },
      ];
    }
    case 'deleteAgent':
    case 'pauseAgent':
    case 'resumeAgent':
    case 'unscheduleAgent':
    case 'unchainAgents':
      return [];
  }
}

export function editableFields(operations: readonly PlanOperation[]): EditableField[] {
  return operations.flatMap(operationFields);
}

function setPath(target: Record<string, unknown>, path: string[], value: string) {
  let cursor = target;
  for (const key of path.slice(0, -1)) {
    const inner = cursor[key];
    if (!inner || typeof inner !== 'object') return;
    cursor = inner as Record<string, unknown>;
  }
  const last = path.at(-1);
  if (last !== undefined) cursor[last] = value;
}

/** The operations with the changed values made; untouched fields stay exactly as proposed. */
export function applyEdits(
  operations: readonly PlanOperation[],
  values: Readonly<Record<string, string>>,
): PlanOperation[] {
  const edited = structuredClone(operations) as PlanOperation[];
  const fields = editableFields(operations);
  const changed = (key: string) => {
    const field = fields.find((candidate) => candidate.key === key);
    const value = values[key];
    return field && value !== undefined && value !== field.value ? value : undefined;
  };
  const renames = new Map<string, string>();

  for (const [index, operation] of edited.entries()) {
    switch (operation.type) {
      case 'createAgent':
      case 'updateAgent': {
        const spec = operation.spec as SpecRecord;
        const name = changed(`${index}:name`);
        if (name !== undefined) {
          if (operation.type === 'createAgent' && spec.name) renames.set(spec.name, name.trim());
          spec.name = name.trim();
        }
        const goal = changed(`${index}:goal`);
        if (goal !== undefined) spec.goal = goal;
        for (const [stepIndex, step] of stepsOf(spec).entries()) {
          const prefix = `${index}:step:${stepIndex}:`;
          for (const key of Object.keys(values)) {
            const value = key.startsWith(prefix) ? changed(key) : undefined;
            if (value !== undefined && step.with)
              setPath(step.with, key.slice(prefix.length).split('.'), value);
          }
        }
        break;
      }
      case 'scheduleAgent': {
        const cron = changed(`${index}:schedule.cron`)?.trim();
        const text = changed(`${index}:schedule.text`)?.trim();
        const timezone = changed(`${index}:schedule.timezone`)?.trim();
        // The words and the cron must agree, and the preview was of the old values: keep only
        // what the user gave, and let the server work out the rest when approving.
        // Words or a cron make it a schedule: a one-off time no longer applies.
        if (cron) {
          operation.cron = cron;
          delete operation.text;
          delete operation.runAt;
        } else if (text) {
          operation.text = text;
          delete operation.cron;
          delete operation.runAt;
        }
        if (cron || text || timezone !== undefined) {
          delete operation.description;
          delete operation.nextRuns;
        }
        if (timezone !== undefined) {
          if (timezone) operation.timezone = timezone;
          else delete operation.timezone;
        }
        break;
      }
      case 'runAgent':
        for (const name of Object.keys(operation.input ?? {})) {
          const value = changed(`${index}:input:${name}`);
          if (value !== undefined) operation.input[name] = value;
        }
        break;
      case 'chainAgents': {
        const mapping = changed(`${index}:chain.mapping`);
        if (mapping !== undefined) {
          if (mapping.trim()) operation.mapping = mapping.trim();
          else delete operation.mapping;
        }
        break;
      }
      case 'connectAccount': {
        const label = changed(`${index}:connect.label`);
        if (label !== undefined) operation.label = label.trim();
        const hosts = changed(`${index}:connect.allowedHosts`);
        if (hosts !== undefined)
          operation.settings = {
            ...operation.settings,
            allowedHosts: hosts
              .split(',')
              .map((host) => host.trim())
              .filter(Boolean),
          };
        break;
      }
      default:
        break;
    }
  }
  // Later operations find an agent this plan creates by its name: they follow a rename.
  if (renames.size > 0) {
    for (const operation of edited) {
      const targets =
        operation.type === 'chainAgents'
          ? [operation.from, operation.to]
          : operation.type === 'runAgent' || operation.type === 'scheduleAgent'
            ? [operation]
            : [];
      for (const target of targets) {
        const renamed = !target.agentId ? renames.get(target.agentName) : undefined;
        if (renamed) target.agentName = renamed;
      }
    }
  }
  return edited;
}
