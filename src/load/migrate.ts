// Rewriting a report file in the first data form (lead/parts/closing) to the `body` form, checked: the
// converted text must load to the very same report, or it is refused. The `migrate` command writes it.
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { diag, type Diagnostic } from '../diagnostics.ts';
import { loadReportText } from './index.ts';
import { upgradeDocument } from './legacy.ts';

export type Migration = { status: 'migrated'; text: string } | { status: 'current' } | { status: 'failed'; diagnostics: Diagnostic[] };

/**
 * The new text of an old-form report, checked: when the old file loaded, the new one must load to the
 * very same data, or nothing is written.
 */
export function migrateText(text: string, file: string): Migration {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const before = loadReportText(text, file);
    return { status: 'failed', diagnostics: before.ok ? [] : before.diagnostics };
  }
  if (!upgradeDocument(doc)) return { status: 'current' };
  // lineWidth 0: a paragraph stays one line, as the clerk wrote it.
  const out = doc.toString({ lineWidth: 0 });
  const before = loadReportText(text, file);
  const after = loadReportText(out, file);
  if (before.ok && !(after.ok && isDeepStrictEqual(before.report, after.report))) {
    return {
      status: 'failed',
      diagnostics: [diag('migrate.mismatch', { file })],
    };
  }
  return { status: 'migrated', text: out };
}
