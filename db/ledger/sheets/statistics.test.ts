// 统计明细 as a register sheet: for every figure (and a cell of it) the rows are statistics.items' items, all of them,
// in its order; the list prints (print.prepare) and exports (.xlsx, CSV) like every register; its title and filter
// text say the figure, the dates and the cell in words, in the three languages.
import { describe, expect, it } from 'vitest';
import { STATISTIC_FIGURES, type StatisticFigure } from '../../domain/statistics';
import { ok, okAsync, refusedAsync, withRaw, type SetUpLedger } from '../../testing';
import type { DocumentDetail, StatisticsItemView, StatisticsView } from '../../views';
import { knownLedger, YEAR_2026 } from '../statistics/fixture';
import { cellText } from '../transfer/normalize';
import { readSpreadsheet } from '../transfer/read';
import { buildSheet, type Sheet, type SheetLanguage } from './index';

const sheet = (t: SetUpLedger, filters: Record<string, unknown>, language: SheetLanguage = 'zh-CN'): Sheet =>
  withRaw(t, (db) => buildSheet(db, 'statistics', { ...YEAR_2026, ...filters }, language, { now: t.clock.now }));
const items = (t: SetUpLedger, filters: Record<string, unknown>) =>
  ok<{ total: number; items: StatisticsItemView[] }>(t.service, 'statistics.items', { ...YEAR_2026, limit: 500, ...filters });
const column = (s: Sheet, key: string) => s.rows.map((r) => r[s.columns.findIndex((c) => c.key === key)]);
const receiptNo = (t: SetUpLedger, id: number) => ok<DocumentDetail>(t.service, 'documents.get', { id }).receiptNo;

describe('the statistics list sheet', () => {
  it('every figure, and each cell of it, lists the items statistics.items gives, in its order, with as many cells as columns', async () => {
    const { t, b } = await knownLedger();
    for (const over of [{}, { department: '办公室' }, { cabinetId: b }, { from: '2025-12-01', to: '2026-01-31' }]) {
      const view = ok<StatisticsView>(t.service, 'statistics.figures', { ...YEAR_2026, ...over });
      for (const figure of STATISTIC_FIGURES) {
        const fig = view.figures[figure];
        if (fig === null) continue;
        const cellsOf = [{}, ...Object.keys(fig.byLevel).map((level) => ({ level })), ...Object.keys(fig.byGroup).map((group) => ({ group }))];
        for (const cell of [...cellsOf, ...Object.keys(fig.byMonth).map((month) => ({ month }))]) {
          const filters = { figure, ...over, ...cell };
          const s = sheet(t, filters);
          const listed = items(t, filters).items;
          expect({ filters, rows: s.rows.length }).toEqual({ filters, rows: listed.length });
          const labelled = s.columns.findIndex((c) => ['receiptNo', 'code', 'medium', 'backupName'].includes(c.key));
          if (labelled >= 0) expect(s.rows.map((r) => r[labelled])).toEqual(listed.map((i) => i.label));
          expect(s.rows.every((r) => r.length === s.columns.length)).toBe(true);
        }
      }
    }
  });

  it('late returns: the day back, the item, its level and carrier in words, the 份号, the days late and the department; the marking of the rows', async () => {
    const { t, d1, d3 } = await knownLedger();
    const s = sheet(t, { figure: 'lateReturns' });
    expect(s).toMatchObject({
      name: 'statistics',
      title: '逾期归还明细 2026年度',
      filterText: '统计项目：逾期归还；统计期间：2026-01-01至2026-12-31',
      highestLevel: 'secret',
      markingText: '机密',
    });
    expect(s.columns.map((c) => c.label)).toEqual(['日期', '收文编号', '标题', '密级', '载体', '份号', '逾期天数', '部门']);
    const title = '关于开展年度保密自查自评工作的通知';
    expect(s.rows).toEqual([
      ['2026-01-10', receiptNo(t, d3), title, '机密', '纸质', '0001', '5', '财务科'],
      ['2026-02-03', receiptNo(t, d1), title, '机密', '纸质', '0001', '3', '办公室'],
    ]);
    const finance = sheet(t, { figure: 'lateReturns', department: '财务科', month: '2026-01' });
    expect(finance.filterText).toBe('统计项目：逾期归还；统计期间：2026-01-01至2026-12-31；部门：财务科；月份：2026年1月');
    expect(finance.rows).toHaveLength(1);
  });

  it('a cell in words: a level, a carrier; a holding has no dates; in zh-TW and en', async () => {
    const { t, b } = await knownLedger();
    const discs = sheet(t, { figure: 'received', level: 'confidential', group: 'disc' });
    expect(discs.filterText).toBe('统计项目：收到密件；统计期间：2026-01-01至2026-12-31；密级：秘密；载体：光盘');
    expect(discs.rows.map((r) => [r[3], r[4], r[5]])).toEqual([['秘密', '光盘', '2']]);
    expect(discs).toMatchObject({ markingText: '秘密' });
    const held = sheet(t, { figure: 'heldNow', cabinetId: b }, 'zh-TW');
    expect(held).toMatchObject({ title: '在管明細', filterText: '統計項目：在管；存放位置：G-02', markingText: '秘密' });
    expect(held.columns.map((c) => c.label)).toEqual(['收文編號', '標題', '密級', '載體', '份數']);
    const en = sheet(t, { figure: 'destroyed', from: '2026-04-01', to: '2026-04-30' }, 'en');
    expect(en).toMatchObject({ title: 'Destroyed: the items', filterText: 'Figure: Destroyed; Period: 2026-04-01 to 2026-04-30', markingText: 'Confidential' });
    expect(en.columns.map((c) => c.label)).toEqual(['Date', 'Receipt no.', 'Title', 'Level', 'Carrier', 'Copies', 'Method']);
    expect(en.rows).toEqual([['2026-04-01', expect.any(String), '旧文件一', 'Confidential', 'Paper', '2', '']]);
    expect(sheet(t, { figure: 'destroyed' }).rows.map((r) => r.at(-1))).toEqual(['', '符合保密标准的碎纸机']);
  });

  it('devices, media use, refusals: their own columns; a refusal says the sentence it was refused with', async () => {
    const { t } = await knownLedger();
    const devices = sheet(t, { figure: 'devicesEnabled', group: 'medium' });
    expect(devices.columns.map((c) => c.label)).toEqual(['日期', '编号', '名称', '密级', '设备类别']);
    expect(devices.filterText).toBe('统计项目：设备启用；统计期间：2026-01-01至2026-12-31；设备类别：存储介质');
    expect(devices.rows.map((r) => [r[1], r[3], r[4]])).toEqual([
      ['BM-U-1', '机密', '存储介质'],
      ['BM-U-2', '非涉密', '存储介质'],
    ]);
    expect(sheet(t, { figure: 'mediaUsage' }).rows).toEqual([['2026-02-02', 'BM-U-1', '朗科 U208', '秘密', '机密']]);
    const refusals = sheet(t, { figure: 'refusals', group: 'E_FORBIDDEN_CHANNEL/channel' });
    expect(refusals.columns.map((c) => c.label)).toEqual(['日期', '事项', '对象', '说明']);
    expect(refusals).toMatchObject({ highestLevel: null, markingText: '' });
    expect(refusals.rows).toHaveLength(2);
    expect(column(refusals, 'details')[0]).toContain('普通邮政');
    expect(column(refusals, 'details')[1]).toContain('顺丰快递');
  });

  it('refuses what statistics.items refuses: a filter the figure cannot take, dates out of order, an unknown figure', async () => {
    const { t } = await knownLedger();
    const code = (filters: Record<string, unknown>) => {
      try {
        withRaw(t, (db) => buildSheet(db, 'statistics', filters, 'zh-CN'));
      } catch (e) {
        return (e as { code?: string }).code;
      }
      return 'built';
    };
    expect(code({ ...YEAR_2026, figure: 'received', department: '办公室' })).toBe('E_VALIDATION');
    expect(code({ figure: 'received', from: '2026-12-31', to: '2026-01-01' })).toBe('E_VALIDATION');
    expect(code({ figure: 'received', from: '2010-01-01', to: '2026-12-31' })).toBe('E_VALIDATION');
    expect(code({ ...YEAR_2026, figure: 'everything' })).toBe('E_VALIDATION');
    expect(code({ figure: 'received' })).toBe('E_VALIDATION');
    expect(code({ ...YEAR_2026, figure: 'received', limit: 10 })).toBe('E_VALIDATION');
  });
});

