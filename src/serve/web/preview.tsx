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

async function renderPages(bytes: Uint8Array, width: number, layout: PageLayout): Promise<{ box: HTMLDivElement; texts: string[] }> {
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false }).promise;
  const box = document.createElement('div');
  box.className = `pages ${layout}`;
  const texts: string[] = [];
  const cols = layout === 'spread' ? 2 : 1;
  const ratio = window.devicePixelRatio || 1;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const cssWidth = Math.floor((width - 24 - (cols - 1) * 12) / cols);
    const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${cssWidth}px`;
    await page.render({ canvas, viewport }).promise;
    const content = await page.getTextContent();
    const text = squash(content.items.map((it) => ('str' in it ? it.str : '')).join(''));
    texts.push(text);
    const wrap = document.createElement('div');
    wrap.className = 'page';
    wrap.dataset.page = String(n);
    wrap.append(canvas);
    box.append(wrap);
  }
  await doc.destroy();
  return { box, texts };
}

let stamp = 0;

export function Preview(props: { pdf?: Uint8Array; layout: PageLayout; focusText?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const token = useRef(0);
  useEffect(() => {
    const el = host.current;
    if (!el || !props.pdf) return;
    const mine = ++token.current;
    void renderPages(props.pdf, el.clientWidth, props.layout).then(({ box, texts }) => {
      if (mine !== token.current) return; // a newer version is on its way
      const top = el.scrollTop;
      el.replaceChildren(box);
      el.scrollTop = top;
      // Keep the edited paragraph in view: find its opening words on a page.
      const probe = props.focusText ? squash(props.focusText).slice(0, 16) : '';
      const k = probe.length >= 4 ? texts.findIndex((t) => t.includes(probe)) : -1;
      if (k >= 0) {
        const page = box.children[k] as HTMLElement;
        const visible = page.offsetTop < el.scrollTop + el.clientHeight && page.offsetTop + page.offsetHeight > el.scrollTop;
        if (!visible) el.scrollTop = page.offsetTop - 8;
      }
      stamp += 1;
      el.dataset.stamp = String(stamp);
      window.gongwenPreview = { stamp, at: performance.now(), pages: texts };
    });
  }, [props.pdf, props.layout]);
  return <div class="preview-pages" ref={host} data-stamp="0" />;
}
