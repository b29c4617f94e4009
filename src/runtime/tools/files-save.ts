// files.save: keep something a run made as a deliverable of the workspace.
import { z } from 'zod';
import { fileNameSchema } from '../../domain/file-name.ts';
import { defineTool } from '../tool.ts';
import { ToolError } from '../tool-error.ts';
import { contentTypeFor, toCsv } from './file-formats.ts';

export const maximumFileBytes = 50 * 1024 * 1024;

const input = z.strictObject({
  name: fileNameSchema.describe(
    'The file name, e.g. leads.csv; its extension sets the type unless contentType is given.',
  ),
  content: z
    .unknown()
    .describe('Text, base64 (with encoding base64), or any JSON value (saved as JSON, or as CSV).'),
  format: z
    .enum(['auto', 'text', 'json', 'csv'])
    .default('auto')
    .describe(
      'auto: text as is, anything else as JSON (a list of records as CSV when the name ends in .csv).',
    ),
  encoding: z.enum(['utf8', 'base64']).default('utf8').describe('How a text content is encoded.'),
  contentType: z
    .string()
    .max(200)
    .regex(
      /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;\s*[\w!#$&^.+-]+=("[^"\r\n]*"|[\w!#$&^.+-]+))*$/,
      'contentType must be a media type such as text/csv or text/plain; charset=utf-8',
    )
    .optional(),
});

const output = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  runId: z.string().nullable(),
  createdAt: z.string(),
  path: z.string().describe('Where the API serves the file’s content.'),
});

function encode(request: z.output<typeof input>): Buffer {
  const { content, name } = request;
  const format =
    request.format !== 'auto'
      ? request.format
      : typeof content === 'string'
        ? 'text'
        : name.toLowerCase().endsWith('.csv') && Array.isArray(content)
          ? 'csv'
          : 'json';
  if (format === 'csv') {
    if (!Array.isArray(content))
      throw new ToolError('invalid_input', 'CSV needs a list of records as content.');
    return Buffer.from(toCsv(content), 'utf8');
  }
  if (format === 'json') return Buffer.from(JSON.stringify(content ?? null, null, 2), 'utf8');
  if (typeof content !== 'string') {
    throw new ToolError('invalid_input', 'Text content must be a string; use format json for other values.');
  }
  return Buffer.from(content, request.encoding);
}

export const filesSaveTool = defineTool({
  name: 'files.save',
  description:
    'Save a file as a deliverable of the workspace (kept with its name, type, size and SHA-256 checksum, and linked to this run). Content may be text, base64, or JSON data; a list of records saved under a .csv name becomes a CSV table. Under a .pdf name, Markdown or plain text becomes a real PDF in the workspace’s branding (letterhead, colours, fonts, page numbers); base64 bytes that already are a PDF (starting with %PDF-) are kept as they are. Saving a name this agent already saved in its workroom keeps the earlier file and makes this its next version.',
  input,
  output,
  sideEffect: true,
  async run(request, context) {
    const content = encode(request);
    if (content.byteLength > maximumFileBytes) {
      throw new ToolError(
        'too_large',
        `The file is ${content.byteLength} bytes; a deliverable may be at most ${maximumFileBytes} bytes.`,
      );
    }
    const contentType = request.contentType ?? contentTypeFor(request.name);
    // One file per step (and loop item), whatever the attempt: a replay returns the first save.
    const file = await context.services.files.save({
      name: request.name,
      contentType,
      content,
      key: context.stepKey,
    });
    return { ...file, path: `/api/workspaces/${context.workspaceId}/deliverables/${file.id}/content` };
  },
});
