// Role → font, size and colour, from the layout profile; and the text runs layout breaks into lines.
import type { Profile, TextRole } from '../schema/profile.ts';
import type { Geometry } from './geometry.ts';
import { breakLines, type BrokenLine, type StyledRun } from './linebreak.ts';
import type { Measure } from './measure.ts';
import type { TextItem } from './types.ts';

export function styled(profile: Profile, role: TextRole, text: string, tag: string = role): StyledRun {
  const r = profile.roles[role];
  return { text, font: r.font, size: r.size, color: r.color, tag, latin: r.latin };
}

/** CJK advance for a type size: body text sits on the 28-character grid, other sizes scale with it. */
export function cjkAdvanceFor(profile: Profile, g: Geometry): (size: number) => number {
  const body = profile.roles.body.size;
  return (size) => (size * g.charPitch) / body;
}

/** One unbroken line of a role's text (digits and Latin in the Latin font), at x = 0. */
export function setText(profile: Profile, g: Geometry, m: Measure, role: TextRole, text: string, tag: string = role): BrokenLine {
  const lines = breakLines([styled(profile, role, text, tag)], m, {
    firstWidth: Infinity,
    width: Infinity,
    justify: false,
    cjkAdvance: cjkAdvanceFor(profile, g),
    context: text.slice(0, 20),
  });
  return lines[0] ?? { segments: [], width: 0 };
}

/** The line's segments placed with their start at x, on the given baseline. */
export function placeAt(line: BrokenLine, x: number, baseline: number, gridLine?: number): TextItem[] {
  return line.segments.map((s) => ({ ...s, x: s.x + x, y: baseline, line: gridLine }));
}
