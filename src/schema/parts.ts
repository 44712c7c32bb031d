// The five statutory parts of a report, as plain constants: compose prints their headings without loading zod
// (the schema's enum of them is in body.ts).
export const PART_KEYS = ['measures', 'leadership', 'shortcomings', 'nextYear', 'other'] as const;
