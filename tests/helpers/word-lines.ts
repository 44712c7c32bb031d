// What the typesetter predicts a word processor makes of each body paragraph of a DOCX (src/layout/wordLines.ts),
// for tests that hold LibreOffice's lines against the prediction and the prediction against the PDF.
import type { Gongwen } from '../../src/compose/model.ts';
import { measureOf } from '../../src/fonts/measure.ts';
import { styled } from '../../src/layout/style.ts';
import { gridSpacingTwips, wordBlockWidth, wordLines } from '../../src/layout/wordLines.ts';
import { layOut, type WriterInputs } from '../../src/render/inputs.ts';

export interface PredictedParagraph {
  block: number; // index in doc.body
  text: string;
  tracking: number; // pt, 0 when the grid's
  pdfLines: number; // lines the PDF set it on
  wordLines: string[]; // the lines the model says a word processor breaks it into
}

const HEADING = { 1: 'h1', 2: 'h2', 3: 'h3', 4: 'h4' } as const;

/** Every heading and paragraph of the body, with its tracking, its PDF line count and the predicted lines. */
export function predictedParagraphs(doc: Gongwen, inputs: WriterInputs): PredictedParagraph[] {
  const { profile } = inputs;
  const m = measureOf(inputs.fonts);
  const blocks = layOut(doc, inputs).laid.landings.blocks;
  const width = wordBlockWidth(profile);
  const spacing = gridSpacingTwips(profile) / 20;
  return doc.body.flatMap((b, block) => {
    if (b.kind !== 'heading' && b.kind !== 'paragraph') return [];
    const landing = blocks.find((l) => l.ref.part === 'body' && l.ref.block === block);
    if (!landing) return [];
    const runs = b.kind === 'heading' ? [styled(profile, HEADING[b.level], b.text)] : b.runs.map((r) => styled(profile, r.role, r.text));
    const indent = b.kind === 'paragraph' && b.indent === false ? 0 : 2 * profile.roles.body.size;
    const tracking = landing.tracking ?? 0;
    return [{
      block,
      text: runs.map((r) => r.text).join(''),
      tracking,
      pdfLines: landing.pieces.length,
      wordLines: wordLines(runs, m, { firstWidth: width - indent, width, spacing: spacing - tracking }).map((l) => l.replace(/\s/g, '')),
    }];
  });
}

/** The tracking (pt) of the paragraph a line of the word processor's belongs to: 0 on the grid. */
export function trackingOfLine(paragraphs: PredictedParagraph[]): (line: string) => number {
  const tracked = paragraphs.filter((p) => p.tracking > 0);
  return (line) => tracked.find((t) => t.text.includes(line))?.tracking ?? 0;
}

/**
 * The most full-width characters a body line may hold in the word processor: 28 on the grid; more in a paragraph
 * drawn tighter (as many as fit at its spacing). `line`: the line's text, found in its paragraph.
 */
export function maxFullWidth(paragraphs: PredictedParagraph[], inputs: WriterInputs): (line: string) => number {
  const { profile } = inputs;
  const width = wordBlockWidth(profile);
  const advance = profile.roles.body.size + gridSpacingTwips(profile) / 20;
  const tracking = trackingOfLine(paragraphs);
  return (line) => Math.floor(width / (advance - tracking(line)) + 1e-9);
}
