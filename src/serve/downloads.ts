// Downloads of a county folder: the roll-up in one format, or every township's PDF and DOCX as one zip.
import { basename } from 'node:path';
import { zipSync } from 'fflate';
import { buildCountyOutputs, safeFileName } from '../pipeline/county.ts';
import { countyReportFiles } from '../pipeline/discover.ts';
import { composeReport } from '../compose/report.ts';
import { loadReportFile } from '../load/index.ts';
import { defaultWriterInputs } from '../render/inputs.ts';
import { renderGongwen } from '../render/index.ts';
import { dirname } from 'node:path';
import type { CountyFormat } from '../pipeline/jobs.ts';
import { RequestError } from './guard.ts';

export interface Download {
  name: string;
  bytes: Uint8Array;
}

export async function rollupDownload(dir: string, format: CountyFormat): Promise<Download> {
  const out = await buildCountyOutputs(dir, { formats: [format], draft: false });
  return { name: `${out.baseName}.${format}`, bytes: out.files[0].bytes };
}

// A fixed date inside the zip: the same reports give the same bytes (as the DOCX writer does).
const ZIP_DATE = new Date(Date.UTC(2000, 0, 1));

/** Every valid report of the folder as PDF and DOCX; invalid ones are listed in 未生成.txt instead. */
export async function townshipsZip(dir: string): Promise<Download> {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const skipped: string[] = [];
  for (const file of await countyReportFiles(dir)) {
    const loaded = loadReportFile(file);
    if (!loaded.ok) {
      skipped.push(`${basename(file)}：未通过校验 / invalid`);
      continue;
    }
    const doc = composeReport(loaded.report, { baseDir: dirname(file) });
    const out = await renderGongwen(doc, { ...defaultWriterInputs(), formats: ['pdf', 'docx'] });
    const stem = safeFileName(basename(file).replace(/\.ya?ml$/i, ''));
    for (const f of out.files) files[`${stem}.${f.format}`] = [f.bytes, { mtime: ZIP_DATE }];
  }
  if (Object.keys(files).length === 0) throw new RequestError(422, '这个文件夹里没有可生成的报告', 'no valid report in this folder');
  if (skipped.length > 0) files['未生成.txt'] = [new TextEncoder().encode(skipped.join('\n') + '\n'), { mtime: ZIP_DATE }];
  return { name: `${safeFileName(basename(dir))}-各乡镇报告.zip`, bytes: zipSync(files, { level: 6 }) };
}
