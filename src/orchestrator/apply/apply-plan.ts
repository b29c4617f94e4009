// Applying a plan: every operation in the caller's one transaction, so a plan changes all it
// says or nothing; and the undo that puts the workspace back, written alongside.
import { isDeepStrictEqual } from 'node:util';
import type { AgentOrigin } from '../../domain/agent-origin.ts';
import { type AgentSpec, describeSpecIssues, validateAgentSpec } from '../../domain/agent-spec.ts';
import { conflict, ruleViolated } from '../../domain/errors.ts';
import type { OperationResult, PlanOperation } from '../../domain/plan.ts';
import type { RunQueue } from '../../queue/run-queue.ts';
import { insufficientCredits } from '../../runtime/credit-admission.ts';
import { queueFull, startRun } from '../../runtime/run-starter.ts';
import {
  type AgentSnapshot,
  deleteAgent,
  findAgent,
  findAgentForUpdate,
  insertAgent,
  insertAgentVersion,
  restoreAgentSnapshot,
  setAgentOrigin,
  setAgentStatus,
  snapshotAgent,
} from '../../store/agent-repository.ts';
import { type AuditActor, recordAudit } from '../../store/audit-repository.ts';
import { isUniqueViolation, type WorkspaceScope } from '../../store/store.ts';
import type { Vault } from '../../vault/vault.ts';
import { applyConnect, type ConnectUndoStep, undoConnect } from './apply-connect-operation.ts';
import {
  applyChain,
  applySchedule,
  applyUnchain,
  applyUnschedule,
  type TriggerContext,
  type TriggerUndoStep,
  triggerRestoreSteps,
  undoTriggerStep,
} from './apply-trigger-operations.ts';

export type UndoStep =
  | { kind: 'deleteCreated'; agentId: string; version: number }
  | { kind: 'restoreSpec'; agentId: string; appliedVersion: number; spec: AgentSpec }
  | { kind: 'recreate'; snapshot: AgentSnapshot }
  | { kind: 'setStatus'; agentId: string; status: 'active' | 'paused' }
  | { kind: 'restoreOrigin'; agentId: string; origin: AgentOrigin | null }
  | TriggerUndoStep
  | ConnectUndoStep;

export type { OperationResult };

export interface ApplyOptions {
  /** The approving user's time zone, for a schedule that names none. */
  userTimezone?: string | null;
  /** Seals the empty secret of an account the plan connects. */
  vault: Vault;
  /** Where the test runs the plan starts are queued, in the plan's transaction. */
  runQueue: RunQueue;
}

export interface AppliedPlan {
  results: OperationResult[];
  undo: UndoStep[];
}

function replan(message: string): never {
  throw conflict(`${message} Send your request again for a new plan.`);
}

function validSpec(raw: unknown, index: number): AgentSpec {
  const validation = validateAgentSpec(raw);
  if (!validation.success) {
    throw ruleViolated(
      `Operation ${index + 1} has an agent spec that does not validate: ${describeSpecIssues(validation.issues)}.`,
      validation.issues,
    );
  }
  return validation.spec;
}

async function lockedAgent(scope: WorkspaceScope, operation: { agentId: string; agentName: string }) {
  const locked = await findAgentForUpdate(scope, operation.agentId);
  if (!locked) replan(`The agent "${operation.agentName}" no longer exists.`);
  return locked;
}

