// Report (YAML data) → Gongwen (the document model). Pure: the same report gives the same model.
import { resolve } from 'node:path';
import type { Block, Gongwen, Run, SourcePath, Table } from './model.ts';
import type { Report, Variant } from '../schema/report.ts';
import type { BodyNode, Section, TableBlock } from '../schema/body.ts';
import { PART_KEYS } from '../schema/parts.ts';
import { formatChineseDate, formatDocNumber } from '../schema/format.ts';
import { headingNumber } from './numbering.ts';
import { reportTemplates, render } from './templates.ts';
import { readSealImage, type SealImage, type Seals } from '../load/seals.ts';
import { GongwenError } from '../diagnostics.ts';

export interface ComposeOptions {
  baseDir: string; // the YAML file's folder: seal paths are relative to it
  variant?: Variant; // overrides the report's own
  seals?: Seals; // the seal images, read by loadSeals; without them, compose reads them itself
}

// A document number not yet assigned keeps its shape for the clerk to fill in by hand.
const BLANK_DOC_NUMBER = '　　〔　　　　〕　号';

export function composeReport(report: Report, opts: ComposeOptions): Gongwen {
  const variant = opts.variant ?? report.variant;
  const t = reportTemplates();
  const vars = {
    year: report.year,
    nextYear: report.year + 1,
    township: report.township,
    county: report.county,
    organ: report.issuingOrgans[0].name,
    organShort: report.issuingOrgans[0].short ?? report.issuingOrgans[0].name,
  };
  const title = report.title ?? render(t.title, vars);
  // No body written yet (a new report): the template's five standard headings, for the clerk to fill.
  const body: Block[] = report.body?.length
    ? bodyBlocks(report.body, ['body'], 1)
    : PART_KEYS.map((key, i) => ({ kind: 'heading', level: 1, text: headingNumber(1, i + 1) + render(t.parts[key], vars) }));

  const organs = report.issuingOrgans;
  const sealed = variant !== 'plain';
  const note = report.note?.contact || report.note?.phone
    ? `（${render(t.note, { contact: report.note.contact ?? '', phone: report.note.phone ?? '' })}）`
    : undefined;
  return {
    variant,
    meta: {
      title,
      author: organs.map((o) => o.name).join('、'),
      subject: `${report.township}${report.year}年度法治政府建设情况报告`,
      date: report.date,
    },
    header:
      variant === 'plain'
        ? undefined
        : {
            copyNo: report.copyNo,
            secrecy: report.secrecy,
            urgency: report.urgency,
            organs: organs.map((o) => o.short ?? o.name),
            markSuffix: '文件',
            docNumber: report.docNumber ? formatDocNumber(report.docNumber) : BLANK_DOC_NUMBER,
            signers: variant === 'file-up' ? (report.signers ?? []) : undefined,
          },
    title,
    addressee: report.addressee ? report.addressee.replace(/[：:]$/, '') + '：' : undefined,
    body,
    attachments: (report.attachments ?? []).map((a, i) =>
      typeof a === 'string' ? { title: a, body: [] } : { title: a.title, body: bodyBlocks(a.body ?? [], ['attachments', i, 'body'], 1) },
    ),
    signatures: organs.map((o, i) => ({
      organ: o.name,
      seal: sealed && o.seal ? sealImage(resolve(opts.baseDir, o.seal), opts.seals) : undefined,
      src: ['issuingOrgans', i],
    })),
    sealed,
    date: report.date ? formatChineseDate(report.date) : undefined,
    note: variant === 'plain' ? undefined : note,
    colophon:
      variant !== 'plain' && (report.cc?.length || report.printer)
        ? {
            cc: report.cc ?? [],
            printer: report.printer?.organ,
            printDate: report.printer ? formatChineseDate(report.printer.date) + '印发' : undefined,
          }
        : undefined,
  };
}

/** The image loaded for this path, or (for callers that did not load them) read now through the same check. */
function sealImage(path: string, seals: Seals | undefined): SealImage {
  const hit = seals?.get(path);
  if (hit) return hit;
  const r = readSealImage(path);
  if (!r.ok) throw new GongwenError(r.diagnostic);
  return r.image;
}

function paragraph(text: string, src: SourcePath): Block {
  return { kind: 'paragraph', runs: [{ text, role: 'body' }], src };
}

const ROLE_OF_LEVEL = { 1: 'h1', 2: 'h2', 3: 'h3', 4: 'h4' } as const;
type Level = 1 | 2 | 3 | 4;

/**
 * The heading level a number's style stands for: 一、 → 1, （一） → 2, 1. → 3, （1） → 4. Typos keep
 * their family (一) and (一 are bracketed Chinese numerals, so level 2). Anything else: none.
 */
export function levelOfNumber(number: string): Level | undefined {
  const chinese = /[一二三四五六七八九十百零〇]/.test(number) && !/\d/.test(number);
  const arabic = /\d/.test(number) && !chinese;
  const bracketed = /[（()）]/.test(number);
  if (!chinese && !arabic) return undefined;
  if (!/^[（(]?(?:[一二三四五六七八九十百零〇]+|\d+)[）)]?[、，,.．。]?$/.test(number)) return undefined;
  if (chinese) return bracketed ? 2 : 1;
  return bracketed ? 4 : 3;
}

/** A sequence of body nodes at one depth → blocks. Automatic numbers count only the siblings that take one. */
export function bodyBlocks(nodes: readonly BodyNode[], path: SourcePath, depth: number): Block[] {
  const out: Block[] = [];
  let auto = 0;
  nodes.forEach((node, i) => {
    const src = [...path, i];
    if (typeof node === 'string') out.push(paragraph(node, src));
    else if ('table' in node) out.push({ kind: 'table', table: tableOf(node), src });
    else {
      const byDepth = Math.min(depth, 4) as Level;
      // Nesting deeper than （1） has no standard number; such sections take （n） rather than vanish.
      const number = node.number ?? headingNumber(byDepth, ++auto);
      out.push(...sectionBlocks(node, number, levelOfNumber(number) ?? byDepth, src, depth));
    }
  });
  return out;
}

/** A section: its heading (standing alone, or run into its first paragraph) and what stands under it. */
function sectionBlocks(section: Section, number: string, level: Level, src: SourcePath, depth: number): Block[] {
  const heading = number + section.heading;
  const body = section.body ?? [];
  if (section.inline && typeof body[0] === 'string') {
    const runs: Run[] = [
      { text: heading, role: ROLE_OF_LEVEL[level] },
      { text: body[0], role: 'body' },
    ];
    return [{ kind: 'paragraph', runs, src }, ...bodyBlocks(body, [...src, 'body'], depth + 1).slice(1)];
  }
  return [{ kind: 'heading', level, text: heading, src }, ...bodyBlocks(body, [...src, 'body'], depth + 1)];
}

function tableOf(node: TableBlock): Table {
  const { caption, columns, widths, rows } = node.table;
  return {
    ...(caption ? { caption } : {}),
    columns: columns.map((header, i) => ({ header, width: widths?.[i] ?? 1 })),
    rows,
  };
}
