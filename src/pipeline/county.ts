// A county folder → its roll-up files (<county><year>汇总.pdf/.docx/.xlsx) as bytes, with the name to give them.
import { join } from 'node:path';
import { GongwenError, type Diagnostic } from '../diagnostics.ts';
import { glyphsOf } from '../fonts/coverage.ts';
import { loadCountyFile } from '../load/index.ts';
import { preflightCounty } from '../preflight.ts';
import { COUNTY_FILE, rollupCounty } from '../rollup/index.ts';
import { composeRollup } from '../compose/rollup.ts';
import { renderGongwen, type Format } from '../render/index.ts';
import { defaultWriterInputs } from '../render/inputs.ts';
import { renderRollupXlsx } from '../render/xlsx/index.ts';
import type { CountyFormat, LoadedReport } from './jobs.ts';

export interface CountyOutputs {
  baseName: string; // e.g. 示例县2023汇总
  files: { format: CountyFormat; bytes: Uint8Array }[];
  deps: string[]; // seal images the roll-up document reads
  warnings: Diagnostic[];
}

/** Turns any text into one safe file-name component: no separators, no leading dot, no control characters. */
export function safeFileName(s: string): string {
  const cleaned = s.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^\.+/, '_').trim();
  // At most 200 bytes, so the name with its extension fits NAME_MAX (255 bytes): 66 CJK characters.
  let out = '';
  for (const ch of cleaned) {
    if (Buffer.byteLength(out + ch) > 200) break;
    out += ch;
  }
  return out || '_';
}

export async function buildCountyOutputs(
  dir: string,
  opts: { formats: CountyFormat[]; draft: boolean; preloaded?: LoadedReport[] },
): Promise<CountyOutputs> {
  const preloaded = new Map(opts.preloaded?.map((l) => [l.file, { ok: true as const, value: l.report, warnings: l.warnings }]));
  const summary = rollupCounty(dir, preloaded);
  const inputs = defaultWriterInputs();
  // county.yaml's values are printed as the reports' are: a character no font has is refused at its line.
  const county = loadCountyFile(join(dir, COUNTY_FILE));
  if (county.ok) {
    const missing = preflightCounty(county, glyphsOf(inputs.fonts));
    if (missing.length > 0) throw new GongwenError(missing);
  }
  const doc = composeRollup(summary);
  const docFormats = opts.formats.filter((f): f is Format => f !== 'xlsx');
  const rendered = await renderGongwen(doc, { ...inputs, formats: docFormats, draft: opts.draft });
  const files: CountyOutputs['files'] = [...rendered.files];
  if (opts.formats.includes('xlsx')) files.push({ format: 'xlsx', bytes: await renderRollupXlsx(summary) });
  return {
    // The county name comes from county.yaml: made safe so it can never point outside the output folder.
    baseName: safeFileName(`${summary.county}${summary.year}汇总`),
    files,
    deps: doc.signatures.flatMap((s) => (s.seal ? [s.seal.path] : [])),
    warnings: rendered.warnings,
  };
}
