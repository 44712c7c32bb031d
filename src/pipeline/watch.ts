// Watch mode: saving a report rebuilds its PDF/DOCX and its county roll-up, in this process (jobs: 1) with
// fonts already loaded, so the files are written within a few hundred milliseconds of the save.
import { basename, resolve, sep } from 'node:path';
import { stat } from 'node:fs/promises';
import { watch, type FSWatcher } from 'chokidar';
import { COUNTY_FILE, isReportYaml } from './discover.ts';
import { runBuild, type BuildOptions, type BuildSummary, type Reporter } from './pipeline.ts';
import { buildRequest, isInside, serveHandoff, type HandoffRequest, type HandoffResult } from './handoff.ts';

export interface WatchEvents {
  reporter: Reporter;
  /**
   * After each rebuild: what was built, and ms from the save (the file's mtime) to the saved reports' own
   * outputs written (`reportMs`, what the clerk waits for) and to everything written, roll-ups included.
   */
  rebuilt(summary: BuildSummary, files: string[], ms: { reportMs: number; allMs: number }): void;
  ready(): void;
}

export interface Watching {
  close(): Promise<void>;
  /** Resolves once the initial build is done and the watcher is listening. */
  ready: Promise<void>;
}

/** Editors save in bursts (write, rename, chmod); one rebuild per burst. */
const DEBOUNCE_MS = 25;

export function watchAndBuild(opts: Omit<BuildOptions, 'only' | 'jobs' | 'keepFailedOutputs'>, events: WatchEvents): Watching {
  const outDir = resolve(opts.outDir);
  const pending = new Map<string, number>(); // file → time the change was seen
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  const relevant = (p: string) => isReportYaml(basename(p)) || basename(p) === COUNTY_FILE;

  const flush = () => {
    timer = undefined;
    const batch = [...pending.keys()];
    pending.clear();
    running = running.then(async () => {
      if (closed || batch.length === 0) return;
      // Time from the save itself, not from when the event arrived: what the clerk waits for.
      const savedAt = Math.min(
        ...(await Promise.all(batch.map((f) => stat(f).then((s) => s.mtimeMs, () => Date.now())))),
      );
      let reportsDone = savedAt;
      const reporter: Reporter = {
        ...events.reporter,
        done(p, r) {
          if (p.job.kind === 'report') reportsDone = Date.now();
          events.reporter.done(p, r);
        },
      };
      // A broken save leaves the last good PDF open in the clerk's viewer; the error is on screen at once.
      const summary = await runBuild({ ...opts, only: batch, jobs: 1, keepFailedOutputs: true }, reporter);
      const end = Date.now();
      events.rebuilt(summary, batch, { reportMs: (reportsDone > savedAt ? reportsDone : end) - savedAt, allMs: end - savedAt });
    });
  };

  const changed = (path: string) => {
    const abs = resolve(path);
    if (!relevant(abs)) return;
    pending.set(abs, Date.now());
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };

  /**
   * `gongwen build FILE` from another terminal, handed over (handoff.ts): taken when it would give the same
   * bytes as a fresh build (same output folder and options, files this watch covers), and run in turn with
   * the rebuilds after saves.
   */
  const decline = (req: HandoffRequest): string | undefined => {
    if (resolve(req.outDir) !== outDir) return 'another output folder';
    if (req.formats.join(',') !== opts.formats.join(',') || req.variant !== opts.variant || req.draft !== (opts.draft ?? false)) return 'other options';
    const roots = opts.inputs.map((i) => resolve(i));
    if (!req.inputs.every((f) => roots.some((r) => isInside(r, f)))) return 'not watched here';
    return undefined;
  };
  const handedOver = (req: HandoffRequest): Promise<HandoffResult> => {
    const job = running.then(() => buildRequest(req)); // the request's options are this watch's (see decline)
    running = job.then(() => undefined, () => undefined);
    return job;
  };
  let handoff: { close(): Promise<void> } | undefined;

  let watcher: FSWatcher | undefined;
  const ready = (async () => {
    // Bring the outputs up to date first (the manifest makes this cheap when nothing changed).
    await runBuild({ ...opts, jobs: 1 }, events.reporter);
    if (closed) return;
    watcher = watch(opts.inputs, {
      ignoreInitial: true,
      // Never react to our own outputs or to hidden files (editor swap files, the manifest).
      ignored: (p: string) => {
        const abs = resolve(p);
        return abs === outDir || abs.startsWith(outDir + sep) || basename(abs).startsWith('.');
      },
    });
    watcher.on('add', changed).on('change', changed).on('unlink', changed);
    await new Promise<void>((r) => watcher!.once('ready', () => r()));
    handoff = await serveHandoff(outDir, { decline, build: handedOver }).catch(() => undefined);
    events.ready();
  })();

  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await ready.catch(() => undefined);
      await handoff?.close();
      await watcher?.close();
      await running.catch(() => undefined);
    },
  };
}
