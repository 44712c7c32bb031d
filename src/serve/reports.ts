// One report in the editor: open it, check an edited version (the same loader `gongwen validate` runs),
// save it (atomically, refusing a file that changed on disk, keeping an invalid version as a draft only).
import { createHash } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { loadReportText, type LoadResult } from '../load/index.ts';
import { Report } from '../schema/report.ts';
import { isLegacyDocument, upgradeDocument } from '../load/legacy.ts';
import { writeFileAtomic } from '../pipeline/safeWrite.ts';
import { diagViews } from './diagPaths.ts';
import { RequestError } from './guard.ts';
import type { DiagView, Opened, SaveResponse } from './protocol.ts';
import { applyData, yamlText } from './yamlEdit.ts';

export const REPORT_FILE = /\.ya?ml$/i;

/** The schema's key order: a field the file lacks (a date filled in) goes where the schema puts it. */
const REPORT_KEYS = Object.keys(Report.shape);

export const versionOf = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The draft of `file`: hidden and without a .yaml ending, so no build, watch or validate ever picks it up. */
export const draftPath = (file: string): string => join(dirname(file), `.${basename(file)}.draft`);

function parse(text: string): Document {
  return parseDocument(text, { keepSourceTokens: false });
}

/**
 * A report's Document as the editor works on it: a file still in the first form (lead, parts, closing) is
 * upgraded to the body form in place, as the loader and `gongwen migrate` do, comments and modeline kept;
 * saving it then writes the body form.
 */
function parseReport(text: string): Document {
  const doc = parse(text);
  if (doc.errors.length === 0 && isLegacyDocument(doc)) upgradeDocument(doc);
  return doc;
}

async function readDraft(file: string): Promise<Opened['draft']> {
  const path = draftPath(file);
  try {
    const [text, st] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { data: parse(text).toJS(), savedAt: st.mtime.toISOString() };
  } catch {
    return undefined;
  }
}

export async function openReport(file: string, rel: string): Promise<Opened> {
  const text = await readFile(file, 'utf8');
  const doc = parseReport(text);
  if (doc.errors.length > 0) {
    // A file with YAML syntax errors cannot become form fields; say where, as `validate` does.
    const r = loadReportText(text, rel);
    const first = r.ok ? undefined : r.diagnostics[0];
    throw new RequestError(422, `YAML 语法错误，请先在文本编辑器中修正：${first ? `${first.line}:${first.col} ${first.zh}` : ''}`, 'YAML syntax error: fix it in a text editor first');
  }
  return { path: rel, version: versionOf(text), data: doc.toJS(), text, draft: await readDraft(file) };
}

/** An edited version: its YAML text (the file's own, with the edits laid over) and what the loader says of it. */
export interface Checked {
  text: string;
  loaded: LoadResult;
  diagnostics: DiagView[];
}

export function checkEdited(diskText: string, data: unknown, rel: string): Checked {
  const doc = parseReport(diskText);
  applyData(doc, data, REPORT_KEYS);
  const text = yamlText(doc);
  const loaded = loadReportText(text, rel);
  const list = loaded.ok ? loaded.warnings : loaded.diagnostics;
  return { text, loaded, diagnostics: diagViews(list, text) };
}

export async function saveReport(file: string, rel: string, data: unknown, version: string, force: boolean): Promise<SaveResponse> {
  const diskText = await readFile(file, 'utf8');
  const checked = checkEdited(diskText, data, rel);
  if (versionOf(diskText) !== version && !force) {
    return { saved: 'conflict', disk: await openReport(file, rel), mine: checked.text };
  }
  if (!checked.loaded.ok) {
    await writeFileAtomic(draftPath(file), checked.text);
    return { saved: 'draft', diagnostics: checked.diagnostics };
  }
  if (checked.text !== diskText) await writeFileAtomic(file, checked.text);
  await rm(draftPath(file), { force: true });
  return { saved: 'file', version: versionOf(checked.text), diagnostics: checked.diagnostics };
}
