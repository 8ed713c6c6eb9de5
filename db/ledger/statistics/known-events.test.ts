// 统计 on a ledger of known events (./fixture.ts): each figure and each of its breakdowns (by level, by carrier or
// group, by month) equals the numbers counted by hand from the events; backdated, corrected, imported and voided
// registrations; a date range across the new year; the department and cabinet filters; refusals by rule.
import { describe, expect, it } from 'vitest';
import type { StatisticFigure } from '../../domain/statistics';
import type { SetUpLedger } from '../../testing';
import { ok } from '../../testing';
import type { StatisticsCell, StatisticsItemView, StatisticsView } from '../../views';
import { knownLedger, YEAR_2026 } from './fixture';

/** Each test on a ledger of its own, built the same way. */
const withKnown = (test: (known: Awaited<ReturnType<typeof knownLedger>>) => void) => async () => test(await knownLedger());

const figures = (t: SetUpLedger, over: Record<string, unknown> = {}) => ok<StatisticsView>(t.service, 'statistics.figures', { ...YEAR_2026, ...over }).figures;
const items = (t: SetUpLedger, figure: StatisticFigure, over: Record<string, unknown> = {}) =>
  ok<{ total: number; items: StatisticsItemView[] }>(t.service, 'statistics.items', { ...YEAR_2026, figure, limit: 500, ...over }).items;
/** A breakdown as [count, copies] by cell. */
const cells = (c: Record<string, StatisticsCell>) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, [v.count, v.copies]]));
/** A figure as its count, copies and the three breakdowns. */
const whole = (
  f: {
    count: number;
    copies: number | null;
    byLevel: Record<string, StatisticsCell>;
    byGroup: Record<string, StatisticsCell>;
    byMonth: Record<string, StatisticsCell>;
  } | null,
) => f && { count: f.count, copies: f.copies, level: cells(f.byLevel), group: cells(f.byGroup), month: cells(f.byMonth) };

describe('the figures of 2026 on a ledger of known events', () => {
  it(
    '收到密件: as corrected (d4 秘密 2 份 -> 机密 3 份), the imported row on its date, neither the backdated 2025 item nor the voided one',
    withKnown((known) => {
      expect(whole(figures(known.t).received)).toEqual({
        count: 4,
        copies: 10,
        level: { secret: [2, 6], confidential: [2, 4] },
        group: { paper: [3, 8], disc: [1, 2] },
        month: { '2026-01': [1, 3], '2026-02': [1, 3], '2026-03': [2, 4] },
      });
    }),
  );

  it(
    'copies, loans, returns to the issuer and destructions, each by its date; imported history counts as the flow it records',
    withKnown((known) => {
      const f = figures(known.t);
      expect(whole(f.produced)).toEqual({ count: 0, copies: null, level: {}, group: {}, month: {} });
      expect(whole(f.copied)).toEqual({ count: 1, copies: 2, level: { secret: [1, 2] }, group: { paper: [1, 2] }, month: { '2026-11': [1, 2] } });
      // The loan of 2025-12-28 is last year's, though it came back this year.
      expect(whole(f.lent)).toEqual({
        count: 2,
        copies: 2,
        level: { secret: [1, 1], confidential: [1, 1] },
        group: { paper: [1, 1], disc: [1, 1] },
        month: { '2026-01': [1, 1], '2026-11': [1, 1] },
      });
      // d3's copy 2 by hand, and the imported 已清退 row: both in January.
      expect(whole(f.returnedToIssuer)).toEqual({ count: 2, copies: 2, level: { secret: [2, 2] }, group: { paper: [2, 2] }, month: { '2026-01': [2, 2] } });
      expect(whole(f.destroyed)).toEqual({
        count: 2,
        copies: 3,
        level: { secret: [1, 1], confidential: [1, 2] },
        group: { paper: [2, 3] },
        month: { '2026-04': [1, 2], '2026-11': [1, 1] },
      });
      expect(whole(f.declassified)).toMatchObject({ count: 0 });
    }),
  );

  it(
    'late returns with their days late, the loan across the new year included; missing and found copies',
    withKnown((known) => {
      const f = figures(known.t);
      expect(whole(f.lateReturns)).toEqual({
        count: 2,
        copies: 2,
        level: { secret: [2, 2] },
        group: { paper: [2, 2] },
        month: { '2026-01': [1, 1], '2026-02': [1, 1] },
      });
      expect(items(known.t, 'lateReturns').map((i) => [i.day, i.copyNo, i.daysLate, i.detail])).toEqual([
        ['2026-01-10', 1, 5, '财务科'],
        ['2026-02-03', 1, 3, '办公室'],
      ]);
      expect(whole(f.missing)).toMatchObject({ count: 1, month: { '2026-07': [1, 1] } });
      expect(whole(f.found)).toMatchObject({ count: 1, month: { '2026-07': [1, 1] } });
    }),
  );

  it(
    'devices and media: put into service, repaired, stopped, scrapped, used; a device enabled last year is not',
    withKnown((known) => {
      const f = figures(known.t);
      expect(whole(f.devicesEnabled)).toEqual({
        count: 3,
        copies: null,
        level: { secret: [2, null], non_secret: [1, null] },
        group: { computer: [1, null], medium: [2, null] },
        month: { '2026-01': [1, null], '2026-02': [2, null] },
      });
      expect(whole(f.devicesRepaired)).toMatchObject({ count: 1, month: { '2026-03': [1, null] } });
      expect(whole(f.devicesStopped)).toMatchObject({ count: 1, month: { '2026-07': [1, null] } });
      expect(whole(f.devicesScrapped)).toMatchObject({ count: 1, month: { '2026-11': [1, null] } });
      expect(whole(f.devicesDestroyed)).toMatchObject({ count: 0 });
      expect(whole(f.mediaUsage)).toEqual({
        count: 1,
        copies: null,
        level: { confidential: [1, null] },
        group: { secret: [1, null] },
        month: { '2026-02': [1, null] },
      });
    }),
  );

  it(
    'refusals by rule: the channel twice, the copy without approval, the cross-use',
    withKnown((known) => {
      const f = figures(known.t);
      expect(f.refusals!.count).toBe(4);
      const byCode = Object.entries(f.refusals!.byGroup).map(([rule, c]) => [rule.split('/')[0], c.count]);
      expect(byCode.sort()).toEqual([
        ['E_APPROVAL_REQUIRED', 1],
        ['E_CROSS_USE', 1],
        ['E_FORBIDDEN_CHANNEL', 2],
      ]);
      expect(f.refusals!.byGroup['E_FORBIDDEN_CHANNEL/channel']).toEqual({ count: 2, copies: null });
      expect(f.refusals!.byMonth).toEqual({ '2026-11': { count: 4, copies: null } });
    }),
  );

  it(
    'holdings now: the corrected 份数 less what was destroyed, returned or lent out (still held), the copies made',
    withKnown((known) => {
      const f = figures(known.t);
      // d1 3 + 2 copies made; d2 2 (one on loan); d3 1 (one returned to the issuer); d4 2 (one destroyed).
      expect(whole(f.heldNow)).toEqual({
        count: 4,
        copies: 10,
        level: { secret: [3, 8], confidential: [1, 2] },
        group: { paper: [3, 8], disc: [1, 2] },
        month: {},
      });
      expect(items(known.t, 'onLoanNow').map((i) => [i.label.length > 0, i.copyNo, i.detail])).toEqual([[true, 1, '王芳']]);
      expect(whole(f.awaitingReturnNow)).toMatchObject({ count: 1, copies: 1 });
      // Holdings are now, whatever the dates.
      expect(whole(figures(known.t, { from: '2020-01-01', to: '2020-12-31' }).heldNow)).toEqual(whole(f.heldNow));
    }),
  );
});

