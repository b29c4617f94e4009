// The Orchestrator: a conversation per workspace and person; each message goes to the planner,
// whose plan is stored for review. A conversation and its plans are their starter's alone:
// anyone else, admins included, finds none of them (PRODUCT: "the user's" chat and approval). Approving applies it in one transaction (once, however often
// it is approved), rejecting drops it, and undo puts back what it changed.
import { conflict, notFound, OrcaError, ruleViolated } from '../domain/errors.ts';
import { operationSchema, type PlanOperation, type PlanStatus } from '../domain/plan.ts';
import type { RunQueue } from '../queue/run-queue.ts';
import { listAgents } from '../store/agent-repository.ts';
import type { AuditActor } from '../store/audit-repository.ts';
import {
  appendMessage,
  findConversation,
  insertConversation,
  listConversations,
  listMessages,
  saveConversationState,
} from '../store/conversation-repository.ts';
import { healedSelectorsPerAgent } from '../store/healed-selector-repository.ts';
import type { KeysetPage } from '../store/keyset.ts';
import { learningProfile } from '../store/learned-item-repository.ts';
import {
  findLatestPlan,
  findOpenPlan,
  findPlan,
  findPlanThatStartedRun,
  insertPlan,
  listOwnPlans,
  type PlanRecord,
  updatePlan,
} from '../store/plan-repository.ts';
import {
  agentRunStats,
  findRun,
  type RunRecord,
  recentRunsPerAgent,
  stepFiguresPerAgent,
} from '../store/run-repository.ts';
import type { Store } from '../store/store.ts';
import {
  dismissedSuggestions,
  dismissSuggestion,
  markSuggestionsSeen,
  seenSuggestions,
} from '../store/suggestion-repository.ts';
import { getUserMemory } from '../store/user-memory-repository.ts';
import type { Vault } from '../vault/vault.ts';
import { advise, type Suggestion } from './advice/advisor.ts';
import { applyOperations, type UndoStep, undoOperations } from './apply/apply-plan.ts';
import { nextConversationState, readConversationState } from './conversation-state.ts';
import { learnedNotificationPreference, learnedTimezone } from './learning/learned-memory.ts';
import { learnedOffer } from './learning/learned-offer.ts';
import { type LearningLog, planObservations, recordLearning } from './learning/learning-recorder.ts';
import { notificationPreference } from './notification-preference.ts';
import { describeOutput, quotedRunData } from './output-words.ts';
import { checkedAnswer, checkPlan, describePlanProblems } from './plan-checks.ts';
import type { Planner } from './planner.ts';
import { comparisonWithLastRun } from './run-comparison.ts';
import { workspaceSnapshot } from './workspace-snapshot.ts';

export interface OrchestratorDependencies {
  store: Store;
  runQueue: RunQueue;
  planner: Planner;
  /** Seals the (empty) secret of an account a plan connects. */
  vault: Vault;
  /** The configured LLM, for advice on cheaper models. */
  llm?: { provider: string; modelName: string };
  /** Newer versions of promoted agents, offered per person (src/promote/promotion-updates.ts). */
  promotionUpdates?: {
    offers(workspaceId: string, userId: string): Promise<Suggestion[]>;
    accept(workspaceId: string, suggestion: Suggestion, userId: string): Promise<PlanRecord>;
  };
  /** Where a failure to record what the person built (user memory's learning) is told. */
  logger?: LearningLog;
}

export interface MessageRequest {
  workspaceId: string;
  user: { id: string; email: string };
  text: string;
  conversationId?: string;
}

/** How many conversations the list shows: a chat history, not an archive. */

function statusOf(plan: { questions: unknown[]; operations: unknown[] }): PlanStatus {
  return plan.questions.length > 0 ? 'needs_answers' : 'proposed';
}

export class Orchestrator {
  readonly #dependencies: OrchestratorDependencies;

  constructor(dependencies: OrchestratorDependencies) {
    this.#dependencies = dependencies;
  }

