// 统计 (issue 17): every figure of a year on a real ledger the test builds with known events (busyLedger in
// ./fixture), and each figure's item list as long as the figure. Through service.invoke on real encrypted ledgers in temporary folders.
import { describe, expect, it } from 'vitest';
import { busyLedger } from './fixture';
import { STATISTIC_FIGURES, type StatisticFigure } from '../../domain/statistics';
import { makeLedger, ok, refused, type SetUpLedger } from '../../testing';
import { receiveInput } from '../documents/fixture';
import type { StatisticsItemView, StatisticsView } from '../../views';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

const figures = (t: SetUpLedger, over: Record<string, unknown> = {}) => ok<StatisticsView>(t.service, 'statistics.figures', { ...YEAR, ...over });
const items = (t: SetUpLedger, figure: StatisticFigure, over: Record<string, unknown> = {}) =>
  ok<{ total: number; items: StatisticsItemView[] }>(t.service, 'statistics.items', { ...YEAR, figure, limit: 500, ...over });
const counts = (cells: Record<string, { count: number; copies: number | null }>) =>
  Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, [c.count, c.copies]]));

describe('statistics.figures for a year', () => {
  it('counts each flow by what happened and when, as corrected; a voided registration nowhere', async () => {
    const { t } = await busyLedger();
    const f = figures(t).figures;
    expect(f.received).toMatchObject({ count: 6, copies: 13 });
    expect(counts(f.received!.byLevel)).toEqual({ secret: [3, 8], confidential: [3, 5] });
    expect(counts(f.received!.byMonth)).toEqual({ '2026-02': [1, 1], '2026-03': [1, 2], '2026-10': [1, 3], '2026-11': [3, 7] });
    expect(counts(f.received!.byGroup)).toEqual({ paper: [6, 13] });
    expect(f.produced).toMatchObject({ count: 1, copies: 1, byLevel: { internal: { count: 1 } } });
    expect(f.copied).toMatchObject({ count: 1, copies: 1 });
    expect(f.lent).toMatchObject({ count: 2, copies: 2 });
    expect(f.returnedToIssuer).toMatchObject({ count: 1, copies: 1, byMonth: { '2026-11': { count: 1 } } });
    expect(f.destroyed).toMatchObject({ count: 2, copies: 3 });
    expect(counts(f.destroyed!.byMonth)).toEqual({ '2026-06': [1, 2], '2026-11': [1, 1] });
    expect(f.declassified).toMatchObject({ count: 1, byLevel: { confidential: { count: 1 } } });
    expect(f.lateReturns).toMatchObject({ count: 1, copies: 1 });
    expect(items(t, 'lateReturns').items).toMatchObject([{ day: '2026-11-13', copyNo: 2, daysLate: 3, detail: '办公室', level: 'secret' }]);
    expect(f.missing).toMatchObject({ count: 1 });
    expect(f.found).toMatchObject({ count: 1 });
    expect(f.devicesEnabled).toMatchObject({ count: 3, byGroup: { computer: { count: 2 }, medium: { count: 1 } } });
    expect(f.devicesRepaired).toMatchObject({ count: 1, byMonth: { '2026-03': { count: 1 } } });
    expect(f.devicesStopped).toMatchObject({ count: 1 });
    expect(f.devicesScrapped).toMatchObject({ count: 0 });
    expect(f.devicesDestroyed).toMatchObject({ count: 0 });
    expect(f.mediaUsage).toMatchObject({ count: 1, byLevel: { secret: { count: 1 } } });
    expect(f.backups).toMatchObject({ count: 0 });
    expect(counts(f.refusals!.byGroup)).toEqual({ 'E_FORBIDDEN_CHANNEL/channel': [1, null] });
  });

  it('holdings are now: held (件 / 份) by level, on loan, awaiting return to the issuer', async () => {
    const { t } = await busyLedger();
    const f = figures(t).figures;
    expect(f.heldNow).toMatchObject({ count: 5, copies: 14 });
    expect(counts(f.heldNow!.byLevel)).toEqual({ secret: [3, 11], confidential: [1, 2], internal: [1, 1] });
    expect(f.onLoanNow).toMatchObject({ count: 1 });
    expect(items(t, 'onLoanNow').items).toMatchObject([{ copyNo: 1, detail: '赵六', level: 'confidential' }]);
    expect(f.awaitingReturnNow).toMatchObject({ count: 1, copies: 3 });
  });

  it('every figure and every cell of it lists exactly the items it counts', async () => {
    const { t, b } = await busyLedger();
    for (const over of [{}, { department: '办公室' }, { cabinetId: b }]) {
      const view = figures(t, over);
      for (const figure of STATISTIC_FIGURES) {
        const fig = view.figures[figure];
        if (fig === null) continue;
        const listed = items(t, figure, over);
        expect({ figure, over, n: listed.total, rows: listed.items.length }).toEqual({ figure, over, n: fig.count, rows: fig.count });
        for (const [level, cell] of Object.entries(fig.byLevel))
          expect([figure, level, items(t, figure, { ...over, level }).total]).toEqual([figure, level, cell.count]);
        for (const [month, cell] of Object.entries(fig.byMonth))
          expect([figure, month, items(t, figure, { ...over, month }).total]).toEqual([figure, month, cell.count]);
        for (const [group, cell] of Object.entries(fig.byGroup))
          expect([figure, group, items(t, figure, { ...over, group }).total]).toEqual([figure, group, cell.count]);
      }
    }
  });

  it('a department or a cabinet narrows the figures it can, and gives none it cannot', async () => {
    const { t, b } = await busyLedger();
    const office = figures(t, { department: '办公室' }).figures;
    expect(office.received).toBeNull();
    expect(office.lent).toMatchObject({ count: 1 });
    expect(office.lateReturns).toMatchObject({ count: 1 });
    expect(office.onLoanNow).toMatchObject({ count: 0 });
    expect(office.devicesEnabled).toMatchObject({ count: 3 });
    expect(refused(t.service, 'statistics.items', { ...YEAR, figure: 'received', department: '办公室' }).code).toBe('E_VALIDATION');
    const second = figures(t, { cabinetId: b }).figures;
    expect(second.lent).toBeNull();
    expect(second.heldNow).toMatchObject({ count: 1, copies: 2 });
    expect(second.onLoanNow).toMatchObject({ count: 1 });
    expect(second.awaitingReturnNow).toMatchObject({ count: 0 });
  });

  it('the dates: only what happened between them; to before from is refused', async () => {
    const { t } = await busyLedger();
    const march = figures(t, { from: '2026-03-01', to: '2026-03-31' }).figures;
    expect(march.received).toMatchObject({ count: 1, copies: 2 });
    expect(march.devicesRepaired).toMatchObject({ count: 1 });
    expect(march.destroyed).toMatchObject({ count: 0 });
    expect(figures(t, { from: '2025-01-01', to: '2025-12-31' }).figures.received).toMatchObject({ count: 1, copies: 3 });
    expect(refused(t.service, 'statistics.figures', { from: '2026-12-31', to: '2026-01-01' }).code).toBe('E_VALIDATION');
  });

  it('a time of day counts on the local calendar: the day and month the custodian lived it, stored in UTC or with an offset', () => {
    const t = makeLedger();
    const a = ok<{ id: number }>(t.service, 'locations.create', { code: 'G-01', name: '一号柜', maxLevel: 'secret' }).id;
    const local = (ms: number) => {
      const d = new Date(ms);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    };
    const times = [new Date(2026, 9, 1, 0, 30).toISOString(), new Date(2026, 8, 30, 23, 30).toISOString(), '2026-08-31T23:30:00-01:00'];
    for (const receivedAt of times) ok(t.service, 'documents.receive', receiveInput(a, { receivedAt, issueDate: '2026-08-01' }));
    const f = figures(t, { from: '2026-08-01', to: '2026-10-31' }).figures.received!;
    const expected: Record<string, number> = {};
    for (const time of times) expected[local(Date.parse(time))] = (expected[local(Date.parse(time))] ?? 0) + 1;
    expect(Object.fromEntries(Object.entries(f.byMonth).map(([m, c]) => [m, c.count]))).toEqual(expected);
    expect(expected['2026-10']).toBe(1);
    expect(figures(t, { from: '2026-10-01', to: '2026-10-01' }).figures.received).toMatchObject({ count: 1 });
    expect(figures(t, { from: '2026-09-30', to: '2026-09-30' }).figures.received).toMatchObject({ count: 1 });
  });
});
