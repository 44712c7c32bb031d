// Every subcommand registers itself here; one file per command keeps them independent.
import type { Command } from 'commander';
import { registerValidate } from './validate.ts';
import { registerMetrics } from './metrics.ts';
import { registerSchema } from './schema.ts';
import { registerBuild } from './build.ts';
import { registerWatch } from './watch.ts';
import { registerImport } from './import.ts';
import { registerRollup } from './rollup.ts';
import { registerFonts } from './fonts.ts';
import { registerServe } from './serve.ts';
import { registerMigrate } from './migrate.ts';

export type Register = (program: Command, setExit: (code: number) => void) => void;

export const COMMANDS: Register[] = [registerValidate, registerMetrics, registerSchema, registerBuild, registerWatch, registerImport, registerRollup, registerFonts, registerServe, registerMigrate];
