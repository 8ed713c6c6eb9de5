// The 统计 printout (print kind 'statistics'): the figures of statistics.figures as a ReportDocument, a summary of
// every figure, then for each figure with something to count its tables by level, by its group (carrier, device,
// medium level, grounds) and by month, and the charts (db/domain/statistics-charts.ts) where they read best.
import { CARRIER_TERMS, colonOf, LEVEL_TERMS, listOf, say, type Language, type Term } from '../../domain/terms';
import { highest, LEVELS, type DocumentLevel, type Level } from '../../domain/levels';
import type { ChartSpec, ReportBlock, ReportColumn, ReportDocument } from '../../domain/report';
import {
  AUDIT_CHAIN_TERMS,
  auditChainText,
  monthsOf,
  sayMonth,
  STATISTIC_DEVICE_TERMS,
  statisticGroupText,
  STATISTIC_FIGURE_DEFS,
  STATISTIC_FIGURE_TERMS,
  STATISTIC_FIGURES,
  STATISTIC_GROUP_TERMS,
  STATISTIC_UNIT_TERMS,
  type StatisticFigure,
  type StatisticFigureDef,
} from '../../domain/statistics';
import { statisticsCharts } from '../../domain/statistics-charts';
import { sayDates, STATISTICS_REPORT_TERMS as W } from '../../domain/statistics-report';
import { get, sql, type Db } from '../../store/sql';
import type { StatisticsCell, StatisticsFigureView, StatisticsView } from '../../views';
import { readSettings } from '../settings';
import { statisticsFigures, statisticsItems, type StatisticsFilters } from './queries';

/** The report's sections: each figure under the part of the annual material it belongs to, in the registers' order. */
const SECTIONS: { title: keyof typeof W; figures: StatisticFigure[]; charts: Record<string, StatisticFigure> }[] = [
  {
    title: 'carriers',
    figures: [
      'received',
      'produced',
      'copied',
      'lent',
      'lateReturns',
      'returnedToIssuer',
      'destroyed',
      'declassified',
      'missing',
      'found',
      'heldNow',
      'onLoanNow',
      'awaitingReturnNow',
    ],
    // A chart follows the figure whose numbers it draws.
    charts: { 'late-returns': 'lateReturns', 'holdings-by-level': 'onLoanNow' },
  },
  {
    title: 'devices',
    figures: ['devicesEnabled', 'devicesRepaired', 'devicesStopped', 'devicesScrapped', 'devicesDestroyed', 'mediaUsage'],
    charts: {},
  },
  { title: 'records', figures: ['backups', 'refusals'], charts: {} },
];

const column = (key: string, label: string, width: number): ReportColumn => ({ key, label, width });

