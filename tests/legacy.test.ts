// The first data form (lead / five parts / closing) still loads, and converting it loses nothing:
// every file of data/ as it was before the conversion (tests/fixtures/legacy-data/) against data/ now, or,
// for the seeds (re-imported since from their sources by the new importer, issue 10 item 5), against their
// conversion as it was (tests/fixtures/legacy-migrated/).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { migrateText } from '../src/load/migrate.ts';
import { composeReport } from '../src/compose/report.ts';
import { reportTemplates, render } from '../src/compose/templates.ts';
import { chineseNumber } from '../src/compose/numbering.ts';
import { loadReportFile, loadReportText } from '../src/load/index.ts';
import type { Item, LegacyParts } from '../src/schema/legacy.ts';
import { PART_KEYS } from '../src/schema/body.ts';

const ROOT = join(import.meta.dirname, '..');
const LEGACY = join(import.meta.dirname, 'fixtures/legacy-data');
const MIGRATED = join(import.meta.dirname, 'fixtures/legacy-migrated');
/** The converted form of an old file: data/ itself, or the pinned conversion of a file re-imported since. */
const convertedOf = (name: string): string => (existsSync(join(MIGRATED, name)) ? join(MIGRATED, name) : join(ROOT, 'data', name));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') && e.name !== 'county.yaml' ? [join(dir, e.name)] : [],
  );
}
const OLD_FILES = yamlFiles(LEGACY).sort();

interface OldReport {
  year: number;
  lead?: string[];
  parts: LegacyParts;
  closing?: string[];
  attachments?: string[];
  metrics?: Record<string, unknown>;
}

/**
 * What the old form printed, worked out here from the plain data and the old numbering rules
 * (non-empty parts 一、二、… in statutory order, items （一） 1. （1） within each parent): every
 * heading with its number, and every paragraph, in reading order.
 */
function oldDocument(old: OldReport): { headings: string[]; texts: string[] } {
  const headings: string[] = [];
  const texts: string[] = [...(old.lead ?? [])];
  const number = (level: number, n: number) => [`${chineseNumber(n)}、`, `（${chineseNumber(n)}）`, `${n}.`, `（${n}）`][Math.min(level, 4) - 1];
  const item = (it: Item, level: number, n: number) => {
    headings.push(number(level, n) + it.heading);
    texts.push(...(it.paragraphs ?? []));
    (it.items ?? []).forEach((sub, i) => item(sub, level + 1, i + 1));
  };
  let partNo = 0;
  for (const key of PART_KEYS) {
    const part = old.parts[key];
    if (!part || (!part.paragraphs?.length && !part.items?.length)) continue;
    headings.push(number(1, ++partNo) + (part.heading ?? render(reportTemplates().parts[key], { year: old.year, nextYear: old.year + 1 })));
    texts.push(...(part.paragraphs ?? []));
    (part.items ?? []).forEach((it, i) => item(it, 2, i + 1));
  }
  texts.push(...(old.closing ?? []));
  return { headings, texts };
}

describe('the old data form', () => {
  it('has a fixture for every report in data/ (the data before its conversion)', () => {
    const now = yamlFiles(join(ROOT, 'data')).map((f) => relative(join(ROOT, 'data'), f)).sort();
    expect(OLD_FILES.map((f) => relative(LEGACY, f))).toEqual(now);
    expect(OLD_FILES.length).toBeGreaterThanOrEqual(19);
  });

  for (const file of OLD_FILES) {
    const name = relative(LEGACY, file);
    it(`${name}: converts to data/ exactly, and the document loses no heading, number, paragraph, attachment or metric`, () => {
      const text = readFileSync(file, 'utf8');
      const migrated = migrateText(text, file);
      const current = readFileSync(convertedOf(name), 'utf8');
      expect(migrated.status).toBe('migrated');
      if (migrated.status === 'migrated') expect(migrated.text).toBe(current);

      const before = loadReportFile(file);
      const after = loadReportFile(convertedOf(name));
      if (!before.ok || !after.ok) throw new Error('both forms must load');
      expect(before.report).toEqual(after.report);

      const old = parse(text) as OldReport;
      const expected = oldDocument(old);
      const doc = composeReport(after.report, { baseDir: dirname(file) });
      const printed = doc.body.map((b) => (b.kind === 'heading' ? b.text : b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : ''));
      const headingsPrinted = doc.body.flatMap((b) => (b.kind === 'heading' ? [b.text] : b.kind === 'paragraph' && b.runs.length > 1 ? [b.runs[0].text] : []));
      expect(headingsPrinted).toEqual(expected.headings);
      // every paragraph, in order, each whole in one printed block
      let at = 0;
      for (const t of expected.texts) {
        const found = printed.findIndex((p, i) => i >= at && p.endsWith(t));
        expect(found, t.slice(0, 30)).toBeGreaterThanOrEqual(at);
        at = found + 1;
      }
      expect(doc.attachments.map((a) => a.title)).toEqual(old.attachments ?? []);
      expect(after.report.metrics).toEqual(old.metrics);
    });
  }
});

describe('loading the old form', () => {
  const HEAD = ['# yaml-language-server: $schema=../schema/report.schema.json', '# 手工修订：无', 'township: 岔河镇', 'county: 如东县', 'year: 2023', 'issuingOrgans: [{name: 岔河镇人民政府}]']; // lines 1–6

  it('reports an error at the line the clerk wrote, in the new form’s terms', () => {
    const r = loadReportText([...HEAD, 'parts:', '  measures:', '    items:', '      - heading: 加强法治宣传', '        paragraphs:', '          - ""'].join('\n'), 'old.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => [d.line, d.col, d.en.includes('body[0].body[0].body[0]')])).toEqual([[12, 13, true]]);
  });

  it('reports a misspelt part name where it stands', () => {
    const r = loadReportText([...HEAD, 'parts:', '  measure: {paragraphs: [做了工作。]}'].join('\n'), 'old.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics).toHaveLength(1);
      expect(r.diagnostics[0]).toMatchObject({ code: 'schema.enum', line: 8, col: 3 });
    }
  });

  it('migrates keeping the modeline and every comment', () => {
    const text = [...HEAD, '# 导语', 'lead: [开头。]', 'parts:', '  # 第一部分', '  measures:', '    items:', '      - heading: 甲', '        # 段落', '        paragraphs: [做了工作。] # 行尾', '  # 第二部分', '  leadership: {paragraphs: [乙。]}', 'closing: [结尾。] # 末尾', ''].join('\n');
    const m = migrateText(text, 'old.yaml');
    expect(m.status).toBe('migrated');
    if (m.status !== 'migrated') return;
    for (const c of ['# yaml-language-server: $schema=../schema/report.schema.json', '# 手工修订：无', '# 导语', '# 第一部分', '# 段落', '# 行尾', '# 第二部分', '# 末尾']) expect(m.text).toContain(c);
    expect(migrateText(m.text, 'old.yaml').status).toBe('current');
  });

  it('`gongwen migrate` rewrites a folder in place, and a second run changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-migrate-'));
    const file = join(dir, '岔河镇.yaml');
    writeFileSync(file, readFileSync(OLD_FILES.find((f) => f.includes('岔河镇'))!, 'utf8'));
    const run = () => execFileSync(process.execPath, [join(ROOT, 'bin/gongwen.js'), 'migrate', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(run()).toContain('1 migrated');
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(convertedOf('seeds/岔河镇-2023.yaml'), 'utf8'));
    expect(run()).toContain('0 migrated');
    expect(readdirSync(dir)).toEqual(['岔河镇.yaml']);
  });
});
