// The items behind one figure of 统计 (or one cell of it: a level, a group, a month), a page at a time from
// statistics.items: the same query the figure counted, so the list is as long as the number clicked. Each item opens.
import { useCallback, useEffect, useState } from 'react';
import { Button, Drawer, Space, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { send } from '../../api';
import type { CommandOutput } from '../../../../preload/contract';
import { auditActionText } from '../../../../db/domain/audit';
import { formatCopyNo } from '../../../../db/domain/copies';
import {
  monthsOf,
  sayMonth,
  STATISTIC_FIGURE_DEFS,
  STATISTIC_FIGURE_TERMS,
  STATISTIC_GROUP_TERMS,
  statisticGroupText,
  type StatisticFigure,
} from '../../../../db/domain/statistics';
import { DESTROY_METHOD_TERMS, LEVEL_TERMS, say, type Language, type Term } from '../../../../db/domain/terms';
import { useLedger } from '../../store';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ExportButtons } from '../../ui/ExportButtons';
import { PrintButton } from '../printing/PrintButton';
import type { ItemsCell, StatisticsView } from './FigureTables';

type Item = CommandOutput<'statistics.items'>['items'][number];
type Range = Pick<StatisticsView, 'from' | 'to' | 'department' | 'cabinetId'>;

const PAGE_SIZE = 50;

/** What a figure's items are: documents, devices, backups or refused actions (their columns are named after it). */
function subjectOf(figure: StatisticFigure): 'document' | 'device' | 'backup' | 'audit' {
  if (figure === 'backups') return 'backup';
  if (figure === 'refusals') return 'audit';
  return STATISTIC_FIGURE_DEFS[figure].group === 'device' || figure === 'mediaUsage' ? 'device' : 'document';
}

/** The figures whose items say one more thing (who borrowed, where it went, how it was destroyed). */
const DETAIL_OF: Partial<Record<StatisticFigure, 'department' | 'receivingUnit' | 'method' | 'borrower'>> = {
  lent: 'department',
  lateReturns: 'department',
  returnedToIssuer: 'receivingUnit',
  destroyed: 'method',
  onLoanNow: 'borrower',
};

const termOf = (terms: Readonly<Record<string, Term>>, value: string | null, language: Language) =>
  value !== null && Object.hasOwn(terms, value) ? say(terms[value]!, language) : (value ?? '');

/** The statistics.items input for a cell of the figures, with the dates and filters they were counted under. */
export const itemsInput = (range: Range, cell: ItemsCell) => ({
  from: range.from,
  to: range.to,
  ...(range.department === null ? {} : { department: range.department }),
  ...(range.cabinetId === null ? {} : { cabinetId: range.cabinetId }),
  ...cell,
});

/** The list's title: the figure, and the cell it was narrowed to (机密, 光盘, 3月). */
function useCellTitle() {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  return (range: Range, cell: ItemsCell) => {
    const months = monthsOf(range.from, range.to);
    const parts = [
      say(STATISTIC_FIGURE_TERMS[cell.figure], language),
      ...(cell.level ? [termOf(LEVEL_TERMS, cell.level, language)] : []),
      ...(cell.group ? [statisticGroupText(cell.figure, cell.group, language)] : []),
      ...(cell.month ? [sayMonth(cell.month, language, months[0]!.slice(0, 4) !== months.at(-1)!.slice(0, 4))] : []),
    ];
    return parts.join(t('statistics.titleSeparator'));
  };
}

