// Groups the townships' shortcomings (三、存在的不足) and plans (四、下一年度安排) by theme,
// using the keyword dictionary in templates/themes.yaml that the county office can edit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { Text } from '../schema/common.ts';
import { TOOL_ROOT } from '../toolRoot.ts';
import type { Report } from '../schema/report.ts';
import type { BodyNode, PartKey } from '../schema/body.ts';
import { bodyTexts, sectionsCovering } from '../schema/bodyWalk.ts';
import type { ThemeGroup } from './types.ts';

export const ThemeDictionary = z.strictObject({
  themes: z
    .array(
      z.strictObject({
        key: Text,
        shortcoming: Text, // the theme's name among shortcomings, e.g. 执法力量不足
        plan: Text, // its name among next-year plans, e.g. 充实基层执法力量
        keywords: z.array(Text).min(1),
      }),
    )
    .min(1),
});
export type ThemeDictionary = z.infer<typeof ThemeDictionary>;

export const THEMES_PATH = join(TOOL_ROOT, 'templates', 'themes.yaml');

let cached: ThemeDictionary | undefined;
export function loadThemes(path = THEMES_PATH): ThemeDictionary {
  if (path === THEMES_PATH && cached) return cached;
  const dict = ThemeDictionary.parse(parse(readFileSync(path, 'utf8')));
  if (path === THEMES_PATH) cached = dict;
  return dict;
}

const POINT_MARK = /(?=[一二三四五六七八九十]+是)/u;

const textOf = (nodes: readonly BodyNode[]): string => bodyTexts(nodes, []).map((t) => t.text).join('');

/**
 * The points a report makes on a part: under each section covering it, each sub-section whole and
 * loose paragraphs split at 一是/二是…
 */
export function partPoints(body: Report['body'], key: PartKey): string[] {
  return sectionsCovering(body, key)
    .flatMap(({ section }) =>
      (section.body ?? []).flatMap((node) => (typeof node === 'string' ? node.split(POINT_MARK) : [textOf([node])])),
    )
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export const OTHER_THEME = { key: 'other', label: '其他' };

/**
 * Themes in dictionary order, each with the townships (in the order given) that raised it;
 * a point matching no keyword goes under 其他 so nothing a township wrote is lost.
 */
export function groupByTheme(
  entries: { township: string; points: string[] }[],
  dict: ThemeDictionary,
  side: 'shortcoming' | 'plan',
): ThemeGroup[] {
  const groups: ThemeGroup[] = dict.themes.map((t) => ({ key: t.key, label: t[side], townships: [], points: [] }));
  const other: ThemeGroup = { ...OTHER_THEME, townships: [], points: [] };
  for (const { township, points } of entries) {
    for (const text of points) {
      const hits = dict.themes.flatMap((t, i) => (t.keywords.some((k) => text.includes(k)) ? [groups[i]] : []));
      for (const g of hits.length ? hits : [other]) {
        g.points.push({ township, text });
        if (!g.townships.includes(township)) g.townships.push(township);
      }
    }
  }
  return [...groups, other].filter((g) => g.townships.length > 0);
}
