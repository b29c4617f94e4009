// Style memory of an agent: writing samples (pasted, from deliverables, from corrected outputs),
// the profile measured from them, a description the LLM derives, and the user's own edits.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { conflict, notFound, ruleViolated } from '../../domain/errors.ts';
import {
  type StyleField,
  styleDescription,
  styleFields,
  styleLimits,
  styleRules,
  styleSampleText,
  styleWordList,
} from '../../domain/style-memory.ts';
import { llmSettingExamples } from '../../llm/llm-setting.ts';
import { findAgent } from '../../store/agent-repository.ts';
import { recordAudit } from '../../store/audit-repository.ts';
import type { WorkspaceScope } from '../../store/store.ts';
import {
  countStyleSamples,
  deleteStyleSample,
  findStyleProfile,
  insertStyleSample,
  listStyleSamples,
  lockStyleProfile,
  type StyleProfileChanges,
  styleSampleKeyset,
  updateStyleProfile,
} from '../../store/style-repository.ts';
import { deriveStyle } from '../../style/style-derivation.ts';
import { recomputeStyle } from '../../style/style-recompute.ts';
import { correctedOutput, deliverableSampleText } from '../../style/style-sources.ts';
import { workspaceSecretRedactor } from '../../style/workspace-redactor.ts';
import type { ApiContext, ApiEnv } from '../context.ts';
import { keysetPageOf, pageParameters, requestedPage } from '../keyset-cursor.ts';
import { locateInWorkspace } from '../location.ts';
import { commonErrors, idParameter, jsonBody, jsonResponse, listOf, securedBy } from '../schemas.ts';
import { styleSampleSchema, styleSampleView, styleSchema, styleView } from '../style-views.ts';
import { requireAction } from '../workspace-access.ts';

const agentParams = z.object({ ws: idParameter('ws'), agentId: idParameter('agentId') });
const sampleParams = agentParams.extend({ sampleId: idParameter('sampleId') });
const base = '/api/workspaces/{ws}/agents/{agentId}/style';

const sampleBody = z
  .strictObject({
    text: styleSampleText.optional().describe('Your writing, pasted or read from a text or Markdown file.'),
    source: z
      .literal('upload', 'source must be upload; for a file of the workspace send deliverableId')
      .optional(),
    name: z.string().trim().max(200, 'name must be at most 200 characters').optional(),
    deliverableId: z.uuid('deliverableId must be a file id').optional(),
  })
  .refine((body) => (body.text === undefined) !== (body.deliverableId === undefined), {
    error: 'send text (your writing) or deliverableId (a text file of the workspace), one of the two',
  })
  .openapi('StyleSampleInput');

const correctionBody = z
  .strictObject({
    runId: z.uuid('runId must be a run id'),
    stepId: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('The step whose output was corrected; the run’s output when left out.'),
    original: z
      .string()
      .optional()
      .describe('The output as the agent wrote it; read from the run when left out.'),
    corrected: styleSampleText.describe('The output as you would have written it.'),
  })
  .openapi('StyleCorrectionInput');

const editBody = z
  .strictObject({
    description: styleDescription.optional(),
    tone: z.string().trim().max(200, 'tone must be at most 200 characters').optional(),
    rules: styleRules.optional(),
    useWords: styleWordList.optional(),
    avoidWords: styleWordList.optional(),
    unpin: z
      .array(z.enum(styleFields, `unpin lists fields among ${styleFields.join(', ')}`))
      .optional()
      .describe('Fields to hand back to recomputation and derivation.'),
  })
  .openapi('StyleEdit');

const sampleAdded = z.object({ sample: styleSampleSchema, style: styleSchema });

