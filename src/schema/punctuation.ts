// Punctuation classes for Chinese line breaking (禁则) and squeezing (标点挤压), kept as data.

/**
 * Marks that may not start a line (GB/T 15834-2011 §5.1): closing and pause marks, the connector －, the
 * interpunct · and the slash ／. An ellipsis …… or a dash —— may start a line (they are kept whole instead).
 */
export const NO_LINE_START = new Set([...'，。、；：？！）》」』”’〕】〉％·－／,.;:?!)]%/']);

/** Marks that may not end a line: opening marks. */
export const NO_LINE_END = new Set([...'（《「『“‘〔【〈([']);

/** Full-width closing marks whose ink sits in the left half of the em: squeezable by removing the right half. */
export const SQUEEZE_RIGHT = new Set([...'，。、；：？！）》」』”’〕】〉']);

/** Full-width opening marks whose ink sits in the right half of the em: squeezable by removing the left half. */
export const SQUEEZE_LEFT = new Set([...'（《「『“‘〔【〈']);

/** Characters that stay glued to a preceding number: 67场次, 13500余份, 2023年, 100%. */
export const UNIT_CHARS = new Set([...'年月日时分秒个名人次场件份条户家元万亿千百余多期项处所座台辆部米亩届批轮起例宗篇本套间张位倍平方公里', '%', '％']);

/** Characters that stay glued to a following number: 近300人, 约5万, 第3次. */
export const PRE_NUMBER_CHARS = new Set([...'近约第共达超逾计']);

/** Pairs that must never be split across lines: ——, …… */
export const NO_SPLIT_REPEAT = new Set(['—', '…']);
