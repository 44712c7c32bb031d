// The `gongwen` command line: thin wrappers over the library; each subcommand lives in its own file.
import { Command, CommanderError } from 'commander';
import { GongwenError, formatDiagnostic } from '../diagnostics.ts';
import { COMMANDS } from './commands.ts';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('gongwen')
    .description('法治政府建设情况报告公文生成工具 / official-document generator for township rule-of-law reports')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  for (const register of COMMANDS) register(program, setExit);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof GongwenError) {
      for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
      return 1;
    }
    // An unexpected failure is a bug of ours: say so plainly, without a stack trace for the user.
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`内部错误 internal error: ${msg}\n（请将此信息报告给开发者 / please report this to the developers; set GONGWEN_DEBUG=1 for details）\n`);
    if (process.env.GONGWEN_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 3;
  }
  return exitCode;
}
