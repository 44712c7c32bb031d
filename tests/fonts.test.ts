// Font resolution against the real bundled files: coverage, user override, corrupt files,
// substitution warnings, and the fontconfig aliases used to view the DOCX on Linux.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { GongwenError } from '../src/diagnostics.ts';
import { defaultSystemDirs, loadFontSet, loadManifest, DEFAULT_MANIFEST, PIN_FONTS_ENV } from '../src/fonts/index.ts';
import { FONT_ROLES, type FontRole } from '../src/schema/profile.ts';

const FONTS = resolve('fonts');
const OPEN = join(FONTS, 'open');
const tmp = (tag: string) => mkdtempSync(join(tmpdir(), `gongwen-fonts-${tag}-`));

/** Only the bundled fonts: an empty user folder and no system folders. */
function bundledOnly() {
  return loadFontSet({ userDir: tmp('empty'), systemDirs: [] });
}

/** GB2312 level-1 and level-2 hanzi: rows 16–87, decoded from the encoding itself. */
function gb2312Hanzi(): string[] {
  const out: string[] = [];
  for (let row = 16; row <= 87; row++) {
    for (let cell = 1; cell <= 94; cell++) {
      const ch = iconv.decode(Buffer.from([0xa0 + row, 0xa0 + cell]), 'gb2312');
      if ([...ch].length === 1 && ch !== '\ufffd' && /\p{Script=Han}/u.test(ch)) out.push(ch);
    }
  }
  return out;
}

/** Every hanzi GBK encodes (GB2312 plus the rest of GBK). */
function gbkHanzi(): string[] {
  const out: string[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = iconv.decode(Buffer.from([lead, trail]), 'gbk');
      if ([...ch].length === 1 && /\p{Script=Han}/u.test(ch)) out.push(ch);
    }
  }
  return out;
}

const PUNCTUATION = [...'，。、；：？！“”‘’（）〔〕【】《》〈〉—…·　－％＋０１２ＡＢ'];
const CJK_ROLES: FontRole[] = ['xiaobiaosong', 'fangsong', 'heiti', 'kaiti', 'songti'];

describe('bundled fonts', () => {
  it('fit the size budget (under 40 MB in all)', () => {
    const bytes = readdirSync(OPEN, { recursive: true, encoding: 'utf8' })
      .map((f) => statSync(join(OPEN, f)))
      .filter((s) => s.isFile())
      .reduce((n, s) => n + s.size, 0);
    console.log(`fonts/open: ${(bytes / 1e6).toFixed(1)} MB`);
    expect(bytes).toBeLessThan(40e6);
  });

  it('every role resolves to a real file that fontkit parses on its own', () => {
    const set = bundledOnly();
    for (const role of FONT_ROLES) {
      const f = set.fonts[role];
      expect(f.role).toBe(role);
      expect(f.source).toBe('bundled');
      expect(statSync(f.path).size).toBeGreaterThan(50_000);
      const again = fontkit.openSync(f.path);
      expect('fonts' in again).toBe(false);
      if (!('fonts' in again)) expect(again.postscriptName).toBe(f.postscriptName);
    }
  });

  it('with the user’s defaults (fonts/user/ and this machine’s system folders) every role still resolves to a parsable file', () => {
    // Explicit: the suite pins the defaults to the bundled fonts (GONGWEN_FONTS=bundled in vitest.config.ts).
    const set = loadFontSet({ userDir: join(FONTS, 'user'), systemDirs: defaultSystemDirs() });
    for (const role of FONT_ROLES) {
      const f = set.fonts[role];
      expect(statSync(f.path).isFile()).toBe(true);
      expect(f.font.unitsPerEm).toBeGreaterThan(0);
      expect(set.hasChar(role, role === 'latin' ? 'A' : '法')).toBe(true);
    }
  });

  it('the CJK fonts cover all 6,763 GB2312 hanzi and the punctuation of official documents', () => {
    const hanzi = gb2312Hanzi();
    expect(hanzi.length).toBe(6763);
    const set = bundledOnly();
    for (const role of CJK_ROLES) {
      expect({ role, missing: set.findMissingChars(role, hanzi.join('')) }).toEqual({ role, missing: [] });
      expect({ role, missing: set.findMissingChars(role, PUNCTUATION.join('')) }).toEqual({ role, missing: [] });
    }
    // The em dash of `— 1 —` page numbers and Latin digits.
    expect(set.findMissingChars('songti', '— 1 —')).toEqual([]);
    expect(set.findMissingChars('latin', '— 0123456789 ABCxyz')).toEqual([]);
  });

  it('the Noto cuts keep all of GBK’s hanzi, not just GB2312', () => {
    const hanzi = gbkHanzi();
    expect(hanzi.length).toBeGreaterThan(20_000);
    const set = bundledOnly();
    for (const role of ['xiaobiaosong', 'heiti', 'songti'] as const) {
      expect({ role, missing: set.findMissingChars(role, hanzi.join('')).length }).toEqual({ role, missing: 0 });
    }
  });
});