export async function applyOperations(
  scope: WorkspaceScope,
  actor: AuditActor,
  operations: PlanOperation[],
  planId: string,
  options: ApplyOptions,
): Promise<AppliedPlan> {
  const results: OperationResult[] = [];
  const undo: UndoStep[] = [];
  const triggers: TriggerContext = { scope, actor, planId, userTimezone: options.userTimezone, undo };
  const audit = (action: string, agentId: string, details: Record<string, unknown>) =>
    recordAudit(scope, actor, {
      action,
      targetType: 'agent',
      targetId: agentId,
      details: { ...details, planId },
    });

  for (const [index, operation] of operations.entries()) {
    switch (operation.type) {
      case 'createAgent': {
        const spec = validSpec(operation.spec, index);
        try {
          const created = await insertAgent(scope, spec, actor.userId, `plan ${planId}`, operation.origin);
          await audit('agent.created', created.id, { name: spec.name });
          if (operation.origin)
            await audit('agent.promotion_applied', created.id, { origin: operation.origin });
          undo.push({ kind: 'deleteCreated', agentId: created.id, version: created.version });
          results.push({
            index,
            type: operation.type,
            agentId: created.id,
            agentName: created.name,
            version: 1,
          });
        } catch (error) {
          if (isUniqueViolation(error))
            throw conflict(`An agent named "${spec.name}" already exists. Choose another name.`);
          throw error;
        }
        break;
      }
      case 'updateAgent': {
        const locked = await lockedAgent(scope, operation);
        if (locked.version !== operation.expectedVersion) {
          replan(
            `"${locked.name}" changed since this plan was made (version ${locked.version}, not ${operation.expectedVersion}).`,
          );
        }
        const spec = validSpec(operation.spec, index);
        const current = await findAgent(scope, locked.id);
        // A promotion records where this version came from, even when the spec is already the same.
        if (current && operation.origin && !isDeepStrictEqual(current.origin, operation.origin)) {
          await setAgentOrigin(scope, locked.id, operation.origin);
          undo.push({ kind: 'restoreOrigin', agentId: locked.id, origin: current.origin });
        }
        if (operation.origin) await audit('agent.promotion_applied', locked.id, { origin: operation.origin });
        if (!current || isDeepStrictEqual(current.spec, spec)) {
          results.push({
            index,
            type: operation.type,
            agentId: locked.id,
            agentName: locked.name,
            version: locked.version,
            note: 'no change',
          });
          break;
        }
        const version = locked.version + 1;
        try {
          await insertAgentVersion(scope, locked.id, version, spec, actor.userId, `plan ${planId}`);
        } catch (error) {
          if (isUniqueViolation(error))
            throw conflict(`An agent named "${spec.name}" already exists. Choose another name.`);
          throw error;
        }
        await audit('agent.updated', locked.id, { name: spec.name, from: locked.version, to: version });
        undo.push({ kind: 'restoreSpec', agentId: locked.id, appliedVersion: version, spec: current.spec });
        results.push({ index, type: operation.type, agentId: locked.id, agentName: spec.name, version });
        break;
      }
      case 'deleteAgent': {
        const locked = await lockedAgent(scope, operation);
        if (locked.version !== operation.expectedVersion) {
          replan(
            `"${locked.name}" changed since this plan was made (version ${locked.version}, not ${operation.expectedVersion}).`,
          );
        }
        const snapshot = await snapshotAgent(scope, locked.id);
        if (!snapshot) replan(`The agent "${operation.agentName}" no longer exists.`);
        // Its schedule and chains go with it; undo brings them back after the agent.
        const triggers = await triggerRestoreSteps(scope, locked);
        await deleteAgent(scope, locked.id);
        await audit('agent.deleted', locked.id, { name: locked.name });
        undo.push(...triggers, { kind: 'recreate', snapshot });
        results.push({ index, type: operation.type, agentId: locked.id, agentName: locked.name });
        break;
      }
      case 'pauseAgent':
      case 'resumeAgent': {
        const locked = await lockedAgent(scope, operation);
        const status = operation.type === 'pauseAgent' ? 'paused' : 'active';
        if (locked.status !== status) {
          await setAgentStatus(scope, locked.id, status);
          await audit(status === 'paused' ? 'agent.paused' : 'agent.resumed', locked.id, {
            name: locked.name,
          });
          undo.push({ kind: 'setStatus', agentId: locked.id, status: locked.status });
        }
        results.push({ index, type: operation.type, agentId: locked.id, agentName: locked.name });
        break;
      }
      case 'runAgent': {
        // An agent this plan created is found by its name.
        const start = await startRun(scope, options.runQueue, {
          agent: operation.agentId ? { id: operation.agentId } : { name: operation.agentName },
          input: operation.input,
          origin: { trigger: 'orchestrator', createdBy: actor.userId },
        });
        switch (start.outcome) {
          case 'agent_missing':
            return replan(`The agent "${operation.agentName}" to run does not exist.`);
          case 'agent_paused':
            throw conflict(`The agent "${start.agent.name}" is paused; resume it before running it.`);
          case 'invalid_input':
            throw ruleViolated(
              `Operation ${index + 1} gives "${start.agent.name}" an input that does not match its input schema: ${describeSpecIssues(start.issues)}.`,
              start.issues,
            );
          case 'insufficient_credits':
            throw insufficientCredits(start.shortfall);
          case 'queue_full':
            throw queueFull(start.backlog);
          case 'started':
            results.push({
              index,
              type: operation.type,
              agentId: start.agent.id,
              agentName: start.agent.name,
              runId: start.run.id,
            });
        }
        break;
      }
      case 'scheduleAgent':
        results.push({ index, type: operation.type, ...(await applySchedule(triggers, operation)) });
        break;
      case 'unscheduleAgent':
        results.push({ index, type: operation.type, ...(await applyUnschedule(triggers, operation)) });
        break;
      case 'chainAgents':
        results.push({ index, type: operation.type, ...(await applyChain(triggers, operation)) });
        break;
      case 'unchainAgents':
        results.push({ index, type: operation.type, ...(await applyUnchain(triggers, operation)) });
        break;
      case 'connectAccount': {
        const connecting = { scope, actor, planId, vault: options.vault, undo };
        results.push({ index, type: operation.type, ...(await applyConnect(connecting, operation, index)) });
        break;
      }
    }
  }
  return { results, undo };
}

