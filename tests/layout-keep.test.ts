// What a keep-with-next line needs below it: a heading the next line, a table caption the table's header
// and first row, so that a caption never ends a page with its table on the next.
import { describe, expect, it } from 'vitest';
import type { FlowEntry } from '../src/layout/body.ts';
import { geometry } from '../src/layout/geometry.ts';
import { needs } from '../src/layout/paginate.ts';
import { loadProfile } from '../src/layout/profile.ts';

const g = geometry(loadProfile());
// The last two lines stand with the signature: body lines at the end keep that rule out of these cases.
const END = (): FlowEntry[] => [line(false), line(false), line(false)];
const line = (keepWithNext: boolean): FlowEntry => ({ kind: 'line', keepWithNext, size: 16, tag: 'body', line: { width: 0, segments: [] } });
const box = (height: number, keepWithNext = false): FlowEntry => ({ kind: 'box', box: { height, items: [] }, keepWithNext });

describe('keep-with-next needs', () => {
  it('a heading needs its own line and the next', () => {
    expect(needs([line(true), line(false), ...END()], g, 3)[0].height).toBeCloseTo(2 * g.linePitch);
  });

  it('a caption needs the table’s header and first row', () => {
    const n = needs([line(true), box(30, true), box(45), box(45), ...END()], g, 3);
    expect(n[0].height).toBeCloseTo(g.linePitch + 30 + 45);
    expect(n[1].height).toBeCloseTo(75);
  });
});
