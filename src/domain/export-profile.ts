// A workspace's export profile: how its branded PDF and HTML exports look. Fonts come from a safe
// list, the standard PDF fonts every reader has (nothing to embed, nothing to fetch), each mapped
// to a web-safe CSS stack for HTML.
import { z } from 'zod';

export const exportFonts = ['Helvetica', 'Times', 'Courier'] as const;
export type ExportFont = (typeof exportFonts)[number];

/** The CSS font stack that stands for each PDF font in an HTML export. */
export const cssFontStacks: Record<ExportFont, string> = {
  Helvetica: 'Helvetica, Arial, "Liberation Sans", sans-serif',
  Times: '"Times New Roman", Times, "Liberation Serif", serif',
  Courier: '"Courier New", Courier, "Liberation Mono", monospace',
};

const fontSchema = z.string().refine((font): font is ExportFont => exportFonts.includes(font as ExportFont), {
  message: `must be one of the standard PDF fonts: ${exportFonts.join(', ')}`,
});

export const maximumContactLines = 6;

export const exportProfileSettingsSchema = z.strictObject({
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb, e.g. #1f6feb')
    .transform((colour) => colour.toLowerCase())
    .default('#1f4e79'),
  bodyFont: fontSchema.default('Helvetica'),
  headingFont: fontSchema.default('Helvetica'),
  contactBlock: z
    .string()
    .max(600, 'must be at most 600 characters')
    .refine((text) => text.split(/\r?\n/).length <= maximumContactLines, {
      message: `must be at most ${maximumContactLines} lines`,
    })
    .default(''),
  footerText: z
    .string()
    .max(200, 'must be at most 200 characters')
    .refine((text) => !/[\r\n]/.test(text), { message: 'must be one line' })
    .default(''),
});

export type ExportProfileSettings = {
  accentColor: string;
  bodyFont: ExportFont;
  headingFont: ExportFont;
  contactBlock: string;
  footerText: string;
};

export const defaultExportProfileSettings: ExportProfileSettings = {
  accentColor: '#1f4e79',
  bodyFont: 'Helvetica',
  headingFont: 'Helvetica',
  contactBlock: '',
  footerText: '',
};

/**
 * Settings as stored: whatever a row holds is read through the schema, so a value written by an
 * older version (or edited by hand) falls back to the default rather than breaking exports.
 */
export function readExportProfileSettings(stored: unknown): ExportProfileSettings {
  const parsed = exportProfileSettingsSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data as ExportProfileSettings;
  const fallback: Record<string, unknown> = {};
  const candidate = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  for (const [key, value] of Object.entries(candidate)) {
    // Own keys only: a stored "constructor" or "__proto__" must not find Object's own members.
    if (!Object.hasOwn(exportProfileSettingsSchema.shape, key)) continue;
    const one = exportProfileSettingsSchema.shape[key as keyof ExportProfileSettings]?.safeParse(value);
    if (one?.success) fallback[key] = one.data;
  }
  return { ...defaultExportProfileSettings, ...fallback } as ExportProfileSettings;
}

export const letterheadTypes = ['image/png', 'image/jpeg'] as const;
export type LetterheadType = (typeof letterheadTypes)[number];

/** Letterheads are kept inline in the database and embedded in every export: small on purpose. */
export const maximumLetterheadBytes = 512 * 1024;

/** The image type the bytes are, by their magic numbers (whatever the request claimed). */
export function letterheadTypeOf(bytes: Uint8Array): LetterheadType | undefined {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= png.length && png.every((byte, index) => bytes[index] === byte)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}
