// files.read: read a deliverable of the workspace back into the run.
import { z } from 'zod';
import { defineTool } from '../tool.ts';
import { ToolError } from '../tool-error.ts';
import { isTextual } from './file-formats.ts';

const maximumReadBytes = 10 * 1024 * 1024;

const input = z
  .strictObject({
    id: z.string().optional().describe('The deliverable’s id.'),
    name: z.string().min(1).max(255).optional().describe('Or its name: the newest file with that name.'),
    as: z
      .enum(['auto', 'text', 'json', 'base64'])
      .default('auto')
      .describe('auto: JSON files parsed, other text as text, anything else as base64.'),
  })
  .refine((value) => value.id !== undefined || value.name !== undefined, 'give the id or the name of a file');

const output = z.object({
  file: z.object({
    id: z.string(),
    name: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    runId: z.string().nullable(),
    createdAt: z.string(),
  }),
  content: z.unknown(),
  encoding: z.enum(['text', 'json', 'base64']),
});

export const filesReadTool = defineTool({
  name: 'files.read',
  description:
    'Read a deliverable of the workspace by id or by name (the newest with that name): JSON files come back parsed, text as text, anything else as base64.',
  input,
  output,
  sideEffect: false,
  async run(request, context) {
    const found = await context.services.files.read({ id: request.id, name: request.name });
    if (!found) {
      throw new ToolError(
        'not_found',
        `There is no file ${request.id ?? `named "${request.name}"`} in this workspace.`,
      );
    }
    const { file, content } = found;
    if (content.byteLength > maximumReadBytes) {
      throw new ToolError(
        'too_large',
        `"${file.name}" is ${file.sizeBytes} bytes; files.read reads at most ${maximumReadBytes}.`,
      );
    }
    const as =
      request.as !== 'auto'
        ? request.as
        : /json/i.test(file.contentType)
          ? 'json'
          : isTextual(file.contentType)
            ? 'text'
            : 'base64';
    if (as === 'base64') return { file, content: content.toString('base64'), encoding: 'base64' as const };
    const text = content.toString('utf8');
    if (as === 'text') return { file, content: text, encoding: 'text' as const };
    try {
      return { file, content: JSON.parse(text) as unknown, encoding: 'json' as const };
    } catch {
      throw new ToolError('invalid_input', `"${file.name}" is not valid JSON; read it with as: text.`);
    }
  },
});
