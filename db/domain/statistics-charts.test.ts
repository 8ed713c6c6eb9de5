// The statistics' charts say the figures' numbers: each flow's 份 by month, the copies held by level split into in
// the cabinet and on loan, one bar per late copy with its days late; a figure the filter cannot give makes no chart.
import { describe, expect, it } from 'vitest';
import { statisticsCharts } from './statistics-charts';
import { STATISTIC_FIGURES, type StatisticFigure } from './statistics';
import type { StatisticsFigureView, StatisticsView } from '../views';

type Counts = Omit<StatisticsFigureView, 'figure'>;
const cell = (count: number, copies: number | null = count) => ({ count, copies });
const empty: Counts = { count: 0, copies: 0, byLevel: {}, byGroup: {}, byMonth: {} };

/** The figures as statistics.figures gives them (every figure empty unless given). */
function view(over: Partial<Record<StatisticFigure, Counts | null>>, from = '2026-01-01', to = '2026-12-31'): StatisticsView {
  const figureOf = (f: StatisticFigure) => {
    const given = f in over ? over[f]! : empty;
    return given && { ...given, figure: f };
  };
  const figures = Object.fromEntries(STATISTIC_FIGURES.map((f) => [f, figureOf(f)])) as StatisticsView['figures'];
  return { from, to, department: null, cabinetId: null, figures, auditChain: { headSeq: 0, lastCheck: null, checksInDates: 0 } };
}

describe('statisticsCharts', () => {
  it('draws the monthly flows in copies, every month of the dates, in each language', () => {
    const v = view({
      received: { ...empty, byMonth: { '2026-02': cell(1, 3), '2026-11': cell(2, 5) } },
      copied: { ...empty, byMonth: { '2026-11': cell(1, 2) } },
    });
    const [monthly] = statisticsCharts(v, [], 'zh-CN');
    expect(monthly).toMatchObject({ id: 'monthly-flows', type: 'bars', title: '各月流转（份数）', unit: '份' });
    expect(monthly!.categories).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    expect(monthly!.series.map((s) => s.name)).toEqual(['收到密件', '制作', '复制', '借阅', '清退', '销毁']);
    expect(monthly!.series[0]!.values).toEqual([0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0]);
    expect(monthly!.series[2]!.values[10]).toBe(2);
    const [en] = statisticsCharts(v, [], 'en');
    expect(en!.categories[0]).toBe('Jan');
    expect(en!.series[4]!.name).toBe('Returned to the issuer');
    expect(statisticsCharts(v, [], 'zh-TW')[0]!.series[2]!.name).toBe('複製');
  });

  it('names the year of each month when the dates span years', () => {
    const [monthly] = statisticsCharts(view({}, '2025-11-15', '2026-02-01'), [], 'zh-CN');
    expect(monthly!.categories).toEqual(['2025年11月', '2025年12月', '2026年1月', '2026年2月']);
  });

  it('stacks the copies held by level: in the cabinet and on loan add up to those held', () => {
    const v = view({
      heldNow: { ...empty, byLevel: { secret: cell(2, 6), internal: cell(1, 1) } },
      onLoanNow: { ...empty, byLevel: { secret: cell(2) } },
    });
    const held = statisticsCharts(v, [], 'zh-CN').find((c) => c.id === 'holdings-by-level')!;
    expect(held).toMatchObject({ type: 'stacked', unit: '份', categories: ['绝密', '机密', '秘密', '内部'] });
    expect(held.series).toEqual([
      { name: '在柜', values: [0, 4, 0, 1] },
      { name: '借出', values: [0, 2, 0, 0] },
    ]);
  });

  it('draws one bar per copy returned late, the latest first, and only the 20 latest of more', () => {
    const items = [
      { label: '2026-0001', copyNo: 2, daysLate: 3 },
      { label: '2026-0007', copyNo: 1, daysLate: 12 },
    ];
    const late = statisticsCharts(view({}), items, 'zh-CN').find((c) => c.id === 'late-returns')!;
    expect(late).toMatchObject({ type: 'hbars', title: '逾期归还（逾期天数）', unit: '天' });
    expect(late.categories).toEqual(['2026-0007 份号0001', '2026-0001 份号0002']);
    expect(late.series).toEqual([{ name: '逾期归还', values: [12, 3] }]);
    expect(statisticsCharts(view({}), items, 'en').find((c) => c.id === 'late-returns')!.categories[0]).toBe('2026-0007 copy 0001');

    const many = Array.from({ length: 25 }, (_, i) => ({ label: `2026-${String(i + 1).padStart(4, '0')}`, copyNo: 1, daysLate: i + 1 }));
    const longest = statisticsCharts(view({}), many, 'zh-CN').find((c) => c.id === 'late-returns')!;
    expect(longest.title).toBe('逾期归还（逾期最久的 20 份，逾期天数）');
    expect(longest.series[0]!.values).toHaveLength(20);
    expect(longest.series[0]!.values[0]).toBe(25);
  });

  it('leaves out a chart its figures cannot give under the filter, or that has nothing to show', () => {
    // A department chosen: only 借阅 of the flows narrows to it; holdings do not.
    const v = view(Object.fromEntries(STATISTIC_FIGURES.filter((f) => f !== 'lent').map((f) => [f, null])));
    const charts = statisticsCharts(v, [], 'zh-CN');
    expect(charts.map((c) => c.id)).toEqual(['monthly-flows']);
    expect(charts[0]!.series.map((s) => s.name)).toEqual(['借阅']);
    expect(statisticsCharts(view(Object.fromEntries(STATISTIC_FIGURES.map((f) => [f, null]))), [], 'zh-CN')).toEqual([]);
  });
});
