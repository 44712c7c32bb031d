// A county folder → its roll-up files (<county><year>汇总.pdf/.docx/.xlsx) as bytes, with the name to give them.
import { diag, GongwenError, type Diagnostic } from '../diagnostics.ts';
import type { CountyFormat } from './jobs.ts';

export interface CountyOutputs {
  baseName: string; // e.g. 示例县2023汇总
  files: { format: CountyFormat; bytes: Uint8Array }[];
  deps: string[];
  warnings: Diagnostic[];
}

/** Turns any text into one safe file-name component: no separators, no leading dot, no control characters. */
export function safeFileName(s: string): string {
  const cleaned = s.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^\.+/, '_').trim();
  return cleaned.slice(0, 120) || '_';
}

export async function buildCountyOutputs(dir: string, _opts: { formats: CountyFormat[]; draft: boolean }): Promise<CountyOutputs> {
  throw new GongwenError(diag('build.rollupUnavailable', '县级汇总模块尚未就绪', 'the county roll-up is not available yet', { file: dir }));
}
