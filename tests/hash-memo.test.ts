// The content-hash memo of the build manifest (src/pipeline/fingerprint.ts HashMemo): a file whose stat is the one
// recorded, and which last changed well before the memo was written, is not read again; anything else is hashed.
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { HashMemo, hashFileSync, RACY_MS, type HashMemoEntry } from '../src/pipeline/fingerprint.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongwen-memo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FAKE = 'f'.repeat(64); // a hash no content has: returned only if the file was not read
const entryOf = (path: string, hash: string): HashMemoEntry => {
  const st = statSync(path);
  return [st.size, st.mtimeMs, st.ctimeMs, st.ino, hash];
};

it('trusts a file whose stat is unchanged and which changed well before the memo was written', () => {
  const f = join(dir, 'a.yaml');
  writeFileSync(f, 'title: 甲\n');
  const memo = new HashMemo(new Map([[f, entryOf(f, FAKE)]]), statSync(f).ctimeMs + RACY_MS + 1);
  expect(memo.hash(f)).toBe(FAKE);
  expect(memo.changed).toBe(false); // nothing new to save
});

it('hashes again a file changed within RACY_MS of the memo, whose times could hide a second edit', () => {
  // A file system with coarse times (a second, two on FAT) shows an edit made in the same tick as the memo's
  // reading with the same size and times: only the memo's own time tells that it may have happened.
  const f = join(dir, 'b.yaml');
  writeFileSync(f, 'title: 乙\n');
  const memo = new HashMemo(new Map([[f, entryOf(f, FAKE)]]), statSync(f).ctimeMs + RACY_MS - 1);
  expect(memo.hash(f)).toBe(hashFileSync(f));
});

it('hashes again a same-size edit that kept the modification time', () => {
  const f = join(dir, 'c.yaml');
  writeFileSync(f, 'title: 丙\n');
  const before = statSync(f);
  const old = entryOf(f, hashFileSync(f));
  writeFileSync(f, 'title: 丁\n'); // as many bytes
  utimesSync(f, before.atime, before.mtime); // the modification time set back, as a copy that keeps times would
  expect(statSync(f).size).toBe(before.size);
  const memo = new HashMemo(new Map([[f, old]]), Date.now() + RACY_MS + 1);
  expect(memo.hash(f)).not.toBe(old[4]);
  expect(memo.hash(f)).toBe(hashFileSync(f));
  expect(memo.changed).toBe(true);
});

it('hashes a touched but unchanged file again, to the same hash, and remembers its new stat', () => {
  const f = join(dir, 'd.yaml');
  writeFileSync(f, 'title: 戊\n');
  const old = entryOf(f, hashFileSync(f));
  const later = new Date(Date.now() + 5000);
  utimesSync(f, later, later);
  const memo = new HashMemo(new Map([[f, old]]), Date.now() + RACY_MS + 1);
  expect(memo.hash(f)).toBe(old[4]);
  expect(memo.changed).toBe(true);
  expect(memo.entries(() => false)[f]).toEqual(entryOf(f, old[4]));
});

it('gives the same markers as hashFileSync for a missing path and a folder, and remembers neither', () => {
  const memo = new HashMemo(new Map(), Date.now());
  expect(memo.hash(join(dir, 'none.yaml'))).toBe('missing');
  expect(memo.hash(dir)).toBe('not-a-file');
  expect(memo.entries(() => true)).toEqual({});
});