const routes = {
  read: createRoute({
    method: 'get',
    operationId: 'getAgentStyle',
    path: base,
    tags: ['style'],
    summary: 'The agent’s style memory: sample count, measured profile, description, rules, words',
    security: securedBy,
    request: { params: agentParams },
    responses: { 200: jsonResponse(styleSchema, 'The style.'), ...commonErrors },
  }),
  edit: createRoute({
    method: 'patch',
    operationId: 'updateAgentStyle',
    path: base,
    tags: ['style'],
    summary: 'Edit the description, tone, rules or word lists (builder); edited fields are pinned',
    security: securedBy,
    request: { params: agentParams, body: jsonBody(editBody) },
    responses: { 200: jsonResponse(styleSchema, 'The style as edited.'), ...commonErrors },
  }),
  samples: createRoute({
    method: 'get',
    operationId: 'listStyleSamples',
    path: `${base}/samples`,
    tags: ['style'],
    summary: 'The agent’s writing samples, newest first',
    security: securedBy,
    request: { params: agentParams, query: z.object(pageParameters()) },
    responses: {
      200: jsonResponse(listOf(styleSampleSchema), 'The samples.'),
      ...commonErrors,
    },
  }),
  addSample: createRoute({
    method: 'post',
    operationId: 'addStyleSample',
    path: `${base}/samples`,
    tags: ['style'],
    summary: 'Add a writing sample (builder): pasted text, or a text file of the workspace',
    security: securedBy,
    request: { params: agentParams, body: jsonBody(sampleBody) },
    responses: { 201: jsonResponse(sampleAdded, 'The sample and the style recomputed.'), ...commonErrors },
  }),
  removeSample: createRoute({
    method: 'delete',
    operationId: 'deleteStyleSample',
    path: `${base}/samples/{sampleId}`,
    tags: ['style'],
    summary: 'Delete a writing sample (builder); the profile is recomputed',
    security: securedBy,
    request: { params: sampleParams },
    responses: { 204: { description: 'Deleted.' }, ...commonErrors },
  }),
  correct: createRoute({
    method: 'post',
    operationId: 'addStyleCorrection',
    path: `${base}/corrections`,
    tags: ['style'],
    summary: 'Teach from a corrected output (builder): removed words are avoided, added ones used',
    security: securedBy,
    request: { params: agentParams, body: jsonBody(correctionBody) },
    responses: { 201: jsonResponse(sampleAdded, 'The correction, kept as a sample.'), ...commonErrors },
  }),
  derive: createRoute({
    method: 'post',
    operationId: 'deriveStyleProfile',
    path: `${base}/profile/derive`,
    tags: ['style'],
    summary: 'Have the LLM describe the voice of the samples (builder); needs ORCA_LLM',
    security: securedBy,
    request: { params: agentParams },
    responses: { 200: jsonResponse(styleSchema, 'The style with its description.'), ...commonErrors },
  }),
  fromDeliverable: createRoute({
    method: 'post',
    operationId: 'addStyleSampleFromDeliverable',
    path: '/api/workspaces/{ws}/deliverables/{fileId}/style-sample',
    tags: ['style'],
    summary: 'Use a text file as a writing sample of an agent (builder)',
    security: securedBy,
    request: {
      params: z.object({ ws: idParameter('ws'), fileId: idParameter('fileId') }),
      body: jsonBody(z.strictObject({ agentId: z.uuid('agentId must be an agent id') })),
    },
    responses: { 201: jsonResponse(sampleAdded, 'The sample and the style recomputed.'), ...commonErrors },
  }),
};

async function requireAgentIn(scope: WorkspaceScope, agentId: string) {
  const agent = await findAgent(scope, agentId);
  if (!agent) throw notFound('This agent');
  return agent;
}

async function currentStyle(c: ApiContext, scope: WorkspaceScope, agentId: string) {
  const [profile, samples] = await Promise.all([
    findStyleProfile(scope, agentId),
    countStyleSamples(scope, agentId),
  ]);
  return styleView(agentId, profile, samples, c.get('services').llm !== undefined);
}

type NewSample = Omit<Parameters<typeof insertStyleSample>[1], 'agentId' | 'createdBy'>;

