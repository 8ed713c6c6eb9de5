// 涉密文件台账: the register as a virtual table paged and sorted by the backend, with search (text and numbers),
// filters and the custodian's entry points (register, batch return / destruction, inventory, hand-over, review).
// It shows the columns this account chose (the ones a custodian scans by default) and the rest in an expanded row.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  Button,
  Card,
  Checkbox,
  Descriptions,
  Dropdown,
  Flex,
  Input,
  Popover,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type MenuProps,
  type TableColumnType,
} from 'antd';
import {
  AuditOutlined,
  DeleteOutlined,
  DownOutlined,
  FileAddOutlined,
  FileDoneOutlined,
  PrinterOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  SettingOutlined,
  SwapOutlined,
  TagsOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DocumentListItem } from '../../../../preload/contract';
import { batchFormOf, CARRIERS, ITEM_REMINDERS, LATE_REMINDERS, STATUS_FILTERS, type SortField } from './documents';
import { DOCUMENT_LEVELS } from '../../../../db/domain/levels';
import { DEFAULT_DOCUMENT_COLUMNS, DOCUMENT_COLUMNS, FIXED_DOCUMENT_COLUMN, type DocumentColumn } from '../../../../db/domain/register-columns';
import { DEFAULT_SORT, DOCUMENT_PAGE_SIZES, selectIsCustodian, useLedger, type DocumentFilters } from '../../store';
import { useAction } from '../../ui/hooks/useAction';
import { useWindowHeight } from '../../ui/hooks/useWindowHeight';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { MarkingTag } from './MarkingTag';
import { LocationSelect } from './LocationSelect';
import { PersonInput, UnitInput } from '../../ui/SuggestInput';
import { ExportButtons } from '../../ui/ExportButtons';
import { HandoverModal, ReviewModal } from './DocumentActions';
import { LabelDialog } from '../labels/LabelDialog';
import { useOpenCode } from '../scanner';
import { looksLikeItemCode } from '../../../../db/domain/item-codes';
import './register.css';

const SEARCH_DELAY_MS = 300;
const perform = (op: () => Promise<void>) => op();

