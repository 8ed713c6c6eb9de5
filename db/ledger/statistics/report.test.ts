// The 统计 printout (print kind 'statistics'): its blocks say the numbers statistics.figures gives on a ledger the
// test builds with known events (busyLedger of ./fixture, as figures.test.ts: two levels, a copy, a loan back 3 days late, a
// return to the issuer, destructions, a correction, a voided registration, devices, a refusal), in words only.
import { describe, expect, it } from 'vitest';
import { busyLedger } from './fixture';
import { auditRows, makeLedger, ok, refused, UNIT_NAME, type SetUpLedger } from '../../testing';
import type { ReportBlock, ReportDocument } from '../../domain/report';
import type { ReportPayload } from '../print/commands';
import type { StatisticsView } from '../../views';
import { STATISTIC_DEVICE_TERMS } from '../../domain/statistics';
import { say } from '../../domain/terms';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

const report = (t: SetUpLedger, over: Record<string, unknown> = {}) =>
  ok<ReportPayload>(t.service, 'print.prepare', { request: { kind: 'statistics', ...YEAR, ...over } });
const figures = (t: SetUpLedger, over: Record<string, unknown> = {}) => ok<StatisticsView>(t.service, 'statistics.figures', { ...YEAR, ...over });

type Table = Extract<ReportBlock, { kind: 'table' }>;
const tables = (doc: ReportDocument) => doc.blocks.filter((b): b is Table => b.kind === 'table');
const table = (doc: ReportDocument, caption: string) => {
  const found = tables(doc).find((b) => b.caption === caption);
  if (!found)
    throw new Error(
      `no table ${caption} among ${tables(doc)
        .map((b) => b.caption)
        .join(', ')}`,
    );
  return found;
};
/** Every word the printout shows: its title, number, marking and blocks (headings, captions, cells, charts). */
const words = (doc: ReportDocument): string[] => [
  doc.title,
  doc.number,
  doc.markingText,
  ...doc.blocks.flatMap((b) => {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        return [b.text];
      case 'table':
        return [b.caption, ...b.columns.map((c) => c.label), ...b.rows.flat()];
      case 'chart':
        return [b.chart.title, b.chart.unit, ...b.chart.categories, ...b.chart.series.map((s) => s.name)];
    }
  }),
];
/** A table's rows as { first cell: the other cells }. */
const byKey = (t: Table) => Object.fromEntries(t.rows.map(([key, ...rest]) => [key, rest]));