  async message(
    request: MessageRequest,
    streaming: { onReplyDelta?(delta: string, restart: boolean): void; signal?: AbortSignal } = {},
  ) {
    const { store, planner } = this.#dependencies;
    const { memory, learned } = await store.asUser(request.user.id, async (scope) => ({
      memory: await getUserMemory(scope),
      learned: await learningProfile(scope),
    }));
    // Read what the planner needs, then let go of the database while it thinks.
    const context = await store.inWorkspace(request.workspaceId, async (scope) => {
      const conversation = request.conversationId
        ? await findConversation(scope, request.conversationId, request.user.id)
        : await insertConversation(scope, request.user.id, request.text);
      if (!conversation) throw notFound('This conversation');
      const open = await findOpenPlan(scope, conversation.id);
      const latest = request.conversationId ? await findLatestPlan(scope, conversation.id) : undefined;
      const draft = open?.status === 'needs_answers' ? (open.draft ?? undefined) : undefined;
      const history = planner.needsRunHistory?.(request.text, draft) ?? true;
      const snapshot = await workspaceSnapshot(scope, memory?.timezone ?? undefined, { history });
      const state = readConversationState(conversation.state);
      // "It" is the agent the conversation was last about, by a plan, an answer or the user.
      const lastAgentName = state.subject ?? (latest && subjectOf(latest.operations));
      return { conversation, open, snapshot, state, lastAgentName };
    });
    const pendingPlan =
      context.open?.status === 'proposed'
        ? {
            summary: context.open.summary,
            questions: [],
            operations: context.open.operations,
          }
        : undefined;
    const planned = await planner.plan({
      text: request.text,
      snapshot: context.snapshot,
      draft: context.open?.status === 'needs_answers' ? (context.open.draft ?? undefined) : undefined,
      userEmail: request.user.email,
      languageModel:
        this.#dependencies.llm && `${this.#dependencies.llm.provider}:${this.#dependencies.llm.modelName}`,
      // What the person set wins; a channel learned from what they built fills the gap.
      notificationPreference:
        notificationPreference(memory?.preferences, request.user.email) ??
        learnedNotificationPreference(learned.items, request.user.email),
      lastAgentName: context.lastAgentName,
      conversation: { ...context.state, ...(pendingPlan ? { pendingPlan } : {}) },
      onReplyDelta: streaming.onReplyDelta,
      signal: streaming.signal,
      workspace: { read: (work) => store.inWorkspace(request.workspaceId, work) },
    });
    // Stopped while the planner thought: nothing of this message is kept, as the person asked.
    streaming.signal?.throwIfAborted();
    // Whichever planner made it, a plan that fails a shared check becomes a question.
    const answer = checkedAnswer(planned, context.snapshot);

    return store.inWorkspace(request.workspaceId, async (scope) => {
      const conversationId = context.conversation.id;
      await appendMessage(scope, conversationId, { role: 'user', text: request.text });
      // A new message answers the open plan or replaces it: either way that plan is done with.
      if (context.open && answer.plan) await updatePlan(scope, context.open.id, { status: 'superseded' });
      let plan: PlanRecord | undefined;
      if (answer.plan && (answer.plan.operations.length > 0 || answer.plan.questions.length > 0)) {
        const { draft, ...change } = answer.plan;
        plan = await insertPlan(scope, {
          conversationId,
          status: statusOf(change),
          summary: change.summary,
          questions: change.questions,
          operations: change.operations,
          draft: change.questions.length > 0 ? (draft ?? null) : null,
          createdBy: request.user.id,
        });
      }
      await appendMessage(scope, conversationId, {
        role: 'assistant',
        text: answer.reply,
        planId: plan?.id ?? null,
      });
      const state = nextConversationState(context.state, {
        text: request.text,
        answer,
        snapshot: context.snapshot,
      });
      await saveConversationState(scope, conversationId, state as unknown as Record<string, unknown>);
      return { conversationId, reply: answer.reply, plan };
    });
  }

