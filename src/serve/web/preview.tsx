// The live preview: the PDF the project's own typesetter made, drawn page by page with pdf.js (bundled
// locally, its worker served by our server). Fast enough to follow typing:
// - one pdf.js worker for the page's life, handed to every document (starting a worker costs more than
//   reading a PDF);
// - only pages whose key changed are drawn (the server keys each page by what the typesetter put on it), each
//   into a new canvas that replaces the old one when it is done, so the pane never flickers or jumps;
// - the server sends a PDF of those pages alone (smaller font subsets for pdf.js to read), glyphs are drawn
//   as paths (no web fonts added to the editor's document);
// - the pages in view first, while the edited paragraph is looked for; the rest when idle.
// A newer version cancels the one still loading. The editor calls `show` directly with the server's answer,
// without waiting for a re-render.
import * as pdfjs from 'pdfjs-dist';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { useEffect, useRef } from 'preact/hooks';

pdfjs.GlobalWorkerOptions.workerSrc = '/assets/pdf.worker.min.mjs';

export type PageLayout = 'scroll' | 'spread';

/** A version of the preview: every page's key, and a PDF of the pages the pane did not have. */
export interface PreviewPdf {
  keys: string[]; // a key per page: the same key, the same page (src/serve/pageKeys.ts)
  sent: number[]; // the pages (0-based) the PDF holds, in its order
  bytes?: Uint8Array; // absent when no page was sent
  requested: number; // performance.now(): the pause ended and the check was sent
  received: number; // the answer was in
  serverMs: number; // the server's own time for check + typesetting
}

declare global {
  interface Window {
    // For the browser tests and the benchmark: the version shown, when, the pages' text, where the edited
    // paragraph's first line sits in the viewport (CSS px from its top), which pages this version drew, all
    // page draws since the page opened, and the stamps of this version's way to the screen.
    gongwenPreview?: {
      stamp: number;
      at: number;
      pages: string[];
      focusLine?: number;
      drawn: number[];
      draws: number;
      timing: { requested: number; received: number; serverMs: number; loaded: number; shown: number };
    };
  }
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** A page's text without spaces, and where each piece of it starts: its offset in the text, its baseline in PDF points from the page's top. */
interface PageText {
  text: string;
  starts: { at: number; y: number }[];
}

/** The baseline (PDF points from the page's top) of the text at `offset`. */
function baselineAt(page: PageText, offset: number): number {
  let y = 0;
  for (const s of page.starts) if (s.at <= offset) y = s.y;
  return y;
}

async function pageText(page: PDFPageProxy): Promise<PageText> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  let text = '';
  const starts: PageText['starts'] = [];
  for (const it of content.items) {
    if (!('str' in it)) continue;
    starts.push({ at: text.length, y: viewport.convertToViewportPoint(it.transform[4], it.transform[5])[1] });
    text += squash(it.str);
  }
  return { text, starts };
}

let worker: pdfjs.PDFWorker | undefined;

/** What one page of the pane shows: its canvas, and the key and size it was drawn at ('' before it is drawn). */
interface Slot {
  wrap: HTMLDivElement;
  canvas: HTMLCanvasElement;
  key: string;
  size: string;
  // The page's other canvas, drawn into while `canvas` shows, then swapped with it: a canvas's first drawing
  // allocates its pixels (20 ms or more under load), a reused one's costs nothing. Kept for pages in view.
  spare?: HTMLCanvasElement;
}

const idle = () => new Promise<void>((r) => ('requestIdleCallback' in window ? requestIdleCallback(() => r(), { timeout: 200 }) : setTimeout(r, 0)));

/** A4 at scale 1 (PDF points): every page of a report. */
const A4 = { width: 595.28, height: 841.89 };

/**
 * The preview pane's pages, updated in place. One per editor: `focus` gives the text being edited, `ask`
 * asks the editor for a new version (the pane's size changed, or a page it was to keep is gone).
 */
export class PreviewPane {
  private el?: HTMLDivElement;
  private box = document.createElement('div');
  private layout: PageLayout = 'scroll';
  private slots: Slot[] = [];
  private version = 0;
  private loading?: PDFDocumentLoadingTask;
  private doc?: PDFDocumentProxy;
  private missed = false; // a version came while the pane was not on the page
  private texts = new Map<string, PageText>(); // by page key
  private stamp = 0;
  private draws = 0;

