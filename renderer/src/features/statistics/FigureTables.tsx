// 统计's tables: each section's figures by level and by group, every dated figure by month, the refusals by their
// grounds. Each number opens the items behind it; a figure the chosen filter cannot narrow says so in words.
import type { ReactNode } from 'react';
import { Button, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommandOutput } from '../../../../preload/contract';
import {
  monthsOf,
  sayMonth,
  STATISTIC_FIGURE_DEFS,
  STATISTIC_FIGURE_TERMS,
  STATISTIC_GROUP_TERMS,
  STATISTIC_UNIT_TERMS,
  statisticGroupText,
  type StatisticFigure,
} from '../../../../db/domain/statistics';
import { LEVEL_TERMS, say } from '../../../../db/domain/terms';
import { useLedger } from '../../store';
import type { StatisticsQuery } from '../../store/ui';
import { DATED_FIGURES, type Section } from './sections';

export type StatisticsView = CommandOutput<'statistics.figures'>;
type Cell = { count: number; copies: number | null } | undefined;
export type ItemsCell = NonNullable<StatisticsQuery['items']>;

interface Row {
  figure: StatisticFigure;
}

/** A count that opens its items (a zero has none to open), with its 份 where the figure counts them apart. */
function CellNumber({ figure, cell, open, testId }: { figure: StatisticFigure; cell: Cell; open: () => void; testId: string }) {
  const { t } = useTranslation();
  const count = cell?.count ?? 0;
  if (count === 0) return <Typography.Text type="secondary">0</Typography.Text>;
  const copies = STATISTIC_FIGURE_DEFS[figure].unit !== 'copy' && cell?.copies != null;
  return (
    <Button type="link" size="small" onClick={open} data-testid={testId} style={{ padding: 0, height: 'auto' }}>
      {copies ? t('statistics.withCopies', { count, copies: cell.copies }) : count}
    </Button>
  );
}

/** What a figure the filters cannot give reads instead: which filter it is not counted by. */
function useNotApplicable(view: StatisticsView) {
  const { t } = useTranslation();
  return (figure: StatisticFigure) => {
    const filters = STATISTIC_FIGURE_DEFS[figure].filters;
    const not = [
      ...(view.department !== null && !filters.includes('department') ? [t('statistics.notByDepartment')] : []),
      ...(view.cabinetId !== null && !filters.includes('cabinet') ? [t('statistics.notByCabinet')] : []),
    ];
    return not.join(t('statistics.separator'));
  };
}

/** The figure's name and unit, as a row of a table says it: 收到密件（件）. */
function useFigureName() {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  return (figure: StatisticFigure) =>
    t('statistics.figureWithUnit', {
      figure: say(STATISTIC_FIGURE_TERMS[figure], language),
      unit: say(STATISTIC_UNIT_TERMS[STATISTIC_FIGURE_DEFS[figure].unit], language),
    });
}

interface TableProps {
  view: StatisticsView;
  onOpen: (cell: ItemsCell) => void;
}

/** The columns after 项目: 合计, then the breakdown's; a figure not given spans them with why. */
function figureColumns(
  view: StatisticsView,
  notApplicable: (figure: StatisticFigure) => string,
  breakdown: {
    key: string;
    title: ReactNode;
    children: { key: string; title: string; cell: (figure: StatisticFigure) => Cell; filter: Partial<ItemsCell> }[];
  }[],
  onOpen: TableProps['onOpen'],
  totalTitle: string,
): TableColumnsType<Row> {
  const spanned = breakdown.reduce((n, g) => n + g.children.length, 1);
  const given = (figure: StatisticFigure) => view.figures[figure] !== null;
  return [
    {
      key: 'total',
      title: totalTitle,
      align: 'right',
      // Why a figure is not given reads from its start, across the row (not pushed to the right as numbers are).
      onCell: ({ figure }) => (given(figure) ? {} : { colSpan: spanned, style: { textAlign: 'left' } }),
      render: (_, { figure }) => {
        const counts = view.figures[figure];
        if (!counts) return <Typography.Text type="secondary">{notApplicable(figure)}</Typography.Text>;
        return <CellNumber figure={figure} cell={counts} open={() => onOpen({ figure })} testId={`stat-${figure}-total`} />;
      },
    },
    ...breakdown.map((group) => ({
      key: group.key,
      title: group.title,
      children: group.children.map((c) => ({
        key: `${group.key}-${c.key}`,
        title: c.title,
        align: 'right' as const,
        onCell: ({ figure }: Row) => (given(figure) ? {} : { colSpan: 0 }),
        render: (_: unknown, { figure }: Row) =>
          given(figure) && <CellNumber figure={figure} cell={c.cell(figure)} open={() => onOpen({ figure, ...c.filter })} testId={`stat-${figure}-${c.key}`} />,
      })),
    })),
  ];
}

