// What the server and the page say to each other: JSON shapes only, shared by both sides (no runtime code).
import type { Variant } from '../schema/report.ts';

/** A diagnostic as `gongwen validate` gives it, plus the data path of the field it is about (when found). */
export interface DiagView {
  code: string;
  severity: 'error' | 'warning';
  zh: string;
  en: string;
  line?: number;
  col?: number;
  path: (string | number)[]; // [] when it concerns the whole file
  text: string; // the line `gongwen validate` prints
}

/** One report as the editor opens it. */
export interface Opened {
  path: string; // relative to the data folder, '/'-separated
  version: string; // content hash of the file on disk: a save names it, and is refused if the file moved on
  data: unknown; // the YAML as plain data (the editor's model)
  text: string;
  draft?: { data: unknown; savedAt: string }; // an invalid version kept beside the file
}

/** A metric of the catalogue as the editor's table shows it. */
export interface FactView {
  key: string | null;
  label: string;
  value: number;
  unit: string;
  qualifier: string | null;
  source: string | null; // the phrase in the text
}

export interface CheckRequest {
  path: string;
  data: unknown;
  variant?: Variant;
  have?: string[]; // the key of each page the preview shows already ('' where none): those are not sent again
}
export interface CheckResponse {
  ok: boolean; // no errors: the data loads as a report
  diagnostics: DiagView[];
  facts: FactView[];
  preview?: {
    // when it could be typeset
    keys: string[]; // a key per page, the same exactly when the page looks the same (pageKeys.ts)
    sent: number[]; // the pages (0-based) the PDF holds, in its order: those whose key differs from `have`'s
    pdf?: string; // base64; absent when no page is sent
  };
  ms: number; // server time for check + typesetting
}

export interface SaveRequest {
  path: string;
  data: unknown;
  version: string;
  force?: boolean; // the user chose to overwrite a file changed on disk
}
export type SaveResponse =
  | { saved: 'file'; version: string; diagnostics: DiagView[] }
  | { saved: 'draft'; diagnostics: DiagView[] } // invalid input: kept beside the file, never over it
  | { saved: 'conflict'; disk: Opened; mine: string }; // the file changed since it was opened

export interface ReportRow {
  path: string;
  township: string; // from the file, else its name
  status: 'ok' | 'warnings' | 'missingParts' | 'late' | 'invalid' | 'absent' | 'duplicate' | 'unexpected';
  reason?: string;
  warnings: number;
  errors: number;
  flags: string[];
  date?: string;
}

export interface TotalView {
  label: string;
  unit: string;
  value: number | null;
  qualifier?: string;
  reported: number;
}

export interface ChartView {
  label: string;
  unit: string;
  bars: { township: string; value: number }[];
}

export interface FolderView {
  folder: string; // relative, '' for the data folder itself
  county?: { name: string; year: number; demo: boolean; deadline: string; totals: TotalView[]; rates: TotalView[]; charts: ChartView[] };
  countyError?: string;
  reports: ReportRow[];
}

export interface TreeResponse {
  root: string; // the data folder's name, for the title
  folders: FolderView[];
}

export interface ImportResponse {
  path: string;
  notes: { kind: string; zh: string; en: string; line?: number }[];
  artefacts: { line: number; text: string; reason: string }[];
}

export interface ErrorResponse {
  error: { zh: string; en: string };
}
