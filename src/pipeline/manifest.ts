// The build manifest (<out>/.gongwen-manifest.json): for each job, the key it was built with, the source it
// was built from, the files it read beyond its own key (seal images) and the outputs it wrote, each with its
// size, modification time and hash; and the content hash of each file the build hashed, by its stat (`files`,
// see HashMemo: a no-change build reads none of its sources). It is a cache, never a source of truth: anything
// that does not parse or check out is thrown away and the outputs are rebuilt. Checked by hand rather than with
// zod: a no-change build reads it on every run, and loading zod would cost more than all the rest of its planning.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HashMemo, hashFileSync, type HashMemoEntry } from './fingerprint.ts';
import { writeFileAtomic } from './safeWrite.ts';

export const MANIFEST_NAME = '.gongwen-manifest.json';
const MANIFEST_VERSION = 2;
/** The key of an entry whose outputs are known to be stale: no job's key (a sha256) is ever this. */
const STALE_KEY = '0'.repeat(64);

export interface ManifestOutput {
  path: string; // relative to the output folder, '/'-separated
  size: number;
  mtimeMs: number;
  hash: string; // sha256 of the bytes written
}

export interface ManifestEntry {
  key: string;
  source: string; // absolute path of the report YAML or county.yaml: when it is gone, so are its outputs
  deps: Record<string, string>; // absolute path → content hash at build time
  outputs: ManifestOutput[];
}

export type ManifestState = 'ok' | 'absent' | 'damaged';

const isHash = (x: unknown): x is string => typeof x === 'string' && /^[0-9a-f]{64}$/.test(x);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

function isOutput(x: unknown): x is ManifestOutput {
  if (typeof x !== 'object' || x === null) return false;
  const path: unknown = Reflect.get(x, 'path');
  return typeof path === 'string' && path.length > 0 && isCount(Reflect.get(x, 'size')) && isCount(Reflect.get(x, 'mtimeMs')) && isHash(Reflect.get(x, 'hash'));
}

function isEntry(x: unknown): x is ManifestEntry {
  if (typeof x !== 'object' || x === null) return false;
  const deps: unknown = Reflect.get(x, 'deps');
  const outputs: unknown = Reflect.get(x, 'outputs');
  const source: unknown = Reflect.get(x, 'source');
  return (
    isHash(Reflect.get(x, 'key')) &&
    typeof source === 'string' &&
    typeof deps === 'object' &&
    deps !== null &&
    Object.values(deps).every((h) => typeof h === 'string') &&
    Array.isArray(outputs) &&
    outputs.length > 0 &&
    outputs.every(isOutput)
  );
}

function isMemoEntry(x: unknown): x is HashMemoEntry {
  return Array.isArray(x) && x.length === 5 && x.slice(0, 4).every((n) => typeof n === 'number' && Number.isFinite(n)) && typeof x[4] === 'string';
}

/** The hash memo of a manifest file's text: empty when it has none, or a damaged one (every file is then hashed). */
function parseMemo(data: unknown): Map<string, HashMemoEntry> {
  const files: unknown = typeof data === 'object' && data !== null ? Reflect.get(data, 'files') : undefined;
  if (typeof files !== 'object' || files === null) return new Map();
  const entries = Object.entries(files);
  return entries.every(([, e]) => isMemoEntry(e)) ? new Map(entries) : new Map();
}

/** The jobs of a manifest file's text; 'old' for a manifest of an earlier version, undefined if damaged. */
function parseJobs(data: unknown): Map<string, ManifestEntry> | 'old' | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const version: unknown = Reflect.get(data, 'version');
  if (typeof version === 'number' && version < MANIFEST_VERSION) return 'old';
  const jobs: unknown = Reflect.get(data, 'jobs');
  if (version !== MANIFEST_VERSION || typeof jobs !== 'object' || jobs === null) return undefined;
  const entries = Object.entries(jobs);
  return entries.every(([, e]) => isEntry(e)) ? new Map(entries) : undefined;
}

export class Manifest {
  private jobs: Map<string, ManifestEntry>;
  readonly state: ManifestState;
  private dirty = false;

  private constructor(
    private readonly outDir: string,
    jobs: Map<string, ManifestEntry>,
    state: ManifestState,
    private readonly memo = new HashMemo(new Map(), 0),
  ) {
    this.jobs = jobs;
    this.state = state;
  }

