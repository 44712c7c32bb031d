// Body blocks → a flow of lines and boxes, ready to paginate.
import type { Block } from '../compose/model.ts';
import type { Profile, TextRole } from '../schema/profile.ts';
import type { Geometry } from './geometry.ts';
import type { Measure } from './measure.ts';
import { breakLines, type BreakOptions, type BrokenLine, type StyledRun } from './linebreak.ts';
import { gridSpacingTwips, wordBlockWidth, wordLines } from './wordLines.ts';
import { cjkAdvanceFor, styled } from './style.ts';
import type { Box } from './box.ts';
import { layoutTable } from './table.ts';
import { layoutChart } from './chart.ts';
import type { BlockRef } from './types.ts';
import { atSource } from '../diagnostics.ts';

/** One thing to paginate; `ref` names the block it comes from, so layout can say where each block landed. */
export type FlowEntry =
  | { kind: 'line'; line: BrokenLine; size: number; keepWithNext: boolean; tag: string; ref?: BlockRef; tracking?: number }
  | { kind: 'blank' }
  | { kind: 'box'; box: Box; header?: Box; keepWithNext?: boolean; ref?: BlockRef };

const HEADING_ROLE: Record<1 | 2 | 3 | 4, TextRole> = { 1: 'h1', 2: 'h2', 3: 'h3', 4: 'h4' };

/** One twip: the step of the DOCX's character spacing. */
const TWIP = 0.05;

/**
 * A paragraph's lines as the PDF sets them, and the tracking (pt taken from every character's advance, at the body
 * size) both writers give it: none, unless a word processor would need more lines for it than the PDF (it squeezes
 * no punctuation, see wordLines.ts); then the least, in twips, within the profile's limit, that makes the two
 * agree. Without it a single spilt line moves every later line, and the signature may land a page later.
 */
function trackedLines(runs: StyledRun[], opts: BreakOptions, indent: number, profile: Profile, m: Measure): { lines: BrokenLine[]; tracking?: number } {
  const lines = breakLines(runs, m, opts);
  const limit = (profile.tracking?.tightestEm ?? 0) * profile.roles.body.size;
  if (limit <= 0) return { lines };
  const width = wordBlockWidth(profile);
  const spacing = gridSpacingTwips(profile) * TWIP;
  const wordCount = (t: number) => wordLines(runs, m, { firstWidth: width - indent, width, spacing: spacing - t }).length;
  if (wordCount(0) <= lines.length) return { lines };
  const body = profile.roles.body.size;
  for (let k = 1; k * TWIP <= limit + 1e-9; k++) {
    const t = k * TWIP;
    const tighter = breakLines(runs, m, { ...opts, tracking: (size) => (t * size) / body });
    if (wordCount(t) === tighter.length) return { lines: tighter, tracking: t };
  }
  return { lines };
}

/** `refOf` names each block for the landings: the document's body by default, or an attachment's. */
export function flowBody(blocks: Block[], profile: Profile, g: Geometry, m: Measure, refOf: (block: number) => BlockRef = (block) => ({ part: 'body', block })): FlowEntry[] {
  const out: FlowEntry[] = [];
  const cjkAdvance = cjkAdvanceFor(profile, g);
  const indent = 2 * g.charPitch;
  let ref: BlockRef = refOf(0);
  // The DOCX's first-line indent: two characters of the body size (Normal's, src/render/docx/styles.ts).
  const wordIndent = 2 * profile.roles.body.size;
  const lines = (runs: ReturnType<typeof styled>[], keepWithNext: boolean, context: string, centred = false) => {
    const opts: BreakOptions = { firstWidth: centred ? g.width : g.width - indent, width: g.width, firstX: centred ? 0 : indent, cjkAdvance, context };
    const { lines: broken, tracking } = centred ? { lines: breakLines(runs, m, opts), tracking: undefined } : trackedLines(runs, opts, wordIndent, profile, m);
    for (const line of broken) {
      if (centred) for (const s of line.segments) s.x += (g.width - line.width) / 2;
      out.push({ kind: 'line', line, size: runs[0].size, keepWithNext, tag: runs[0].tag, ref, tracking });
    }
  };
  // A block's errors (a character no font has, a table that cannot fit) are given its data path.
  for (const [block, b] of blocks.entries()) atSource(b.src, () => {
    ref = refOf(block);
    switch (b.kind) {
      case 'heading':
        lines([styled(profile, HEADING_ROLE[b.level], b.text)], true, b.text.slice(0, 20));
        break;
      case 'paragraph': {
        const runs = b.runs.map((r) => styled(profile, r.role, r.text));
        const context = b.runs.map((r) => r.text).join('').slice(0, 20) + '…';
        if (b.indent === false) {
          const { lines: broken, tracking } = trackedLines(runs, { firstWidth: g.width, width: g.width, cjkAdvance, context }, 0, profile, m);
          out.push(...broken.map((line): FlowEntry => ({ kind: 'line', line, size: runs[0].size, keepWithNext: false, tag: runs[0].tag, ref, tracking })));
        } else lines(runs, false, context);
        break;
      }
      case 'table': {
        const ctx = { width: g.width, measure: m, profile };
        if (b.table.caption) lines([styled(profile, 'tableHead', b.table.caption, 'caption')], true, b.table.caption, true);
        const { header, rows } = layoutTable(b.table, ctx, g.height);
        out.push({ kind: 'box', box: header, keepWithNext: true, ref });
        for (const row of rows) out.push({ kind: 'box', box: row, header, ref });
        out.push({ kind: 'blank' });
        break;
      }
      case 'figure': {
        if (b.caption) lines([styled(profile, 'tableHead', b.caption, 'caption')], true, b.caption, true);
        out.push({ kind: 'box', box: layoutChart(b.chart, { width: g.width, measure: m, profile }), ref });
        out.push({ kind: 'blank' });
        break;
      }
    }
  });
  return out;
}
