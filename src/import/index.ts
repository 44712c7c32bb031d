// Plain text of an old report → report data (the YAML's content) plus every uncertainty met on the way.
// Pipeline: clean → (re-cut a copy without line breaks) → head → ending (附件, date) → the author's body as
// written → covers guessed per chapter → metrics → damage. Nothing is merged, moved or renumbered.
import type { Attachment, BodyNode, PartKey, Section } from '../schema/body.ts';
import type { ReportInput } from '../schema/report.ts';
import { bodyTexts as walkBody } from '../schema/bodyWalk.ts';
import { readEnding } from './attachments.ts';
import { cleanText } from './clean.ts';
import { coversNotes, guessCovers } from './covers.ts';
import { damageNotes } from './damage.ts';
import type { Given } from './given.ts';
import { readHeader } from './header.ts';
import { importMetrics } from './metrics.ts';
import { countyFromText, countyOfAddressee, governmentOf, mergePlaces, organOfTitle, placesIn, townshipFromText, type Places } from './places.ts';
import { isRunTogether, splitRunTogether } from './segment.ts';
import { isSection, readBody, type TreeNode } from './structure.ts';
import type { Artefact, Note } from './types.ts';

export type { Artefact, Note } from './types.ts';
export { normalisePunctuation } from './punct.ts';

/** The imported data: a report as far as the source tells it. Required fields it lacks stay absent. */
export type ImportedReport = Omit<Partial<ReportInput>, 'parts' | 'lead' | 'closing' | 'attachments'> & {
  body: BodyNode[];
  attachments?: Attachment[];
};

export interface ImportResult {
  report: ImportedReport;
  artefacts: Artefact[]; // removed from the source, with where they were
  notes: Note[]; // everything uncertain, for the import report
}

// An organ named in the running text (seed 001: 中共高显镇党委、高显镇人民政府以…为指导).
const ORGAN_IN_TEXT = /(?:中共)?[\u4e00-\u9fa5]{2,12}?(?:镇|乡|街道)(?:党委|委员会|人民政府|办事处)/g;

export function importText(raw: string, opts: { source?: string; given?: Given } = {}): ImportResult {
  const given: Given = opts.given ?? { from: {} };
  const rawLines = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const cleaned = cleanText(raw);
  const glued = isRunTogether(cleaned.lines);
  const lines = glued ? splitRunTogether(cleaned.lines) : cleaned.lines;
  const head = readHeader(lines, glued ? new Set() : cleaned.blankAfter);
  const ending = readEnding(head.body);
  const body = readBody(ending.main, glued, rawLines);
  const notes: Note[] = [...head.notes, ...body.notes];
  const artefacts = [...cleaned.artefacts, ...head.artefacts, ...body.artefacts];
  if (glued) notes.push({ kind: 'structure', zh: '原文缺少分行（标题与正文连在一起），已按标题序号重新分段', en: 'the source lost its line breaks; it was re-cut at the heading markers' });
  const attachments = readAttachments(ending, glued, rawLines, notes, artefacts);

  const allText = lines.map((l) => l.text).join('\n');
  const textYear = yearOf(head.title ?? '') ?? yearOf(allText);
  const year = textYear ?? given.year;
  if (textYear !== undefined && given.year !== undefined && textYear !== given.year) {
    notes.push({ kind: 'inferred', zh: `正文年度 ${textYear} 与 ${given.from.year} 中的 ${given.year} 不一致，保留正文的 ${textYear}`, en: `the text's year ${textYear} differs from ${given.year} in ${given.from.year}; the text's was kept` });
  } else if (textYear === undefined && year !== undefined) {
    notes.push({ kind: 'given', zh: `年度 ${year} 取自 ${given.from.year}`, en: `year ${year} taken from ${given.from.year}` });
  }

  const leadTexts = body.nodes.filter((n): n is string => typeof n === 'string');
  let organs = given.organs ?? (head.organs.length > 0 ? head.organs : ending.signature);
  if (given.organs) notes.push({ kind: 'given', zh: `发文机关取自 --organ：${organs.join('、')}`, en: `organs from --organ: ${organs.join(', ')}` });
  const titleOrgan = organOfTitle(head.title ?? '');
  if (organs.length === 0 && titleOrgan) {
    organs = [titleOrgan];
    notes.push({ kind: 'inferred', zh: `原文无发文机关行，发文机关取自标题：${titleOrgan}`, en: `no organ line; the organ taken from the title: ${titleOrgan}` });
  }
  if (organs.length === 0) {
    organs = [...new Set(leadTexts.slice(0, 1).join('\n').match(ORGAN_IN_TEXT) ?? [])];
    if (organs.length > 0) {
      notes.push({ kind: 'inferred', zh: `原文无发文机关行，发文机关取自导语：${organs.join('、')}`, en: `no organ line; organs taken from the lead: ${organs.join(', ')}` });
    }
  }
  const places = readPlaces(organs, head.title ?? '', head.addressee, allText, given, notes);
  if (organs.length === 0 && places.township) {
    organs = [governmentOf(places.township)];
    notes.push({ kind: 'inferred', zh: `原文未写发文机关，按乡镇名拟为“${organs[0]}”，请核对`, en: `the source names no organ; "${organs[0]}" was made from the township name` });
  }

  const guesses = guessCovers(body.nodes, year ?? 0);
  notes.push(...coversNotes(guesses));
  const coversOf = new Map(guesses.map((g) => [g.section, g.covers]));
  const out = toBody(body.nodes, coversOf);
  const texts = [head.title ?? '', ...bodyTexts(out), ...attachments.flatMap((a) => (typeof a === 'string' ? [a] : [a.title, ...bodyTexts(a.body ?? [])]))];
  const metrics = importMetrics(texts, notes);
  notes.push(...damageNotes(texts));

  const fill: Record<string, string> = {
    township: '乡镇（街道）名，如 --township 岔河镇',
    county: '县（市、区）名，如 --county 如东县，或把 --out 指向含 county.yaml 的县目录',
    year: '年度，或把 --out 指向含 county.yaml 的县目录',
    issuingOrgans: '发文机关，如 --organ 如东县岔河镇人民政府（联合行文可重复）',
  };
  const missing = (field: keyof typeof fill, en: string) =>
    notes.push({ kind: 'missingField', zh: `原文未写明 ${field}，请填写：${fill[field]}；或在 YAML 中手工填写`, en: `the source does not give ${field}: ${en}, or fill it in the YAML` });
  if (!places.township) missing('township', 'pass --township');
  if (!places.county) missing('county', 'pass --county, or write --out into a county folder holding county.yaml');
  if (year === undefined) missing('year', 'write --out into a county folder holding county.yaml');
  if (organs.length === 0) missing('issuingOrgans', 'pass --organ (repeat it for a joint issuance)');

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
    ...(ending.date ? { date: ending.date } : {}),
    ...(head.title ? { title: head.title } : {}),
    body: out,
    ...(attachments.length > 0 ? { attachments } : {}),
    ...(Object.keys(metrics).length > 0 ? { metrics } : {}),
    ...(opts.source ? { source: opts.source } : {}),
  };
  return { report, artefacts, notes };
}

