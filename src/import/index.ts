// Plain text of an old report → report data (the YAML's content) plus every uncertainty met on the way.
// Pipeline: clean → (re-cut a copy without line breaks) → head → heading tree → parts → metrics → damage.
import { reportTemplates, render } from '../compose/templates.ts';
import type { PartKey, ReportInput } from '../schema/report.ts';
import { cleanText } from './clean.ts';
import { damageNotes } from './damage.ts';
import { readHeader } from './header.ts';
import { importMetrics } from './metrics.ts';
import { mapParts, type Parts } from './parts.ts';
import { countyFromText, mergePlaces, placesIn, townshipFromText, type Places } from './places.ts';
import { isRunTogether, splitRunTogether } from './segment.ts';
import { readBody } from './structure.ts';
import type { Artefact, Note } from './types.ts';

export type { Artefact, Note } from './types.ts';
export { normalisePunctuation } from './punct.ts';

/** The imported data: a report as far as the source tells it. Required fields it lacks stay absent. */
export type ImportedReport = Omit<Partial<ReportInput>, 'parts'> & { parts: Parts };

export interface ImportResult {
  report: ImportedReport;
  artefacts: Artefact[]; // removed from the source, with where they were
  notes: Note[]; // everything uncertain, for the import report
}

// An organ named in the running text (seed 001: 中共高显镇党委、高显镇人民政府以…为指导).
const ORGAN_IN_TEXT = /(?:中共)?[\u4e00-\u9fa5]{2,12}?(?:镇|乡|街道)(?:党委|委员会|人民政府|办事处)/g;

export function importText(raw: string, opts: { source?: string } = {}): ImportResult {
  const cleaned = cleanText(raw);
  const glued = isRunTogether(cleaned.lines);
  const lines = glued ? splitRunTogether(cleaned.lines) : cleaned.lines;
  const head = readHeader(lines, glued ? new Set() : cleaned.blankAfter);
  const body = readBody(head.body, glued);
  const notes: Note[] = [...head.notes, ...body.notes];
  const artefacts = [...cleaned.artefacts, ...head.artefacts];
  if (glued) notes.push({ kind: 'structure', zh: '原文缺少分行（标题与正文连在一起），已按标题序号重新分段', en: 'the source lost its line breaks; it was re-cut at the heading markers' });

  const allText = lines.map((l) => l.text).join('\n');
  const year = yearOf(head.title ?? '') ?? yearOf(allText);

  let organs = head.organs;
  if (organs.length === 0) {
    organs = [...new Set(body.lead.join('\n').match(ORGAN_IN_TEXT) ?? [])];
    if (organs.length > 0) {
      notes.push({ kind: 'inferred', zh: `原文无发文机关行，发文机关取自导语：${organs.join('、')}`, en: `no organ line; organs taken from the lead: ${organs.join(', ')}` });
    }
  }
  // The government before the Party committee when reading places: its name carries the county.
  const byGovFirst = [...organs].sort((a, b) => Number(/政府|办事处/.test(b)) - Number(/政府|办事处/.test(a)));
  let places: Places = mergePlaces(...byGovFirst.map(placesIn), placesIn(head.title ?? ''));
  if (!places.township) {
    const t = townshipFromText(allText);
    if (t) {
      places = { ...places, township: t };
      notes.push({ kind: 'inferred', zh: `乡镇名取自正文：${t}`, en: `township taken from the running text: ${t}` });
    }
  }
  if (!places.county) {
    const c = countyFromText(allText);
    if (c.county) {
      places = mergePlaces(places, c);
      notes.push({ kind: 'inferred', zh: `县（市、区）取自正文：${c.city ?? ''}${c.county}`, en: `county taken from the running text: ${c.city ?? ''}${c.county}` });
    }
  }
  if (organs.length === 0 && places.township) {
    organs = [`${places.township}人民政府`];
    notes.push({ kind: 'inferred', zh: `原文未写发文机关，按乡镇名拟为“${organs[0]}”，请核对`, en: `the source names no organ; "${organs[0]}" was made from the township name` });
  }

  const standard = (k: PartKey): string => render(reportTemplates().parts[k], { year, nextYear: year === undefined ? undefined : year + 1 });
  const parts = mapParts(body.sections, year ?? 0, standard, notes);
  const texts = [head.title ?? '', ...body.lead, ...partTexts(parts), ...body.closing];
  const metrics = importMetrics(texts, notes);
  notes.push(...damageNotes(texts));

  for (const [field, zh] of [['township', '乡镇'], ['county', '县（市、区）']] as const) {
    if (!places[field]) notes.push({ kind: 'missingField', zh: `原文未写明${zh}，请手工填写 ${field}`, en: `the source does not name the ${field}; fill it in by hand` });
  }
  if (year === undefined) notes.push({ kind: 'missingField', zh: '原文未写明年度，请手工填写 year', en: 'the source gives no year; fill it in by hand' });
  if (organs.length === 0) notes.push({ kind: 'missingField', zh: '原文未写明发文机关', en: 'the source names no issuing organ' });

  // Keys in the schema's order, so the YAML reads like every hand-written file.
  const report: ImportedReport = {
    ...(places.township ? { township: places.township } : {}),
    ...(places.county ? { county: places.county } : {}),
    ...(places.city ? { city: places.city } : {}),
    ...(places.province ? { province: places.province } : {}),
    ...(year !== undefined ? { year } : {}),
    variant: 'file-up',
    ...(organs.length > 0 ? { issuingOrgans: organs.map((name) => ({ name })) } : {}),
    ...(head.addressee ? { addressee: head.addressee } : {}),
    ...(head.title ? { title: head.title } : {}),
    ...(body.lead.length > 0 ? { lead: body.lead } : {}),
    parts,
    ...(body.closing.length > 0 ? { closing: body.closing } : {}),
    ...(Object.keys(metrics).length > 0 ? { metrics } : {}),
    ...(opts.source ? { source: opts.source } : {}),
  };
  return { report, artefacts, notes };
}

function yearOf(text: string): number | undefined {
  const m = /((?:19|20)\d{2})年/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Every text of the parts in reading order: headings, paragraphs, nested items. */
export function partTexts(parts: Parts): string[] {
  const out: string[] = [];
  type I = { heading: string; paragraphs?: string[]; items?: I[] };
  const walk = (items: I[] | undefined) => {
    for (const it of items ?? []) {
      out.push(it.heading, ...(it.paragraphs ?? []));
      walk(it.items);
    }
  };
  for (const key of ['measures', 'leadership', 'shortcomings', 'nextYear', 'other'] as const) {
    const p = parts[key];
    if (!p) continue;
    if (p.heading) out.push(p.heading);
    out.push(...(p.paragraphs ?? []));
    walk(p.items);
  }
  return out;
}
