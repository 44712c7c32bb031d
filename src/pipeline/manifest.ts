// The build manifest (<out>/.gongwen-manifest.json): for each job, the key it was built with, the files it
// read beyond its own key (seal images) and the outputs it wrote. It is a cache, never a source of truth:
// anything that does not parse or validate is thrown away and the outputs are rebuilt.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { hashFile } from './fingerprint.ts';
import { writeFileAtomic } from './safeWrite.ts';

export const MANIFEST_NAME = '.gongwen-manifest.json';
const MANIFEST_VERSION = 1;

const Entry = z.strictObject({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  deps: z.record(z.string(), z.string()), // absolute path → content hash at build time
  outputs: z.array(z.strictObject({ path: z.string().min(1), size: z.number().int().nonnegative() })).min(1), // path relative to the output folder
});
export type ManifestEntry = z.infer<typeof Entry>;

const ManifestFile = z.strictObject({
  version: z.literal(MANIFEST_VERSION),
  jobs: z.record(z.string(), Entry),
});

export type ManifestState = 'ok' | 'absent' | 'damaged';

export class Manifest {
  private jobs: Map<string, ManifestEntry>;
  readonly state: ManifestState;
  private dirty = false;

  private constructor(
    private readonly outDir: string,
    jobs: Map<string, ManifestEntry>,
    state: ManifestState,
  ) {
    this.jobs = jobs;
    this.state = state;
  }

  static async load(outDir: string): Promise<Manifest> {
    let text: string;
    try {
      text = await readFile(join(outDir, MANIFEST_NAME), 'utf8');
    } catch {
      return new Manifest(outDir, new Map(), 'absent');
    }
    try {
      const parsed = ManifestFile.safeParse(JSON.parse(text));
      if (parsed.success) return new Manifest(outDir, new Map(Object.entries(parsed.data.jobs)), 'ok');
    } catch {
      // fall through: not JSON
    }
    const m = new Manifest(outDir, new Map(), 'damaged');
    m.dirty = true; // rewrite it even if nothing gets built
    return m;
  }

  /** True when the job was built with this key, its extra inputs are unchanged and its outputs are intact. */
  async upToDate(id: string, key: string): Promise<boolean> {
    const e = this.jobs.get(id);
    if (!e || e.key !== key) return false;
    for (const o of e.outputs) {
      // A deleted or replaced output (opened and saved in Word) is rebuilt.
      const st = await stat(join(this.outDir, o.path)).catch(() => undefined);
      if (!st?.isFile() || st.size !== o.size) return false;
    }
    for (const [path, hash] of Object.entries(e.deps)) if ((await hashFile(path)) !== hash) return false;
    return true;
  }

  outputsOf(id: string): ManifestEntry['outputs'] {
    return this.jobs.get(id)?.outputs ?? [];
  }

  record(id: string, entry: ManifestEntry): void {
    this.jobs.set(id, entry);
    this.dirty = true;
  }

  /** A job that failed must not look built: its old entry goes, so the next run tries again. */
  forget(id: string): void {
    if (this.jobs.delete(id)) this.dirty = true;
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const jobs = Object.fromEntries([...this.jobs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeFileAtomic(join(this.outDir, MANIFEST_NAME), JSON.stringify({ version: MANIFEST_VERSION, jobs }, null, 1) + '\n');
  }
}
