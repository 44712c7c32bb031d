import { loadReportFile } from '../src/load/index.ts';
import { formatDiagnostic } from '../src/diagnostics.ts';
const r = loadReportFile(process.argv[2]);
for (const d of r.ok ? r.warnings : r.diagnostics) console.log(formatDiagnostic(d));
