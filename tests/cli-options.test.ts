// The rendering commands share one option table (src/cli/options.ts): the same flags, the same help, the
// same checks, read while commander parses the command line (in process: no subprocess needed).
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands.ts';
import { GongwenError } from '../src/diagnostics.ts';

function program(): Command {
  const p = new Command('gongwen').exitOverride();
  for (const register of COMMANDS) register(p, () => {});
  return p;
}

const SHARED = ['--out', '--format', '--variant', '--draft'];
const commandOf = (p: Command, name: string) => p.commands.find((c) => c.name() === name)!;

async function parseError(args: string[]): Promise<GongwenError> {
  try {
    await program().parseAsync(args, { from: 'user' });
  } catch (e) {
    if (e instanceof GongwenError) return e;
    throw e;
  }
  throw new Error(`expected a GongwenError for ${args.join(' ')}`);
}

describe('shared CLI options', () => {
  it('build, watch and rollup declare --out, --format, --variant and --draft alike', () => {
    const p = program();
    const described = (name: string) => Object.fromEntries(commandOf(p, name).options.map((o) => [o.long, o.flags]));
    const [build, watch, rollup] = ['build', 'watch', 'rollup'].map(described);
    for (const flag of SHARED) {
      expect(build[flag], flag).toBeDefined();
      expect(watch[flag], flag).toBe(build[flag]);
      expect(rollup[flag], flag).toBe(build[flag]);
    }
    expect(build['--jobs']).toBe('-j, --jobs <n>');
    expect(build['--force']).toBe('--force');
  });

  it.each([
    [['build', 'x', '--out', 'o', '--format', 'pdf,odt'], 'cli.format', 'odt'],
    [['watch', 'x', '--out', 'o', '--format', ''], 'cli.format', 'pdf,docx'],
    [['rollup', 'x', '--out', 'o', '--format', 'xlsx,pptx'], 'cli.format', 'pptx'],
    [['build', 'x', '--out', 'o', '--variant', 'sideways'], 'cli.variant', 'sideways'],
    [['watch', 'x', '--out', 'o', '--variant', 'sideways'], 'cli.variant', 'sideways'],
    [['rollup', 'x', '--out', 'o', '--variant', 'file-up'], 'cli.variant', 'file-down, plain'],
    [['build', 'x', '--out', 'o', '--jobs', '1.5'], 'cli.jobs', '1.5'],
  ])('%j is refused with %s while parsing, before anything runs', async (args, code, shown) => {
    const e = await parseError(args);
    expect(e.diagnostics[0].code).toBe(code);
    expect(e.diagnostics[0].zh).toContain(shown);
    expect(e.diagnostics[0].en).toContain(shown);
  });
});
