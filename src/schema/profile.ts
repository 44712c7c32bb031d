// The layout profile (templates/gbt9704.yaml): every number the typesetter uses, validated. The typesetter and the
// writers import the roles and units from here, so the schema is built on first use (src/libraries.ts): a run whose
// profile is cached (src/layout/profile.ts) never loads zod for it.
import type * as Zod from 'zod';
import { zodLibrary } from '../libraries.ts';

export const FONT_ROLES = ['xiaobiaosong', 'fangsong', 'heiti', 'kaiti', 'songti', 'latin'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

export const TEXT_ROLES = [
  'mark', 'title', 'body', 'h1', 'h2', 'h3', 'h4', 'copyNo', 'secrecy', 'urgency', 'docNumber',
  'signerLabel', 'signerName', 'addressee', 'signature', 'date', 'note', 'colophon', 'pageNumber',
  'table', 'tableHead',
] as const;
export type TextRole = (typeof TEXT_ROLES)[number];

/** The schema, made with the zod that src/libraries.ts loads. */
function build({ z }: typeof Zod) {
  const FontRole = z.enum(FONT_ROLES);
  const mm = z.number().positive();
  const RoleStyle = z.strictObject({
    font: FontRole,
    size: z.number().positive(),
    color: z.enum(['red', 'text']).default('text'),
    // Font for digits and Latin letters: Times New Roman by default; the title and mark keep their own.
    latin: FontRole.default('latin'),
  });

  return z.strictObject({
    page: z.strictObject({ width: mm, height: mm }),
    margins: z.strictObject({ top: mm, left: mm }),
    block: z.strictObject({ width: mm, height: mm }),
    grid: z.strictObject({ lines: z.number().int().positive(), chars: z.number().int().positive() }),
    colors: z.strictObject({ red: z.string(), text: z.string() }),
    roles: z.strictObject(Object.fromEntries(TEXT_ROLES.map((r) => [r, RoleStyle])) as Record<TextRole, typeof RoleStyle>),
    header: z.strictObject({
      markTopFromBlock: mm,
      markMaxWidthRatio: z.number().positive().max(1),
      blankLinesBelowMark: z.number().int().nonnegative(),
      ruleBelowNumber: mm,
      ruleWidthPt: z.number().positive(),
    }),
    colophon: z.strictObject({ thick: mm, thin: mm, indentChars: z.number().nonnegative() }),
    pageNumber: z.strictObject({ belowBlock: mm, indentChars: z.number().nonnegative() }),
    signature: z.strictObject({
      dateRightChars: z.number(),
      unsealedRightChars: z.number(),
      // 7.3.5.5: the tightest line pitch (pt) a page may take so that the signature fits under the body;
      // absent: never tighten, move body lines forward at once.
      tightestPitchPt: z.number().positive().optional(),
    }),
    seal: z.strictObject({ diameter: mm }),
    // The most a paragraph's characters may be drawn closer together (em of its size) so that a word processor,
    // which squeezes no punctuation, needs no more lines for it than the PDF (src/layout/wordLines.ts); absent: never.
    tracking: z.strictObject({ tightestEm: z.number().nonnegative().max(0.2) }).optional(),
  });
}

let schema: ReturnType<typeof build> | undefined;
/** The profile's schema, built on first use. */
export const profileSchema = (): ReturnType<typeof build> => (schema ??= build(zodLibrary()));
export type Profile = Zod.infer<ReturnType<typeof build>>;

export const MM = 72 / 25.4; // points per millimetre
