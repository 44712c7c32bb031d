// The bounds the schema puts on a report's values: generous for any real report, small enough that no
// value can make the typesetter or the writers slow, huge or wrong.

/** Characters in a title, heading, name or other one-line field (a real title is under 60). */
export const MAX_LINE_CHARS = 200;
/** Characters in one paragraph (a long real one is under 2,000). */
export const MAX_PARAGRAPH_CHARS = 20_000;
/** The largest document sequence number: far above any real year's count, far below exponent notation. */
export const MAX_SEQ = 99999;
/** Dates: the zip format of the DOCX cannot date before 1980, and a report is about a year of this century. */
export const MIN_YEAR = 1980;
export const MAX_YEAR = 2099;
