// The document model (Gongwen): format-neutral, the contract between compose, layout and the writers.
// Roles, not fonts, live here; the layout profile maps roles to fonts and sizes.
import type { TextRole } from '../schema/profile.ts';
import type { Variant } from '../schema/report.ts';
import type { SealImage } from '../load/seals.ts';

export interface Run {
  text: string;
  role: TextRole; // e.g. an inline （一）heading run in `h2`, then body text in `body`
}

/**
 * Where a block or signature comes from in the report's YAML, as a data path
 * (['body', 2, 'body', 0], ['issuingOrgans', 1]); resolved to file:line:col for messages.
 * Absent for what the tool wrote itself (a template heading, the roll-up's narrative).
 */
export type SourcePath = (string | number)[];

export type Block = (
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string } // standing alone on its line(s)
  | { kind: 'paragraph'; runs: Run[]; indent?: boolean } // indent: two characters (default true)
  | { kind: 'table'; table: Table }
  | { kind: 'figure'; chart: BarChart; caption?: string }
) & { src?: SourcePath };

/** 附件: its title as listed in the 附件说明, and its content (empty when only named). */
export interface Attachment {
  title: string;
  body: Block[];
}

export interface Table {
  caption?: string;
  columns: { header: string; width: number; align?: 'left' | 'center' | 'right' }[]; // width: share of the block
  rows: string[][];
  role?: 'table'; // 小四 by default, from the profile
}

/** A horizontal bar chart: one bar per label; drawn as vectors in the PDF. */
export interface BarChart {
  title: string;
  unit: string;
  bars: { label: string; value: number }[];
}

export interface Signature {
  organ: string; // full name of the organ, as signed
  seal?: SealImage; // the seal image, read and checked where the YAML names it (src/load/seals.ts)
  src?: SourcePath;
}

export interface Gongwen {
  variant: Variant;
  meta: { title: string; author: string; subject?: string; date?: string }; // date: ISO, for deterministic PDF metadata
  header?: {
    copyNo?: string;
    secrecy?: string;
    urgency?: string;
    organs: string[]; // names as in the red mark, lead organ first
    markSuffix: string; // 文件, or '' for the name alone
    docNumber?: string; // printed form, e.g. 岔政发〔2024〕5号, blank seq kept as 　
    signers?: string[]; // file-up only (签发人)
  };
  title: string;
  addressee?: string; // printed with its full-width colon
  body: Block[];
  attachments: Attachment[];
  signatures: Signature[]; // several for joint issuance
  sealed: boolean; // sealed layout (date 4 chars in) vs unsealed (name 2 chars in)
  date?: string; // printed 成文日期, e.g. 2024年1月5日; absent → left blank for the clerk
  note?: string; // 附注, printed in round brackets
  colophon?: { cc: string[]; printer?: string; printDate?: string };
}
