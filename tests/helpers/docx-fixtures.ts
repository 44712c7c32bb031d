// Hand-built Gongwen documents for the DOCX writer's tests, with body text taken from a real seed report.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zlibSync } from 'fflate';
import type { Block, Gongwen, Run } from '../../src/compose/model.ts';
import { readSealImage, type SealImage } from '../../src/load/seals.ts';

const REPO = resolve(import.meta.dirname, '..', '..');

/** Body blocks from a seed's plain text: 一、 headings, （一）… inline headings, 1. headings, paragraphs. */
export function seedBody(file = '000_fbe45d23903cb0be.txt'): Block[] {
  const lines = readFileSync(join(REPO, 'seeds', file), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const blocks: Block[] = [];
  for (const line of lines.slice(2)) {
    if (/^[一二三四五六七八九十]+、/.test(line)) blocks.push({ kind: 'heading', level: 1, text: line });
    else if (/^（[一二三四五六七八九十]+）/.test(line)) {
      const m = /^(（[一二三四五六七八九十]+）[^。]*。)(.*)$/.exec(line);
      const runs: Run[] = m && m[2] ? [{ text: m[1], role: 'h2' }, { text: m[2], role: 'body' }] : [{ text: line, role: 'h2' }];
      blocks.push(m && m[2] ? { kind: 'paragraph', runs } : { kind: 'heading', level: 2, text: line });
    } else blocks.push({ kind: 'paragraph', runs: [{ text: line, role: 'body' }] });
  }
  return blocks;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  let c = 0xffffffff;
  for (const b of body) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE((c ^ 0xffffffff) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** The seal image at `path`, read through the loader's check (a test with a bad image fails here, loudly). */
function sealAt(path: string | undefined): SealImage | undefined {
  if (!path) return undefined;
  const r = readSealImage(path);
  if (!r.ok) throw new Error(r.diagnostic.en);
  return r.image;
}

/** A stand-in seal: a red ring with a red centre dot on transparency, 240 px square. */
export function writeSealPng(path: string): string {
  const n = 240;
  const raw = new Uint8Array(n * (1 + n * 4));
  for (let y = 0; y < n; y++) {
    raw[y * (1 + n * 4)] = 0;
    for (let x = 0; x < n; x++) {
      const r = Math.hypot(x - n / 2 + 0.5, y - n / 2 + 0.5);
      const on = (r < n / 2 - 2 && r > n / 2 - 14) || r < 20;
      const o = y * (1 + n * 4) + 1 + x * 4;
      raw.set(on ? [230, 0, 0, 255] : [0, 0, 0, 0], o);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array())]);
  writeFileSync(path, png);
  return path;
}

const COLOPHON = { cc: ['县人大常委会办公室', '县政协办公室', '县司法局'], printer: '如东县岔河镇党政办公室', printDate: '2024年1月8日印发' };

export function fileUp(seal?: string): Gongwen {
  return {
    variant: 'file-up',
    meta: { title: '岔河镇2023年度法治政府建设情况报告', author: '如东县岔河镇人民政府', date: '2024-01-05' },
    header: { organs: ['如东县岔河镇人民政府'], markSuffix: '文件', docNumber: '岔政发〔2024〕5号', signers: ['张三'] },
    title: '如东县岔河镇人民政府关于2023年度法治政府建设情况的报告',
    addressee: '县委、县政府：',
    body: seedBody(),
    attachments: [{ title: '岔河镇2023年度法治政府建设工作台账', body: [] }, { title: '岔河镇2023年度行政执法统计表', body: [] }],
    signatures: [{ organ: '如东县岔河镇人民政府', seal: sealAt(seal) }],
    sealed: true,
    date: '2024年1月5日',
    note: '联系人：李四，电话：0513-84000000',
    colophon: COLOPHON,
  };
}

export function joint(seal?: string): Gongwen {
  return {
    ...fileUp(),
    meta: { title: '联合报告', author: '如东县岔河镇人民政府', date: '2024-01-06' },
    header: { organs: ['中共如东县岔河镇委员会', '如东县岔河镇人民政府'], markSuffix: '文件', docNumber: '岔委发〔2024〕2号', signers: ['王五', '张三', '赵六'] },
    title: '中共如东县岔河镇委员会 如东县岔河镇人民政府关于2023年度法治政府建设情况的报告',
    body: seedBody('001_543c494b65792b09.txt').slice(0, 6),
    attachments: [],
    signatures: [
      { organ: '中共如东县岔河镇委员会', seal: sealAt(seal) },
      { organ: '如东县岔河镇人民政府', seal: sealAt(seal) },
    ],
  };
}

export function fileDown(): Gongwen {
  return {
    variant: 'file-down',
    meta: { title: '全县法治政府建设情况通报', author: '如东县人民政府办公室', date: '2024-03-01' },
    header: { copyNo: '000123', secrecy: '', urgency: '特急', organs: ['如东县人民政府办公室'], markSuffix: '文件', docNumber: '东政办发〔2024〕12号' },
    title: '关于2023年度全县乡镇法治政府建设情况的通报',
    addressee: '各镇（区）人民政府：',
    body: [
      { kind: 'paragraph', runs: [{ text: '现将2023年度全县各镇（区）法治政府建设情况通报如下。', role: 'body' }] },
      { kind: 'heading', level: 1, text: '一、总体情况' },
      {
        kind: 'table',
        table: {
          caption: '表1 各镇行政执法情况',
          columns: [{ header: '乡镇', width: 3 }, { header: '执法案件（件）', width: 2, align: 'right' }, { header: '复议纠错（件）', width: 2, align: 'right' }],
          rows: Array.from({ length: 30 }, (_, i) => [`第${i + 1}镇`, String(10 + i * 3), String(i % 4)]),
        },
      },
      { kind: 'figure', chart: { title: '图1 各镇普法活动场次', unit: '场次', bars: [{ label: '岔河镇', value: 67 }, { label: '栟茶镇', value: 45 }, { label: '马塘镇', value: 12.5 }] } },
      ...seedBody('002_816e470ad75cab42.txt').slice(0, 4),
    ],
    attachments: [{ title: '2023年度各镇法治政府建设考核结果', body: [] }],
    signatures: [{ organ: '如东县人民政府办公室' }],
    sealed: true,
    date: '2024年3月1日',
    colophon: { cc: ['县委办公室'], printer: '如东县人民政府办公室', printDate: '2024年3月1日印发' },
  };
}

export function plain(): Gongwen {
  return {
    variant: 'plain',
    meta: { title: '岔河镇2023年度法治政府建设情况报告', author: '如东县岔河镇人民政府', date: '2024-01-05' },
    title: '岔河镇2023年度法治政府建设情况报告',
    body: [
      { kind: 'heading', level: 1, text: '一、主要举措' },
      { kind: 'heading', level: 2, text: '（一）加强组织领导' },
      { kind: 'heading', level: 3, text: '1.完善制度' },
      { kind: 'heading', level: 4, text: '（1）建立台账' },
      { kind: 'paragraph', runs: [{ text: '（二）推进依法决策。', role: 'h2' }, { text: '一是严格执行重大行政决策程序。', role: 'body' }] },
      { kind: 'paragraph', runs: [{ text: '全镇共开展法治宣传活动67场次，发放宣传资料13500余份。', role: 'body' }] },
    ],
    attachments: [],
    signatures: [{ organ: '如东县岔河镇人民政府' }],
    sealed: false,
    date: '2024年1月5日',
  };
}
