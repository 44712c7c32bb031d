// Import from the browser: an old report's bytes (.txt in UTF-8 or GB18030, or .docx) → a new report YAML
// in the chosen folder beside its import report, exactly as `gongwen import` writes them.
import { existsSync } from 'node:fs';
import { writeFileAtomic } from '../pipeline/safeWrite.ts';
import { importText } from '../import/index.ts';
import { givenByFolder } from '../import/given.ts';
import { decodeText, docxText } from '../import/decode.ts';
import { importReportMarkdown } from '../import/reportMd.ts';
import { reportYaml } from '../import/write.ts';
import { safeFileName } from '../pipeline/county.ts';
import type { DataRoot } from './files.ts';
import { RequestError } from './guard.ts';
import type { ImportResponse } from './protocol.ts';

const SOURCE = /\.(txt|docx)$/i;

export async function importUpload(root: DataRoot, folder: string, name: string, bytes: Uint8Array): Promise<ImportResponse> {
  if (!SOURCE.test(name)) throw new RequestError(415, '只能导入 .txt 或 .docx 文件', 'only .txt and .docx files can be imported');
  const text = /\.docx$/i.test(name) ? await docxText(bytes).catch(() => {
    throw new RequestError(422, '无法读取这个 .docx 文件', 'cannot read this .docx file');
  }) : decodeText(bytes).text;
  // The uploaded name only suggests the YAML's: made safe, and never over an existing file.
  const stem = safeFileName(name.replace(SOURCE, '')).replace(/^\.+/, '_');
  let target = await root.creatable(folder, `${stem}.yaml`);
  for (let n = 2; existsSync(target); n++) target = await root.creatable(folder, `${stem}-${n}.yaml`);
  // As `gongwen import --out` into a county folder: what the text lacks (county, year) comes from county.yaml.
  const result = importText(text, { source: name, given: givenByFolder(target) });
  await writeFileAtomic(target, reportYaml(result.report, target));
  await writeFileAtomic(target.replace(/\.yaml$/, '.import.md'), importReportMarkdown(name, result));
  return {
    path: root.relName(target),
    notes: result.notes.map((n) => ({ kind: n.kind, zh: n.zh, en: n.en, line: n.line })),
    artefacts: result.artefacts.map((a) => ({ line: a.line, text: a.text, reason: a.reason })),
  };
}
