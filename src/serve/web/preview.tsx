// The live preview: the PDF the project's own typesetter made, drawn page by page with pdf.js (bundled
// locally, its worker served by our server). A new version replaces the old one in a single swap, keeping
// the scroll position, and brings the page holding the paragraph being edited into view.
import * as pdfjs from 'pdfjs-dist';
import { useEffect, useRef } from 'preact/hooks';

pdfjs.GlobalWorkerOptions.workerSrc = '/assets/pdf.worker.min.mjs';

export type PageLayout = 'scroll' | 'spread';

declare global {
  interface Window {
    gongwenPreview?: { stamp: number; at: number; pages: string[] };
  }
}

const squash = (s: string): string => s.replace(/\s+/g, '');

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
): Promise<string[] | undefined> {
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
    const texts: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      texts.push(squash(content.items.map((it) => ('str' in it ? it.str : '')).join('')));
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
      window.gongwenPreview = { ...window.gongwenPreview!, pages: texts };
      // Keep the edited paragraph in view: find its opening words on a page.
      const probe = props.focusText ? squash(props.focusText).slice(0, 16) : '';
      const k = probe.length >= 4 ? texts.findIndex((t) => t.includes(probe)) : -1;
      const page = k >= 0 ? (el.firstElementChild?.children[k] as HTMLElement | undefined) : undefined;
      if (page) {
        const visible = page.offsetTop < el.scrollTop + el.clientHeight && page.offsetTop + page.offsetHeight > el.scrollTop;
        if (!visible) el.scrollTop = page.offsetTop - 8;
      }
    });
  }, [props.pdf, props.layout]);
  return <div class="preview-pages" ref={host} data-stamp="0" />;
}
