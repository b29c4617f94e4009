// llm.generate: write text, or a JSON object that matches a schema, with the LLM the operator
// configured (ORCA_LLM), in the agent's own style when it has style memory.

import {
  APICallError,
  generateText,
  jsonSchema,
  NoObjectGeneratedError,
  NoOutputGeneratedError,
  Output,
  TypeValidationError,
} from 'ai';
import { Ajv, type ErrorObject } from 'ajv';
import { z } from 'zod';
import { type LearnedStyle, styleInstructions } from '../../domain/style-memory.ts';
import { llmSettingExamples } from '../../llm/llm-setting.ts';
import { defineTool, type RunAgent, type ToolContext } from '../tool.ts';
import { ToolError } from '../tool-error.ts';
import type { LanguageModelService } from '../tool-services.ts';

const message = z.strictObject({
  role: z.enum(['user', 'assistant', 'system']),
  content: z.string(),
});

const input = z
  .strictObject({
    prompt: z.string().min(1).optional().describe('The task, with the data it needs.'),
    system: z
      .string()
      .min(1)
      .optional()
      .describe('Instructions that frame every answer: role, rules, audience, format.'),
    messages: z
      .array(message)
      .min(1)
      .optional()
      .describe(
        'A conversation, oldest first; prompt, when also given, follows it as the last user message.',
      ),
    schema: z
      .record(z.string(), z.unknown())
      .refine((schema) => schema.type === 'object', {
        error: 'schema must be a JSON Schema with type "object"; put a list inside a property',
      })
      .optional()
      .describe(
        'A JSON Schema of type "object". When given, the answer is a JSON object that matches it, in `object`.',
      ),
    temperature: z
      .number()
      .min(0)
      .max(2)
      .optional()
      .describe('0 for steady answers, higher for varied ones.'),
    maxOutputTokens: z.number().int().min(1).max(200_000).optional(),
    model: z
      .string()
      .trim()
      .regex(/^[\w.:@/-]{1,120}$/, 'model must be a model name such as gpt-4o-mini')
      .optional()
      .describe(
        'Another model of the configured provider for this step, such as gpt-4o-mini when ORCA_LLM is openai:gpt-4o; the configured one when left out.',
      ),
    useStyle: z
      .boolean()
      .default(true)
      .describe("Write in the agent's style memory (its samples and profile), when it has one."),
  })
  .refine((request) => request.prompt !== undefined || request.messages !== undefined, {
    error: 'give prompt, messages or both',
  });

const output = z.object({
  text: z.string().describe('The answer as the model wrote it; with a schema, the JSON text.'),
  object: z.unknown().optional().describe('With a schema: the answer, a JSON object that matches it.'),
  model: z.string().describe('The model used, such as openai:gpt-4o-mini.'),
  usage: z.object({
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    totalTokens: z.number().int(),
  }),
  finishReason: z
    .enum(['stop', 'length', 'content-filter', 'tool-calls', 'error', 'other'])
    .describe('`length` means the answer was cut off at maxOutputTokens.'),
});

// Bounds on the style section: enough of a voice to imitate, without crowding out the task.
const styleLimits = {
  profileCharacters: 2_000,
  learnedCharacters: 3_000,
  samples: 8,
  sampleCharacters: 1_500,
  allSamplesCharacters: 6_000,
};
const detailCharacters = 2_000;

