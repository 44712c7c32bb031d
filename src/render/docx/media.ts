// Pictures in the document: the media parts with their relationship ids, and the DrawingML that shows them
// (inline for chart bars, floating behind the text for seals).
import { emuFromTwips } from './units.ts';

export interface MediaPart {
  path: string; // word/media/…
  id: string; // relationship id in word/_rels/document.xml.rels
  data: Uint8Array;
}

export class Media {
  readonly parts: MediaPart[] = [];
  private byData = new Map<Uint8Array, MediaPart>();
  private drawings = 0;

  /** The relationship id of an image, added once however often it is shown. */
  add(data: Uint8Array, ext: string): string {
    const hit = this.byData.get(data);
    if (hit) return hit.id;
    const n = this.parts.length + 1;
    const part = { path: `word/media/image${n}.${ext}`, id: `rIdImg${n}`, data };
    this.parts.push(part);
    this.byData.set(data, part);
    return part.id;
  }

  /** Drawing ids, numbered from 1 in document order so the same input gives the same bytes. */
  nextId(): number {
    return ++this.drawings;
  }
}

function graphic(rId: string, id: number, cx: number, cy: number): string {
  return (
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    `<pic:nvPicPr><pic:cNvPr id="${id}" name="image${id}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${rId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic>'
  );
}

/** An inline picture, w × h twips, in a run. */
export function inlinePicture(media: Media, rId: string, w: number, h: number): string {
  const id = media.nextId();
  const cx = emuFromTwips(w);
  const cy = emuFromTwips(h);
  return (
    '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">' +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${id}" name="Picture ${id}"/><wp:cNvGraphicFramePr/>` +
    graphic(rId, id, cx, cy) +
    '</wp:inline></w:drawing></w:r>'
  );
}

/**
 * A picture floating behind the text, its top-left corner at (x, y) twips: x from the left margin, y from the top of
 * the paragraph that anchors it. No wrapping, so it moves nothing; it moves with its paragraph.
 */
export function floatingPicture(media: Media, rId: string, x: number, y: number, w: number, h: number, name: string): string {
  const id = media.nextId();
  const cx = emuFromTwips(w);
  const cy = emuFromTwips(h);
  return (
    '<w:r><w:drawing>' +
    `<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${id}" behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1">` +
    '<wp:simplePos x="0" y="0"/>' +
    `<wp:positionH relativeFrom="margin"><wp:posOffset>${emuFromTwips(x)}</wp:posOffset></wp:positionH>` +
    `<wp:positionV relativeFrom="paragraph"><wp:posOffset>${emuFromTwips(y)}</wp:posOffset></wp:positionV>` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>` +
    `<wp:docPr id="${id}" name="${name}"/><wp:cNvGraphicFramePr/>` +
    graphic(rId, id, cx, cy) +
    '</wp:anchor></w:drawing></w:r>'
  );
}
