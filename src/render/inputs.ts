// What every writer is given (and never loads itself): the layout profile, the resolved fonts, and the
// typesetter's pages with where each block landed. Callers build these once (per process or worker).
import type { Gongwen } from '../compose/model.ts';
import type { FontSet } from '../fonts/index.ts';
import { loadFontSet } from '../fonts/index.ts';
import { measureOf } from '../fonts/measure.ts';
import { layout } from '../layout/index.ts';
import { loadProfile } from '../layout/profile.ts';
import type { LaidOut } from '../layout/types.ts';
import type { Profile } from '../schema/profile.ts';

export interface WriterInputs {
  profile: Profile;
  fonts: FontSet;
  draft?: boolean; // a dashed circle where the seal goes
}

/** Inputs plus the document laid out: the PDF paints the pages, the DOCX follows the landings. */
export interface LaidInputs extends WriterInputs {
  laid: LaidOut;
}

/** The typesetter run once for a document, with the given inputs. */
export function layOut(doc: Gongwen, inputs: WriterInputs): LaidInputs {
  return { ...inputs, laid: layout(doc, inputs.profile, measureOf(inputs.fonts), { draft: inputs.draft }) };
}

/** The default profile (templates/gbt9704.yaml) and fonts (user, system, bundled), each loaded once per process. */
export function defaultWriterInputs(): WriterInputs {
  return { profile: loadProfile(), fonts: loadFontSet() };
}