  constructor(
    private readonly focus: () => string,
    private readonly ask: () => void,
  ) {
    this.box.className = 'pages scroll';
  }

  attach(el: HTMLDivElement): void {
    this.el = el;
    el.replaceChildren(this.box);
    if (this.missed) this.ask();
    this.missed = false;
  }

  detach(): void {
    this.el = undefined;
    this.version++;
    void this.loading?.destroy();
    void this.doc?.destroy();
    this.doc = undefined;
  }

  setLayout(layout: PageLayout): void {
    if (layout === this.layout) return;
    this.layout = layout;
    this.box.className = `pages ${layout}`;
    this.ask(); // every page again, at the new size
  }

  /** The size pages are drawn at now: a page drawn at another is drawn again. */
  private geometry(el: HTMLElement) {
    const cols = this.layout === 'spread' ? 2 : 1;
    const ratio = window.devicePixelRatio || 1;
    const cssWidth = Math.floor((el.clientWidth - 24 - (cols - 1) * 12) / cols);
    return { ratio, cssWidth, scale: cssWidth / A4.width, size: `${this.layout}:${cssWidth}@${ratio}` };
  }

  /** The key drawn on each page at the current size ('' where none is): the server sends only the others. */
  have(): string[] {
    if (!this.el) return [];
    const { size } = this.geometry(this.el);
    return this.slots.map((s) => (s.size === size && this.texts.has(s.key) ? s.key : ''));
  }

  async show(pdf: PreviewPdf): Promise<void> {
    const el = this.el;
    if (!el) return void (this.missed = true);
    const mine = ++this.version;
    const stale = () => mine !== this.version; // a newer version is on its way
    void this.loading?.destroy(); // the version still loading is superseded
    let doc: PDFDocumentProxy | undefined;
    if (pdf.bytes) {
      worker ??= new pdfjs.PDFWorker();
      // Glyphs drawn as paths, not as web fonts: each document's fonts added to document.fonts made Chromium
      // lay out the whole editor again (about 150 ms of layout per version, measured with Performance.getMetrics).
      const task = pdfjs.getDocument({ data: pdf.bytes, worker, isEvalSupported: false, disableFontFace: true });
      this.loading = task;
      try {
        doc = await task.promise;
      } catch (e) {
        if (stale()) return; // destroyed while loading
        throw e;
      }
      if (stale()) return void doc.destroy();
      this.loading = undefined;
    }
    void this.doc?.destroy(); // its pages are on the canvases already; an unfinished drawing of it is stale
    this.doc = doc;
    const loaded = performance.now();

    const { ratio, cssWidth, scale, size } = this.geometry(el);
    const blank = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(A4.width * scale * ratio);
      canvas.height = Math.floor(A4.height * scale * ratio);
      canvas.style.width = `${cssWidth}px`;
      return canvas;
    };
    while (this.slots.length < pdf.keys.length) {
      const wrap = document.createElement('div');
      wrap.className = 'page';
      wrap.dataset.page = String(this.slots.length + 1);
      const canvas = blank();
      wrap.append(canvas);
      this.box.append(wrap);
      this.slots.push({ wrap, canvas, key: '', size: '' });
    }
    for (const gone of this.slots.splice(pdf.keys.length)) gone.wrap.remove();
    const changed = this.slots.map((_, i) => i).filter((i) => this.slots[i].key !== pdf.keys[i] || this.slots[i].size !== size);
    // The page of the PDF that holds page i, when it was sent.
    const sentPage = (i: number) => (doc && pdf.sent.includes(i) ? doc.getPage(pdf.sent.indexOf(i) + 1) : undefined);
    const missing = changed.filter((i) => !pdf.sent.includes(i) || !doc);