/** Keeps a sample within the agent's limit, recomputes the profile, and answers with both. */
async function addSample(
  c: ApiContext,
  agentId: string,
  load: (scope: WorkspaceScope) => Promise<NewSample>,
) {
  const access = requireAction(c, 'agents.manage');
  const result = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
    await requireAgentIn(scope, agentId);
    // Locked first: two additions at once cannot both slip under the limit.
    await lockStyleProfile(scope, agentId);
    if ((await countStyleSamples(scope, agentId)) >= styleLimits.samplesPerAgent) {
      throw ruleViolated(
        `This agent already has ${styleLimits.samplesPerAgent} writing samples, the most it keeps. Delete some before adding more.`,
      );
    }
    const values = await load(scope);
    const sample = await insertStyleSample(scope, { ...values, agentId, createdBy: access.actor.userId });
    await recomputeStyle(scope, agentId);
    await recordAudit(scope, access.actor, {
      action: 'agent.style_sample_added',
      targetType: 'agent',
      targetId: agentId,
      details: { sampleId: sample.id, source: sample.source, characters: sample.text.length },
    });
    return { sample: styleSampleView(sample), style: await currentStyle(c, scope, agentId) };
  });
  locateInWorkspace(c, 'agents', agentId, 'style', 'samples', result.sample.id);
  return c.json(result, 201);
}

/** A text file of the workspace as a writing sample, named `name` or else as the file is. */
async function deliverableSample(
  c: ApiContext,
  scope: WorkspaceScope,
  deliverableId: string,
  name?: string,
): Promise<NewSample> {
  const { files, vault } = c.get('services');
  const file = await deliverableSampleText({ files, vault }, scope, deliverableId);
  return {
    source: 'deliverable',
    text: file.text,
    name: name ?? file.name,
    deliverableId,
    runId: file.runId,
  };
}

function llmNeeded() {
  return conflict(
    `Deriving a description of the voice needs an LLM, and none is configured: the operator sets ORCA_LLM (such as ORCA_LLM=${llmSettingExamples[0]}) and restarts Orca. The measured profile (sentence length, formality, reading level, words to use and avoid) is already in use without one.`,
    { llmRequired: true, measuredProfileInUse: true },
  );
}

