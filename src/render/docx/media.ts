// Pictures in the document, made by the docx package's ImageRun: inline for chart bars, floating behind the text
// for seals. The package dedupes the media part by content; drawing ids come from a counter per document, passed
// to the package, as its own counter is process-wide and would make the second render of a document differ.
import {
  HorizontalPositionRelativeFrom, ImageRun, TextWrappingType, VerticalPositionRelativeFrom,
} from 'docx';
import { emuFromTwips, pxFromTwips as px } from './units.ts';

export type ImageType = 'png' | 'jpg' | 'gif' | 'bmp';

/** Drawing ids (wp:docPr), numbered from 1 in document order. */
export class DrawingIds {
  private n = 0;
  next(): number {
    return ++this.n;
  }
}

/** An inline picture, w × h twips. */
export function inlinePicture(ids: DrawingIds, data: Uint8Array, type: ImageType, w: number, h: number): ImageRun {
  const id = ids.next();
  return new ImageRun({ type, data, transformation: { width: px(w), height: px(h) }, altText: { id: String(id), name: `Picture ${id}` } });
}

/**
 * A picture floating behind the text, its top-left corner at (x, y) twips: x from the left margin (or the cell),
 * y from the top of the paragraph that anchors it. No wrapping, so it moves nothing; it moves with its paragraph.
 */
export function floatingPicture(ids: DrawingIds, data: Uint8Array, type: ImageType, x: number, y: number, w: number, h: number, name: string): ImageRun {
  const id = ids.next();
  return new ImageRun({
    type,
    data,
    transformation: { width: px(w), height: px(h) },
    altText: { id: String(id), name },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, offset: emuFromTwips(x) },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: emuFromTwips(y) },
      behindDocument: true,
      allowOverlap: true,
      layoutInCell: true,
      zIndex: id,
      wrap: { type: TextWrappingType.NONE },
    },
  });
}
