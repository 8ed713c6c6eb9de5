// 统计明细: the items behind one figure of the statistics (or one cell of it: a level, a carrier, a month) as a
// register sheet, so the list prints and exports like every register. The rows are statistics.items' rows, all of
// them, in its order: a figure and its printed list cannot disagree.
import { z } from 'zod';
import { auditActionText } from '../../domain/audit';
import { formatCopyNo } from '../../domain/copies';
import { errorMessage } from '../../domain/errors';
import type { Level } from '../../domain/levels';
import { sayMonth, statisticGroupText, STATISTIC_FIGURE_DEFS, STATISTIC_FIGURE_TERMS, type StatisticFigure } from '../../domain/statistics';
import { DESTROY_METHOD_TERMS, LEVEL_TERMS, say, type Language, type Term } from '../../domain/terms';
import { LedgerError } from '../../errors';
import { all, sql, type Db } from '../../store/sql';
import type { StatisticsItemView } from '../../views';
import { cell, checked, range } from '../statistics/fields';
import { statisticsItems } from '../statistics/queries';
import type { LabelKey } from './labels';
import type { Draft } from './sheets';

/** statistics.items' filters without paging: the figure, the dates, the department or cabinet, and the cell. */
export const statisticsSheetFilters = z
  .object({ ...range, ...cell })
  .strict()
  .transform(checked);
type StatisticsSheetFilters = z.output<typeof statisticsSheetFilters>;

/** The columns a list can have: what statistics.items gives of each item. */
type Column = 'day' | 'label' | 'title' | 'level' | 'group' | 'copies' | 'copyNo' | 'daysLate' | 'detail';
type Layout = [Column, LabelKey, number][];

const item = (copies: boolean, detail?: LabelKey): Layout => [
  ['day', 'date', 5],
  ['label', 'receiptNo', 5],
  ['title', 'title', 15],
  ['level', 'level', 3],
  ['group', 'carrier', 3],
  ...(copies ? ([['copies', 'copies', 3]] as Layout) : []),
  ...(detail ? ([['detail', detail, 6]] as Layout) : []),
];
const copy = (extra: Layout = []): Layout => [
  ['day', 'date', 5],
  ['label', 'receiptNo', 5],
  ['title', 'title', 15],
  ['level', 'level', 3],
  ['group', 'carrier', 3],
  ['copyNo', 'copyNos', 3],
  ...extra,
];
const device: Layout = [
  ['day', 'date', 5],
  ['label', 'code', 5],
  ['title', 'name', 10],
  ['level', 'level', 3],
  ['group', 'deviceKind', 5],
];
/** A holding is now: it has no date. */
const undated = (layout: Layout): Layout => layout.filter(([c]) => c !== 'day');

/** Each figure's columns, in its list's words. */
const LAYOUTS: Record<StatisticFigure, Layout> = {
  received: item(true),
  produced: item(true),
  copied: item(true),
  lent: item(true, 'department'),
  returnedToIssuer: item(true, 'receivingUnit'),
  destroyed: item(true, 'method'),
  declassified: item(false),
  lateReturns: copy([
    ['daysLate', 'daysLate', 3],
    ['detail', 'department', 5],
  ]),
  missing: copy(),
  found: copy(),
  mediaUsage: [
    ['day', 'date', 5],
    ['label', 'medium', 5],
    ['title', 'model', 8],
    ['level', 'dataLevel', 4],
    ['group', 'mediumLevel', 4],
  ],
  devicesEnabled: device,
  devicesRepaired: device,
  devicesStopped: device,
  devicesScrapped: device,
  devicesDestroyed: device,
  backups: [
    ['day', 'date', 5],
    ['label', 'backupName', 10],
    ['title', 'medium', 5],
    ['level', 'mediumLevel', 4],
  ],
  refusals: [
    ['day', 'date', 5],
    ['label', 'event', 6],
    ['title', 'target', 6],
    ['group', 'details', 20],
  ],
  heldNow: undated(item(true)),
  onLoanNow: undated(copy([['detail', 'borrower', 5]])),
  awaitingReturnNow: undated(item(true)),
};

const termOf = (terms: Readonly<Record<string, Term>>, value: string | null, language: Language): string =>
  value !== null && Object.hasOwn(terms, value) ? say(terms[value]!, language) : (value ?? '');

