// The pipeline's calls into the other layers, one line each, so the build code names what it needs.
import { loadFontSet } from '../fonts/index.ts';

export { loadReportFile as loadReport } from '../load/index.ts';

/** The font files the PDF writer embeds, as resolved for this machine: they feed the cache key. */
export async function fontFiles(): Promise<string[]> {
  const set = loadFontSet();
  return [...new Set(Object.values(set.fonts).map((f) => f.path))].sort();
}
