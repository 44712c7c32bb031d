// The data layer's public face: read a YAML data file into typed data, or diagnostics at file:line:col.
export { loadReportFile, loadReportText, loadCountyFile, loadCountyText } from './report.ts';
export { loadReport } from './reportMemo.ts';
export type { LoadResult, CountyLoadResult, LoadFailure, Loaded } from './report.ts';
export { parseYamlWithSchema, type ParseResult } from './parse.ts';
export type { DataPath, Position } from './positions.ts';
export { MAX_FILE_BYTES } from './readSource.ts';