    const text = async (i: number) => {
      let t = this.texts.get(pdf.keys[i]);
      const page = t ? undefined : sentPage(i);
      if (page) this.texts.set(pdf.keys[i], (t = await pageText(await page)));
      return t;
    };
    const drawn: number[] = [];
    const draw = async (i: number) => {
      const got = sentPage(i);
      if (!got) return;
      const page = await got;
      const slot = this.slots[i];
      const fresh = blank();
      const canvas = slot.spare && slot.spare.width === fresh.width && slot.spare.height === fresh.height ? slot.spare : fresh;
      canvas.style.width = fresh.style.width;
      slot.spare = undefined; // in use: a draw of another version meanwhile takes a new canvas
      try {
        await page.render({ canvas, viewport: page.getViewport({ scale: scale * ratio }) }).promise;
      } catch (e) {
        if (!stale()) throw e;
      }
      if (stale()) return void (slot.spare ??= canvas); // cancelled, or a newer version is coming
      slot.wrap.replaceChild(canvas, slot.canvas);
      Object.assign(slot, { canvas, spare: slot.canvas, key: pdf.keys[i], size });
      this.draws += 1;
      drawn.push(i + 1);
    };
    const inView = (among = changed) => {
      const top = el.scrollTop;
      const bottom = top + el.clientHeight;
      return among.filter((i) => {
        const w = this.slots[i].wrap;
        return w.offsetTop < bottom && w.offsetTop + w.offsetHeight > top;
      });
    };

    // The changed pages in view are drawn while the edited paragraph is looked for: its opening words on a
    // page (the changed pages first: they hold the edit). When its line is out of view, the pane scrolls there
    // (a third of the way down, so the lines after it show too) and draws what came into view.
    const first = inView();
    const drawing = Promise.all(first.map(draw));
    const probe = squash(this.focus()).slice(0, 16);
    let focusLine: number | undefined;
    if (probe.length >= 4) {
      const others = this.slots.map((_, i) => i).filter((i) => !changed.includes(i));
      for (const i of [...changed, ...others]) {
        const t = await text(i);
        if (stale()) return;
        const at = t ? t.text.indexOf(probe) : -1;
        if (!t || at < 0) continue;
        const line = this.slots[i].wrap.offsetTop + baselineAt(t, at) * scale;
        if (line < el.scrollTop + 24 || line > el.scrollTop + el.clientHeight - 24) el.scrollTop = line - el.clientHeight / 3;
        focusLine = line - el.scrollTop;
        break;
      }
    }
    await drawing;
    if (stale()) return;
    const shownNow = [...first, ...inView().filter((i) => !first.includes(i))];
    await Promise.all(shownNow.slice(first.length).map(draw));
    if (stale()) return;
    this.stamp += 1;
    el.dataset.stamp = String(this.stamp);
    const shown = performance.now();
    window.gongwenPreview = {
      stamp: this.stamp,
      at: shown,
      pages: [],
      focusLine,
      drawn: [...drawn],
      draws: this.draws,
      timing: { requested: pdf.requested, received: pdf.received, serverMs: pdf.serverMs, loaded, shown },
    };
    // A page to keep was drawn over meanwhile (or the size changed on the way): ask for it.
    if (missing.length > 0) this.ask();

    // The rest when the page is idle, then every page's text (for the tests, and the next focus search).
    for (const i of changed) {
      if (shownNow.includes(i)) continue;
      await idle();
      if (stale()) return;
      await draw(i);
      if (stale()) return;
    }
    const texts: string[] = [];
    for (let i = 0; i < pdf.keys.length; i++) {
      texts.push((await text(i))?.text ?? '');
      if (stale()) return;
    }
    const visible = new Set(inView(this.slots.map((_, i) => i)));
    this.slots.forEach((slot, i) => visible.has(i) || (slot.spare = undefined));
    const keep = new Set(pdf.keys);
    for (const k of this.texts.keys()) if (!keep.has(k)) this.texts.delete(k);
    window.gongwenPreview = { ...window.gongwenPreview, pages: texts, drawn: [...drawn].sort((a, b) => a - b), draws: this.draws };
  }
}

export function Preview(props: { pane: PreviewPane; layout: PageLayout }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    props.pane.attach(host.current!);
    return () => props.pane.detach();
  }, [props.pane]);
  useEffect(() => props.pane.setLayout(props.layout), [props.pane, props.layout]);
  return <div class="preview-pages" ref={host} data-stamp="0" />;
}