/** Typed text reaches the backend once the typing pauses (or at once, on Enter). */
function useDebounced(apply: (text: string) => void, initial: string) {
  const [text, setText] = useState(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return {
    text,
    change(next: string) {
      setText(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => apply(next), SEARCH_DELAY_MS);
    },
    /** The typed text, now: the pending apply is dropped (the caller applies it). */
    now() {
      clearTimeout(timer.current);
      return text;
    },
    reset() {
      clearTimeout(timer.current);
      setText('');
    },
  };
}

const SELECTION_WIDTH = 32;
const EXPAND_WIDTH = 40;

/** Room under the table for its header row and its pagination, so that its last row is never below the window. */
const TABLE_CHROME_PX = 39 + 64 + 16;

/** The height left for the table's rows from where it starts down to the window's bottom. */
function useRowsHeight(windowHeight: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  // After every render: the filters above may have wrapped onto another line.
  useLayoutEffect(() => {
    const at = Math.round((ref.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    if (at !== top) setTop(at);
  });
  return { ref, height: Math.max(200, windowHeight - top - TABLE_CHROME_PX) };
}

let canvas: CanvasRenderingContext2D | null | undefined;
/** The width of a line of text in the table's font, to size the 文号 column to its longest 文号 (never cut). */
function textWidth(text: string, font: string): number {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return text.length * 14;
  canvas.font = font;
  return canvas.measureText(text).width;
}

/** The font the table's cells inherit (antd's, on the elements of the app; not the body's). */
const fontOf = (el: Element | null) => {
  const style = getComputedStyle(el ?? document.body);
  return `${style.fontSize} ${style.fontFamily}`;
};

/** The least 标题 gets: the table gives it what the other columns leave of the screen's width. */
const TITLE_MIN_WIDTH = 200;

interface RegisterColumn extends Omit<TableColumnType<DocumentListItem>, 'key' | 'render' | 'width'> {
  key: DocumentColumn;
  /** None for 标题: it takes the rest. */
  width?: number;
  cell(d: DocumentListItem): ReactNode;
}

export function DocumentsPage() {
  const { t } = useTranslation();
  const isCustodian = useLedger(selectIsCustodian);
  const rows = useLedger((s) => s.documentRows);
  const total = useLedger((s) => s.documentTotal);
  const page = useLedger((s) => s.documentPage);
  const pageSize = useLedger((s) => s.documentPageSize);
  const filters = useLedger((s) => s.documentFilters);
  const sort = useLedger((s) => s.documentSort);
  const chosen = useLedger((s) => s.documentColumns);
  const searchDocuments = useLedger((s) => s.searchDocuments);
  const sortDocuments = useLedger((s) => s.sortDocuments);
  const loadDocumentPage = useLedger((s) => s.loadDocumentPage);
  const lookupDocuments = useLedger((s) => s.lookupDocuments);
  const openDocument = useLedger((s) => s.openDocument);
  const openDocumentEntry = useLedger((s) => s.openDocumentEntry);
  const openBatch = useLedger((s) => s.openBatch);
  const openStocktakes = useLedger((s) => s.openStocktakes);
  const { run, busy, error } = useAction(perform);
  const [selected, setSelected] = useState<number[]>([]);
  const [dialog, setDialog] = useState<'handover' | 'review' | 'labels' | null>(null);
  const openCode = useOpenCode();
  const rowsHeight = useRowsHeight(useWindowHeight());

  const filter = (change: Partial<DocumentFilters>) => {
    setSelected([]);
    void run(() => searchDocuments({ ...useLedger.getState().documentFilters, ...change }));
  };
  const query = useDebounced((text) => filter({ query: text.trim() || undefined }), filters.query ?? '');
  const holder = useDebounced((text) => filter({ holder: text.trim() || undefined }), filters.holder ?? '');
  const originUnit = useDebounced((text) => filter({ originUnit: text.trim() || undefined }), filters.originUnit ?? '');
  // Enter has its own action: it must run even while a search the typing started is still on its way.
  const enter = useAction(perform);
  /** Enter: searched at once, and a number that names exactly one item opens it; a label code opens what it names. */
  const searchOrOpen = () => {
    const text = query.now().trim();
    if (looksLikeItemCode(text)) return void openCode(text);
    setSelected([]);
    void enter.run(async () => {
      await searchDocuments({ ...useLedger.getState().documentFilters, query: text || undefined });
      const named = text ? await lookupDocuments(text) : [];
      if (named.length === 1) openDocument(named[0]!.id);
    });
  };

  useEffect(() => {
    void run(() => loadDocumentPage(useLedger.getState().documentPage));
  }, [run, loadDocumentPage]);

  const sorter = (field: SortField) => ({
    sorter: true,
    sortOrder: sort.sort === field ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
    sortDirections: ['ascend' as const, 'descend' as const],
  });
  const count = (n: number) => (n ? n : <Typography.Text type="secondary">0</Typography.Text>);
  const today = dayjs().format('YYYY-MM-DD');
  const font = fontOf(rowsHeight.ref.current);
  // 文号 whole on one line (never 〔2026〕 broken or cut): as wide as the longest on the page, the padding added.
  const docNumberWidth = Math.ceil(Math.max(textWidth(t('documents.columns.docNumber'), font), ...rows.map((d) => textWidth(d.docNumber, font))) + 20);

  const all: RegisterColumn[] = [
    {
      key: 'receiptNo',
      title: t('documents.columns.receiptNo'),
      width: 110,
      fixed: 'left',
      ...sorter('receiptNo'),
      cell: (d) => (
        <a className="monospace" onClick={() => openDocument(d.id)} data-testid={`documents-open-${d.id}`}>
          {d.receiptNo}
        </a>
      ),
    },
    { key: 'registeredAt', title: t('documents.columns.registeredAt'), width: 110, ...sorter('registeredAt'), cell: (d) => d.registeredAt.slice(0, 10) },
    {
      key: 'title',
      title: t('documents.columns.title'),
      ellipsis: true,
      ...sorter('title'),
      cell: (d) => (
        <span title={d.title}>
          {d.voided && <Tag data-testid={`documents-voided-${d.id}`}>{t('corrections.voided')}</Tag>}
          {d.origin === 'produced' && <Tag>{t('documents.produced')}</Tag>}
          {d.carrier === 'telegram' && (
            <Tag color="purple" data-testid={`documents-telegram-${d.id}`}>
              {t('carriers.telegram')}
            </Tag>
          )}
          {d.title}
        </span>
      ),
    },
    {
      key: 'docNumber',
      title: t('documents.columns.docNumber'),
      width: Math.min(420, Math.max(80, docNumberWidth)),
      cell: (d) =>
        d.docNumber ? (
          <span style={{ whiteSpace: 'nowrap' }} data-testid={`documents-doc-number-${d.id}`}>
            {d.docNumber}
          </span>
        ) : null,
    },
    { key: 'originUnit', title: t('documents.columns.originUnit'), width: 180, ellipsis: true, cell: (d) => d.originUnit },
    { key: 'marking', title: t('documents.columns.marking'), width: 130, ...sorter('level'), cell: (d) => <MarkingTag marking={d.marking} level={d.level} /> },
    { key: 'issueDate', title: t('documents.columns.issueDate'), width: 110, ...sorter('issueDate'), cell: (d) => d.issueDate },
    {
      key: 'secrecyEnd',
      title: t('documents.columns.secrecyEnd'),
      width: 120,
      ...sorter('secrecyEnd'),
      cell: (d) => (d.declassified ? <Tag>{t('documents.declassified')}</Tag> : (d.secrecyEnd ?? <Typography.Text type="secondary">—</Typography.Text>)),
    },
    {
      key: 'copies',
      title: t('documents.columns.copies'),
      width: 110,
      // 份数, then how many are in the cabinet and (when any) how many are out on loan.
      cell: (d) => (
        <span data-testid={`documents-copies-${d.id}`}>
          {d.copies}
          <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
            {t('documents.copiesIn', { n: d.counts.in_custody })}
          </Typography.Text>
          {d.counts.on_loan > 0 && (
            <Typography.Text type="warning" style={{ marginInlineStart: 6 }}>
              {t('documents.copiesOut', { n: d.counts.on_loan })}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      key: 'copyNos',
      title: t('documents.columns.copyNos'),
      width: 150,
      ellipsis: true,
      cell: (d) => (
        <span className="monospace" title={d.copyNos}>
          {d.copyNos}
        </span>
      ),
    },
    { key: 'inCustody', title: t('documents.columns.inCustody'), width: 70, align: 'right', cell: (d) => count(d.counts.in_custody) },
    { key: 'onLoan', title: t('documents.columns.onLoan'), width: 70, align: 'right', cell: (d) => count(d.counts.on_loan) },
    { key: 'returned', title: t('documents.columns.returned'), width: 76, align: 'right', cell: (d) => count(d.counts.returned) },
    { key: 'destroyed', title: t('documents.columns.destroyed'), width: 76, align: 'right', cell: (d) => count(d.counts.destroyed) },
    {
      key: 'returnBy',
      title: t('documents.columns.returnBy'),
      width: 110,
      cell: (d) => {
        if (!d.mustReturn || !d.returnBy) return null;
        const held = d.counts.in_custody + d.counts.on_loan > 0;
        return <Typography.Text type={held && d.returnBy <= today ? 'danger' : undefined}>{d.returnBy}</Typography.Text>;
      },
    },
    {
      key: 'flags',
      title: t('documents.columns.flags'),
      width: 130,
      cell: (d) =>
        !d.reminders?.length ? null : (
          <Space size={[0, 4]} wrap>
            {d.reminders?.map((kind) => (
              <Tag
                key={kind}
                color={LATE_REMINDERS.has(kind) ? 'red' : 'orange'}
                data-testid={kind === 'loanOverdue' ? `documents-overdue-${d.id}` : `documents-reminder-${kind}-${d.id}`}
              >
                {t(`reminders.kinds.${kind}`)}
              </Tag>
            ))}
          </Space>
        ),
    },
  ];
  const shown = new Set<DocumentColumn>([FIXED_DOCUMENT_COLUMN, ...(chosen ?? DEFAULT_DOCUMENT_COLUMNS)]);
  const visible = all.filter((c) => shown.has(c.key));
  const hidden = all.filter((c) => !shown.has(c.key));
  const columns = visible.map(({ cell, ...c }) => ({ ...c, render: (_: unknown, d: DocumentListItem) => cell(d) }));
  const width = visible.reduce((sum, c) => sum + (c.width ?? TITLE_MIN_WIDTH), (isCustodian ? SELECTION_WIDTH : 0) + (hidden.length ? EXPAND_WIDTH : 0));
  const currentYear = new Date().getFullYear();

  return (
    <Card
      title={<span data-testid="documents-title">{t('documents.title')}</span>}
      extra={<PrintMenu filters={filters} sort={sort} />}
      styles={{ body: { paddingBottom: 8 } }}
    >
      {isCustodian && (
        <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="documents-toolbar">
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => openDocumentEntry('received')} data-testid="documents-receive-button">
            {t('documents.receive')}
          </Button>
          <Button icon={<FileDoneOutlined />} onClick={() => openDocumentEntry('produced')} data-testid="documents-produce-button">
            {t('documents.produce')}
          </Button>
          <Button icon={<RollbackOutlined />} onClick={() => openBatch('return', selected)} data-testid="documents-return-button">
            {t('documents.batchReturn')}
          </Button>
          <Button icon={<DeleteOutlined />} onClick={() => openBatch('destroy', selected)} data-testid="documents-destroy-button">
            {t('documents.batchDestroy')}
          </Button>
          <Button icon={<AuditOutlined />} onClick={openStocktakes} data-testid="documents-inventory-button">
            {t('documents.inventory')}
          </Button>
          <Button icon={<SwapOutlined />} onClick={() => setDialog('handover')} data-testid="documents-handover-button">
            {t('documents.handover')}
          </Button>
          {selected.length > 0 && (
            <Button icon={<SafetyCertificateOutlined />} onClick={() => setDialog('review')} data-testid="documents-review-button">
              {t('documents.reviewSelected', { n: selected.length })}
            </Button>
          )}
          {selected.length > 0 && (
            <Button icon={<TagsOutlined />} onClick={() => setDialog('labels')} data-testid="documents-labels-button">
              {t('documents.labelsSelected', { n: selected.length })}
            </Button>
          )}
        </Flex>
      )}
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input
          autoFocus
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('documents.searchPlaceholder')}
          value={query.text}
          onChange={(e) => query.change(e.target.value)}
          onPressEnter={searchOrOpen}
          title={t('documents.searchHint')}
          aria-label={t('documents.searchPlaceholder')}
          style={{ width: 360 }}
          data-testid="documents-search"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('documents.filters.levels')}
          value={filters.levels ?? []}
          onChange={(levels: DocumentFilters['levels']) => filter({ levels: levels?.length ? levels : undefined })}
          options={DOCUMENT_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
          style={{ minWidth: 140 }}
          maxTagCount="responsive"
          data-testid="documents-filter-levels"
        />
        {/* 电报: telegrams are a group of their own (and print as 密码电报登记簿). */}
        <Select
          allowClear
          placeholder={t('documents.filters.carrier')}
          value={filters.carrier}
          onChange={(carrier: DocumentFilters['carrier']) => filter({ carrier })}
          options={CARRIERS.map((c) => ({ value: c, label: t(`carriers.${c}`) }))}
          style={{ width: 120 }}
          data-testid="documents-filter-carrier"
        />
        <Select
          allowClear
          placeholder={t('documents.filters.status')}
          value={filters.status}
          onChange={(status: DocumentFilters['status']) => filter({ status })}
          options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`statusFilters.${s}`) }))}
          style={{ width: 170 }}
          data-testid="documents-filter-status"
        />
        <Select
          allowClear
          placeholder={t('documents.filters.year')}
          value={filters.year}
          onChange={(year: number | undefined) => filter({ year })}
          options={Array.from({ length: 16 }, (_, i) => currentYear - i).map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 100 }}
          data-testid="documents-filter-year"
        />
        <div style={{ width: 220 }}>
          <LocationSelect
            allowClear
            placeholder={t('documents.filters.location')}
            value={filters.locationId}
            onChange={(locationId) => filter({ locationId })}
            testId="documents-filter-location"
          />
        </div>
        <div style={{ width: 130 }}>
          <PersonInput placeholder={t('documents.filters.holder')} value={holder.text} onChange={holder.change} testId="documents-filter-holder" />
        </div>
        <div style={{ width: 180 }}>
          <UnitInput
            placeholder={t('documents.filters.originUnit')}
            value={originUnit.text}
            onChange={originUnit.change}
            testId="documents-filter-origin-unit"
          />
        </div>
        <Select
          allowClear
          placeholder={t('documents.filters.reminder')}
          value={filters.reminderKind}
          onChange={(reminderKind: DocumentFilters['reminderKind']) => filter({ reminderKind, reminder: undefined })}
          options={ITEM_REMINDERS.map((r) => ({ value: r, label: t(`reminders.kinds.${r}`) }))}
          style={{ width: 220 }}
          data-testid="documents-filter-reminder"
        />
        <Tooltip title={t('common.reset')}>
          <Button
            icon={<UndoOutlined />}
            onClick={() => {
              query.reset();
              holder.reset();
              originUnit.reset();
              setSelected([]);
              void run(async () => {
                await sortDocuments(DEFAULT_SORT.sort, DEFAULT_SORT.order);
                await searchDocuments({});
              });
            }}
            data-testid="documents-filter-reset"
          >
            {t('common.reset')}
          </Button>
        </Tooltip>
        <ColumnChooser columns={all.map((c) => ({ key: c.key, title: c.title as string }))} shown={shown} />
        <ExportButtons register="documents" filters={{ ...filters, ...sort }} />
      </Flex>
      <ErrorAlert error={error ?? enter.error} testId="documents-error" />
      <div ref={rowsHeight.ref} className="documents-register" onKeyDown={isCustodian ? selectAllKey(rows, selected, setSelected) : undefined}>
        <Table<DocumentListItem>
          virtual
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={busy}
          scroll={{ x: width, y: rowsHeight.height }}
          expandable={
            hidden.length
              ? {
                  columnWidth: EXPAND_WIDTH,
                  expandedRowRender: (d) => (
                    <Descriptions
                      size="small"
                      column={{ xs: 1, md: 2, xl: 3 }}
                      items={hidden.flatMap((c) => {
                        const value = c.cell(d);
                        return value === null || value === '' ? [] : [{ key: c.key, label: c.title as string, children: value }];
                      })}
                      data-testid={`documents-expanded-${d.id}`}
                    />
                  ),
                }
              : undefined
          }
          rowSelection={
            isCustodian ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)), columnWidth: SELECTION_WIDTH } : undefined
          }
          onRow={(d) => ({ onDoubleClick: () => openDocument(d.id) })}
          pagination={{
            current: page,
            pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: DOCUMENT_PAGE_SIZES.map(String),
            showTotal: (n) => <span data-testid="documents-total">{t('documents.total', { total: n })}</span>,
          }}
          onChange={(pagination, _filters, sorterResult, extra) => {
            setSelected([]);
            if (extra.action === 'sort') {
              const one = Array.isArray(sorterResult) ? sorterResult[0] : sorterResult;
              const field = one?.order ? (one.columnKey === 'marking' ? 'level' : (one.columnKey as SortField)) : null;
              void run(() => (field ? sortDocuments(field, one?.order === 'ascend' ? 'asc' : 'desc') : sortDocuments(DEFAULT_SORT.sort, DEFAULT_SORT.order)));
            } else if (extra.action === 'paginate') {
              void run(() => loadDocumentPage(pagination.pageSize !== pageSize ? 1 : (pagination.current ?? 1), pagination.pageSize));
            }
          }}
          data-testid="documents-table"
        />
      </div>
      {dialog === 'handover' && <HandoverModal onClose={() => setDialog(null)} />}
      <LabelDialog open={dialog === 'labels'} items={{ copies: selected.map((documentId) => ({ documentId })) }} onClose={() => setDialog(null)} />
      {dialog === 'review' && (
        <ReviewModal
          documentIds={selected}
          onClose={() => {
            setDialog(null);
            setSelected([]);
            void run(() => loadDocumentPage(page));
          }}
        />
      )}
    </Card>
  );
}