  /** The member's own conversations, newest first. */
  async conversations(workspaceId: string, userId: string, page: KeysetPage) {
    return this.#dependencies.store.inWorkspace(workspaceId, (scope) =>
      listConversations(scope, userId, page),
    );
  }

  async conversation(workspaceId: string, conversationId: string, userId: string) {
    return this.#dependencies.store.inWorkspace(workspaceId, async (scope) => {
      const conversation = await findConversation(scope, conversationId, userId);
      if (!conversation) throw notFound('This conversation');
      const messages = await listMessages(scope, conversationId);
      const plans = new Map<string, PlanRecord>();
      for (const message of messages) {
        if (message.planId && !plans.has(message.planId)) {
          const plan = await findPlan(scope, message.planId);
          if (plan) plans.set(plan.id, plan);
        }
      }
      return { conversation, messages, plans };
    });
  }

  /** The plans from `userId`'s own conversations, newest first, a page at a time, optionally of one status. */
  async plans(workspaceId: string, userId: string, status: PlanStatus | undefined, page: KeysetPage) {
    return this.#dependencies.store.inWorkspace(workspaceId, (scope) =>
      listOwnPlans(scope, userId, { status, ...page }),
    );
  }

  async plan(workspaceId: string, planId: string, userId: string) {
    const plan = await this.#dependencies.store.inWorkspace(workspaceId, (scope) =>
      findPlan(scope, planId, { ownedBy: userId }),
    );
    if (!plan) throw notFound('This plan');
    return plan;
  }

  async approve(workspaceId: string, planId: string, actor: AuditActor, editedOperations?: unknown[]) {
    const { plan, appliedNow } = await this.#approve(workspaceId, planId, actor, editedOperations);
    // What was built is learned once it is committed (once, however often it is approved), by
    // the person who approved it.
    if (appliedNow) {
      await recordLearning(
        this.#dependencies.store,
        actor.userId,
        planObservations(plan.operations, plan.undo),
        this.#dependencies.logger,
      );
    }
    return plan;
  }

  async #approve(workspaceId: string, planId: string, actor: AuditActor, editedOperations?: unknown[]) {
    const { store, runQueue } = this.#dependencies;
    // Schedules the plan leaves without a time zone are read in the approving user's.
    const memory = await store.asUser(actor.userId, (scope) => getUserMemory(scope));
    return store.inWorkspace(workspaceId, async (scope) => {
      const plan = await findPlan(scope, planId, { lock: true, ownedBy: actor.userId });
      if (!plan) throw notFound('This plan');
      // Approving twice applies once: the second approval reads the first one's results.
      if (plan.status === 'applied') return { plan, appliedNow: false };
      if (plan.status === 'needs_answers') {
        throw conflict(
          'This plan still has questions. Answer them in the conversation; the answer makes a new plan.',
        );
      }
      if (plan.status !== 'proposed')
        throw conflict(`This plan was ${plan.status}; it can no longer be approved.`);
      const operations = editedOperations === undefined ? plan.operations : parseOperations(editedOperations);
      if (operations.length === 0) throw ruleViolated('A plan needs at least one operation to approve.');
      // An edited plan passes the checks a planner's plan passed: agents exist, names are free,
      // specs validate, accounts exist, schedules read (the workspace may also have changed).
      if (editedOperations !== undefined) {
        const snapshot = await workspaceSnapshot(scope, memory?.timezone ?? undefined, { history: false });
        const problems = describePlanProblems(operations, checkPlan(operations, snapshot));
        if (problems.length > 0)
          throw ruleViolated(
            `The edited plan cannot be applied: ${problems.join('; ')}. Fix it, or approve the plan as proposed.`,
          );
      }
      const applied = await applyOperations(scope, actor, operations, plan.id, {
        userTimezone: memory?.timezone,
        vault: this.#dependencies.vault,
        runQueue,
      });
      const updated = await updatePlan(scope, plan.id, {
        status: 'applied',
        operations,
        undo: applied.undo as unknown as Record<string, unknown>[],
        results: applied.results as unknown as Record<string, unknown>[],
        appliedBy: actor.userId,
        appliedAt: new Date(),
      });
      return { plan: updated, appliedNow: true };
    });
  }

  /**
   * Reports a test run a plan started, in the plan's conversation: the output when it
   * succeeded, the failing step and why when it did not.
   */
  async reportRun(run: {
    workspaceId: string;
    runId: string;
    status: 'succeeded' | 'failed' | 'cancelled';
    /** What started the run, when known: only a plan's runs (`orchestrator`) are reported. */
    trigger?: string;
  }) {
    // Most runs come from hooks, schedules and chains; looking each up among the applied plans
    // would cost a transaction and a scan of the plans' results for nothing.
    if (run.trigger !== undefined && run.trigger !== 'orchestrator') return;
    await this.#dependencies.store.inWorkspace(run.workspaceId, async (scope) => {
      const plan = await findPlanThatStartedRun(scope, run.runId);
      if (!plan?.conversationId) return;
      const finished = await findRun(scope, run.runId);
      const result = (plan.results ?? []).find((entry) => entry.runId === run.runId);
      if (!finished || !result) return;
      // A test after a fix is judged against the run before it: pages read, files downloaded.
      const compared =
        finished.status === 'succeeded' ? await comparisonWithLastRun(scope, finished) : undefined;
      await appendMessage(scope, plan.conversationId, {
        role: 'assistant',
        text: `${describeTestRun(String(result.agentName), finished)}${compared ? ` ${compared}` : ''}`,
        planId: plan.id,
      });
    });
  }

  /** Advice for the workspace, without what its people dismissed; with `userId`, their offers too. */
  async suggestions(workspaceId: string, userId?: string): Promise<Suggestion[]> {
    const offers =
      userId && this.#dependencies.promotionUpdates
        ? await this.#dependencies.promotionUpdates.offers(workspaceId, userId)
        : [];
    return this.#dependencies.store.inWorkspace(workspaceId, async (scope) => {
      const snapshot = await workspaceSnapshot(scope, undefined, { history: false });
      const agents = await listAgents(scope, { limit: 1000 });
      const dismissed = await dismissedSuggestions(scope);
      const all = advise({
        snapshot,
        stats: await agentRunStats(scope),
        recentRuns: await recentRunsPerAgent(scope),
        stepFigures: await stepFiguresPerAgent(scope),
        healedSelectors: await healedSelectorsPerAgent(scope),
        createdAt: new Map(agents.map((agent) => [agent.id, agent.createdAt])),
        now: new Date(),
        llm: this.#dependencies.llm,
      });
      return [...all, ...offers].filter((suggestion) => !dismissed.has(suggestion.id));
    });
  }

  /**
   * The workspace's advice and, first, this person's offer of what they usually build (from
   * their learned memory, when they let Orca learn), without what was dismissed.
   */
  async #suggestionsOf(workspaceId: string, userId: string): Promise<Suggestion[]> {
    const { store } = this.#dependencies;
    const advice = await this.suggestions(workspaceId, userId);
    const profile = await store.asUser(userId, learningProfile);
    if (!profile.learning || profile.items.length === 0 || !profile.email) return advice;
    const email = profile.email;
    const offer = await store.inWorkspace(workspaceId, async (scope) => {
      const snapshot = await workspaceSnapshot(scope, undefined, { history: false });
      const made = learnedOffer({
        items: profile.items,
        userId,
        userEmail: email,
        snapshot,
        timezone: profile.timezone ?? learnedTimezone(profile.items),
      });
      return made && !(await dismissedSuggestions(scope)).has(made.id) ? made : undefined;
    });
    return offer ? [offer, ...advice] : advice;
  }

  /**
   * Advice for the workspace as this person sees it: each suggestion says whether it is new to
   * them, so the chat raises it once ("Since you were last here") and not on every visit.
   */
  async suggestionsFor(workspaceId: string, userId: string): Promise<(Suggestion & { new: boolean })[]> {
    const suggestions = await this.#suggestionsOf(workspaceId, userId);
    const seen = await this.#dependencies.store.inWorkspace(workspaceId, (scope) =>
      seenSuggestions(
        scope,
        userId,
        suggestions.map((suggestion) => suggestion.id),
      ),
    );
    return suggestions.map((suggestion) => ({ ...suggestion, new: !seen.has(suggestion.id) }));
  }

  /**
   * Notes that this person has been shown these suggestions. Ids of advice that no longer holds
   * (its runs moved on between showing and noting) are skipped, not refused.
   */
  async markSuggestionsSeen(workspaceId: string, suggestionIds: readonly string[], userId: string) {
    const current = new Set(
      (await this.#suggestionsOf(workspaceId, userId)).map((suggestion) => suggestion.id),
    );
    const shown = [...new Set(suggestionIds)].filter((id) => current.has(id));
    await this.#dependencies.store.inWorkspace(workspaceId, (scope) =>
      markSuggestionsSeen(scope, userId, shown),
    );
    return shown;
  }

  /** Turns a suggestion into a plan to review, in a conversation of its own. */
  async acceptSuggestion(workspaceId: string, suggestionId: string, userId: string) {
    const suggestion = (await this.#suggestionsOf(workspaceId, userId)).find(
      (candidate) => candidate.id === suggestionId,
    );
    if (!suggestion) throw notFound('This suggestion');
    if (suggestion.kind === 'promotion_update' && this.#dependencies.promotionUpdates)
      return this.#dependencies.promotionUpdates.accept(workspaceId, suggestion, userId);
    return this.#dependencies.store.inWorkspace(workspaceId, async (scope) => {
      const conversation = await insertConversation(scope, userId, `Suggestion: ${suggestion.plan.summary}`);
      // An offer of what the person usually builds asks first (which page); the answers, in
      // this conversation, complete its draft.
      const plan = await insertPlan(scope, {
        conversationId: conversation.id,
        status: statusOf(suggestion.plan),
        summary: suggestion.plan.summary,
        questions: suggestion.plan.questions,
        operations: suggestion.plan.operations,
        draft: suggestion.plan.questions.length > 0 ? (suggestion.draft ?? null) : null,
        createdBy: userId,
      });
      await appendMessage(scope, conversation.id, {
        role: 'assistant',
        text: suggestion.reason,
        planId: plan.id,
      });
      return plan;
    });
  }

  async dismissSuggestion(workspaceId: string, suggestionId: string, userId: string) {
    const suggestion = (await this.#suggestionsOf(workspaceId, userId)).find(
      (candidate) => candidate.id === suggestionId,
    );
    if (!suggestion) throw notFound('This suggestion');
    await this.#dependencies.store.inWorkspace(workspaceId, (scope) =>
      dismissSuggestion(scope, suggestionId, userId),
    );
  }

  async reject(workspaceId: string, planId: string, userId: string) {
    return this.#dependencies.store.inWorkspace(workspaceId, async (scope) => {
      const plan = await findPlan(scope, planId, { lock: true, ownedBy: userId });
      if (!plan) throw notFound('This plan');
      if (plan.status === 'rejected') return plan;
      if (plan.status !== 'proposed' && plan.status !== 'needs_answers') {
        throw conflict(`This plan was ${plan.status}; only a plan waiting for approval can be rejected.`);
      }
      return updatePlan(scope, plan.id, { status: 'rejected' });
    });
  }

  async undo(workspaceId: string, planId: string, actor: AuditActor) {
    return this.#dependencies.store.inWorkspace(workspaceId, async (scope) => {
      const plan = await findPlan(scope, planId, { lock: true, ownedBy: actor.userId });
      if (!plan) throw notFound('This plan');
      if (plan.status === 'undone') return plan;
      if (plan.status !== 'applied')
        throw conflict(`This plan was ${plan.status}; only an applied plan can be undone.`);
      await undoOperations(
        scope,
        actor,
        (plan.undo ?? []) as unknown as UndoStep[],
        plan.id,
        this.#dependencies.vault,
      );
      return updatePlan(scope, plan.id, { status: 'undone', undoneAt: new Date() });
    });
  }
}

