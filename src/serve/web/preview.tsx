// The live preview: the PDF the project's own typesetter made, drawn page by page with pdf.js (bundled
// locally, its worker served by our server). A new version replaces the old one in a single swap, keeping
// the scroll position, and brings the paragraph being edited into view (its first line, found in the pages' text).
import * as pdfjs from 'pdfjs-dist';
import { useEffect, useRef } from 'preact/hooks';

pdfjs.GlobalWorkerOptions.workerSrc = '/assets/pdf.worker.min.mjs';

export type PageLayout = 'scroll' | 'spread';

declare global {
  interface Window {
    // For the browser tests: the version shown, when, the pages' text, and where the edited paragraph's first
    // line sits in the preview's viewport (CSS px from its top).
    gongwenPreview?: { stamp: number; at: number; pages: string[]; focusLine?: number };
  }
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** A page's text without spaces, and where each piece of it starts: its offset in the text, its baseline in CSS px. */
interface PageText {
  text: string;
  starts: { at: number; y: number }[];
}

/** The baseline (CSS px from the page's top) of the text at `offset`. */
function baselineAt(page: PageText, offset: number): number {
  let y = 0;
  for (const s of page.starts) if (s.at <= offset) y = s.y;
  return y;
}

/**
 * Draws a PDF into a new box of pages: the pages in view first (the box is handed over as soon as they are
 * drawn, so the preview updates without waiting for the rest), then the others and every page's text.
 */
async function renderPages(
  bytes: Uint8Array,
  el: HTMLElement,
  layout: PageLayout,
  stale: () => boolean,
  shown: (box: HTMLDivElement) => void,
): Promise<PageText[] | undefined> {
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false }).promise;
  try {
    const box = document.createElement('div');
    box.className = `pages ${layout}`;
    const cols = layout === 'spread' ? 2 : 1;
    const ratio = window.devicePixelRatio || 1;
    const cssWidth = Math.floor((el.clientWidth - 24 - (cols - 1) * 12) / cols);
    const first = await doc.getPage(1);
    const base = first.getViewport({ scale: 1 });
    const scale = cssWidth / base.width;
    const rowHeight = base.height * scale + 12;
    const canvases: HTMLCanvasElement[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(base.width * scale * ratio);
      canvas.height = Math.floor(base.height * scale * ratio);
      canvas.style.width = `${cssWidth}px`;
      const wrap = document.createElement('div');
      wrap.className = 'page';
      wrap.dataset.page = String(n);
      wrap.append(canvas);
      box.append(wrap);
      canvases.push(canvas);
    }
    const draw = async (i: number) => {
      const page = await doc.getPage(i + 1);
      await page.render({ canvas: canvases[i], viewport: page.getViewport({ scale: scale * ratio }) }).promise;
    };
    // The rows in view now (all pages are A4, so the layout is known before any is drawn).
    const firstRow = Math.floor(el.scrollTop / rowHeight);
    const lastRow = Math.floor((el.scrollTop + el.clientHeight) / rowHeight);
    const visible = canvases.map((_, i) => i).filter((i) => Math.floor(i / cols) >= firstRow && Math.floor(i / cols) <= lastRow);
    for (const i of visible) await draw(i);
    if (stale()) return undefined;
    shown(box);
    for (let i = 0; i < canvases.length; i++) {
      if (stale()) return undefined;
      if (!visible.includes(i)) await draw(i);
    }
    const texts: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale });
      const content = await page.getTextContent();
      let text = '';
      const starts: PageText['starts'] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        starts.push({ at: text.length, y: viewport.convertToViewportPoint(it.transform[4], it.transform[5])[1] });
        text += squash(it.str);
      }
      texts.push({ text, starts });
    }
    return texts;
  } finally {
    await doc.destroy();
  }
}

let stamp = 0;

export function Preview(props: { pdf?: Uint8Array; layout: PageLayout; focusText?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const token = useRef(0);
  useEffect(() => {
    const el = host.current;
    if (!el || !props.pdf) return;
    const mine = ++token.current;
    const stale = () => mine !== token.current; // a newer version is on its way
    const shown = (box: HTMLDivElement) => {
      const top = el.scrollTop;
      el.replaceChildren(box);
      el.scrollTop = top;
      stamp += 1;
      el.dataset.stamp = String(stamp);
      window.gongwenPreview = { stamp, at: performance.now(), pages: [] };
    };
    void renderPages(props.pdf, el, props.layout, stale, shown).then((texts) => {
      if (!texts || stale()) return;
      window.gongwenPreview = { ...window.gongwenPreview!, pages: texts.map((t) => t.text) };
      // Keep the edited paragraph in view: find its opening words on a page, and scroll to that line when it
      // is not already in view (a third of the way down, so the lines after it show too).
      const probe = props.focusText ? squash(props.focusText).slice(0, 16) : '';
      const k = probe.length >= 4 ? texts.findIndex((t) => t.text.includes(probe)) : -1;
      const page = k >= 0 ? (el.firstElementChild?.children[k] as HTMLElement | undefined) : undefined;
      if (page) {
        const line = page.offsetTop + baselineAt(texts[k], texts[k].text.indexOf(probe));
        const inView = line > el.scrollTop + 24 && line < el.scrollTop + el.clientHeight - 24;
        if (!inView) el.scrollTop = line - el.clientHeight / 3;
        window.gongwenPreview = { ...window.gongwenPreview!, focusLine: line - el.scrollTop };
      }
    });
  }, [props.pdf, props.layout]);
  return <div class="preview-pages" ref={host} data-stamp="0" />;
}
