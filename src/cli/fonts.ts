// `gongwen fonts [--user-dir DIR]`: which file each font role resolves to, and what was substituted.
import { formatDiagnostic } from '../diagnostics.ts';
import { displayPath } from '../fonts/paths.ts';
import type { Register } from './commands.ts';

const SOURCE_ZH = { user: '用户', system: '系统', bundled: '内置' } as const;

export const registerFonts: Register = (program) => {
  program
    .command('fonts')
    .description('显示各字体角色实际使用的字体文件 / show the font file each role resolves to')
    .option('--user-dir <dir>', '用户字体目录（默认 fonts/user/）/ folder of your own licensed fonts (default fonts/user/)')
    .action(async (opts: { userDir?: string }) => {
      const [{ loadFontSet }, { FONT_ROLES }] = await Promise.all([import('../fonts/index.ts'), import('../schema/profile.ts')]);
      const set = loadFontSet({ userDir: opts.userDir });
      for (const role of FONT_ROLES) {
        const f = set.fonts[role];
        process.stdout.write(`${role.padEnd(13)}${f.officialName}\t${SOURCE_ZH[f.source]} ${f.source}\t${f.postscriptName}\t${displayPath(f.path)}\n`);
      }
      for (const d of set.takeSubstitutionWarnings()) process.stderr.write(formatDiagnostic(d) + '\n');
    });
};
