// The end of a report: the 附件说明 (附件：1．… 2．…), the signature and date, and the attachments' own
// pages (a line 附件1, the title, the content), which GB/T 9704 7.3.7 puts after the text.
import type { SourceLine } from './types.ts';

export interface Ending {
  main: SourceLine[]; // the text before all of this
  listed: string[]; // titles in the 附件说明
  signature: string[]; // organ lines above the date
  date?: string; // ISO, from a line such as 2024年1月5日
  dateLine?: number;
  attachments: { title: string; line: number; lines: SourceLine[] }[];
}

const NOTE = /^附件[：:]\s*(.*)$/;
const MARK = /^附件\s*([0-9０-９]{1,2})?\s*[：:]?$/;
const ITEM = /^([0-9０-９]{1,2})\s*[.．、]\s*/;
const DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const SIGNER = /(人民政府|委员会|党委|党工委|办事处)$/;

export function readEnding(lines: SourceLine[]): Ending {
  // The attachments' pages: from the first line that is only 附件 / 附件1.
  const firstMark = lines.findIndex((l, k) => k > 0 && MARK.test(l.text));
  const attachments: Ending['attachments'] = [];
  let main = firstMark < 0 ? lines : lines.slice(0, firstMark);
  if (firstMark >= 0) {
    for (let k = firstMark; k < lines.length; ) {
      let end = k + 1;
      while (end < lines.length && !MARK.test(lines[end].text)) end++;
      const [title, ...rest] = lines.slice(k + 1, end);
      if (title) attachments.push({ title: title.text, line: title.line, lines: rest });
      k = end;
    }
  }
  // The 附件说明: 附件：1．A then 2．B on the lines below.
  const listed: string[] = [];
  const noteAt = main.findIndex((l) => NOTE.test(l.text));
  if (noteAt >= 0) {
    let k = noteAt;
    const first = NOTE.exec(main[k].text)![1];
    if (first) listed.push(first.replace(ITEM, ''));
    for (k++; k < main.length && ITEM.test(main[k].text); k++) listed.push(main[k].text.replace(ITEM, ''));
    main = [...main.slice(0, noteAt), ...main.slice(k)];
  }
  // Signature and date at the very end.
  let date: string | undefined;
  let dateLine: number | undefined;
  const signature: string[] = [];
  const last = main.at(-1);
  const d = last ? DATE.exec(last.text.replace(/\s+/g, '')) : null;
  if (last && d) {
    date = `${d[1]}-${d[2].padStart(2, '0')}-${d[3].padStart(2, '0')}`;
    dateLine = last.line;
    main = main.slice(0, -1);
    while (main.length > 0 && main.at(-1)!.text.length <= 40 && SIGNER.test(main.at(-1)!.text)) signature.unshift(main.pop()!.text);
  }
  return { main, listed, signature, ...(date ? { date, dateLine } : {}), attachments };
}
