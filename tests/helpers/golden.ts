// What the golden tests pin, as text a reviewer can read in a diff: XML as canonical indented trees, and a
// PDF's page content streams decompressed.
import { inflateSync } from 'node:zlib';
import { unzipSync, strFromU8 } from 'fflate';

const ATTR = /([^\s=]+)\s*=\s*"([^"]*)"/g;

/** A start or empty tag with its attributes sorted (namespace declarations first), so that order is not a change. */
function canonicalTag(tag: string): string {
  const empty = tag.endsWith('/>');
  const inner = tag.slice(1, empty ? -2 : -1).trim();
  const name = inner.split(/\s/, 1)[0];
  const attrs = [...inner.slice(name.length).matchAll(ATTR)].map((m) => `${m[1]}="${m[2]}"`);
  const rank = (a: string) => (a.startsWith('xmlns') ? 0 : 1);
  attrs.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return `<${[name, ...attrs].join(' ')}${empty ? '/>' : '>'}`;
}

/**
 * XML as an indented tree, one element a line; an element holding only text stays on one line with it
 * (`<w:t xml:space="preserve">text</w:t>`), so the text of the document reads as it is.
 */
export function prettyXml(xml: string): string {
  const tokens = xml.match(/<[^>]+>|[^<]+/g) ?? [];
  const out: string[] = [];
  let depth = 0;
  const pad = () => '  '.repeat(depth);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.startsWith('<?') || t.startsWith('<!')) out.push(t);
    else if (t.startsWith('</')) {
      depth--;
      out.push(pad() + t);
    } else if (t.startsWith('<')) {
      const tag = canonicalTag(t);
      const next = tokens[i + 1] ?? '';
      if (t.endsWith('/>')) out.push(pad() + tag);
      else if (next.startsWith('</')) {
        out.push(pad() + tag + next);
        i++;
      } else if (!next.startsWith('<') && (tokens[i + 2] ?? '').startsWith('</')) {
        out.push(pad() + tag + next + tokens[i + 2]);
        i += 2;
      } else {
        out.push(pad() + tag);
        depth++;
      }
    } else if (t.trim()) out.push(pad() + t.trim());
  }
  return out.join('\n') + '\n';
}

/** One part of a DOCX (a zip), as text. */
export function docxPart(docx: Uint8Array, path: string): string {
  const files = unzipSync(docx, { filter: (f) => f.name === path });
  const data = files[path];
  if (!data) throw new Error(`${path} not in the DOCX`);
  return strFromU8(data);
}

/**
 * The content stream of every page, in page order, decompressed: the drawing operators as pdfkit wrote
 * them. Reads the PDF's objects directly (pdfkit writes no object streams).
 */
export function pdfPageContents(pdf: Uint8Array): string {
  const src = Buffer.from(pdf).toString('latin1');
  const objects = new Map<number, { dict: string; start: number }>();
  for (const m of src.matchAll(/(?:^|\n)(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*(stream\r?\n)?/g)) {
    objects.set(Number(m[1]), { dict: m[2], start: m.index + m[0].length });
  }
  // Pages in order: the Kids of the page tree, depth first.
  const root = [...objects.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent\b/.test(o.dict));
  if (!root) throw new Error('no page tree');
  const pages: number[] = [];
  const walk = (dict: string) => {
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '';
    for (const k of kids.matchAll(/(\d+) 0 R/g)) {
      const kid = objects.get(Number(k[1]));
      if (!kid) continue;
      if (/\/Type\s*\/Pages\b/.test(kid.dict)) walk(kid.dict);
      else pages.push(Number(k[1]));
    }
  };
  walk(root.dict);
  return pages
    .map((n, i) => {
      const dict = objects.get(n)!.dict;
      const refs = [...(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((r) => Number(r[1]));
      const body = refs.map((r) => {
        const o = objects.get(r)!;
        const len = Number(/\/Length\s+(\d+)/.exec(o.dict)?.[1]);
        const raw = Buffer.from(src.slice(o.start, o.start + len), 'latin1');
        return (/\/FlateDecode/.test(o.dict) ? inflateSync(raw) : raw).toString('latin1');
      });
      return `% page ${i + 1}\n${body.join('\n').trim()}\n`;
    })
    .join('');
}