export function StatisticsItems({ range, cell, onClose }: { range: Range; cell: ItemsCell | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const openDocument = useLedger((s) => s.openDocument);
  const openDevice = useLedger((s) => s.openDevice);
  const cellTitle = useCellTitle();
  const [page, setPage] = useState(1);
  const [listed, setListed] = useState<{ total: number; items: Item[] } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    (at: number) => {
      if (!cell) return;
      setError(null);
      send('statistics.items', { ...itemsInput(range, cell), offset: (at - 1) * PAGE_SIZE, limit: PAGE_SIZE }).then((out) => {
        setListed(out);
        setPage(at);
      }, setError);
    },
    [range, cell],
  );
  useEffect(() => {
    setListed(null);
    load(1);
  }, [load]);

  if (!cell) return null;
  const { figure } = cell;
  const def = STATISTIC_FIGURE_DEFS[figure];
  const subject = subjectOf(figure);
  const detail = DETAIL_OF[figure];
  const open = (item: Item) => {
    if (item.subject.type === 'document') openDocument(item.subject.id);
    else if (item.subject.type === 'computer' || item.subject.type === 'medium') openDevice(item.subject.type, item.subject.id);
  };
  const opens = subject === 'document' || subject === 'device';
  const columns: TableColumnsType<Item> = [];
  if (def.dated) columns.push({ key: 'day', title: t('statistics.items.day'), width: 110, render: (_, i) => i.day });
  columns.push(
    {
      key: 'label',
      title: t(`statistics.items.label.${subject}`),
      render: (_, i) => {
        const label = subject === 'audit' ? auditActionText(i.label, language) : i.label;
        if (!opens) return label;
        return (
          <Button type="link" size="small" onClick={() => open(i)} style={{ padding: 0, height: 'auto' }} data-testid={`statistics-item-${i.key}`}>
            {label}
          </Button>
        );
      },
    },
    { key: 'title', title: t(`statistics.items.title.${subject}`), render: (_, i) => i.title },
  );
  if (subject !== 'audit')
    columns.push({
      key: 'level',
      // Media use counts by the data's level, a backup by its medium's.
      title: t(`statistics.levelOf.${figure === 'mediaUsage' ? 'dataLevel' : figure === 'backups' ? 'mediumLevel' : 'level'}`),
      render: (_, i) => termOf(LEVEL_TERMS, i.level, language),
    });
  const group = def.group;
  if (group)
    columns.push({
      key: 'group',
      title: say(STATISTIC_GROUP_TERMS[group], language),
      render: (_, i) => (i.group === null ? '' : statisticGroupText(figure, i.group, language)),
    });
  if (def.unit === 'copy')
    columns.push({ key: 'copyNo', title: t('statistics.items.copyNo'), render: (_, i) => (i.copyNo === null ? '' : formatCopyNo(i.copyNo)) });
  else if (subject === 'document' && figure !== 'declassified')
    columns.push({ key: 'copies', title: t('statistics.items.copies'), align: 'right', render: (_, i) => i.copies });
  if (figure === 'lateReturns') columns.push({ key: 'daysLate', title: t('statistics.items.daysLate'), align: 'right', render: (_, i) => i.daysLate });
  if (detail)
    columns.push({
      key: 'detail',
      title: t(`statistics.items.detail.${detail}`),
      render: (_, i) => (figure === 'destroyed' ? termOf(DESTROY_METHOD_TERMS, i.detail, language) : i.detail),
    });

  return (
    <Drawer
      open
      title={cellTitle(range, cell)}
      size={960}
      onClose={onClose}
      // The list prints and exports as the register sheet 统计明细, with the same filters.
      extra={
        <Space size={8} wrap>
          <PrintButton
            request={{ kind: 'sheet', name: 'statistics', filters: itemsInput(range, cell) }}
            label={t('statistics.items.print')}
            testId="statistics-items-print"
          />
          <ExportButtons register="statistics" filters={itemsInput(range, cell)} />
        </Space>
      }
      data-testid="statistics-items"
    >
      <ErrorAlert error={error} testId="statistics-items-error" />
      <Table<Item>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={listed?.items ?? []}
        loading={!listed && !error}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: listed?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('statistics.items.total', { total }),
          onChange: load,
        }}
        data-testid="statistics-items-table"
      />
    </Drawer>
  );
}