function truncate(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/** A provider's message without its closing full stop, to sit inside a sentence of ours. */
function clause(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().replace(/\.+$/, '');
}

/**
 * The spec's hand-typed style and the agent's learned style memory, merged. The spec's profile
 * comes first and wins where the two disagree: it is part of the agent's reviewed, versioned
 * definition, while the learned profile follows whatever samples were added last.
 */
function styleSection(spec: RunAgent['style'], learned: LearnedStyle | undefined): string | undefined {
  const profile = spec?.profile?.trim();
  const instructions = learned ? styleInstructions(learned) : [];
  const samples: string[] = [];
  let characters = 0;
  for (const sample of [...(spec?.samples ?? []), ...(learned?.samples ?? [])]) {
    const text = truncate(sample.trim(), styleLimits.sampleCharacters);
    if (text === '') continue;
    if (samples.length === styleLimits.samples || characters + text.length > styleLimits.allSamplesCharacters)
      break;
    samples.push(text);
    characters += text.length;
  }
  if (!profile && instructions.length === 0 && samples.length === 0) return undefined;
  const parts = [
    '## Writing style',
    'Write in the voice shown below: match its tone, vocabulary, sentence length and formatting. Take the style from the samples, never their content.',
  ];
  if (profile) parts.push(`Style profile:\n${truncate(profile, styleLimits.profileCharacters)}`);
  if (instructions.length > 0) {
    const precedence = profile
      ? ' (where it disagrees with the style profile above, follow the profile above)'
      : '';
    parts.push(
      `Learned from the user's own writing and corrections${precedence}:\n${truncate(instructions.join('\n'), styleLimits.learnedCharacters)}`,
    );
  }
  samples.forEach((sample, index) => {
    parts.push(`Writing sample ${index + 1}:\n"""\n${sample}\n"""`);
  });
  return parts.join('\n\n');
}

// One instance for every call; compiled schemas are removed again, since Ajv would otherwise keep
// each one (every step's schema is a new object) for the life of the process.
const ajv = new Ajv({ strict: false, allErrors: true });

function describeProblem(problem: ErrorObject): string {
  const at = problem.instancePath === '' ? 'the object' : problem.instancePath;
  return `${at} ${problem.message ?? 'is invalid'}`;
}

/** Compiles the step's schema into a validator the AI SDK calls on the model's answer. */
function answerValidator(schema: Record<string, unknown>) {
  // Ajv's default instance knows draft-07 only, and the keywords models are given read the same in
  // later drafts, so the declared draft is not held against a schema.
  const { $schema: _draft, ...validatable } = schema;
  let validate: ReturnType<typeof ajv.compile>;
  try {
    validate = ajv.compile(validatable);
  } catch (error) {
    throw new ToolError('invalid_input', `schema is not a valid JSON Schema: ${clause(error)}.`, {
      cause: error,
    });
  } finally {
    ajv.removeSchema(validatable);
  }
  return (value: unknown) =>
    validate(value)
      ? { success: true as const, value }
      : {
          success: false as const,
          error: new Error((validate.errors ?? []).map(describeProblem).join('; ')),
        };
}

function notConfigured(): ToolError {
  return new ToolError(
    'not_configured',
    `No LLM is configured, so llm.generate cannot run. Set ORCA_LLM, such as ORCA_LLM=${llmSettingExamples[0]} or ORCA_LLM=${llmSettingExamples[1]} with ORCA_LLM_API_KEY, and restart Orca.`,
  );
}

function statusHint(status: number): string {
  if (status === 401 || status === 403) return ' Check ORCA_LLM_API_KEY.';
  if (status === 404) return ' Check the model name and base URL in ORCA_LLM.';
  if (status === 429 || status >= 500) return ' Retry later.';
  return '';
}

function invalidOutput(error: NoObjectGeneratedError): ToolError {
  const details = { text: truncate(error.text ?? '', detailCharacters), finishReason: error.finishReason };
  if (error.finishReason === 'length') {
    // The same limit would cut the answer off again, so a retry cannot help.
    return new ToolError(
      'llm_invalid_output',
      'The answer was cut off at maxOutputTokens before its JSON was complete. Raise maxOutputTokens or ask for less.',
      { details, cause: error },
    );
  }
  const problem = TypeValidationError.isInstance(error.cause)
    ? `does not match the schema: ${clause(error.cause.cause ?? error.cause)}`
    : 'is not valid JSON';
  // Another sample from the model may well fit, so the step's retry policy applies.
  return new ToolError('llm_invalid_output', `The model's answer ${problem}.`, {
    retryable: true,
    details,
    cause: error,
  });
}

export function asToolError(error: unknown, llm: LanguageModelService, signal: AbortSignal): ToolError {
  if (error instanceof ToolError) return error;
  if (signal.aborted)
    return new ToolError('cancelled', `The call to ${llm.name} was cancelled.`, { cause: error });
  if (NoObjectGeneratedError.isInstance(error)) return invalidOutput(error);
  if (APICallError.isInstance(error)) {
    if (error.statusCode === undefined) {
      return new ToolError(
        'llm_error',
        `${llm.name} could not be reached: ${clause(error)}. Check that the server in ORCA_LLM is running.`,
        { retryable: error.isRetryable, cause: error },
      );
    }
    return new ToolError(
      'llm_error',
      `${llm.name} answered ${error.statusCode}: ${clause(error)}.${statusHint(error.statusCode)}`,
      {
        retryable: error.isRetryable,
        details: { status: error.statusCode, body: truncate(error.responseBody ?? '', detailCharacters) },
        cause: error,
      },
    );
  }
  return new ToolError('llm_error', `The call to ${llm.name} failed: ${clause(error)}.`, {
    cause: error,
  });
}

async function systemPrompt(
  request: z.output<typeof input>,
  context: ToolContext,
): Promise<string | undefined> {
  const learned = request.useStyle ? await context.services.style?.learned() : undefined;
  const style = request.useStyle ? styleSection(context.agent.style, learned) : undefined;
  const parts = [request.system, style].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

export const llmGenerateTool = defineTool({
  name: 'llm.generate',
  description:
    'Write with the LLM: summaries, e-mails, replies, classifications, extraction from text. Give a prompt (or messages) and, if useful, system instructions. With schema (a JSON Schema of an object) the answer is a JSON object matching it, in `object`; otherwise read `text`. Writes in the agent’s style (samples and profile) when it has one, unless useStyle is false. Returns the text, the object, token usage and the finish reason.',
  input,
  output,
  sideEffect: false,
  async run(request, context) {
    const configured = context.services.llm;
    if (!configured) throw notConfigured();
    const llm = request.model ? configured.withModel(request.model) : configured;
    const answer = request.schema
      ? Output.object({ schema: jsonSchema(request.schema, { validate: answerValidator(request.schema) }) })
      : Output.text();
    const messages = [
      ...(request.messages ?? []),
      ...(request.prompt === undefined ? [] : [{ role: 'user' as const, content: request.prompt }]),
    ];
    // Outside the try: a failure to read style memory is not the model's failure.
    const system = await systemPrompt(request, context);
    try {
      const result = await generateText({
        model: llm.model,
        system,
        messages,
        // System messages in `messages` come from the agent's spec, not from outside data.
        allowSystemInMessages: true,
        output: answer,
        temperature: request.temperature,
        maxOutputTokens: request.maxOutputTokens,
        abortSignal: context.signal,
        // The step's retry policy decides about retries, with the executor's backoff and records.
        maxRetries: 0,
      });
      const inputTokens = result.totalUsage.inputTokens ?? 0;
      const outputTokens = result.totalUsage.outputTokens ?? 0;
      context.recordUsage({ inputTokens, outputTokens });
      if (result.warnings?.length)
        context.logger.warn('The LLM warned about the call.', { warnings: result.warnings });
      let object: unknown;
      if (request.schema) {
        try {
          object = result.output;
        } catch (error) {
          if (!NoOutputGeneratedError.isInstance(error)) throw error;
          throw new ToolError(
            'llm_invalid_output',
            `The model gave no answer to parse (finish reason ${result.finishReason}).`,
            { retryable: result.finishReason !== 'length', details: { finishReason: result.finishReason } },
          );
        }
      }
      return {
        text: result.text,
        ...(request.schema && { object }),
        model: llm.name,
        usage: {
          inputTokens,
          outputTokens,
          totalTokens: result.totalUsage.totalTokens ?? inputTokens + outputTokens,
        },
        finishReason: result.finishReason,
      };
    } catch (error) {
      // Tokens spent on an answer that did not fit the schema still count.
      if (NoObjectGeneratedError.isInstance(error) && error.usage) {
        context.recordUsage({
          inputTokens: error.usage.inputTokens ?? 0,
          outputTokens: error.usage.outputTokens ?? 0,
        });
      }
      throw asToolError(error, llm, context.signal);
    }
  },
});