export function registerStyleRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(routes.read, async (c) => {
    const access = requireAction(c, 'agents.read');
    const { agentId } = c.req.valid('param');
    const style = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      await requireAgentIn(scope, agentId);
      return currentStyle(c, scope, agentId);
    });
    return c.json(style, 200);
  });

  app.openapi(routes.samples, async (c) => {
    const access = requireAction(c, 'agents.read');
    const { agentId } = c.req.valid('param');
    const query = c.req.valid('query');
    const samples = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      await requireAgentIn(scope, agentId);
      return listStyleSamples(scope, agentId, requestedPage(styleSampleKeyset, query));
    });
    const page = keysetPageOf(styleSampleKeyset, samples, query.limit);
    return c.json({ items: page.items.map(styleSampleView), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(routes.addSample, async (c) => {
    const { agentId } = c.req.valid('param');
    const body = c.req.valid('json');
    return addSample(c, agentId, async (scope) => {
      if (body.deliverableId === undefined)
        return { source: 'upload', text: body.text ?? '', name: body.name ?? '' };
      return deliverableSample(c, scope, body.deliverableId, body.name);
    });
  });

  app.openapi(routes.fromDeliverable, async (c) => {
    const { fileId } = c.req.valid('param');
    const { agentId } = c.req.valid('json');
    return addSample(c, agentId, (scope) => deliverableSample(c, scope, fileId));
  });

  app.openapi(routes.correct, async (c) => {
    const { agentId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { vault } = c.get('services');
    return addSample(c, agentId, async (scope) => {
      const original = await correctedOutput(scope, agentId, body);
      if (original.trim() === body.corrected.trim()) {
        throw ruleViolated('The corrected text is the same as the output: change it before sending it.');
      }
      const redactor = await workspaceSecretRedactor(vault, scope);
      return {
        source: 'correction',
        text: redactor.redactText(body.corrected),
        original: redactor.redactText(original),
        runId: body.runId,
        stepId: body.stepId ?? null,
        name: body.stepId === undefined ? 'Corrected run output' : `Corrected output of step ${body.stepId}`,
      };
    });
  });

  app.openapi(routes.removeSample, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { agentId, sampleId } = c.req.valid('param');
    await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      await requireAgentIn(scope, agentId);
      await lockStyleProfile(scope, agentId);
      const removed = await deleteStyleSample(scope, agentId, sampleId);
      if (!removed) throw notFound('This writing sample');
      await recomputeStyle(scope, agentId);
      await recordAudit(scope, access.actor, {
        action: 'agent.style_sample_deleted',
        targetType: 'agent',
        targetId: agentId,
        details: { sampleId, source: removed.source },
      });
    });
    return c.body(null, 204);
  });

  app.openapi(routes.edit, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { agentId } = c.req.valid('param');
    const { unpin = [], ...edits } = c.req.valid('json');
    const style = await c.get('services').store.inWorkspace(access.workspace.id, async (scope) => {
      await requireAgentIn(scope, agentId);
      const profile = await lockStyleProfile(scope, agentId);
      const edited = styleFields.filter((field) => edits[field] !== undefined);
      const clash = edited.find((field) => unpin.includes(field));
      if (clash) throw ruleViolated(`${clash} is both edited and unpinned: send one or the other.`);
      const pinned = new Set<StyleField>(profile.pinned);
      for (const field of edited) pinned.add(field);
      for (const field of unpin) pinned.delete(field);
      const changes: StyleProfileChanges = { ...edits, pinned: [...pinned], updatedBy: access.actor.userId };
      await updateStyleProfile(scope, agentId, changes);
      // Unpinned word lists go back to what the samples say.
      await recomputeStyle(scope, agentId);
      await recordAudit(scope, access.actor, {
        action: 'agent.style_edited',
        targetType: 'agent',
        targetId: agentId,
        details: { edited, unpinned: unpin },
      });
      return currentStyle(c, scope, agentId);
    });
    return c.json(style, 200);
  });

  app.openapi(routes.derive, async (c) => {
    const access = requireAction(c, 'agents.manage');
    const { agentId } = c.req.valid('param');
    const { llm, store } = c.get('services');
    const { samples, profile } = await store.inWorkspace(access.workspace.id, async (scope) => {
      await requireAgentIn(scope, agentId);
      return {
        samples: await listStyleSamples(scope, agentId),
        profile: await findStyleProfile(scope, agentId),
      };
    });
    if (!llm) throw llmNeeded();
    if (samples.length === 0) {
      throw ruleViolated(
        'This agent has no writing samples yet: add one (paste your writing) before deriving.',
      );
    }
    // The model is asked outside any transaction: it may take many seconds.
    const derived = await deriveStyle(llm, samples, profile?.measured ?? null, c.req.raw.signal);
    const style = await store.inWorkspace(access.workspace.id, async (scope) => {
      await requireAgentIn(scope, agentId);
      const locked = await lockStyleProfile(scope, agentId);
      const pinned = new Set<StyleField>(locked.pinned);
      const changes: StyleProfileChanges = { derivedBy: llm.name, derivedAt: new Date() };
      if (!pinned.has('description')) changes.description = derived.description;
      if (!pinned.has('tone')) changes.tone = derived.tone;
      if (!pinned.has('rules')) changes.rules = derived.rules;
      await updateStyleProfile(scope, agentId, changes);
      await recordAudit(scope, access.actor, {
        action: 'agent.style_derived',
        targetType: 'agent',
        targetId: agentId,
        details: { model: llm.name, samples: samples.length },
      });
      return currentStyle(c, scope, agentId);
    });
    return c.json(style, 200);
  });
}