/** A test run's outcome in a sentence or two, as the chat shows it. */
export function describeTestRun(agentName: string, run: RunRecord): string {
  if (run.status === 'succeeded') {
    return `The test run of "${agentName}" succeeded. ${describeOutput(run.output)}`;
  }
  if (run.status === 'cancelled') return `The test run of "${agentName}" was cancelled.`;
  const where = run.error?.stepId ? ` at step "${run.error.stepId}"` : '';
  return `The test run of "${agentName}" failed${where}: ${run.error?.message ? quotedRunData(run.error.message) : 'no reason was recorded.'} Ask me "why did ${agentName} fail" for a fix.`;
}

/** The agent a plan is about: the first one it creates or acts on. */
function subjectOf(operations: readonly PlanOperation[]): string | undefined {
  const first = operations.find((operation) => operation.type !== 'connectAccount');
  if (!first) return undefined;
  switch (first.type) {
    case 'createAgent':
      return typeof first.spec.name === 'string' ? first.spec.name : undefined;
    case 'chainAgents':
    case 'unchainAgents':
      return first.from.agentName;
    default:
      return first.agentName;
  }
}

function parseOperations(raw: unknown[]): PlanOperation[] {
  const operations: PlanOperation[] = [];
  for (const [index, item] of raw.entries()) {
    const parsed = operationSchema.safeParse(item);
    if (!parsed.success) {
      const problem = parsed.error.issues[0];
      throw new OrcaError(
        'bad_request',
        `Operation ${index + 1} is not a valid operation: ${problem ? `${problem.path.join('.') || 'it'} ${problem.message}` : 'unknown shape'}.`,
      );
    }
    operations.push(parsed.data);
  }
  return operations;
}