describe('the statistics printout', () => {
  it('is a portrait report of 统计 for the year, marked with the most sensitive level counted, with the unit and the filters', async () => {
    const { t } = await busyLedger();
    const { document: doc, meta } = report(t);
    expect(doc).toMatchObject({
      kind: 'report',
      orientation: 'portrait',
      title: '统计',
      number: '2026年度',
      unitName: UNIT_NAME,
      markingText: '机密',
      highestLevel: 'secret',
    });
    expect(doc.blocks[0]).toEqual({ kind: 'paragraph', text: '统计期间：2026-01-01 至 2026-12-31' });
    expect(doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text)).toEqual([
      '概况',
      '涉密载体',
      '计算机和存储介质',
      '备份和拒绝的操作',
      '审计链',
    ]);
    // A table row, a heading or paragraph, a chart (with the rows of its numbers) bounds print.record's pages.
    const units = doc.blocks.reduce(
      (n, b) => n + (b.kind === 'table' ? Math.max(1, b.rows.length) : b.kind === 'chart' ? 1 + b.chart.categories.length : 1),
      0,
    );
    expect(meta.rows).toBe(units);
  });

  it('says the numbers statistics.figures gives: the summary, each figure by level, by carrier or group, and by month', async () => {
    const { t } = await busyLedger();
    const f = figures(t).figures;
    const doc = report(t).document;
    const sum = byKey(table(doc, '各项数量'));
    expect(sum['收到密件']).toEqual([`${f.received!.count} 件`, `${f.received!.copies} 份`]);
    expect(sum['收到密件']).toEqual(['6 件', '13 份']);
    expect(sum['复制']).toEqual(['1 次', '1 份']);
    expect(sum['拒绝的操作']).toEqual(['1 条', '']);
    expect(sum['在管']).toEqual(['5 件', '14 份']);
    expect(Object.keys(sum)).toHaveLength(21);

    expect(table(doc, '收到密件（按密级）')).toMatchObject({
      columns: [{ label: '密级' }, { label: '数量（件）' }, { label: '份数' }],
      rows: [
        ['机密', '3', '8'],
        ['秘密', '3', '5'],
        ['合计', '6', '13'],
      ],
    });
    expect(table(doc, '收到密件（按载体形式）').rows).toEqual([
      ['纸质', '6', '13'],
      ['合计', '6', '13'],
    ]);
    expect(table(doc, '收到密件（按月份）').rows).toEqual([
      ['2月', '1', '1'],
      ['3月', '1', '2'],
      ['10月', '1', '3'],
      ['11月', '3', '7'],
      ['合计', '6', '13'],
    ]);
    expect(byKey(table(doc, '在管（按密级）'))).toEqual({ 机密: ['3', '11'], 秘密: ['1', '2'], 内部: ['1', '1'], 合计: ['5', '14'] });
    expect(byKey(table(doc, '设备启用（按设备类别）'))).toEqual({ 计算机: ['2'], [say(STATISTIC_DEVICE_TERMS.medium, 'zh-CN')]: ['1'], 合计: ['3'] });
    // A figure of copies says its 份 once.
    expect(sum['逾期归还']).toEqual(['1 份', '']);
    expect(table(doc, '逾期归还（按密级）').rows).toEqual([
      ['机密', '1'],
      ['合计', '1'],
    ]);
    // A refusal by the rule that refused, in words, never its code.
    const grounds = table(doc, '拒绝的操作（按拒绝依据）');
    expect(grounds.rows[0]![0]).toContain('机要');
    expect(grounds.rows.at(-1)).toEqual(['合计', '1']);
    // Nothing counted: named once at the end of its section, no heading and no empty tables of its own.
    expect(doc.blocks.some((b) => b.kind === 'heading' && b.text.startsWith('设备报废'))).toBe(false);
    const devices = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === '计算机和存储介质');
    const records = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === '备份和拒绝的操作');
    expect(doc.blocks[records - 1]).toEqual({ kind: 'paragraph', text: '本期无：设备报废、设备销毁' });
    expect(devices).toBeLessThan(records);
  });

  it('carries the charts of the statistics after the figures they draw', async () => {
    const { t } = await busyLedger();
    const doc = report(t).document;
    const charts = doc.blocks.flatMap((b, i) => (b.kind === 'chart' ? [[i, b.chart] as const] : []));
    expect(charts.map(([, c]) => c.id)).toEqual(['monthly-flows', 'late-returns', 'holdings-by-level']);
    const [, monthly] = charts[0]!;
    expect(monthly.categories).toHaveLength(12);
    expect(monthly.series.find((s) => s.name === '收到密件')!.values[10]).toBe(7);
    const [at, late] = charts[1]!;
    expect(late.series[0]!.values).toEqual([3]);
    expect(doc.blocks.slice(0, at).findLast((b) => b.kind === 'heading')).toMatchObject({ text: '逾期归还：1 份' });
  });

  it('speaks zh-TW and English, no code and no English word on a Chinese printout', async () => {
    const { t } = await busyLedger();
    const zh = words(report(t).document).join('\n');
    expect(zh).not.toMatch(/[A-Za-z]{2,}/);
    const tw = report(t, { language: 'zh-TW' }).document;
    expect(tw).toMatchObject({ title: '統計', markingText: '機密' });
    expect(byKey(table(tw, '收到密件（按密級）'))['合計']).toEqual(['6', '13']);
    const en = report(t, { language: 'en' }).document;
    expect(en).toMatchObject({ title: 'Statistics', number: 'Year 2026', markingText: 'Secret' });
    expect(byKey(table(en, 'Received by level'))).toMatchObject({ Secret: ['3', '8'], Total: ['6', '13'] });
    expect(byKey(table(en, 'The figures'))['Received']).toEqual(['items 6', 'copies 13']);
    expect(en.blocks).toContainEqual({ kind: 'heading', level: 2, text: 'Copied: times 1, copies 1' });
    expect(words(en).join('\n')).not.toMatch(/E_[A-Z_]+|top_secret|non_secret|\bpaper\b/);
  });

  it('narrows to a department or a cabinet as statistics.figures does, naming the filter and the figures it cannot narrow', async () => {
    const { t, b } = await busyLedger();
    const doc = report(t, { from: '2026-11-01', to: '2026-11-30', cabinetId: b }).document;
    expect(doc.number).toBe('2026-11-01 至 2026-11-30');
    expect(doc.blocks[0]).toEqual({ kind: 'paragraph', text: '统计期间：2026-11-01 至 2026-11-30；保密柜：G-02 二号柜' });
    expect(doc.blocks[2]).toMatchObject({ kind: 'paragraph', text: expect.stringMatching(/^按所选条件无法细分，未列出：收到密件、.*借阅、.*逾期归还/) });
    expect(byKey(table(doc, '各项数量'))['在管']).toEqual(['1 件', '2 份']);
    expect(doc.markingText).toBe('秘密');
    expect(refused(t.service, 'print.prepare', { request: { kind: 'statistics', from: '2026-12-31', to: '2026-01-01' } }).code).toBe('E_VALIDATION');
    expect(refused(t.service, 'print.prepare', { request: { kind: 'statistics', ...YEAR, extra: 1 } }).code).toBe('E_VALIDATION');
  });

  it('on an empty ledger: no marking, every figure 0', () => {
    const t = makeLedger();
    const doc = report(t).document;
    expect(doc).toMatchObject({ markingText: '', highestLevel: null });
    expect(doc.blocks.filter((b) => b.kind === 'chart').map((b) => (b as { chart: { id: string } }).chart.id)).toEqual(['monthly-flows', 'holdings-by-level']);
  });

  it('is recorded as one print entry naming 统计 and its dates, its pages bounded by its blocks', async () => {
    const { t } = await busyLedger();
    const { meta } = report(t, { from: '2026-03-01', to: '2026-03-31' });
    expect(refused(t.service, 'print.record', { printId: meta.printId, pages: meta.rows + 2, destination: 'pdf' }).code).toBe('E_VALIDATION');
    ok(t.service, 'print.record', { printId: meta.printId, pages: 3, destination: 'pdf' });
    const entry = auditRows(t).at(-1)!;
    expect(entry).toMatchObject({ kind: 'print', action: 'print.record', target: '统计 2026-03-01 至 2026-03-31', outcome: 'ok' });
    expect(JSON.parse(entry.summary)).toMatchObject({ what: 'statistics', title: '统计 2026-03-01 至 2026-03-31', rows: meta.rows, reported: { pages: 3 } });
  });
});
