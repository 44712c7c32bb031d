// The attachments' own pages (附件, GB/T 9704 7.3.7): each attachment that carries content starts on a new
// page after the signature: 附件 (附件N when there are several, N as in the 附件说明) flush left on line 1 in
// 三号黑体, its title centred on line 3 in the title's style, then its blocks in the body's flow (headings,
// paragraphs, tables whose header row repeats on every page). An attachment given by name only prints in the
// 附件说明 alone.
import type { Gongwen } from '../compose/model.ts';
import type { Profile } from '../schema/profile.ts';
import { baselineInLine, type Geometry } from './geometry.ts';
import type { Measure } from './measure.ts';
import { flowBody, type FlowEntry } from './body.ts';
import { needs, paginate } from './paginate.ts';
import { placeAt, setText } from './style.ts';
import { placeTitle } from './title.ts';
import type { Landed, PageItem } from './types.ts';

export interface AttachmentPages {
  pages: PageItem[][];
  /** Where each attachment with content starts (index among these pages). */
  starts: { item: number; page: number }[];
  /** Each flowed entry of each attachment, with where it landed (page index among these pages). */
  flowed: { entries: FlowEntry[]; landed: (Landed | undefined)[] }[];
  /** Grid line after the last thing placed on the last page. */
  nextLine: number;
}

/** The mark on an attachment's first page: 附件, or 附件N when there are several (N as in the 附件说明). Both writers print it. */
export function attachmentLabel(doc: Gongwen, item: number): string {
  return doc.attachments.length > 1 ? `附件${item + 1}` : '附件';
}

export function layoutAttachments(doc: Gongwen, profile: Profile, g: Geometry, m: Measure): AttachmentPages {
  const out: AttachmentPages = { pages: [], starts: [], flowed: [], nextLine: 0 };
  doc.attachments.forEach((a, item) => {
    if (a.body.length === 0) return;
    const first: PageItem[] = [];
    const label = setText(profile, g, m, 'h1', attachmentLabel(doc, item), 'attachment.label');
    first.push(...placeAt(label, g.left, baselineInLine(g.top, g.linePitch, profile.roles.h1.size), 0));
    // The title on line 3, then one blank line before the content, as below the document's own title.
    const startLine = placeTitle(a.title, 2, profile, g, m, first, 'attachment.title') + 1;
    const entries = flowBody(a.body, profile, g, m, (block) => ({ part: 'attachment', item, block }));
    // Never set tighter: only the signature's page may be (7.3.5.5).
    const f = paginate(entries, g, first, { startLine, needs: needs(entries, g, 0), tightestPitch: g.linePitch, fixedPages: 1 });
    const offset = out.pages.length;
    out.starts.push({ item, page: offset });
    out.flowed.push({ entries, landed: f.landed.map((l) => l && { ...l, page: l.page + offset }) });
    out.pages.push(...f.pages);
    out.nextLine = f.nextLine;
  });
  return out;
}
