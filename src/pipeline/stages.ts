// The pipeline's calls into the other layers, one line each, so the build code names what it needs.
// Through the memo, which loads the YAML loader only for a file it does not remember (src/load/reportMemo.ts).
export { loadReport } from '../load/reportMemo.ts';
