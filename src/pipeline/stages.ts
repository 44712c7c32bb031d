// The pipeline's calls into the other layers, one line each, so the build code names what it needs.
export { loadReportFile as loadReport } from '../load/index.ts';
