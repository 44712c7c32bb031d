// Pictures in the document: inline for chart bars, floating behind the text for seals, as the docx package's ImageRun
// wrote them. Each distinct picture (by its bytes and type) is one media part, named and related in the order it first
// appears (image1.png, image2.png, image1.jpg… and rId9 on, after the package's fixed relationships); drawing ids
// (wp:docPr) are numbered from 1 in document order.
import { emuFromTwips, pxFromTwips as px } from './units.ts';
import { esc } from './xml.ts';

export type ImageType = 'png' | 'jpg' | 'gif' | 'bmp';

export interface MediaPart {
  fileName: string; // e.g. image1.png
  data: Uint8Array;
  rId: number;
}

/** The relationship id of the first picture: the eight relationships the package's document always has come first. */
export const FIRST_MEDIA_RID = 9;

/** A document's drawing ids and pictures. */
export class DrawingIds {
  private n = 0;
  readonly media: (MediaPart & { type: ImageType })[] = [];

  next(): number {
    return ++this.n;
  }

  /** The relationship id of a picture, added as a media part the first time its bytes are seen. */
  picture(data: Uint8Array, type: ImageType): number {
    const hit = this.media.find((m) => m.type === type && (m.data === data || Buffer.compare(m.data, data) === 0));
    if (hit) return hit.rId;
    const count = this.media.filter((m) => m.type === type).length + 1;
    const part = { fileName: `image${count}.${type}`, data, type, rId: FIRST_MEDIA_RID + this.media.length };
    this.media.push(part);
    return part.rId;
  }
}

/** The docx package's sizes: pixels at 96 dpi, written as EMU. */
const emu = (tw: number) => Math.round(px(tw) * 9525);

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';

/** The picture itself (a:graphic), w × h EMU, for relationship rId. */
function graphic(rId: number, cx: number, cy: number): string {
  return (
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${A}"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/>' +
    '<pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>' +
    `<pic:blipFill><a:blip r:embed="rId${rId}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic>'
  );
}

/** An inline picture, w × h twips: a run. */
export function inlinePicture(ids: DrawingIds, data: Uint8Array, type: ImageType, w: number, h: number): string {
  const id = ids.next();
  const rId = ids.picture(data, type);
  const [cx, cy] = [emu(w), emu(h)];
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
    `<wp:effectExtent t="0" r="0" b="0" l="0"/><wp:docPr id="${id}" name="Picture ${id}"/>${graphic(rId, cx, cy)}</wp:inline></w:drawing></w:r>`
  );
}

/**
 * A picture floating behind the text, its top-left corner at (x, y) twips: x from the left margin (or the cell),
 * y from the top of the paragraph that anchors it. No wrapping, so it moves nothing; it moves with its paragraph.
 * A run.
 */
export function floatingPicture(ids: DrawingIds, data: Uint8Array, type: ImageType, x: number, y: number, w: number, h: number, name: string): string {
  const id = ids.next();
  const rId = ids.picture(data, type);
  const [cx, cy] = [emu(w), emu(h)];
  return (
    '<w:r><w:drawing>' +
    `<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" allowOverlap="1" behindDoc="1" locked="0" layoutInCell="1" relativeHeight="${id}">` +
    '<wp:simplePos x="0" y="0"/>' +
    `<wp:positionH relativeFrom="margin"><wp:posOffset>${emuFromTwips(x)}</wp:posOffset></wp:positionH>` +
    `<wp:positionV relativeFrom="paragraph"><wp:posOffset>${emuFromTwips(y)}</wp:posOffset></wp:positionV>` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/><wp:wrapNone/>` +
    `<wp:docPr id="${id}" name="${esc(name)}"/>${graphic(rId, cx, cy)}</wp:anchor></w:drawing></w:r>`
  );
}
