// Every diagnostic the tool can give, by code, with its message in Chinese and English: the one place
// messages are written. A code not listed here does not type-check, so the set of codes is closed and
// `validate --json` consumers (editors, CI) can rely on it.

import { MAX_SEQ } from './schema/limits.ts';

export type Msg = readonly [zh: string, en: string];

const list = (xs: readonly string[], zhSep = '、', enSep = ', ') => [xs.join(zhSep), xs.join(enSep)] as const;

/** `U+1F600` for a character, as both languages print it. */
export function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A character as it may be shown on a terminal: control and invisible characters by their code point only. */
export function showChar(ch: string): string {
  return /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/u.test(ch) ? codePoint(ch) : `“${ch}”(${codePoint(ch)})`;
}
const showCharEn = (ch: string) => (showChar(ch).startsWith('U+') ? codePoint(ch) : `"${ch}" (${codePoint(ch)})`);

/** A value quoted for a message: shortened, and with control characters replaced so nothing reaches the terminal raw. */
export function shown(value: string, max = 40): string {
  const chars = [...value];
  const cut = chars.length > max ? chars.slice(0, max).join('') + '…' : value;
  return cut.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/gu, (c) => `<${codePoint(c)}>`);
}

export const MESSAGES = {
  // reading files
  'file.notFound': () => ['找不到文件', 'file not found'],
  'migrate.mismatch': () => ['转换后的文件读出的内容与原文件不同，未写入', 'the converted file does not read back as the original; nothing written'],
  'file.isDirectory': () => ['这是一个文件夹，不是数据文件', 'this is a folder, not a data file'],
  'file.notRegular': (p: { kind: string; kindEn: string }) => [`不是普通文件（${p.kind}），已拒绝读取`, `not a regular file (${p.kindEn}); refusing to read it`],
  'file.tooLarge': (p: { mb: string; limitMb: number; what: string; whatEn: string }) => [`文件过大（${p.mb} MB，上限 ${p.limitMb} MB），不像是${p.what}`, `file too large (${p.mb} MB, limit ${p.limitMb} MB); this is not ${p.whatEn}`],
  'file.noPermission': () => ['没有读取此文件的权限', 'permission denied: the file cannot be read'],
  'file.symlinkLoop': () => ['符号链接循环（链接指向自身）', 'a loop of symbolic links'],
  'file.unreadable': (p: { why: string }) => ['无法读取文件', `cannot read file: ${p.why}`],
  'file.encoding': () => ['文件不是 UTF-8 编码（可能是 GBK/GB18030），请另存为 UTF-8', 'file is not UTF-8 (perhaps GBK/GB18030); save it as UTF-8'],
  'file.empty': () => ['文件没有内容', 'the file is empty'],
  'file.write': (p: { why: string }) => ['无法写入文件', `cannot write file: ${p.why}`],

  // YAML syntax
  'yaml.syntax': (p: { zh: string; en: string }) => [p.zh, p.en],
  'yaml.duplicateKey': (p: { zh: string; en: string }) => [p.zh, p.en],
  'yaml.warning': (p: { zh: string; en: string }) => [p.zh, p.en],
  'yaml.tooDeep': (p: { limit: number }) => [`括号嵌套过深（连续超过 ${p.limit} 层 [ 或 {），已拒绝读取；是否多打了括号？`, `brackets nested too deep (more than ${p.limit} [ or { in a row); refusing to parse it: a typo?`],
  'yaml.aliasBomb': (p: { limit: number }) => [`别名（*引用）展开过多，已拒绝读取（上限 ${p.limit}），文件可能是恶意构造的`, `too many alias expansions (limit ${p.limit}); refusing a possible YAML alias bomb`],

  // the schema (field: where, as printed in each language)
  'schema.unknownKey': (p: { key: string; field: string; fieldEn: string; suggestion?: string; valid: string[] }) => {
    const more = p.valid.length > 12;
    const [vz, ve] = list(p.valid.slice(0, 12));
    const hintZh = p.suggestion ? `，是否应为“${p.suggestion}”？` : p.valid.length ? `；可用的键：${vz}${more ? '…' : ''}` : '';
    const hintEn = p.suggestion ? `; did you mean "${p.suggestion}"?` : p.valid.length ? `; valid keys: ${ve}${more ? ', …' : ''}` : '';
    return [`未知的键“${shown(p.key)}”（位于${p.field ? ` ${p.field}` : '文件顶层'}）${hintZh}`, `unknown key "${shown(p.key)}" in ${p.fieldEn}${hintEn}`];
  },
  'schema.type': (p: { field: string; fieldEn: string; want: Msg; got: Msg }) => [`“${p.field}”的类型不对：应为${p.want[0]}，实际为${p.got[0]}`, `wrong type at ${p.fieldEn}: expected ${p.want[1]}, got ${p.got[1]}`],
  'schema.notInteger': (p: { field: string; fieldEn: string; value: string }) => [`“${p.field}”应为整数，实际为 ${p.value}`, `"${p.fieldEn}" must be an integer, got ${p.value}`],
  'schema.notFinite': (p: { field: string; fieldEn: string; value: string }) => [`“${p.field}”应为有限的数字，实际为 ${p.value}`, `"${p.fieldEn}" must be a finite number, got ${p.value}`],
  'schema.required': (p: { field: string; fieldEn: string; want: Msg; empty?: boolean }) => p.empty
    ? [`“${p.field}”没有填写内容，应为${p.want[0]}`, `"${p.fieldEn}" is empty; expected ${p.want[1]}`]
    : [`缺少必填字段“${p.field}”（${p.want[0]}）`, `missing required field "${p.fieldEn}" (${p.want[1]})`],
  'schema.enum': (p: { field: string; fieldEn: string; value: string; options: string[] }) => [`“${p.field}”的值“${shown(p.value)}”无效，应为以下之一：${list(p.options)[0]}`, `invalid value "${shown(p.value)}" at ${p.fieldEn}; expected one of: ${list(p.options)[1]}`],
  'schema.tooSmall': (p: { field: string; fieldEn: string; bound: string; origin: string }) =>
    p.origin === 'array' ? [`“${p.field}”：至少需要 ${p.bound} 项`, `${p.fieldEn}: needs at least ${p.bound} item(s)`]
      : p.origin === 'string' ? [`“${p.field}”：不能为空`, `${p.fieldEn}: must not be empty`]
        : [`“${p.field}”：应不小于 ${p.bound}`, `${p.fieldEn}: must be at least ${p.bound}`],
  'schema.tooBig': (p: { field: string; fieldEn: string; bound: string; origin: string }) =>
    p.origin === 'array' ? [`“${p.field}”：最多 ${p.bound} 项`, `${p.fieldEn}: at most ${p.bound} item(s)`]
      : p.origin === 'string' ? [`“${p.field}”过长：最多 ${p.bound} 个字符`, `${p.fieldEn} is too long: at most ${p.bound} characters`]
        : [`“${p.field}”：应不大于 ${p.bound}`, `${p.fieldEn}: must be at most ${p.bound}`],
  'schema.date': (p: { field: string; fieldEn: string; value: string; reason: 'format' | 'noSuchDate' | 'range'; min?: number; max?: number }) => {
    const [zh, en] = p.reason === 'format' ? ['日期应写作 YYYY-MM-DD', 'date must be written YYYY-MM-DD']
      : p.reason === 'noSuchDate' ? ['日期不存在', 'no such calendar date']
        : [`年份应在 ${p.min}–${p.max} 之间`, `the year must be between ${p.min} and ${p.max}`];
    return [`“${p.field}”的值“${shown(p.value)}”：${zh}`, `${p.fieldEn} "${shown(p.value)}": ${en}`];
  },
  'schema.docNumber': (p: { field: string; fieldEn: string; value: string; hint?: Msg }) => [
    `“${p.field}”的值“${shown(p.value)}”：${p.hint ? `${p.hint[0]}。` : ''}发文字号格式应为“机关代字〔年份〕序号号”，如 岔政发〔2024〕5号（用六角括号〔〕，序号不编虚位、不加“第”，序号不超过 ${MAX_SEQ_TEXT}）`,
    `${p.fieldEn} "${shown(p.value)}": ${p.hint ? `${p.hint[1]}; ` : ''}document number must look like 岔政发〔2024〕5号 (sequence at most ${MAX_SEQ_TEXT})`,
  ],
  'schema.controlChar': (p: { field: string; fieldEn: string; ch: string }) => [`“${p.field}”含有控制字符 ${codePoint(p.ch)}，请删除`, `${p.fieldEn} contains the control character ${codePoint(p.ch)}; remove it`],
  'schema.tableRow': (p: { field: string; fieldEn: string; cells: number; columns: number }) => [
    `“${p.field}”：表格这一行有 ${p.cells} 格，而表头有 ${p.columns} 列，每行的格数应与列数相同`,
    `${p.fieldEn}: this row has ${p.cells} cell(s) but the table has ${p.columns} column(s); every row needs one cell per column`,
  ],
  'schema.tableWidths': (p: { field: string; fieldEn: string; widths: number; columns: number }) => [
    `“${p.field}”：列宽有 ${p.widths} 项，而表头有 ${p.columns} 列`,
    `${p.fieldEn}: widths lists ${p.widths} value(s) but the table has ${p.columns} column(s)`,
  ],
  'schema.custom': (p: { field: string; fieldEn: string; zh: string; en: string }) => [`“${p.field}”：${p.zh}`, `${p.fieldEn}: ${p.en}`],

  // warnings about valid reports
  'report.partMissing': (p: { key: string; zh: string; en: string }) => [`缺少法定部分“${p.zh}”：没有哪一节的 covers 标明 ${p.key}`, `statutory part "${p.key}" (${p.en}) is missing: no section covers it`],
  'report.partEmpty': (p: { key: string; zh: string; en: string }) => [`法定部分“${p.zh}”（covers: ${p.key}）没有内容`, `statutory part "${p.key}" (${p.en}) is empty`],
  'report.sectionUntagged': (p: { number: string; heading: string; near: string; zh: string; en: string }) => [
    `第一级标题“${p.number}${p.heading}”没有标明它报告哪个法定部分（covers），看来最接近“${p.zh}”，可写 covers: ${p.near}`,
    `section "${p.heading}" has no covers: tag; it reads like "${p.near}" (${p.en}): add covers: ${p.near}`,
  ],
  'report.metricMismatch': (p: { key: string; label: string; value: string }) => [`指标“${p.label}”（${p.key}）为 ${p.value}，与正文中的数字不一致`, `metric ${p.key} is ${p.value} but the text says otherwise`],
  'report.dateYear': (p: { date: string; year: number }) => [`成文日期 ${p.date} 与报告年度 ${p.year} 不符（通常为 ${p.year} 年底或 ${p.year + 1} 年）`, `date ${p.date} does not fit report year ${p.year} (expected in ${p.year} or ${p.year + 1})`],
  'report.headingYear': (p: { what: Msg; named: number; want: number }) => [`${p.what[0]}写的是 ${p.named} 年，应为 ${p.want} 年`, `${p.what[1]} names ${p.named}, expected ${p.want}`],

  // fonts and glyphs
  'font.missingGlyph': (p: { ch: string; context?: string }) => [
    `字符${showChar(p.ch)}在所有字体中都没有字形，请删除或替换${p.context ? `，位置：${shown(p.context)}` : ''}`,
    `character ${showCharEn(p.ch)} has no glyph in any resolved font; remove or replace it${p.context ? `, in: ${shown(p.context)}` : ''}`,
  ],
  'template.missingGlyph': (p: { ch: string }) => [
    `模板中的字符${showChar(p.ch)}在所有字体中都没有字形，请在模板中删除或替换`,
    `character ${showCharEn(p.ch)} in the template has no glyph in any resolved font; remove or replace it in the template`,
  ],
  'font.missing': (p: { label: Msg; name: string; wanted: string }) => [`${p.label[0]} ${p.name} 未找到，内置字体也缺失（${p.wanted}）；请运行 bash scripts/build-fonts.sh 或把字体放入 fonts/user/`, `${p.label[1]} ${p.name} not found and the bundled fallback is missing (${p.wanted}); run bash scripts/build-fonts.sh or put the font in fonts/user/`],
  'font.substituted': (p: { label: Msg; name: string; used: string }) => [`${p.label[0]} ${p.name} 未找到，已使用 ${p.used}`, `${p.label[1]} ${p.name} not found, using ${p.used}`],
  'font.unreadable': (p: { path: string; why: Msg }) => [`字体文件 ${p.path} 无法读取：${p.why[0]}`, `font file ${p.path} cannot be read: ${p.why[1]}`],
  'font.manifest': (p: { why?: Msg }) => [`字体清单无效${p.why ? `：${p.why[0]}` : ''}`, `the font manifest is not valid${p.why ? `: ${p.why[1]}` : ''}`],

  // seal images
  'seal.missing': (p: { path: string }) => [`印章图片不存在：${p.path}`, `seal image not found: ${p.path}`],
  'seal.notAFile': (p: { path: string; kind: string; kindEn: string }) => [`印章路径不是图片文件（${p.kind}）：${p.path}`, `the seal path is not an image file (${p.kindEn}): ${p.path}`],
  'seal.noPermission': (p: { path: string }) => [`没有读取印章图片的权限：${p.path}`, `permission denied reading the seal image: ${p.path}`],
  'seal.symlinkLoop': (p: { path: string }) => [`印章路径是循环的符号链接：${p.path}`, `the seal path is a loop of symbolic links: ${p.path}`],
  'seal.tooLarge': (p: { path: string; mb: string; limitMb: number }) => [`印章图片过大（${p.mb} MB，上限 ${p.limitMb} MB）：${p.path}`, `the seal image is too large (${p.mb} MB, limit ${p.limitMb} MB): ${p.path}`],
  'seal.tooManyPixels': (p: { path: string; w: number; h: number; max: number }) => [`印章图片像素过多（${p.w}×${p.h}，每边上限 ${p.max}）：${p.path}`, `the seal image has too many pixels (${p.w}×${p.h}, at most ${p.max} a side): ${p.path}`],
  'seal.format': (p: { path: string }) => [`印章图片须为完整的 PNG 或 JPEG 图片：${p.path}`, `the seal image must be a whole PNG or JPEG image: ${p.path}`],
  'seal.unreadable': (p: { path: string; why: string }) => [`无法读取印章图片：${p.path}`, `cannot read the seal image: ${p.path}: ${p.why}`],
  'seal.setHere': () => ['印章路径在此设置', 'the seal path is set here'],

  // layout
  'layout.tableTooWide': (p: { columns: number; column: number }) => [
    `表格的 ${p.columns} 列排不下版心宽度：第 ${p.column} 列连一个字也放不下；请减少列数或调整 widths`,
    `the table's ${p.columns} columns do not fit the text block: column ${p.column} cannot hold one character; use fewer columns or change widths`,
  ],
  'layout.tableRowTooTall': (p: { what: Msg }) => [
    `表格的${p.what[0]}比一页还高，无法排版（表格的行不跨页）；请缩短单元格文字或加宽该列`,
    `${p.what[1]} of the table is taller than a page and cannot be set (rows are not split across pages); shorten its cells or widen the column`,
  ],

  // importing
  'import.notFound': () => ['找不到或无法读取源文件', 'source file not found or unreadable'],
  'import.tooLarge': (p: { limitMb: number }) => [`源文件过大（上限 ${p.limitMb} MB）`, `source file too large (limit ${p.limitMb} MB)`],
  'import.docx': (p: { why: string }) => ['无法读取 Word 文件（是否为 .docx 格式？）', `cannot read the Word file: ${p.why}`],
  'import.docxBomb': (p: { why: Msg }) => [`Word 文件解压后过大，已拒绝：${p.why[0]}`, `the Word file expands too far; refused: ${p.why[1]}`],
  'import.doc': () => ['不支持旧版 .doc 文件，请在 Word/WPS 中另存为 .docx', 'old .doc files are not supported; save as .docx'],
  'import.notText': (p: { why: Msg }) => [`源文件不是报告文本：${p.why[0]}`, `the source is not the text of a report: ${p.why[1]}`],
  'import.outputIsInput': () => ['输出文件就是输入文件，已拒绝覆盖', 'the output is the input file; refusing to overwrite it'],
  'import.outputExists': () => ['输出文件已存在；如需覆盖请加 --force', 'the output file exists; add --force to overwrite it'],
  'import.incomplete': (p: { zh: string; en: string }) => [p.zh, p.en],

  // the command line
  'cli.format': (p: { bad: string; valid: string[] }) => [`不支持的格式：${p.bad}（可用 ${p.valid.join(',')}）`, `unsupported format: ${p.bad} (use ${p.valid.join(',')})`],
  'cli.variant': (p: { value: string; valid: string[] }) => [`未知或不可用的版式：${p.value}（可用 ${p.valid.join(', ')}）`, `unknown or unavailable variant: ${p.value} (use ${p.valid.join(', ')})`],
  'cli.jobs': (p: { value: string }) => [`--jobs 应为 0–256 的整数：${p.value}`, `--jobs must be an integer 0–256: ${p.value}`],
  'cli.port': (p: { value: string }) => [`--port 应为 0–65535 的整数：${p.value}`, `--port must be an integer 0–65535: ${p.value}`],
  'serve.portInUse': (p: { port: string }) => [`端口 ${p.port} 已被占用，请用 --port 换一个`, `port ${p.port} is in use; choose another with --port`],
  'serve.noData': (p: { dir: string }) => [`找不到数据文件夹：${p.dir}`, `data folder not found: ${p.dir}`],
  'validate.noFiles': (p: { paths: string }) => [`没有找到 YAML 文件：${p.paths}`, `no YAML files found in: ${p.paths}`],

  // building
  'build.noInput': (p: { input: string }) => [`找不到输入：${p.input}`, `input not found: ${p.input}`],
  'build.notReport': (p: { input: string }) => [`不是报告 YAML 文件：${p.input}`, `not a report YAML file: ${p.input}`],
  'build.outsideOut': (p: { target: string }) => [`输出路径超出输出文件夹：${p.target}`, `output path escapes the output folder: ${p.target}`],
  'build.outEmpty': () => ['--out 不能为空', '--out must not be empty'],
  'build.outNotDir': (p: { out: string }) => [`输出位置 ${p.out} 已存在且不是文件夹`, `the output ${p.out} exists and is not a folder`],
  'build.outPseudo': (p: { out: string; fs: string }) => [`输出位置 ${p.out} 在系统伪文件系统（${p.fs}）上，不能写入`, `the output ${p.out} is on a pseudo file system (${p.fs}); refusing to write there`],
  'build.write': (p: { target: string; why: Msg }) => [`无法写入 ${p.target}：${p.why[0]}`, `cannot write ${p.target}: ${p.why[1]}`],
  'build.duplicateOutput': (p: { first: string }) => [`与 ${p.first} 输出到同一位置，未生成`, `writes the same outputs as ${p.first}; not built`],
  'build.manifestDamaged': () => ['构建清单已损坏，将全部重新生成', 'the build manifest is damaged; rebuilding everything'],
  'build.workerCrashed': (p: { msg: string }) => [`构建线程异常退出：${p.msg}`, `the build worker failed: ${p.msg}`],
  'build.internal': (p: { msg: string }) => [`内部错误：${p.msg}（请报告给开发者）`, `internal error: ${p.msg} (please report it)`],
  'render.unavailable': (p: { formats: string; msg: string }) => [`无法生成 ${p.formats}：${p.msg}`, `cannot write ${p.formats}: ${p.msg}`],

  // the county roll-up
  'rollup.wrongCountyOrYear': (p: { reason: string; county: string; year: number; wantCounty: string; wantYear: number }) => [p.reason, `report is for ${p.county} ${p.year}, not ${p.wantCounty} ${p.wantYear}`],
  'rollup.duplicate': (p: { township: string; first: string }) => [`乡镇“${p.township}”有多份报告，仅汇总 ${p.first}`, `township ${p.township} reported more than once; only ${p.first} is rolled up`],
  'rollup.unexpected': (p: { township: string }) => [`乡镇“${p.township}”不在 county.yaml 名单中，未计入汇总`, `township ${p.township} is not listed in county.yaml; not rolled up`],
  'rollup.absent': (p: { township: string }) => [`乡镇“${p.township}”列入名单但未报送`, `township ${p.township} is listed but sent no report`],
  'rollup.noDir': (p: { dir: string }) => [`无法读取目录 ${p.dir}`, `cannot read folder ${p.dir}`],
} satisfies Record<string, (p: never) => Msg>;

const MAX_SEQ_TEXT = String(MAX_SEQ);

export type DiagCode = keyof typeof MESSAGES;
type Fn<C extends DiagCode> = (typeof MESSAGES)[C];
/** The parameters a code's message takes; codes whose message takes none take nothing. */
export type DiagArgs<C extends DiagCode> = Parameters<Fn<C>> extends [] ? [] : [params: Parameters<Fn<C>>[0]];

export function render<C extends DiagCode>(code: C, ...args: DiagArgs<C>): Msg {
  const fn = MESSAGES[code] as (p?: unknown) => Msg;
  return fn(args[0]);
}

export function isDiagCode(s: unknown): s is DiagCode {
  return typeof s === 'string' && Object.hasOwn(MESSAGES, s);
}

/** Whether the code's message takes parameters (the first argument after the code is then they, not a position). */
export function takesParams(code: DiagCode): boolean {
  return MESSAGES[code].length > 0;
}
