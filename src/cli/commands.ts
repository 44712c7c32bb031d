// Every subcommand registers itself here; one file per command keeps them independent.
import type { Command } from 'commander';

export type Register = (program: Command, setExit: (code: number) => void) => void;

export const COMMANDS: Register[] = [];