describe('the dates, the department and the cabinet', () => {
  it(
    '2025: the backdated item, the imported one received then, the loan to 财务科, the computer put into service',
    withKnown((known) => {
      const f = figures(known.t, { from: '2025-01-01', to: '2025-12-31' });
      expect(whole(f.received)).toEqual({
        count: 2,
        copies: 3,
        level: { secret: [2, 3] },
        group: { paper: [2, 3] },
        month: { '2025-11': [1, 1], '2025-12': [1, 2] },
      });
      expect(f.lent).toMatchObject({ count: 1, copies: 1 });
      expect(f.lateReturns).toMatchObject({ count: 0 });
      expect(f.devicesEnabled).toMatchObject({ count: 1, byGroup: { computer: { count: 1 } } });
      expect(f.refusals).toMatchObject({ count: 0 });
    }),
  );

  it(
    'a range across the new year (2025-12-01 to 2026-01-31): December and January, by month with the year',
    withKnown((known) => {
      const f = figures(known.t, { from: '2025-12-01', to: '2026-01-31' });
      expect(whole(f.received)).toMatchObject({ count: 2, copies: 5, month: { '2025-12': [1, 2], '2026-01': [1, 3] } });
      expect(whole(f.lent)).toMatchObject({ count: 2, month: { '2025-12': [1, 1], '2026-01': [1, 1] } });
      expect(whole(f.lateReturns)).toMatchObject({ count: 1, month: { '2026-01': [1, 1] } });
      expect(whole(f.returnedToIssuer)).toMatchObject({ count: 2, month: { '2026-01': [2, 2] } });
      expect(whole(f.devicesEnabled)).toMatchObject({ count: 1, month: { '2026-01': [1, null] } });
    }),
  );

  it(
    'a department: the loans and late returns of its people, its devices; 财务科 borrowed last year only',
    withKnown((known) => {
      const office = figures(known.t, { department: '办公室' });
      expect(office.lent).toMatchObject({ count: 2 });
      expect(office.lateReturns).toMatchObject({ count: 1, byMonth: { '2026-02': { count: 1 } } });
      expect(office.onLoanNow).toMatchObject({ count: 1 });
      expect(office.devicesEnabled).toMatchObject({ count: 3 });
      expect(office.devicesScrapped).toMatchObject({ count: 0 });
      expect(office.mediaUsage).toMatchObject({ count: 1 });
      const finance = figures(known.t, { department: '财务科' });
      expect(finance.lent).toMatchObject({ count: 0 });
      expect(finance.lateReturns).toMatchObject({ count: 1, byMonth: { '2026-01': { count: 1 } } });
      expect(finance.onLoanNow).toMatchObject({ count: 0 });
      expect(finance.devicesEnabled).toMatchObject({ count: 0 });
      expect(finance.devicesScrapped).toMatchObject({ count: 1 });
      expect(finance.received).toBeNull();
    }),
  );

  it(
    'a cabinet: what is held in it now',
    withKnown((known) => {
      const inA = figures(known.t, { cabinetId: known.a });
      expect(whole(inA.heldNow)).toMatchObject({ count: 3, copies: 8 });
      expect(inA.onLoanNow).toMatchObject({ count: 0 });
      expect(inA.awaitingReturnNow).toMatchObject({ count: 1, copies: 1 });
      const inB = figures(known.t, { cabinetId: known.b });
      expect(whole(inB.heldNow)).toMatchObject({ count: 1, copies: 2, group: { disc: [1, 2] } });
      expect(inB.onLoanNow).toMatchObject({ count: 1 });
      expect(inB.lent).toBeNull();
    }),
  );
});
