// The roll-up workbook: same input, same bytes; and what exceljs reads back is the summary's figures.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { renderRollupXlsx, SHEETS } from '../src/render/xlsx/index.ts';
import { rollupCounty } from '../src/rollup/index.ts';
import { CATALOGUE } from '../src/schema/catalogue.ts';

describe('renderRollupXlsx', () => {
  const s = rollupCounty('data/示例县/2023');

  it('is byte-identical across runs a second apart', async () => {
    const a = await renderRollupXlsx(s);
    await new Promise((r) => setTimeout(r, 1100)); // exceljs alone would stamp a new time into the zip
    const b = await renderRollupXlsx(s);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('reads back with exceljs: three sheets holding the per-township figures, totals and completeness', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderRollupXlsx(s)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.townships, SHEETS.totals, SHEETS.completeness]);
    expect(wb.created.toISOString()).toBe('2024-03-25T00:00:00.000Z');

    const towns = wb.getWorksheet(SHEETS.townships)!;
    expect(towns.rowCount).toBe(1 + s.townships.length);
    const col = 2 + CATALOGUE.findIndex((d) => d.key === 'publicity.events');
    let sum = 0;
    towns.eachRow((row, i) => {
      if (i > 1) sum += Number(row.getCell(col).value ?? 0);
    });
    expect(sum).toBe(s.metrics['publicity.events'].value);

    const totals = wb.getWorksheet(SHEETS.totals)!;
    const rowOf = (label: string) => totals.getRows(2, totals.rowCount - 1)!.find((r) => r.getCell(1).value === label)!;
    expect(rowOf('发放普法资料').getCell(3).value).toBe(s.metrics['publicity.materials'].value);
    expect(rowOf('发放普法资料').getCell(4).value).toBe(`不少于${s.metrics['publicity.materials'].value}`);
    expect(rowOf('法律顾问覆盖率').getCell(3).value).toBeCloseTo(s.rates[0].value!, 9);

    const comp = wb.getWorksheet(SHEETS.completeness)!;
    const late = comp.getRows(2, comp.rowCount - 1)!.filter((r) => r.getCell(12).value === '是').map((r) => r.getCell(1).value);
    expect(late).toEqual(['示例东风镇']);
  });
});