/** Puts back what a plan changed, newest change first; refuses when the agents moved on since. */
export async function undoOperations(
  scope: WorkspaceScope,
  actor: AuditActor,
  undo: UndoStep[],
  planId: string,
  vault: Vault,
) {
  for (const step of [...undo].reverse()) {
    switch (step.kind) {
      case 'deleteCreated': {
        const locked = await findAgentForUpdate(scope, step.agentId);
        if (!locked) break;
        if (locked.version !== step.version) {
          throw conflict(
            `"${locked.name}" was changed after the plan created it; undoing would lose those changes.`,
          );
        }
        await deleteAgent(scope, step.agentId);
        await recordAudit(scope, actor, {
          action: 'agent.deleted',
          targetType: 'agent',
          targetId: step.agentId,
          details: { planId, undo: true },
        });
        break;
      }
      case 'restoreSpec': {
        const locked = await findAgentForUpdate(scope, step.agentId);
        if (!locked)
          throw conflict(
            'An agent this plan changed has been deleted since; there is nothing to undo it on.',
          );
        if (locked.version !== step.appliedVersion) {
          throw conflict(
            `"${locked.name}" was changed again after the plan; undoing would lose those changes.`,
          );
        }
        await insertAgentVersion(
          scope,
          step.agentId,
          locked.version + 1,
          step.spec,
          actor.userId,
          `undo of plan ${planId}`,
        );
        await recordAudit(scope, actor, {
          action: 'agent.updated',
          targetType: 'agent',
          targetId: step.agentId,
          details: { planId, undo: true },
        });
        break;
      }
      case 'recreate': {
        try {
          await restoreAgentSnapshot(scope, step.snapshot);
        } catch (error) {
          if (isUniqueViolation(error)) {
            throw conflict(
              `Another agent is now named "${step.snapshot.agent.name}"; rename it before undoing.`,
            );
          }
          throw error;
        }
        await recordAudit(scope, actor, {
          action: 'agent.restored',
          targetType: 'agent',
          targetId: step.snapshot.agent.id,
          details: { planId, undo: true },
        });
        break;
      }
      case 'setStatus': {
        const locked = await findAgentForUpdate(scope, step.agentId);
        if (locked) await setAgentStatus(scope, step.agentId, step.status);
        break;
      }
      case 'restoreOrigin': {
        const locked = await findAgentForUpdate(scope, step.agentId);
        if (locked) await setAgentOrigin(scope, step.agentId, step.origin);
        break;
      }
      case 'restoreSchedule':
      case 'restoreChain':
      case 'restoreHook':
      case 'removeOneOffRun':
        await undoTriggerStep(scope, actor, step, planId);
        break;
      case 'deleteConnection':
        await undoConnect(scope, actor, vault, step, planId);
        break;
      default: {
        // Every kind of undo step is handled above; a new kind that is not fails to compile here.
        const unhandled: never = step;
        throw new Error(`no undo for ${JSON.stringify(unhandled)}`);
      }
    }
  }
}