/** The sentence each refusal was refused with, from its audit entry's details, by the entry's number. */
function refusalSentences(db: Db, seqs: number[], language: Language): Map<number, string> {
  const rows = all<{ seq: number; error_code: string; details: string | null }>(
    db,
    sql`SELECT seq, error_code, json_extract(summary, '$.details') AS details FROM audit_log WHERE seq IN (SELECT value FROM json_each(${JSON.stringify(seqs)}))`,
  );
  return new Map(
    rows.map((r) => [r.seq, errorMessage({ code: r.error_code, details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : {} }, language)]),
  );
}

function cellOf(column: Column, figure: StatisticFigure, it: StatisticsItemView, language: Language, refusals: Map<number, string>): string | number | null {
  switch (column) {
    case 'day':
      return it.day;
    case 'label':
      return figure === 'refusals' ? auditActionText(it.label, language) : it.label;
    case 'title':
      return it.title;
    case 'level':
      return termOf(LEVEL_TERMS, it.level, language);
    case 'group':
      if (it.group === null) return null;
      return (figure === 'refusals' ? refusals.get(it.subject.id) : undefined) ?? statisticGroupText(figure, it.group, language);
    case 'copies':
      return it.copies;
    case 'copyNo':
      return it.copyNo === null ? null : formatCopyNo(it.copyNo);
    case 'daysLate':
      return it.daysLate;
    case 'detail':
      return figure === 'destroyed' ? termOf(DESTROY_METHOD_TERMS, it.detail, language) : it.detail;
  }
}

const LIST_TITLE: Term = ['明细', '明細', 'the items'];

/** The list's title: the figure's items, and the year when the dates are one whole year (a holding is now: none). */
function titleOf(f: StatisticsSheetFilters): Term {
  const year = f.from.slice(0, 4);
  const wholeYear = STATISTIC_FIGURE_DEFS[f.figure].dated && f.from === `${year}-01-01` && f.to === `${year}-12-31`;
  const [cn, tw, en] = STATISTIC_FIGURE_TERMS[f.figure];
  return [
    `${cn}${LIST_TITLE[0]}${wholeYear ? ` ${year}年度` : ''}`,
    `${tw}${LIST_TITLE[1]}${wholeYear ? ` ${year}年度` : ''}`,
    `${en}: ${LIST_TITLE[2]}${wholeYear ? ` ${year}` : ''}`,
  ];
}

const periodOf = (f: StatisticsSheetFilters, language: Language) => `${f.from}${language === 'en' ? ' to ' : '至'}${f.to}`;

export function statisticsDraft(db: Db, f: StatisticsSheetFilters, language: Language): Draft {
  const { figure, level, group, month, ...range } = f;
  const listed = statisticsItems(db, figure, range, { level, group, month }, { offset: 0, limit: -1 });
  // As statistics.items refuses it: the chosen department or cabinet cannot narrow this figure.
  if (!listed) throw new LedgerError('E_VALIDATION', { field: f.department === undefined ? 'cabinetId' : 'department' });
  const layout = LAYOUTS[figure];
  const refusals =
    figure === 'refusals'
      ? refusalSentences(
          db,
          listed.items.map((i) => i.subject.id),
          language,
        )
      : new Map<number, string>();
  const def = STATISTIC_FIGURE_DEFS[figure];
  const filters: [LabelKey, string][] = [['figure', say(STATISTIC_FIGURE_TERMS[figure], language)]];
  if (def.dated) filters.push(['period', periodOf(f, language)]);
  if (f.department !== undefined) filters.push(['department', f.department]);
  if (f.cabinetId !== undefined)
    filters.push(['storage', all<{ code: string }>(db, sql`SELECT code FROM locations WHERE id = ${f.cabinetId}`)[0]?.code ?? `#${f.cabinetId}`]);
  if (level !== undefined) filters.push([figure === 'mediaUsage' ? 'dataLevel' : 'level', termOf(LEVEL_TERMS, level, language)]);
  if (group !== undefined) filters.push([layout.find(([c]) => c === 'group')?.[1] ?? 'details', statisticGroupText(figure, group, language)]);
  if (month !== undefined) filters.push(['month', sayMonth(month, language, true)]);
  return {
    title: titleOf(f),
    columns: layout.map(([, key, width]) => [key, width]),
    rows: listed.items.map((it) => layout.map(([column]) => cellOf(column, figure, it, language, refusals))),
    levels: listed.items.flatMap((it) => (it.level !== null && Object.hasOwn(LEVEL_TERMS, it.level) ? [it.level as Level] : [])),
    filters,
  };
}
