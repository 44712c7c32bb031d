// fonts/manifest.yaml: which official font each role names, what else is acceptable, where to
// look for it, and the bundled open fallbacks. Data, validated here.
import { readFileSync } from 'node:fs';
import type * as Zod from 'zod';
import { diag, GongwenError } from '../diagnostics.ts';
import { yamlLibrary, zodLibrary } from '../libraries.ts';
import { recall, remember } from '../load/memo.ts';
import { FONT_ROLES, type FontRole } from '../schema/profile.ts';
import { DEFAULT_MANIFEST } from './paths.ts';

export { DEFAULT_MANIFEST };

/** The manifest's schema, made with the zod that src/libraries.ts loads on first use. */
function manifestSchemas({ z }: typeof Zod) {
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

  const FontManifest = z
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
  return { FontManifest, RoleFonts, BundledFont };
}
type Schemas = ReturnType<typeof manifestSchemas>;
export type FontManifest = Zod.infer<Schemas['FontManifest']>;
export type RoleFonts = Zod.infer<Schemas['RoleFonts']>;
export type BundledFont = Zod.infer<Schemas['BundledFont']>;

/** Compare font names and file names loosely: case, spaces, '_' and '-' and the extension do not matter. */
export function fontNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\.(ttf|otf|ttc|otc)$/i, '')
    .replace(/[\s_\-]+/g, '')
    .toLowerCase();
}

/**
 * The manifest, validated once per version of the file and kept in the memo (src/load/memo.ts): a build whose
 * manifest is unchanged parses no YAML and runs no schema for it.
 */
export function loadManifest(path: string = DEFAULT_MANIFEST): FontManifest {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new GongwenError(diag('font.manifest', { why: ['无法读取', 'cannot read it'] }, { file: path }));
  }
  const known = recall('font-manifest', path, bytes);
  if (known) return known as FontManifest; // stored below by this code, for these bytes
  let data: unknown;
  try {
    data = yamlLibrary().parse(bytes.toString('utf8'));
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new GongwenError(diag('font.manifest', { why: [`不是有效的 YAML：${msg}`, `not valid YAML: ${msg}`] }, { file: path }));
  }
  const result = manifestSchemas(zodLibrary()).FontManifest.safeParse(data);
  if (!result.success) {
    throw new GongwenError(
      result.error.issues.map((i) =>
        diag('font.manifest', { why: [`${i.path.join('.')}：${i.message}`, `${i.path.join('.')}: ${i.message}`] }, { file: path }),
      ),
    );
  }
  remember('font-manifest', path, bytes, result.data);
  return result.data;
}
