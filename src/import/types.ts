// Shared shapes of the importer: cleaned lines that remember where they came from, and the notes it keeps.

/** A piece of the source removed as an artefact; `line`/`col` are 1-based positions in the original text. */
export interface Artefact {
  line: number;
  col?: number; // absent when the text was found after clean-up (a repeated title)
  text: string;
  reason: string; // why it was removed, in Chinese and English
}

/** A logical line after clean-up: its text and the source line it starts on. */
export interface SourceLine {
  text: string;
  line: number;
  raw?: string; // the line as written (trimmed, before punctuation normalisation), when it is one whole source line
}

export type NoteKind =
  | 'inferred' // a value the source does not state on its own line (organ taken from the lead, place from the text)
  | 'covers' // the statutory part(s) a top-level section was taken to cover, and why
  | 'numbering' // a heading number as written: punctuation normalised, a typo kept, a count that restarts or skips
  | 'table' // a table read from the text
  | 'missingPart' // a statutory part the source lacks
  | 'headingGuess' // a heading whose end had to be guessed (glued to its paragraph)
  | 'closing' // paragraphs taken as the closing after the last part
  | 'unmatchedNumber' // a number that matches no catalogue metric
  | 'conflictingMetric' // a later figure for a metric already taken
  | 'damage' // suspected damaged text: lost quotes, swapped words
  | 'missingField' // a required field the source does not give
  | 'given' // a field filled from the command line or the county's county.yaml
  | 'structure'; // anything else about the heading tree

export interface Note {
  kind: NoteKind;
  zh: string;
  en: string;
  line?: number;
}
