// The 统计 printout (print kind 'statistics'): its blocks say the numbers statistics.figures gives on a ledger the
// test builds with known events (the set-up of figures.test.ts: two levels, a copy, a loan back 3 days late, a
// return to the issuer, destructions, a correction, a voided registration, devices, a refusal), in words only.
import { describe, expect, it } from 'vitest';
import { auditRows, makeLedger, ok, okAsync, refused, UNIT_NAME, type SetUpLedger } from '../../testing';
import { createApprover, external, onTheSpot } from '../approvals/fixture';
import { receiveInput } from '../documents/fixture';
import { computerInput, mediumInput } from '../devices/fixture';
import { csvOf } from '../transfer/fixture';
import type { ReportBlock, ReportDocument } from '../../domain/report';
import type { ReportPayload } from '../print/commands';
import type { StatisticsView } from '../../views';
import { STATISTIC_DEVICE_TERMS } from '../../domain/statistics';
import { say } from '../../domain/terms';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

async function busyLedger() {
  const t = makeLedger();
  const approver = createApprover(t, '陈主任');
  const spot = () => onTheSpot(approver.id, approver.password);
  const cabinet = (code: string, name: string) => ok<{ id: number }>(t.service, 'locations.create', { code, name, maxLevel: 'secret' }).id;
  const a = cabinet('G-01', '一号柜');
  const b = cabinet('G-02', '二号柜');
  const receive = (locationId: number, over: Record<string, unknown>) =>
    ok<{ id: number }>(t.service, 'documents.receive', receiveInput(locationId, { issueDate: '2026-01-02', ...over })).id;

  const d1 = receive(a, { receivedAt: '2026-10-10', copies: 3 });
  const d2 = receive(b, { receivedAt: '2026-11-20', marking: '秘密★5年', copies: 2, scope: ['办公室', '赵六'] });
  const d3 = receive(a, { receivedAt: '2026-11-03', copies: 1, mustReturn: true, returnBy: '2026-11-30' });
  const d4 = receive(a, { receivedAt: '2026-02-03', marking: '秘密★5年', copies: 1 });
  const d5 = receive(a, { receivedAt: '2026-11-05', marking: '秘密★5年', copies: 2 });
  ok(t.service, 'documents.correct', { documentId: d5, field: 'marking', value: '机密★10年', reason: '登记错误', approval: spot() });
  ok(t.service, 'documents.correct', { documentId: d5, field: 'copies', value: 4, reason: '份数登记错误', approval: spot() });
  const d6 = receive(a, { receivedAt: '2026-11-06', copies: 1 });
  ok(t.service, 'documents.void', { documentId: d6, reason: '误登', approval: spot() });
  receive(a, { receivedAt: '2025-06-01', issueDate: '2025-05-20', copies: 3, mustReturn: true, returnBy: '2026-12-31' });
  ok(t.service, 'documents.produce', {
    docNumber: '',
    title: '内部工作简报',
    originUnit: '本单位办公室',
    marking: '内部',
    issueDate: '2026-11-10',
    scope: ['办公室'],
    copies: 1,
    locationId: a,
    producedAt: '2026-11-10',
    producedBy: '李明',
  });
  const csv = csvOf(
    [
      ['收文日期', '来文单位', '文号', '标题', '密级', '保密期限', '份数', '份号', '签收人', '知悉范围', '状态', '销毁日期'],
      ['2026-03-09', '省国家保密局', '鲁保发〔2026〕99号', '旧文件', '秘密', '5年', 2, '0001-0002', '李明', '办公室', '已销毁', '2026-06-01'],
    ],
    'utf-8-bom',
  );
  await okAsync(t.service, 'import.apply', { register: 'documents', fileName: '旧收文.csv', data: csv.toString('base64'), defaults: { location: 'G-01' } });

  ok(t.service, 'documents.copy', { documentId: d1, sourceCopyNo: 1, count: 1, approval: spot() });
  ok(t.service, 'documents.lend', { documentId: d1, copyNos: [2], borrower: { name: '王芳', department: '办公室' }, dueAt: '2026-11-10', at: '2026-11-01' });
  ok(t.service, 'documents.returnLoan', { documentId: d1, copyNos: [2], receivedBy: '李明', at: '2026-11-13' });
  ok(t.service, 'documents.lend', { documentId: d2, copyNos: [1], borrower: { name: '赵六', department: '财务科' }, dueAt: '2026-12-10', at: '2026-11-24' });
  ok(t.service, 'documents.returnToIssuer', {
    items: [{ documentId: d3, copyNos: [1] }],
    toUnit: '省国家保密局',
    returner: '李明',
    receiver: '张三',
    at: '2026-11-21',
  });
  ok(t.service, 'documents.destroy', {
    items: [{ documentId: d4, copyNos: [1] }],
    approval: spot(),
    method: 'shredder',
    place: '保密室',
    destroyers: ['李明'],
    witnesses: ['王芳'],
  });
  ok(t.service, 'documents.changeMarking', { documentId: d2, declassify: true, approval: external() });
  expect(refused(t.service, 'documents.transmit', { documentId: d1, copyNos: [3], toUnit: '市保密局', channel: '普通邮政', handledBy: '李明' }).code).toBe(
    'E_FORBIDDEN_CHANNEL',
  );
  ok(t.service, 'documents.inventory', { missing: [{ documentId: d1, copyNos: [3] }], checkedBy: ['李明', '王芳'] });
  ok(t.service, 'documents.found', { documentId: d1, copyNos: [3], locationId: a });

  const pc = ok<{ id: number }>(t.service, 'computers.register', computerInput(1)).id;
  ok(t.service, 'computers.register', computerInput(2, { level: 'non_secret', network: 'internet', department: '财务科', enabledAt: '2025-12-01' }));
  ok(t.service, 'computers.repair', { id: pc, offSite: false, repairer: '信息科', reason: '硬盘故障', at: '2026-03-01' });
  ok(t.service, 'computers.backFromRepair', { id: pc, checkedBy: '李明', at: '2026-03-02' });
  ok(t.service, 'computers.stop', { id: pc, reason: '更新换代', at: '2026-04-01' });
  const medium = ok<{ id: number }>(t.service, 'media.register', mediumInput(3)).id;
  const pc2 = ok<{ id: number }>(t.service, 'computers.register', computerInput(4, { enabledAt: '2026-05-06' })).id;
  ok(t.service, 'media.logUsage', { mediumId: medium, computerId: pc2, user: '李明', purpose: '拷贝文件', dataLevel: 'secret', at: '2026-06-02' });
  return { t, a, b };
}

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