describe('metrics', () => {
  const set = bundledOnly();
  it('hanzi are one em wide and Times-compatible digits half an em', () => {
    expect(set.advance('fangsong', '法治政府', 16)).toBeCloseTo(64, 6);
    expect(set.advance('kaiti', '法治', 16)).toBeCloseTo(32, 1);
    // Liberation Serif shares Times New Roman's widths: digits 1024/2048 em.
    expect(set.advance('latin', '2024', 16)).toBeCloseTo(32, 6);
    expect(set.advance('latin', '', 16)).toBe(0);
  });
  it('ascent is above and descent below the baseline', () => {
    for (const role of FONT_ROLES) {
      expect(set.ascent(role, 16)).toBeGreaterThan(8);
      expect(set.descent(role, 16)).toBeLessThan(0);
    }
  });
  it('finds missing characters once each, in order, ignoring line breaks', () => {
    expect(set.findMissingChars('latin', 'a法b\n治法')).toEqual(['法', '治']);
    expect(set.hasChar('latin', 'a')).toBe(true);
    expect(set.hasChar('latin', '法')).toBe(false);
    expect(set.hasChar('fangsong', '𠀀')).toBe(false); // CJK Ext. B, outside GBK
  });
});

describe('resolution order', () => {
  it('a user font in userDir wins over the bundled one', () => {
    const userDir = tmp('user');
    const mine = join(userDir, '仿宋_GB2312.ttf');
    copyFileSync(join(OPEN, 'gkai00mp.ttf'), mine);
    const set = loadFontSet({ userDir, systemDirs: [] });
    expect(set.fonts.fangsong.source).toBe('user');
    expect(set.fonts.fangsong.path).toBe(mine);
    expect(set.fonts.fangsong.officialName).toBe('仿宋_GB2312');
    expect(set.fonts.kaiti.source).toBe('bundled');
    expect(set.substitutions.map((d) => d.zh).join('\n')).not.toContain('仿宋_GB2312');
    expect(set.substitutions).toHaveLength(FONT_ROLES.length - 1);
  });

  it('a user file with any name is recognised by the family name inside it', () => {
    // A manifest that accepts FandolFang by name for the title role, beside the real fonts/open.
    const fontsDir = tmp('fontsdir');
    const text = readFileSync(DEFAULT_MANIFEST, 'utf8').replace('names: [方正小标宋_GBK,', 'names: [FandolFang, 方正小标宋_GBK,');
    writeFileSync(join(fontsDir, 'manifest.yaml'), text);
    symlinkSync(OPEN, join(fontsDir, 'open'));
    const userDir = join(fontsDir, 'user');
    mkdirSync(userDir);
    const odd = join(userDir, 'download (1).otf');
    copyFileSync(join(OPEN, 'FandolFang-Regular.otf'), odd);
    const set = loadFontSet({ manifest: join(fontsDir, 'manifest.yaml'), userDir, systemDirs: [] });
    expect(set.fonts.xiaobiaosong.source).toBe('user');
    expect(set.fonts.xiaobiaosong.path).toBe(odd);
    expect(set.fonts.fangsong.source).toBe('bundled');
  });

  it('GONGWEN_FONTS=bundled (set for the suite) leaves the default user folder out; unset, it is read', () => {
    // A fonts folder of its own: manifest, the real open/, and a user/ holding a 黑体 of the user's.
    const fontsDir = tmp('pin');
    copyFileSync(DEFAULT_MANIFEST, join(fontsDir, 'manifest.yaml'));
    symlinkSync(OPEN, join(fontsDir, 'open'));
    mkdirSync(join(fontsDir, 'user'));
    copyFileSync(join(OPEN, 'NotoSansCJKsc-Regular.subset.otf'), join(fontsDir, 'user', 'simhei.otf'));
    const opts = { manifest: join(fontsDir, 'manifest.yaml'), systemDirs: [] };
    expect(process.env[PIN_FONTS_ENV]).toBe('bundled');
    expect(loadFontSet(opts).fonts.heiti.source).toBe('bundled');
    delete process.env[PIN_FONTS_ENV];
    try {
      expect(loadFontSet(opts).fonts.heiti.source).toBe('user');
    } finally {
      process.env[PIN_FONTS_ENV] = 'bundled';
    }
  });

  it('a system folder is searched by file name, after the user folder', () => {
    const systemDir = tmp('system');
    mkdirSync(join(systemDir, 'truetype', 'win'), { recursive: true });
    const sys = join(systemDir, 'truetype', 'win', 'SIMHEI.TTF');
    copyFileSync(join(OPEN, 'NotoSansCJKsc-Regular.subset.otf'), sys);
    const set = loadFontSet({ userDir: tmp('empty'), systemDirs: [systemDir] });
    expect(set.fonts.heiti.source).toBe('system');
    expect(set.fonts.heiti.path).toBe(sys);
    const userDir = tmp('user');
    copyFileSync(join(OPEN, 'NotoSansCJKsc-Regular.subset.otf'), join(userDir, '黑体.otf'));
    expect(loadFontSet({ userDir, systemDirs: [systemDir] }).fonts.heiti.source).toBe('user');
  });

  it('a corrupt or truncated font file is font.unreadable naming the path', () => {
    const userDir = tmp('corrupt');
    const bad = join(userDir, 'simhei.ttf');
    writeFileSync(bad, Buffer.from('this is not a font, just text pretending to be one'));
    const err = catchErr(() => loadFontSet({ userDir, systemDirs: [] }));
    expect(err.diagnostics[0].code).toBe('font.unreadable');
    expect(err.diagnostics[0].file).toBe(bad);
    expect(err.message).toContain('simhei.ttf');

    const userDir2 = tmp('truncated');
    const cut = join(userDir2, 'simkai.ttf');
    const whole = readFileSync(join(OPEN, 'gkai00mp.ttf'));
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const err2 = catchErr(() => loadFontSet({ userDir: userDir2, systemDirs: [] }));
    expect(err2.diagnostics[0].code).toBe('font.unreadable');
    expect(err2.diagnostics[0].file).toBe(cut);
  });

  it('a missing bundled fallback is font.missing, telling how to rebuild', () => {
    const dir = tmp('nomanifest');
    writeFileSync(join(dir, 'manifest.yaml'), readFileSync(DEFAULT_MANIFEST));
    const err = catchErr(() => loadFontSet({ manifest: join(dir, 'manifest.yaml'), systemDirs: [] }));
    expect(err.diagnostics[0].code).toBe('font.missing');
    expect(err.message).toContain('build-fonts.sh');
  });

  it('a manifest naming one font for two roles is rejected', () => {
    const dir = tmp('dupmanifest');
    const text = readFileSync(DEFAULT_MANIFEST, 'utf8').replace('names: [SimHei,', 'names: [SimHei, 仿宋,');
    writeFileSync(join(dir, 'manifest.yaml'), text);
    const err = catchErr(() => loadManifest(join(dir, 'manifest.yaml')));
    expect(err.diagnostics[0].code).toBe('font.manifest');
    expect(err.message).toContain('仿宋');
  });
});