  static async load(outDir: string): Promise<Manifest> {
    let text: string;
    let writtenMs: number;
    try {
      // The memo's time is the file's own, from the same open file: git's rule for its index (see RACY_MS).
      const fd = openSync(join(outDir, MANIFEST_NAME), 'r');
      try {
        writtenMs = fstatSync(fd).mtimeMs;
        text = readFileSync(fd, 'utf8');
      } finally {
        closeSync(fd);
      }
    } catch {
      return new Manifest(outDir, new Map(), 'absent');
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    const jobs = parseJobs(data);
    // A manifest written by an older version of the tool: rebuild quietly, it is not damage.
    if (jobs === 'old') return new Manifest(outDir, new Map(), 'absent');
    if (jobs) return new Manifest(outDir, jobs, 'ok', new HashMemo(parseMemo(data), writtenMs));
    const m = new Manifest(outDir, new Map(), 'damaged');
    m.dirty = true; // rewrite it even if nothing gets built
    return m;
  }

  /** A file's content hash (as hashFileSync), from the memo when its stat vouches for it. */
  hashOf(path: string): string {
    return this.memo.hash(path);
  }

  /**
   * True when the job was built with this key, its extra inputs are unchanged and its outputs are intact.
   * An output is intact when its size and modification time are those recorded, or else when its bytes
   * still hash to what was written (a copy that kept the bytes but not the time); then the new time is kept.
   */
  async upToDate(id: string, key: string): Promise<boolean> {
    const e = this.jobs.get(id);
    if (!e || e.key !== key) return false;
    for (const o of e.outputs) {
      // A deleted or replaced output (opened and saved in Word, overwritten) is rebuilt.
      const path = join(this.outDir, o.path);
      const st = statSync(path, { throwIfNoEntry: false });
      if (!st?.isFile() || st.size !== o.size) return false;
      if (st.mtimeMs === o.mtimeMs) continue;
      if (hashFileSync(path) !== o.hash) return false;
      o.mtimeMs = st.mtimeMs;
      this.dirty = true;
    }
    for (const [path, hash] of Object.entries(e.deps)) if (this.memo.hash(path) !== hash) return false;
    return true;
  }

  record(id: string, entry: ManifestEntry): void {
    this.jobs.set(id, entry);
    this.dirty = true;
  }

  /**
   * A job that failed must not look built, nor leave its previous outputs looking current: its entry goes,
   * so the next run tries again, and the outputs it owned are deleted. Returns the paths deleted.
   * With `keepFiles` (watch mode: the clerk is mid-edit and sees the error at once) the last good outputs
   * stay, but the entry no longer matches any key and still owns them, so the next build that fails too
   * deletes them.
   */
  async forget(id: string, opts: { keepFiles?: boolean } = {}): Promise<string[]> {
    const e = this.jobs.get(id);
    if (!e) return [];
    this.dirty = true;
    if (opts.keepFiles) {
      e.key = STALE_KEY;
      return [];
    }
    this.jobs.delete(id);
    return this.removeOutputs(e);
  }

  /**
   * Jobs whose source file no longer exists (a deleted report, a county folder without its county.yaml),
   * except those in `keep`: forgotten, and their outputs deleted. Returns the paths deleted.
   */
  async dropOrphans(keep: Set<string>): Promise<string[]> {
    const removed: string[] = [];
    for (const [id, e] of [...this.jobs]) {
      if (keep.has(id)) continue;
      if (existsSync(e.source)) continue;
      removed.push(...(await this.forget(id)));
    }
    return removed;
  }

  private async removeOutputs(e: ManifestEntry): Promise<string[]> {
    const removed: string[] = [];
    for (const o of e.outputs) {
      const path = join(this.outDir, o.path);
      // Only a file that is still the one written (by size) is ours to delete; one the user replaced stays.
      let st;
      try {
        st = statSync(path);
      } catch {
        continue;
      }
      if (!st.isFile() || st.size !== o.size) continue;
      rmSync(path, { force: true });
      removed.push(path);
    }
    return removed;
  }

  get isDirty(): boolean {
    return this.dirty || this.memo.changed;
  }

  async save(): Promise<void> {
    if (!this.isDirty) return;
    this.dirty = false;
    this.memo.changed = false;
    const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const jobs = sorted(Object.fromEntries(this.jobs));
    // Files of jobs this run did not plan (a build of some of the inputs) keep their entries; others (a deleted
    // report, a template no longer read) go.
    const wanted = new Set<string>();
    for (const e of this.jobs.values()) {
      wanted.add(e.source);
      for (const d of Object.keys(e.deps)) wanted.add(d);
    }
    const files = sorted(this.memo.entries((path) => wanted.has(path)));
    await writeFileAtomic(join(this.outDir, MANIFEST_NAME), JSON.stringify({ version: MANIFEST_VERSION, jobs, files }, null, 1) + '\n');
  }
}
