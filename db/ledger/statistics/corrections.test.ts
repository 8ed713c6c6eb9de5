// 统计 after corrections and imports: a 份数 corrected down counts the copies still registered (received and held); a
// level corrected after a loan counts the loan at the corrected level; a computer register imported with 已报废
// history counts the scrapping on its date and the computer put into service on its own date. Numbers by hand.
import { describe, expect, it } from 'vitest';
import { makeLedger, ok, okAsync } from '../../testing';
import { createApprover, onTheSpot } from '../approvals/fixture';
import { receiveInput } from '../documents/fixture';
import { csvOf } from '../transfer/fixture';
import type { StatisticsCell, StatisticsView } from '../../views';
import { YEAR_2026 } from './fixture';

const cells = (c: Record<string, StatisticsCell>) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, [v.count, v.copies]]));

describe('figures after corrections and imports', () => {
  it('a 份数 corrected down, a level corrected after a loan: counted as corrected, in the flows and in the holdings', () => {
    const t = makeLedger();
    const approver = createApprover(t, '陈主任');
    const spot = () => onTheSpot(approver.id, approver.password);
    const a = ok<{ id: number }>(t.service, 'locations.create', { code: 'G-01', name: '一号柜', maxLevel: 'secret' }).id;
    // Entered as 4 份, corrected to 2: the figure counts 2, and 2 are held.
    const four = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(a, { issueDate: '2026-03-01', receivedAt: '2026-03-02', copies: 4 })).id;
    ok(t.service, 'documents.correct', { documentId: four, field: 'copies', value: 2, reason: '份数登记错误', approval: spot() });
    // 秘密 lent in April, corrected to 机密 today: the loan counts as 机密.
    const lent = ok<{ id: number }>(
      t.service,
      'documents.receive',
      receiveInput(a, { issueDate: '2026-03-01', receivedAt: '2026-03-05', marking: '秘密★5年', copies: 1 }),
    ).id;
    ok(t.service, 'documents.lend', {
      documentId: lent,
      copyNos: [1],
      borrower: { name: '王芳', department: '办公室' },
      dueAt: '2026-04-30',
      at: '2026-04-01',
    });
    ok(t.service, 'documents.returnLoan', { documentId: lent, copyNos: [1], receivedBy: '李明', at: '2026-04-10' });
    ok(t.service, 'documents.correct', { documentId: lent, field: 'marking', value: '机密★10年', reason: '密级登记错误', approval: spot() });

    const f = ok<StatisticsView>(t.service, 'statistics.figures', YEAR_2026).figures;
    expect(f.received).toMatchObject({ count: 2, copies: 3 });
    expect(cells(f.received!.byLevel)).toEqual({ secret: [2, 3] });
    expect(cells(f.lent!.byLevel)).toEqual({ secret: [1, 1] });
    expect(f.heldNow).toMatchObject({ count: 2, copies: 3 });
    expect(f.lateReturns).toMatchObject({ count: 0 });
  });

  it('an imported computer register: 已报废 on its date, put into service on its own (last year: not this year)', async () => {
    const t = makeLedger();
    const header = [
      '编号',
      '名称',
      '品牌型号',
      '序列号',
      '硬盘序列号',
      'MAC',
      '操作系统',
      '密级',
      '联网类型',
      '用途',
      '使用部门',
      '责任人',
      '放置地点',
      '启用日期',
      '状态',
      '报废日期',
    ];
    const row = (n: number, enabledAt: string, status: string, statusAt: string | null) => [
      `BM-JSJ-${n}`,
      `办公计算机${n}`,
      '联想 启天',
      `PC-SN-${n}`,
      `DISK-${n}`,
      '00-1a-2b-3c-4d-5e',
      'Windows 10',
      '机密',
      '单机',
      '文字处理',
      n === 1 ? '财务科' : '办公室',
      '李明',
      '保密室',
      enabledAt,
      status,
      statusAt,
    ];
    const csv = csvOf(
      [header, row(1, '2024-01-05', '已报废', '2026-05-01'), row(2, '2026-02-01', '在用', null), row(3, '2025-03-01', '停用', '2026-06-15')],
      'utf-8-bom',
    );
    await okAsync(t.service, 'import.apply', { register: 'secret-computers', fileName: '涉密计算机.csv', data: csv.toString('base64'), defaults: {} });

    const f = ok<StatisticsView>(t.service, 'statistics.figures', YEAR_2026).figures;
    expect(f.devicesEnabled).toMatchObject({ count: 1, byMonth: { '2026-02': { count: 1 } } });
    expect(f.devicesScrapped).toMatchObject({ count: 1, byLevel: { secret: { count: 1 } }, byMonth: { '2026-05': { count: 1 } } });
    expect(f.devicesStopped).toMatchObject({ count: 1, byMonth: { '2026-06': { count: 1 } } });
    const finance = ok<StatisticsView>(t.service, 'statistics.figures', { ...YEAR_2026, department: '财务科' }).figures;
    expect(finance.devicesScrapped).toMatchObject({ count: 1 });
    expect(finance.devicesStopped).toMatchObject({ count: 0 });
    expect(ok<StatisticsView>(t.service, 'statistics.figures', { from: '2024-01-01', to: '2025-12-31' }).figures.devicesEnabled).toMatchObject({ count: 2 });
  });
});
