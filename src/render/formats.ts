// The document formats, as plain constants: the command line names them without loading the renderer.
export const FORMATS = ['pdf', 'docx'] as const;
export type Format = (typeof FORMATS)[number];