/** The order a breakdown's keys print in: the domain's lists first, the rest as they sort. */
function ordered(keys: string[], order: readonly string[]): string[] {
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return keys.toSorted((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

const GROUP_ORDER: Record<NonNullable<StatisticFigureDef['group']>, readonly string[]> = {
  carrier: Object.keys(CARRIER_TERMS),
  device: Object.keys(STATISTIC_DEVICE_TERMS),
  mediumLevel: LEVELS,
  rule: [],
};

interface Say {
  (term: Term): string;
  language: Language;
}

/** 6 件, 2 次 ...; English names the unit first (items 6, copies 1), as the overview does: no 1 copies. */
const amount = (n: number, unit: Term, s: Say) => (s.language === 'en' ? `${s(unit)} ${n}` : `${n} ${s(unit)}`);

function caption(figure: StatisticFigure, by: string, s: Say): string {
  return s.language === 'en' ? `${s(STATISTIC_FIGURE_TERMS[figure])} by ${by.toLowerCase()}` : `${s(STATISTIC_FIGURE_TERMS[figure])}（按${by}）`;
}

/** Whether a figure says its 份 beside its count: not when it counts copies already (a late return is one 份). */
const saysCopies = (figure: StatisticsFigureView) => figure.copies !== null && STATISTIC_FIGURE_DEFS[figure.figure].unit !== 'copy';

/** One breakdown as a table: a row per key that counted something, and the total. */
function breakdown(figure: StatisticsFigureView, by: string, keys: [string, string][], cells: Record<string, StatisticsCell>, s: Say): ReportBlock {
  const withCopies = saysCopies(figure);
  const row = (name: string, cell: StatisticsCell) => [name, String(cell.count), ...(withCopies ? [String(cell.copies ?? 0)] : [])];
  return {
    kind: 'table',
    caption: caption(figure.figure, by, s),
    columns: [
      column('key', by, 3),
      column('count', `${s(W.count)}（${s(STATISTIC_UNIT_TERMS[STATISTIC_FIGURE_DEFS[figure.figure].unit])}）`, 2),
      ...(withCopies ? [column('copies', s(W.copies), 2)] : []),
    ],
    rows: [...keys.map(([key, name]) => row(name, cells[key]!)), row(s(W.total), { count: figure.count, copies: figure.copies })],
  };
}

function figureBlocks(view: StatisticsView, figure: StatisticsFigureView, s: Say): ReportBlock[] {
  const def = STATISTIC_FIGURE_DEFS[figure.figure];
  const unit = STATISTIC_UNIT_TERMS[def.unit];
  const heading = [amount(figure.count, unit, s), ...(saysCopies(figure) ? [amount(figure.copies!, STATISTIC_UNIT_TERMS.copy, s)] : [])];
  const blocks: ReportBlock[] = [
    {
      kind: 'heading',
      level: 2,
      text: `${s(STATISTIC_FIGURE_TERMS[figure.figure])}${colonOf(s.language)}${heading.join(s.language === 'en' ? ', ' : '，')}`,
    },
  ];
  const levels = ordered(Object.keys(figure.byLevel), LEVELS).map((l): [string, string] => [l, say(LEVEL_TERMS[l as Level], s.language)]);
  if (levels.length > 0) blocks.push(breakdown(figure, s(W.level), levels, figure.byLevel, s));
  if (def.group !== null && Object.keys(figure.byGroup).length > 0) {
    const group = def.group;
    const keys = ordered(Object.keys(figure.byGroup), GROUP_ORDER[group]).map((k): [string, string] => [k, statisticGroupText(figure.figure, k, s.language)]);
    blocks.push(breakdown(figure, s(STATISTIC_GROUP_TERMS[group]), keys, figure.byGroup, s));
  }
  if (def.dated) {
    const months = monthsOf(view.from, view.to);
    const withYear = months[0]!.slice(0, 4) !== months.at(-1)!.slice(0, 4);
    const counted = months.filter((m) => figure.byMonth[m]).map((m): [string, string] => [m, sayMonth(m, s.language, withYear)]);
    blocks.push(breakdown(figure, s(W.month), counted, figure.byMonth, s));
  }
  return blocks;
}

/** The summary: every figure given, its count and its copies. */
function summary(figures: StatisticsFigureView[], s: Say): ReportBlock {
  return {
    kind: 'table',
    caption: s(W.figures),
    columns: [column('figure', s(W.figure), 4), column('count', s(W.count), 2), column('copies', s(W.copies), 2)],
    rows: figures.map((f) => [
      s(STATISTIC_FIGURE_TERMS[f.figure]),
      amount(f.count, STATISTIC_UNIT_TERMS[STATISTIC_FIGURE_DEFS[f.figure].unit], s),
      saysCopies(f) ? amount(f.copies!, STATISTIC_UNIT_TERMS.copy, s) : '',
    ]),
  };
}

/** The most sensitive level any counted item has: the printout's marking. */
function topLevel(figures: StatisticsFigureView[]): DocumentLevel | null {
  const levels = figures.flatMap((f) => Object.keys(f.byLevel)).filter((l): l is Level => (LEVELS as readonly string[]).includes(l));
  const top = highest(levels.filter((l) => l !== 'non_secret'));
  return top === undefined ? null : (top as DocumentLevel);
}

function filterText(db: Db, f: StatisticsFilters, s: Say): string {
  const colon = colonOf(s.language);
  const parts = [`${s(W.dates)}${colon}${s.language === 'en' ? `${f.from} to ${f.to}` : `${f.from} 至 ${f.to}`}`];
  if (f.department !== undefined) parts.push(`${s(W.department)}${colon}${f.department}`);
  if (f.cabinetId !== undefined) {
    const cabinet = get<{ code: string; name: string }>(db, sql`SELECT code, name FROM locations WHERE id = ${f.cabinetId}`);
    parts.push(`${s(W.cabinet)}${colon}${cabinet ? `${cabinet.code} ${cabinet.name}` : String(f.cabinetId)}`);
  }
  return parts.join(s.language === 'en' ? '; ' : '；');
}

/** The statistics of the dates and filters as a report: the same numbers as statistics.figures gives. */
export function statisticsReport(db: Db, f: StatisticsFilters, language: Language): ReportDocument {
  const s: Say = Object.assign((term: Term) => say(term, language), { language });
  const view = statisticsFigures(db, f);
  const given = STATISTIC_FIGURES.flatMap((figure) => (view.figures[figure] ? [view.figures[figure]] : []));
  const late = view.figures.lateReturns;
  const lateItems = late && late.count > 0 ? statisticsItems(db, 'lateReturns', f, {}, { offset: 0, limit: late.count })!.items : [];
  const charts = new Map(statisticsCharts(view, lateItems, language).map((c): [string, ChartSpec] => [c.id, c]));
  const chart = (id: string): ReportBlock[] => (charts.has(id) ? [{ kind: 'chart', chart: charts.get(id)! }] : []);
  const leftOut = STATISTIC_FIGURES.filter((figure) => view.figures[figure] === null);

  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: filterText(db, f, s) },
    { kind: 'paragraph', text: s(W.holdingsNow) },
    ...(leftOut.length > 0
      ? [
          {
            kind: 'paragraph' as const,
            text: `${s(W.leftOut)}${listOf(
              leftOut.map((x) => s(STATISTIC_FIGURE_TERMS[x])),
              language,
            )}`,
          },
        ]
      : []),
    { kind: 'heading', level: 1, text: s(W.summary) },
    summary(given, s),
    ...chart('monthly-flows'),
  ];
  for (const section of SECTIONS) {
    const figures = section.figures.flatMap((figure) => (view.figures[figure] ? [view.figures[figure]] : []));
    if (figures.length === 0) continue;
    blocks.push({ kind: 'heading', level: 1, text: s(W[section.title]) });
    for (const figure of figures) {
      if (figure.count > 0) blocks.push(...figureBlocks(view, figure, s));
      for (const [id, after] of Object.entries(section.charts)) if (after === figure.figure) blocks.push(...chart(id));
    }
    // What counted nothing is said once, by name, rather than as a heading and an empty table each.
    const none = figures.filter((f) => f.count === 0).map((f) => s(STATISTIC_FIGURE_TERMS[f.figure]));
    if (none.length > 0) blocks.push({ kind: 'paragraph', text: `${s(W.none)}${colonOf(s.language)}${listOf(none, language)}` });
  }
  blocks.push({ kind: 'heading', level: 1, text: s(AUDIT_CHAIN_TERMS.title) }, { kind: 'paragraph', text: auditChainText(view.auditChain, language) });
  const highestLevel = topLevel(given);
  return {
    kind: 'report',
    sheet: null,
    orientation: 'portrait',
    title: s(W.title),
    number: sayDates(f.from, f.to, language),
    unitName: readSettings(db).unitName,
    markingText: highestLevel === null ? '' : say(LEVEL_TERMS[highestLevel], language),
    highestLevel,
    blocks,
  };
}
