// The options the rendering commands share (build, watch, rollup, serve), declared once: flag, help text,
// default and parser. Commander runs the parser while it reads the command line, so an action receives the
// values already checked and typed; a bad value is a GongwenError (exit 1, message in Chinese and English).
//
// To give a command some of them, add the options it takes, then type its flags with `Flags<…>` over the
// same keys (and the format type it writes):
//
//   addOptions(program.command('serve'), OPTIONS.out(), OPTIONS.format(FORMATS), OPTIONS.variant(), OPTIONS.draft())
//     .action(async (flags: Flags<'out' | 'format' | 'variant' | 'draft', Format>) => { … flags.format: Format[] … });
//
// A command-specific option (rollup's --json) stays in its own file.
import { Option, type Command } from 'commander';
import { VARIANTS, type Variant } from '../schema/variants.ts';
import { checkOutDir } from './outDir.ts';
import { parseFormatList, parseJobs, parseVariant } from './optionValues.ts';

/** What each shared option gives the action once parsed, F being the formats the command writes. */
export interface SharedFlags<F extends string = string> {
  out: string;
  format: F[];
  variant?: Variant; // absent: each report's own
  draft?: boolean;
  jobs?: number; // absent: chosen from the batch size and the cores
  force?: boolean;
}
export type Flags<K extends keyof SharedFlags, F extends string = string> = Pick<SharedFlags<F>, K>;

/** One factory per option: a commander Option belongs to one command, so each command makes its own. */
export const OPTIONS = {
  out: () => new Option('-o, --out <dir>', '输出文件夹 / output folder').makeOptionMandatory().argParser(checkOutDir),
  /** The formats a command can write, and its default (all of them unless given). */
  format: <F extends string>(allowed: readonly F[], byDefault: readonly F[] = allowed) =>
    new Option('-f, --format <list>', `格式 / formats: ${allowed.join(',')}`)
      .argParser((s: string) => parseFormatList(s, allowed))
      .default([...byDefault], byDefault.join(',')),
  /** The variants a command accepts (the roll-up goes down: no file-up). */
  variant: (allowed: readonly Variant[] = VARIANTS, help = '版式（覆盖报告中的设置） / variant override') =>
    new Option('--variant <variant>', `${help}: ${allowed.join(', ')}`).argParser((s: string) => parseVariant(s, allowed)),
  draft: () => new Option('--draft', '草稿：印章处画虚线圆 / draft: dashed circle where the seal goes'),
  jobs: () =>
    new Option('-j, --jobs <n>', '生成线程数（0 或 1 = 只用主线程；默认按批量大小与核数选择） / rendering threads (0 or 1 = main thread only; default chosen from the batch size and the cores)').argParser(parseJobs),
  force: () => new Option('--force', '忽略构建清单，全部重建 / ignore the manifest and rebuild everything'),
};

/** Adds options to a command, in the order given (the order of its help). */
export function addOptions(cmd: Command, ...options: Option[]): Command {
  for (const o of options) cmd.addOption(o);
  return cmd;
}
