// Report (YAML data) → Gongwen (the document model). Pure: the same report gives the same model.
import { resolve } from 'node:path';
import type { Block, Gongwen, Run } from './model.ts';
import type { Item, Part, Report, Variant } from '../schema/report.ts';
import { PART_KEYS } from '../schema/report.ts';
import { formatChineseDate, formatDocNumber } from '../schema/common.ts';
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
  const body: Block[] = [];
  for (const text of report.lead ?? []) body.push(paragraph(text));
  let partNo = 0;
  for (const key of PART_KEYS) {
    const part = report.parts[key];
    if (!part || isEmpty(part)) continue;
    const heading = part.heading ?? render(t.parts[key], vars);
    body.push({ kind: 'heading', level: 1, text: headingNumber(1, ++partNo) + heading });
    for (const text of part.paragraphs ?? []) body.push(paragraph(text));
    (part.items ?? []).forEach((item, i) => body.push(...itemBlocks(item, 2, i + 1)));
  }
  for (const text of report.closing ?? []) body.push(paragraph(text));

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
    attachments: report.attachments ?? [],
    signatures: organs.map((o) => ({
      organ: o.name,
      seal: sealed && o.seal ? sealImage(resolve(opts.baseDir, o.seal), opts.seals) : undefined,
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

function isEmpty(part: Part): boolean {
  return !part.paragraphs?.length && !part.items?.length;
}

function paragraph(text: string): Block {
  return { kind: 'paragraph', runs: [{ text, role: 'body' }] };
}

const ROLE_OF_LEVEL = { 2: 'h2', 3: 'h3', 4: 'h4' } as const;

/** An item and its sub-items; an inline heading opens its first paragraph in the heading's font. */
function itemBlocks(item: Item, level: 2 | 3 | 4, n: number): Block[] {
  const heading = headingNumber(level, n) + item.heading;
  const paragraphs = item.paragraphs ?? [];
  const blocks: Block[] = [];
  if (item.inline && paragraphs.length > 0) {
    const runs: Run[] = [
      { text: heading, role: ROLE_OF_LEVEL[level] },
      { text: paragraphs[0], role: 'body' },
    ];
    blocks.push({ kind: 'paragraph', runs });
    for (const text of paragraphs.slice(1)) blocks.push(paragraph(text));
  } else {
    blocks.push({ kind: 'heading', level, text: heading });
    for (const text of paragraphs) blocks.push(paragraph(text));
  }
  // Nesting deeper than （1） has no standard number; such items stay at level 4 rather than vanish.
  const next = Math.min(level + 1, 4) as 3 | 4;
  (item.items ?? []).forEach((sub, i) => blocks.push(...itemBlocks(sub, next, i + 1)));
  return blocks;
}