/** Ctrl+A in the table (not in a field): every row of the page selected, or none when all were. Space toggles one row's box. */
export function selectAllKey<R extends { id: number }>(rows: readonly R[], selected: number[], select: (ids: number[]) => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'a' || (e.target as HTMLElement).matches('input:not([type="checkbox"]), textarea')) return;
    e.preventDefault();
    select(rows.length > 0 && rows.every((r) => selected.includes(r.id)) ? [] : rows.map((r) => r.id));
  };
}

/** 显示列: which columns the register shows (kept for this account); 收文编号 always. The rest show in the expanded row. */
function ColumnChooser({ columns, shown }: { columns: { key: DocumentColumn; title: string }[]; shown: ReadonlySet<DocumentColumn> }) {
  const { t } = useTranslation();
  const choose = useAction(useLedger((s) => s.chooseDocumentColumns));
  const load = useAction(useLedger((s) => s.loadDocumentColumns));
  const loadColumns = load.run;
  useEffect(() => {
    void loadColumns();
  }, [loadColumns]);
  const run = choose.run;
  const toggle = (key: DocumentColumn, on: boolean) => void run(DOCUMENT_COLUMNS.filter((c) => (c === key ? on : shown.has(c))));
  const content = (
    <Flex vertical gap={4} data-testid="documents-columns-list">
      {columns.map((c) => (
        <Checkbox
          key={c.key}
          checked={shown.has(c.key)}
          disabled={c.key === FIXED_DOCUMENT_COLUMN}
          onChange={(e) => toggle(c.key, e.target.checked)}
          data-testid={`documents-column-${c.key}`}
        >
          {c.title}
        </Checkbox>
      ))}
      <Button size="small" onClick={() => void run([...DEFAULT_DOCUMENT_COLUMNS])} data-testid="documents-columns-default">
        {t('documents.columnsDefault')}
      </Button>
      <ErrorAlert error={choose.error ?? load.error} testId="documents-columns-error" />
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('documents.columnsTitle')} content={content}>
      <Button icon={<SettingOutlined />} data-testid="documents-columns">
        {t('documents.columnsButton')}
      </Button>
    </Popover>
  );
}

