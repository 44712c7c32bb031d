// `gongwen schema [--county] [--out file]`: prints the JSON Schema that editors use to check data files.
import { renameSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { GongwenError, diag } from '../diagnostics.ts';
import type { Register } from './commands.ts';

/** Write to a temporary name in the same folder, then rename: a reader never sees half a file. */
function writeAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new GongwenError(diag('file.write', { why }, { file }));
  }
}

export const registerSchema: Register = (program) => {
  program
    .command('schema')
    .description('输出报告数据的 JSON Schema / print the JSON Schema of report data files')
    .option('--county', '输出 county.yaml 的 Schema / the schema of county.yaml instead')
    .option('--out <file>', '写入文件而不是标准输出 / write to a file instead of stdout')
    .action(async (opts: { county?: boolean; out?: string }) => {
      const { countyJsonSchema, jsonSchemaText, reportJsonSchema } = await import('../load/jsonSchema.ts');
      const text = jsonSchemaText(opts.county ? countyJsonSchema() : reportJsonSchema());
      if (opts.out) writeAtomic(opts.out, text);
      else process.stdout.write(text);
    });
};
