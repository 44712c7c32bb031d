// The document head: issuing organs (发文机关), title (标题), addressee (主送机关); what follows is the body.
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
  return t.length <= 30 && ORGAN.test(t) && !/报告/.test(t);
}

export function readHeader(lines: SourceLine[], blankAfter: Set<number>): Header {
  const organs: string[] = [];
  const artefacts: Artefact[] = [];
  const notes: Note[] = [];
  let i = 0;
  while (i < lines.length && isOrganLine(lines[i].text)) organs.push(lines[i++].text);

  // A head run into the text in one line (seed 004): split title and addressee off the first line.
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

  // Title: up to three short lines before the first blank line, addressee or paragraph; "报  告" may stand alone.
  const titleLines: string[] = [];
  while (i < lines.length && titleLines.length < 3) {
    const t = lines[i].text;
    if (ADDRESSEE.test(t) || t.length > 60 || /[。；：:]$/.test(t) || /^[一二三四五六七八九十]{1,3}、/.test(t)) break;
    titleLines.push(t);
    i++;
    if (blankAfter.has(i - 1)) break;
  }
  let title: string | undefined = tightTitle(titleLines.join(''));
  if (titleLines.length > 0 && !TITLE_WORD.test(title)) {
    // Not a title after all: give the lines back to the body.
    i -= titleLines.length;
    title = undefined;
  }
  if (title === '') title = undefined;

  let addressee: string | undefined;
  const a = lines[i] && ADDRESSEE.exec(lines[i].text);
  if (a && ADDRESSEE_WORD.test(a[1])) {
    addressee = a[1];
    i++;
  }
  return { organs, title, addressee, body: lines.slice(i), artefacts, notes };
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