/** Township and county from the organs, the title, the running text; then what the user gave. */
function readPlaces(organs: string[], title: string, addressee: string | undefined, allText: string, given: Given, notes: Note[]): Places {
  // The government before the Party committee: its name carries the county.
  const byGovFirst = [...organs].sort((a, b) => Number(/政府|办事处/.test(b)) - Number(/政府|办事处/.test(a)));
  let places: Places = mergePlaces(...byGovFirst.map(placesIn), placesIn(title));
  if (given.township) {
    if (places.township && places.township !== given.township) notes.push({ kind: 'given', zh: `原文乡镇为“${places.township}”，按 --township 改为“${given.township}”`, en: `township ${places.township} in the text replaced by --township ${given.township}` });
    places = { ...places, township: given.township };
  } else if (!places.township) {
    const t = townshipFromText(allText);
    if (t) {
      places = { ...places, township: t };
      notes.push({ kind: 'inferred', zh: `乡镇名取自正文：${t}`, en: `township taken from the running text: ${t}` });
    }
  }
  if (given.county) {
    if (places.county && places.county !== given.county) {
      notes.push({ kind: 'given', zh: `原文县（市、区）为“${places.county}”，按 ${given.from.county} 改为“${given.county}”`, en: `county ${places.county} in the text replaced by ${given.county} from ${given.from.county}` });
    } else if (!places.county) notes.push({ kind: 'given', zh: `县（市、区）“${given.county}”取自 ${given.from.county}`, en: `county ${given.county} from ${given.from.county}` });
    places = { ...places, county: given.county, ...(given.city ? { city: given.city } : {}), ...(given.province ? { province: given.province } : {}) };
  } else if (!places.county && addressee && countyOfAddressee(addressee)) {
    const county = countyOfAddressee(addressee)!;
    places = { ...places, county };
    notes.push({ kind: 'inferred', zh: `县（市、区）取自主送机关“${addressee}”：${county}`, en: `county taken from the addressee ${addressee}: ${county}` });
  } else if (!places.county) {
    const c = countyFromText(allText);
    if (c.county) {
      places = mergePlaces(places, c);
      notes.push({ kind: 'inferred', zh: `县（市、区）取自正文：${c.city ?? ''}${c.county}`, en: `county taken from the running text: ${c.city ?? ''}${c.county}` });
    }
  }
  return places;
}

function readAttachments(ending: ReturnType<typeof readEnding>, glued: boolean, rawLines: readonly string[], notes: Note[], artefacts: Artefact[]): Attachment[] {
  if (ending.date) notes.push({ kind: 'inferred', line: ending.dateLine, zh: `成文日期取自文末：${ending.date}`, en: `date taken from the end of the text: ${ending.date}` });
  if (ending.attachments.length === 0) return ending.listed;
  return ending.attachments.map((a) => {
    const tree = readBody(a.lines, glued, rawLines);
    notes.push(...tree.notes);
    artefacts.push(...tree.artefacts);
    const body = toBody(tree.nodes, new Map());
    return body.length > 0 ? { title: a.title, body } : { title: a.title };
  });
}

function toBody(nodes: TreeNode[], covers: Map<TreeNode, PartKey[]>): BodyNode[] {
  return nodes.map((n): BodyNode => {
    if (!isSection(n)) return n;
    const c = covers.get(n);
    const section: Section = {
      heading: n.heading,
      number: n.number,
      ...(c && c.length > 0 ? { covers: c.length === 1 ? c[0] : c } : {}),
      ...(n.inline ? { inline: true } : {}),
      ...(n.body.length > 0 ? { body: toBody(n.body, covers) } : {}),
    };
    return section;
  });
}

function yearOf(text: string): number | undefined {
  const m = /((?:19|20)\d{2})年/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Every text of a body in reading order, as the checks and the roll-up read it (a table row as one phrase). */
export const bodyTexts = (body: readonly BodyNode[]): string[] => walkBody(body, []).map((p) => p.text);