describe('the statistics list prints and exports like a register', () => {
  interface Exported {
    fileName: string;
    data: string;
    rows: number;
    marking: string;
  }
  const filters = { ...YEAR_2026, figure: 'received' satisfies StatisticFigure };

  it('print.prepare: the sheet on A4 landscape with its filter and row count', async () => {
    const { t } = await knownLedger();
    const s = sheet(t, filters);
    const printed = ok<{
      document: { kind: string; sheet: string; title: string; rows: string[][]; fields: { value: string }[]; markingText: string; totalText: string };
    }>(t.service, 'print.prepare', { request: { kind: 'sheet', name: 'statistics', filters } }).document;
    expect(printed).toMatchObject({
      kind: 'sheet',
      sheet: 'statistics',
      title: '收到密件明细 2026年度',
      rows: s.rows,
      markingText: '机密',
      totalText: '共 4 条',
    });
    expect(printed.fields[0]!.value).toBe(s.filterText);
  });

  it('export.register: .xlsx and CSV with the marking, the title, the columns and the rows; refused filters refused', async () => {
    const { t } = await knownLedger();
    const s = sheet(t, filters);
    const xlsx = await okAsync<Exported>(t.service, 'export.register', { register: 'statistics', filters, format: 'xlsx' });
    expect(xlsx).toMatchObject({ fileName: '收到密件明细 2026年度-2026-11-25.xlsx', rows: 4, marking: '机密' });
    const grid = (await readSpreadsheet(xlsx.fileName, Buffer.from(xlsx.data, 'base64'))).sheets[0]!.rows.map((r) => r.map(cellText));
    expect(grid[0]).toEqual(['机密']);
    expect(grid[1]![0]).toBe('收到密件明细 2026年度');
    expect(grid[2]).toEqual(s.columns.map((c) => c.label));
    expect(grid.slice(3).map((r) => s.columns.map((_, i) => r[i] ?? ''))).toEqual(s.rows);
    const csv = await okAsync<Exported>(t.service, 'export.register', { register: 'statistics', filters, format: 'csv', language: 'en' });
    const text = Buffer.from(csv.data, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFSecret\r\nDate,Receipt no.,Title,Level,Carrier,Copies\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(2 + 4 + 1);
    expect((await refusedAsync(t.service, 'export.register', { register: 'statistics', filters: { ...filters, department: '办公室' } })).code).toBe(
      'E_VALIDATION',
    );
  });
});
