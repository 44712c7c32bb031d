// The tool's own folder (package.json, templates/, fonts/, schema/). Found by walking up from this module
// rather than by a fixed '../../': the same code runs from src/ (tests, through vitest) and bundled from a
// cache folder (bin/gongwen.js, see bin/bundle.js), at different depths.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findToolRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"gongwen-report"/.test(readFileSync(pkg, 'utf8'))) return dir;
    if (dirname(dir) === dir) throw new Error(`gongwen-report: package.json not found above ${from}`);
  }
}

// The command names it (bin/bundle.js): its compiled code may sit in the temp folder, outside the tool's tree.
export const TOOL_ROOT = process.env.GONGWEN_ROOT || findToolRoot(dirname(fileURLToPath(import.meta.url)));