describe('substitution warnings', () => {
  it('one warning per substituted role, handed out once per run', () => {
    const opts = { userDir: tmp('warn'), systemDirs: [] };
    const set = loadFontSet(opts);
    expect(loadFontSet(opts)).toBe(set); // same run, same resolution: fonts parsed once
    const roles = loadManifest().roles;
    expect(set.substitutions).toHaveLength(FONT_ROLES.length);
    FONT_ROLES.forEach((role, i) => {
      const d = set.substitutions[i];
      expect(d.code).toBe('font.substituted');
      expect(d.severity).toBe('warning');
      expect(d.zh).toContain(`${roles[role].officialName} 未找到，已使用`);
      expect(d.en).toContain(`${roles[role].officialName} not found, using`);
      expect(d.zh).toContain('fonts/open/');
    });
    expect(set.takeSubstitutionWarnings()).toHaveLength(FONT_ROLES.length);
    expect(set.takeSubstitutionWarnings()).toEqual([]);
    expect(loadFontSet(opts).takeSubstitutionWarnings()).toEqual([]);
  });
});

describe('gongwen fonts', () => {
  it('lists every role with its file and warns about substitutions on stderr', () => {
    const userDir = tmp('cli');
    const r = spawnSync(process.execPath, ['bin/gongwen.js', 'fonts', '--user-dir', userDir], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(rows.map((cols) => cols[0].trim().split(/\s+/)[0])).toEqual([...FONT_ROLES]);
    const set = loadFontSet({ userDir });
    rows.forEach((cols, i) => expect(resolve(cols[cols.length - 1])).toBe(set.fonts[FONT_ROLES[i]].path));
    expect(r.stderr.match(/\[font\.substituted\]/g) ?? []).toHaveLength(set.substitutions.length);
  });
});

const hasFcMatch = (() => {
  try {
    execFileSync('fc-match', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasFcMatch) console.warn('SKIPPED fontconfig alias tests: fc-match not installed (apt-get install fontconfig)');

describe.skipIf(!hasFcMatch)('fonts/fontconfig.conf', () => {
  const OFFICIAL: [string, FontRole][] = [
    ['方正小标宋简体', 'xiaobiaosong'], ['仿宋_GB2312', 'fangsong'], ['仿宋', 'fangsong'], ['楷体_GB2312', 'kaiti'],
    ['楷体', 'kaiti'], ['黑体', 'heiti'], ['宋体', 'songti'], ['Times New Roman', 'latin'],
  ];
  // The face, not the file: a machine with the same face installed (Liberation Serif from fonts-liberation2,
  // Noto CJK from fonts-noto-cjk) may give the system copy, perhaps another version of it, which is as good
  // for viewing. What must not happen is another family (DejaVu, WenQuanYi…) standing in for the role.
  const face = (args: string[]) => {
    const [family, ps] = execFileSync(args[0], args.slice(1), {
      env: { ...process.env, FONTCONFIG_FILE: join(FONTS, 'fontconfig.conf') },
      cwd: tmpdir(), // the conf finds fonts/open relative to itself, not the working directory
      encoding: 'utf8',
    }).split('|');
    return { family: family.split(',')[0], postscriptName: ps };
  };
  it.each(OFFICIAL)('fc-match %s gives the bundled %s font (same family and face)', (name, role) => {
    const expected = face(['fc-scan', '-f', '%{family}|%{postscriptname}', bundledOnly().fonts[role].path]);
    expect(expected.postscriptName).toBe(bundledOnly().fonts[role].postscriptName);
    expect(face(['fc-match', '-f', '%{family}|%{postscriptname}', name])).toEqual(expected);
  });
});

function catchErr(fn: () => unknown): GongwenError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GongwenError) return e;
    throw e;
  }
  throw new Error('expected a GongwenError');
}
