// The document variants, as plain constants: the command line names them without loading zod (see cli/).
export const VARIANTS = ['file-up', 'file-down', 'plain'] as const;
export type Variant = (typeof VARIANTS)[number];