/** The batch forms by the prefix of their numbers (db/ledger/documents/operations.ts insertBatch). */
/** 打印: the register with its current filters, the registers of events (for the filtered year), or a batch's form by number. */
function PrintMenu({ filters, sort }: { filters: DocumentFilters; sort: { sort: SortField; order: 'asc' | 'desc' } }) {
  const { t } = useTranslation();
  const openPrint = useLedger((s) => s.openPrint);
  const [batchNo, setBatchNo] = useState('');
  const events = ['received', 'dispatched', 'loans', 'copies'] as const;
  const yearOnly = filters.year ? { year: filters.year } : {};
  const items: MenuProps['items'] = [
    { key: 'documents', label: t('print.sheets.documents') },
    // 密码电报 / 级发电: the documents register on telegrams alone.
    { key: 'telegrams', label: t('print.sheets.telegrams') },
    ...events.map((name) => ({ key: name, label: t(`print.sheets.${name}`) })),
  ];
  const printBatch = (value: string) => {
    const no = value.trim().toUpperCase();
    const kind = batchFormOf(no);
    // An unknown prefix still goes to the backend, which names it (E_NO_SUCH_BATCH) in the preview.
    if (no) openPrint({ kind: kind ?? 'return-slip', batchNo: no });
  };
  return (
    <Space>
      <Input.Search
        value={batchNo}
        onChange={(e) => setBatchNo(e.target.value)}
        onSearch={printBatch}
        // Enter opens the preview (onSearch); no keypress may follow it to the preview's focused close button, which
        // then closed it at once (seen on screen: Enter seemed to do nothing).
        onPressEnter={(e) => e.preventDefault()}
        enterButton={<PrinterOutlined />}
        placeholder={t('print.byNumberPlaceholder')}
        aria-label={t('print.byNumber')}
        style={{ width: 300 }}
        data-testid="documents-print-batch"
      />
      <Dropdown
        menu={{
          items,
          onClick: ({ key }) =>
            openPrint(
              key === 'documents'
                ? { kind: 'sheet', name: 'documents', filters: { ...filters, ...sort } }
                : key === 'telegrams'
                  ? { kind: 'sheet', name: 'documents', filters: { ...yearOnly, carrier: 'telegram', ...sort } }
                  : { kind: 'sheet', name: key as (typeof events)[number], filters: yearOnly },
            ),
        }}
      >
        <Button icon={<PrinterOutlined />} data-testid="documents-print">
          {t('print.registers')} <DownOutlined />
        </Button>
      </Dropdown>
    </Space>
  );
}
