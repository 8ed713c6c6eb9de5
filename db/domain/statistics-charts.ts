// 统计's charts as data (ChartSpec): the same figures the tables give, drawn where people would rather look than read.
// One builder for the screen, the printout and the annual pack, so a chart says the same numbers wherever it is.
import { formatCopyNo } from './copies';
import { DOCUMENT_LEVELS } from './levels';
import type { ChartSpec } from './report';
import { COPY_NO_TERM, monthsOf, sayMonth, STATISTIC_CHART_TERMS, STATISTIC_FIGURE_TERMS, STATISTIC_UNIT_TERMS, type StatisticFigure } from './statistics';
import { COPY_STATUS_TERMS, LEVEL_TERMS, say, type Language } from './terms';

// What the charts read of the figures (db/views StatisticsView, StatisticsItemView): domain cannot import views.
interface Cell {
  count: number;
  copies: number | null;
}
interface FigureCounts {
  byLevel: Record<string, Cell>;
  byMonth: Record<string, Cell>;
}
interface Figures {
  from: string;
  to: string;
  figures: Partial<Record<StatisticFigure, FigureCounts | null>>;
}
interface LateReturn {
  label: string;
  copyNo: number | null;
  daysLate: number | null;
}

/** The flows the monthly chart shows, in the order of a document's life. */
const MONTHLY_FLOWS = ['received', 'produced', 'copied', 'lent', 'returnedToIssuer', 'destroyed'] as const satisfies readonly StatisticFigure[];

/** More bars than this and the chart no longer reads; the table beside it lists them all. */
const LATE_BARS = 20;

const copiesOf = (cell: Cell | undefined): number => cell?.copies ?? 0;

/** Each flow in 份 by month (份 is the one unit every flow has: a receipt's originals, a copy's copies, a loan's copies). */
function monthlyFlows(view: Figures, language: Language): ChartSpec | null {
  const flows = MONTHLY_FLOWS.flatMap((figure) => {
    const counts = view.figures[figure];
    return counts ? [{ figure, counts }] : [];
  });
  if (flows.length === 0) return null;
  const months = monthsOf(view.from, view.to);
  const withYear = months[0]!.slice(0, 4) !== months.at(-1)!.slice(0, 4);
  return {
    id: 'monthly-flows',
    type: 'bars',
    title: say(STATISTIC_CHART_TERMS.monthlyFlows, language),
    unit: say(STATISTIC_UNIT_TERMS.copy, language),
    categories: months.map((m) => sayMonth(m, language, withYear)),
    series: flows.map(({ figure, counts }) => ({
      name: say(STATISTIC_FIGURE_TERMS[figure], language),
      values: months.map((m) => copiesOf(counts.byMonth[m])),
    })),
  };
}

/** The copies held now by level, stacked: in the cabinet and out on loan (held = both). */
function holdingsByLevel(view: Figures, language: Language): ChartSpec | null {
  const held = view.figures.heldNow;
  const onLoan = view.figures.onLoanNow;
  if (!held || !onLoan) return null;
  return {
    id: 'holdings-by-level',
    type: 'stacked',
    title: say(STATISTIC_CHART_TERMS.holdingsByLevel, language),
    unit: say(STATISTIC_UNIT_TERMS.copy, language),
    categories: DOCUMENT_LEVELS.map((level) => say(LEVEL_TERMS[level], language)),
    series: [
      {
        name: say(COPY_STATUS_TERMS.in_custody, language),
        values: DOCUMENT_LEVELS.map((level) => copiesOf(held.byLevel[level]) - copiesOf(onLoan.byLevel[level])),
      },
      { name: say(COPY_STATUS_TERMS.on_loan, language), values: DOCUMENT_LEVELS.map((level) => copiesOf(onLoan.byLevel[level])) },
    ],
  };
}

/** One bar per copy returned late (收文编号 份号), the latest first; the longest {LATE_BARS} when there are more. */
function lateReturns(items: readonly LateReturn[], language: Language): ChartSpec | null {
  const all = items.filter((i): i is LateReturn & { daysLate: number } => i.daysLate !== null).toSorted((a, b) => b.daysLate - a.daysLate);
  if (all.length === 0) return null;
  const late = all.slice(0, LATE_BARS);
  const title =
    all.length > LATE_BARS
      ? say(STATISTIC_CHART_TERMS.longestLate, language).replace('{n}', String(LATE_BARS))
      : say(STATISTIC_CHART_TERMS.lateReturns, language);
  const copyWord = say(COPY_NO_TERM, language);
  return {
    id: 'late-returns',
    type: 'hbars',
    title,
    unit: say(STATISTIC_UNIT_TERMS.day, language),
    categories: late.map((i) => (i.copyNo === null ? i.label : `${i.label} ${copyWord}${language === 'en' ? ' ' : ''}${formatCopyNo(i.copyNo)}`)),
    series: [{ name: say(STATISTIC_FIGURE_TERMS.lateReturns, language), values: late.map((i) => i.daysLate) }],
  };
}

/**
 * The statistics' charts: monthly flows (bars), holdings by level (stacked), late returns (hbars of days late, from
 * the lateReturns figure's items). A chart whose figures the chosen filter cannot narrow, or that has nothing to
 * show (no late return), is left out.
 */
export function statisticsCharts(view: Figures, lateItems: readonly LateReturn[], language: Language): ChartSpec[] {
  return [monthlyFlows(view, language), holdingsByLevel(view, language), lateReturns(lateItems, language)].filter((c) => c !== null);
}
