// The benchmark's Typst peer, as a whole process: `node bench/typst/peer.mjs OUT FILE.yaml…` compiles each
// report YAML with gongwen.typ (beside this file) to OUT/<name>.pdf, with the same bundled open fonts.
// Run by bench/bench.ts next to `gongwen build` in the same run (issue 13), never by the product.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const [out, ...files] = process.argv.slice(2);
const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');

// The workspace is the file system root, so the template reads each report by its absolute path.
const compiler = NodeCompiler.create({ workspace: '/', fontArgs: [{ fontPaths: [join(root, 'fonts', 'open')] }] });
const main = relative('/', join(here, 'gongwen.typ'));
mkdirSync(out, { recursive: true });
for (const f of files) {
  const pdf = compiler.pdf({ mainFilePath: '/' + main, inputs: { report: resolve(f) } });
  writeFileSync(join(out, basename(f).replace(/\.ya?ml$/, '.pdf')), pdf);
  compiler.evictCache(10);
}
