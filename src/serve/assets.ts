// The page's code and styles, bundled by esbuild from src/serve/web/ the first time they are asked for and
// kept in memory; pdf.js and its worker come from the installed pdfjs-dist. Nothing is fetched from a CDN:
// these machines are often offline or on a government intranet.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TOOL_ROOT } from '../toolRoot.ts';

export interface Asset {
  type: string;
  bytes: Uint8Array;
}

const WEB = join(TOOL_ROOT, 'src', 'serve', 'web');

const INDEX_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>法治政府建设情况报告 · 编辑</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<div id="app"></div>
<script type="module" src="/assets/app.js"></script>
</body>
</html>
`;

const UI_FONTS: [string, string][] = [
  ['/assets/ui-sans.otf', 'NotoSansCJKsc-Regular.subset.otf'],
  ['/assets/ui-fangsong.otf', 'FandolFang-Regular.otf'],
];

async function bundle(): Promise<Map<string, Asset>> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(WEB, 'main.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: '/assets',
    entryNames: 'app',
    external: ['/assets/*'], // the UI fonts, served beside the bundle
    logLevel: 'silent',
    absWorkingDir: TOOL_ROOT,
  });
  const out = new Map<string, Asset>();
  for (const f of result.outputFiles) {
    const name = f.path.slice(f.path.lastIndexOf('/') + 1);
    out.set(`/assets/${name}`, { type: name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8', bytes: f.contents });
  }
  const require = createRequire(join(TOOL_ROOT, 'package.json'));
  const worker = require.resolve('pdfjs-dist/build/pdf.worker.min.mjs');
  out.set('/assets/pdf.worker.min.mjs', { type: 'text/javascript; charset=utf-8', bytes: await readFile(worker) });
  // Last-resort UI fonts from the bundled open fonts: a browser loads one only for characters that no
  // font of the machine has (a Linux desktop without CJK fonts), so offices with their own fonts never fetch them.
  for (const [url, file] of UI_FONTS) out.set(url, { type: 'font/otf', bytes: await readFile(join(TOOL_ROOT, 'fonts', 'open', file)) });
  out.set('/', { type: 'text/html; charset=utf-8', bytes: new TextEncoder().encode(INDEX_HTML) });
  return out;
}

let assets: Promise<Map<string, Asset>> | undefined;

/** The asset at a URL path, or undefined. Bundled once per process. */
export async function asset(path: string): Promise<Asset | undefined> {
  assets ??= bundle();
  return (await assets).get(path);
}
