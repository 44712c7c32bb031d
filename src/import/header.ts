// The document head: issuing organs (发文机关), title (标题), addressee (主送机关); what follows is the body.
import { headingStart } from './headings.ts';
import type { Artefact, Note, SourceLine } from './types.ts';

export interface Header {
  organs: string[];
  title?: string;
  addressee?: string;
  body: SourceLine[]; // the lines after the head, lead paragraph first
  artefacts: Artefact[];
  notes: Note[];
}

const ORGAN = /(人民政府|委员会|党委|党工委|办事处|政府)$/;
const ADDRESSEE = /^([\u4e00-\u9fa5、]{2,30})[：:]$/;
const ADDRESSEE_WORD = /(委|政府|人大|办公室|办)/;
const TITLE_WORD = /(报告|报\s+告|情况|总结|方案)/;
// An addressee run into the title (seed 004: "…工作方案区政府:根据…"): a short 区/县/市 organ and a colon.
const RUN_IN_ADDRESSEE = /^(.{6,120}?)((?:[区县市]委、)?[区县市](?:委|政府|人民政府))[：:]/;

/** Removes spaces inside a Chinese title: "报  告" → "报告". */
const tightTitle = (s: string): string => s.replace(/\s+/g, '');

function isOrganLine(t: string): boolean {
  return t.length <= 40 && ORGAN.test(t) && !/报告|[，。：；]/.test(t);
}

export function readHeader(lines: SourceLine[], blankAfter: Set<number>): Header {
  const artefacts: Artefact[] = [];
  const notes: Note[] = [];
  // A head run into the text in one line (seed 004): split title and addressee off the first line.
  const organs: string[] = [];
  let i = 0;
  while (i < lines.length && isOrganLine(lines[i].text)) organs.push(...organNames(lines[i++].text));
  const first = lines[i];
  if (first && first.text.length > 120) {
    const m = RUN_IN_ADDRESSEE.exec(first.text);
    if (m) {
      const title = dedupeTitle(m[1], first.line, artefacts);
      const rest = first.text.slice(m[0].length);
      return { organs, title, addressee: m[2], body: [{ text: rest, line: first.line }, ...lines.slice(i + 1)], artefacts, notes };
    }
    return { organs, body: lines.slice(i), artefacts, notes };
  }

  // The head stands before the first line of running text; read it backwards from there: the addressee
  // (区委、区政府：), up to three title lines (a title split over two lines, 报  告 alone), the organs.
  const lead = lines.findIndex((l, k) => k >= HEAD_SCAN || isRunningText(l.text));
  const end = lead < 0 ? lines.length : lead;
  let j = end - 1;
  let addressee: string | undefined;
  const a = j >= 0 ? ADDRESSEE.exec(lines[j].text) : null;
  if (a && ADDRESSEE_WORD.test(a[1])) {
    addressee = a[1];
    j--;
  }
  let t = j;
  while (t >= 0 && j - t < 3 && isTitleLine(lines[t].text) && !(t < j && blankAfter.has(t))) t--;
  let title: string | undefined = tightTitle(lines.slice(t + 1, j + 1).map((l) => l.text).join(''));
  if (title === '' || !TITLE_WORD.test(title)) {
    // No title: what stands before the running text is the text itself (an excerpt), after any organ lines.
    title = undefined;
    if (addressee === undefined) return { organs, body: lines.slice(i), artefacts, notes };
    t = j;
  }
  let o = t;
  const headOrgans: string[] = [];
  while (o >= 0 && isOrganLine(lines[o].text)) headOrgans.unshift(...organNames(lines[o--].text));
  // Before the organs or the title: what a web page put above the document (index numbers, breadcrumbs,
  // the title once more). Removed and listed; a document number among it is offered to the clerk.
  for (const d of lines.slice(0, o + 1)) {
    artefacts.push({ line: d.line, text: d.raw ?? d.text, reason: '标题之前的网页残留 / web page debris before the title' });
    const n = DOC_NUMBER.exec(d.text);
    if (n) notes.push({ kind: 'inferred', line: d.line, zh: `网页信息中的发文字号“${n[1]}”未导入，如属本文请填入 docNumber`, en: `document number ${n[1]} in the page's metadata was not imported; put it in docNumber if it is this report's` });
  }
  return { organs: headOrgans, title, addressee, body: lines.slice(end), artefacts, notes };
}

/** The first lines searched for the head; a report's head never runs longer (web page debris included). */
const HEAD_SCAN = 40;
const DOC_NUMBER = /(?:发文字号|文\s*号)\s*[\]】]?\s*[：:]?\s*([\u4e00-\u9fa5]{1,10}[〔［\[(（【]\d{4}[〕］\])）】]\d+号)/;

/** A paragraph of the text: a sentence, a long line, a heading, or a lead ending in a colon (…报告如下：). */
function isRunningText(t: string): boolean {
  return t.length > 60 || /[。！？；]$/.test(t) || headingStart(t) !== undefined || (/[：:]$/.test(t) && /[，,]|如下/.test(t));
}

/** A line that can be part of a title: short, no sentence punctuation, no page furniture. */
function isTitleLine(t: string): boolean {
  return t.length <= 60 && !/[，。；：:|]/.test(t) && !/^[-•·\[【]/.test(t) && !isOrganLine(t) && !ADDRESSEE.test(t);
}

/** 中共大马营镇委员会 大马营镇人民政府: two organs on one line, apart by spaces. */
function organNames(t: string): string[] {
  const parts = t.split(/[\s\u3000]+/).filter((p) => p !== '');
  return parts.length > 1 && parts.every((p) => ORGAN.test(p)) ? parts : [t];
}

/** "XY" where X === Y: a title pasted twice (seed 004); keep one and record the other as removed. */
function dedupeTitle(title: string, line: number, artefacts: Artefact[]): string {
  const half = title.length / 2;
  if (Number.isInteger(half) && title.slice(0, half) === title.slice(half)) {
    artefacts.push({ line, text: title.slice(half), reason: '标题重复一遍 / title repeated' });
    return title.slice(0, half);
  }
  return title;
}