/** One section: its figures by level and by its group. */
export function SectionTable({ section, view, onOpen }: TableProps & { section: Section }) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const notApplicable = useNotApplicable(view);
  const figureName = useFigureName();
  const group = STATISTIC_FIGURE_DEFS[section.figures[0]!].group;
  const breakdown = [
    {
      key: 'level',
      title: t(`statistics.levelOf.${section.levelOf}`),
      children: section.levels.map((level) => ({
        key: level,
        title: say(LEVEL_TERMS[level], language),
        cell: (figure: StatisticFigure) => view.figures[figure]?.byLevel[level],
        filter: { level },
      })),
    },
    ...(group && section.groups.length > 0
      ? [
          {
            key: 'group',
            title: say(STATISTIC_GROUP_TERMS[group], language),
            children: section.groups.map((value) => ({
              key: value,
              title: statisticGroupText(section.figures[0]!, value, language),
              cell: (figure: StatisticFigure) => view.figures[figure]?.byGroup[value],
              filter: { group: value },
            })),
          },
        ]
      : []),
  ];
  return (
    <Table<Row>
      size="small"
      bordered
      pagination={false}
      rowKey="figure"
      dataSource={section.figures.map((figure) => ({ figure }))}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'figure', title: t('statistics.figure'), fixed: 'left', render: (_, { figure }) => figureName(figure) },
        ...figureColumns(view, notApplicable, breakdown, onOpen, t('statistics.total')),
      ]}
      data-testid={`statistics-${section.key}`}
    />
  );
}

/** Every dated figure by month (the months the dates touch). */
export function MonthsTable({ view, onOpen }: TableProps) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const notApplicable = useNotApplicable(view);
  const figureName = useFigureName();
  const months = monthsOf(view.from, view.to);
  const withYear = months[0]!.slice(0, 4) !== months.at(-1)!.slice(0, 4);
  const breakdown = [
    {
      key: 'month',
      title: t('statistics.byMonth'),
      children: months.map((month) => ({
        key: month,
        title: sayMonth(month, language, withYear),
        cell: (figure: StatisticFigure) => view.figures[figure]?.byMonth[month],
        filter: { month },
      })),
    },
  ];
  return (
    <Table<Row>
      size="small"
      bordered
      pagination={false}
      rowKey="figure"
      dataSource={DATED_FIGURES.map((figure) => ({ figure }))}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'figure', title: t('statistics.figure'), fixed: 'left', render: (_, { figure }) => figureName(figure) },
        ...figureColumns(view, notApplicable, breakdown, onOpen, t('statistics.total')),
      ]}
      data-testid="statistics-months"
    />
  );
}

/** The refusals by their grounds (the rule that refused), most frequent first. */
export function RefusalsTable({ view, onOpen }: TableProps) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const notApplicable = useNotApplicable(view);
  const refusals = view.figures.refusals;
  if (!refusals)
    return (
      <Typography.Text type="secondary" data-testid="statistics-refusals">
        {notApplicable('refusals')}
      </Typography.Text>
    );
  const rows = Object.entries(refusals.byGroup)
    .map(([rule, cell]) => ({ rule, cell }))
    .sort((a, b) => b.cell.count - a.cell.count);
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      rowKey="rule"
      dataSource={rows}
      locale={{ emptyText: t('statistics.noRefusals') }}
      columns={[
        { key: 'rule', title: say(STATISTIC_GROUP_TERMS.rule, language), render: (_, { rule }) => statisticGroupText('refusals', rule, language) },
        {
          key: 'count',
          title: t('statistics.times'),
          align: 'right',
          width: 100,
          render: (_, { rule, cell }) => (
            <CellNumber figure="refusals" cell={cell} open={() => onOpen({ figure: 'refusals', group: rule })} testId={`stat-refusals-${rule}`} />
          ),
        },
      ]}
      data-testid="statistics-refusals"
    />
  );
}
