// fonts/manifest.yaml: which official font each role names, what else is acceptable, where to
// look for it, and the bundled open fallbacks. Data, validated here.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { diag, GongwenError } from '../diagnostics.ts';
import { FONT_ROLES, type FontRole } from '../schema/profile.ts';
import { DEFAULT_MANIFEST } from './paths.ts';

export { DEFAULT_MANIFEST };

const Name = z.string().trim().min(1);

const BundledFont = z.strictObject({
  file: Name, // relative to fonts/open/
  postscriptName: Name, // picks the face in a collection; checked against the file
  family: Name, // what the substitution warning and fontconfig call it
});

const RoleFonts = z.strictObject({
  label: z.strictObject({ zh: Name, en: Name }),
  officialName: Name,
  names: z.array(Name).default([]),
  files: z.array(Name).default([]),
  bundled: z.array(BundledFont).min(1),
});

export const FontManifest = z
  .strictObject({
    roles: z.strictObject(
      Object.fromEntries(FONT_ROLES.map((r) => [r, RoleFonts])) as Record<FontRole, typeof RoleFonts>,
    ),
  })
  .superRefine((m, ctx) => {
    // A name or file claimed by two roles would make a user's file land in whichever came first.
    const seen = new Map<string, FontRole>();
    for (const role of FONT_ROLES) {
      const r = m.roles[role];
      for (const n of [r.officialName, ...r.names, ...r.files]) {
        const key = fontNameKey(n);
        const other = seen.get(key);
        if (other && other !== role) {
          ctx.addIssue({ code: 'custom', path: ['roles', role], message: `"${n}" is also listed for ${other}` });
        }
        seen.set(key, role);
      }
    }
  });
export type FontManifest = z.infer<typeof FontManifest>;
export type RoleFonts = z.infer<typeof RoleFonts>;
export type BundledFont = z.infer<typeof BundledFont>;

/** Compare font names and file names loosely: case, spaces, '_' and '-' and the extension do not matter. */
export function fontNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\.(ttf|otf|ttc|otc)$/i, '')
    .replace(/[\s_\-]+/g, '')
    .toLowerCase();
}

export function loadManifest(path: string = DEFAULT_MANIFEST): FontManifest {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new GongwenError(diag('font.manifest', { why: ['无法读取', 'cannot read it'] }, { file: path }));
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new GongwenError(diag('font.manifest', { why: [`不是有效的 YAML：${msg}`, `not valid YAML: ${msg}`] }, { file: path }));
  }
  const result = FontManifest.safeParse(data);
  if (!result.success) {
    throw new GongwenError(
      result.error.issues.map((i) =>
        diag('font.manifest', { why: [`${i.path.join('.')}：${i.message}`, `${i.path.join('.')}: ${i.message}`] }, { file: path }),
      ),
    );
  }
  return result.data;
}
