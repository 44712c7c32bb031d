// yaml and zod for the code that reads the tool's own data files (the layout profile, the templates, the font
// manifest), required on first use: each of those keeps its validated copy in the cache folder, and a run whose
// copies are current loads neither library (tens of ms each at start). Report files are read by src/load/, which
// imports them itself and is loaded only when its memo does not have the file (src/load/reportMemo.ts).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Yaml from 'yaml';
import type * as Zod from 'zod';
import { TOOL_ROOT } from './toolRoot.ts';

const requireTool = createRequire(join(TOOL_ROOT, 'package.json'));
export const yamlLibrary = (): typeof Yaml => requireTool('yaml') as typeof Yaml;
export const zodLibrary = (): typeof Zod => requireTool('zod') as typeof Zod;
