// The rule for a deliverable's name, the same for files.save and for uploads.
import { z } from 'zod';

export const fileNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  .regex(/^[^/\\\u0000-\u001f\u007f]+$/, 'must be a file name without slashes or control characters');
