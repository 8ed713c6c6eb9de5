// 涉密文件台账: the register as a virtual table paged and sorted by the backend, with search (text and numbers),
// filters and the custodian's entry points (register, batch return / destruction, inventory, hand-over, review).
// It shows the columns this account chose (the ones a custodian scans by default) and the rest in an expanded row.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
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
  Spin,
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
import { useNewest, useTypedSearch } from '../../ui/hooks/useTypedSearch';
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

const perform = (op: () => Promise<void>) => op();
/** An answer within this shows no spinner: a search asked as it is typed does not make the table flash at each key. */
const SPIN_DELAY_MS = 150;

const SELECTION_WIDTH = 32;
const EXPAND_WIDTH = 40;

/** Room under the table for its header row and its pagination, so that its last row is never below the window. */
const TABLE_CHROME_PX = 39 + 64 + 16;

/** The height left for the table's rows from where it starts down to the window's bottom. */
function useRowsHeight(windowHeight: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  // The toolbar and filters above may wrap onto another line (the card's body changes size): measured then, not at
  // every render (a measure forces a layout, once per key while typing).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setTop(Math.round(el.getBoundingClientRect().top + window.scrollY));
    measure();
    const observer = new ResizeObserver(measure);
    if (el.parentElement) observer.observe(el.parentElement);
    return () => observer.disconnect();
  }, []);
  return { ref, height: Math.max(200, windowHeight - top - TABLE_CHROME_PX) };
}

let canvas: CanvasRenderingContext2D | null | undefined;
/** The width of the longest line of text in the table's font, to size the 文号 column to its longest 文号 (never cut). */
function widestText(texts: string[], font: string): number {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return Math.max(...texts.map((text) => text.length * 14));
  canvas.font = font;
  return Math.max(...texts.map((text) => canvas!.measureText(text).width));
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

type TypedFilter = 'query' | 'holder' | 'originUnit';

export function DocumentsPage() {
  const { t } = useTranslation();
  const isCustodian = useLedger(selectIsCustodian);
  const filters = useLedger((s) => s.documentFilters);
  const sort = useLedger((s) => s.documentSort);
  const searchDocuments = useLedger((s) => s.searchDocuments);
  const sortDocuments = useLedger((s) => s.sortDocuments);
  const loadDocumentPage = useLedger((s) => s.loadDocumentPage);
  const lookupDocuments = useLedger((s) => s.lookupDocuments);
  const openDocument = useLedger((s) => s.openDocument);
  const openDocumentEntry = useLedger((s) => s.openDocumentEntry);
  const openBatch = useLedger((s) => s.openBatch);
  const openStocktakes = useLedger((s) => s.openStocktakes);
  // Every question for the list (a key typed, a filter, a sort, a page): the newest one's answer is the one shown.
  const list = useNewest(perform);
  const ask = list.ask;
  const [selected, setSelected] = useState<number[]>([]);
  const [dialog, setDialog] = useState<'handover' | 'review' | 'labels' | null>(null);
  /** 重置 starts the typed fields again, empty: they hold their own text (typing redraws them alone). */
  const [typedFields, setTypedFields] = useState(0);
  const openCode = useOpenCode();
  const rowsHeight = useRowsHeight(useWindowHeight());

  const unselect = useCallback(() => setSelected((ids) => (ids.length ? [] : ids)), []);
  const filter = useCallback(
    (change: Partial<DocumentFilters>) => {
      unselect();
      void ask(() => searchDocuments({ ...useLedger.getState().documentFilters, ...change }));
    },
    [ask, searchDocuments, unselect],
  );
  const typed = useMemo(() => {
    const field = (key: TypedFilter) => (text: string) => {
      const value = text.trim() || undefined;
      // A space typed, or a composition that changed nothing: the same question, not asked again.
      if (value !== useLedger.getState().documentFilters[key]) filter({ [key]: value });
    };
    return { query: field('query'), holder: field('holder'), originUnit: field('originUnit') };
  }, [filter]);
  // Enter has its own action: it must run even while a search the typing started is still on its way.
  const enter = useAction(perform);
  const enterRun = enter.run;
  /** Enter: searched at once, and a number that names exactly one item opens it; a label code opens what it names. */
  const searchOrOpen = useCallback(
    (typedText: string) => {
      const text = typedText.trim();
      if (looksLikeItemCode(text)) return void openCode(text);
      unselect();
      void enterRun(async () => {
        await searchDocuments({ ...useLedger.getState().documentFilters, query: text || undefined });
        const named = text ? await lookupDocuments(text) : [];
        if (named.length === 1) openDocument(named[0]!.id);
      });
    },
    [openCode, unselect, enterRun, searchDocuments, lookupDocuments, openDocument],
  );

  useEffect(() => {
    void ask(() => loadDocumentPage(useLedger.getState().documentPage));
  }, [ask, loadDocumentPage]);

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
        <SearchBox key={`query-${typedFields}`} initial={filters.query ?? ''} onTyped={typed.query} onEnter={searchOrOpen} />
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
        <TypedField
          key={`holder-${typedFields}`}
          width={130}
          initial={filters.holder ?? ''}
          onTyped={typed.holder}
          field={(text, change) => <PersonInput placeholder={t('documents.filters.holder')} value={text} onChange={change} testId="documents-filter-holder" />}
        />
        <TypedField
          key={`originUnit-${typedFields}`}
          width={180}
          initial={filters.originUnit ?? ''}
          onTyped={typed.originUnit}
          field={(text, change) => (
            <UnitInput placeholder={t('documents.filters.originUnit')} value={text} onChange={change} testId="documents-filter-origin-unit" />
          )}
        />
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
              setTypedFields((n) => n + 1);
              unselect();
              void ask(async () => {
                await sortDocuments(DEFAULT_SORT.sort, DEFAULT_SORT.order);
                await searchDocuments({});
              });
            }}
            data-testid="documents-filter-reset"
          >
            {t('common.reset')}
          </Button>
        </Tooltip>
        <ColumnChooser />
        <ExportButtons register="documents" filters={{ ...filters, ...sort }} />
      </Flex>
      <ErrorAlert error={list.error ?? enter.error} testId="documents-error" />
      {/* aria-busy: a question for the list is on its way (the spinner shows only when its answer is slow). */}
      <div ref={rowsHeight.ref} className="documents-register" aria-busy={list.busy}>
        <Spin spinning={list.busy} delay={SPIN_DELAY_MS}>
          <RegisterTable height={rowsHeight.height} selected={selected} onSelect={setSelected} ask={ask} />
        </Spin>
      </div>
      {dialog === 'handover' && <HandoverModal onClose={() => setDialog(null)} />}
      <LabelDialog open={dialog === 'labels'} items={{ copies: selected.map((documentId) => ({ documentId })) }} onClose={() => setDialog(null)} />
      {dialog === 'review' && (
        <ReviewModal
          documentIds={selected}
          onClose={() => {
            setDialog(null);
            setSelected([]);
            void ask(() => loadDocumentPage(useLedger.getState().documentPage));
          }}
        />
      )}
    </Card>
  );
}

/** The register's search box: asked as typed; Enter searches at once and opens what a number or a label code names. */
const SearchBox = memo(function SearchBox({ initial, onTyped, onEnter }: { initial: string; onTyped(text: string): void; onEnter(text: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const search = useTypedSearch(onTyped);
  return (
    <Input
      autoFocus
      allowClear
      prefix={<SearchOutlined />}
      placeholder={t('documents.searchPlaceholder')}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        search.typed(e.target.value);
      }}
      {...search.composition}
      onPressEnter={() => onEnter(text)}
      title={t('documents.searchHint')}
      aria-label={t('documents.searchPlaceholder')}
      style={{ width: 360 }}
      data-testid="documents-search"
    />
  );
});

/** A filter typed as free text (持有人, 来文单位): its own text, asked as typed. */
const TypedField = memo(function TypedField({
  width,
  initial,
  onTyped,
  field,
}: {
  width: number;
  initial: string;
  onTyped(text: string): void;
  field(text: string, change: (text: string) => void): ReactNode;
}) {
  const [text, setText] = useState(initial);
  const search = useTypedSearch(onTyped);
  const change = (next: string) => {
    setText(next);
    search.typed(next);
  };
  return (
    <div style={{ width }} {...search.composition}>
      {field(text, change)}
    </div>
  );
});

/**
 * The register's rows: drawn again only when they, the columns, the selection or the room change (not at each key
 * typed above, nor when a question goes out: the spinner around it says that).
 */
const RegisterTable = memo(function RegisterTable({
  height,
  selected,
  onSelect,
  ask,
}: {
  height: number;
  selected: number[];
  onSelect(ids: number[]): void;
  ask(op: () => Promise<void>): Promise<void>;
}) {
  const { t } = useTranslation();
  const isCustodian = useLedger(selectIsCustodian);
  const rows = useLedger((s) => s.documentRows);
  const total = useLedger((s) => s.documentTotal);
  const page = useLedger((s) => s.documentPage);
  const pageSize = useLedger((s) => s.documentPageSize);
  const sort = useLedger((s) => s.documentSort);
  const chosen = useLedger((s) => s.documentColumns);
  const sortDocuments = useLedger((s) => s.sortDocuments);
  const loadDocumentPage = useLedger((s) => s.loadDocumentPage);
  const openDocument = useLedger((s) => s.openDocument);
  const tableRef = useRef<HTMLDivElement>(null);

  const sorter = (field: SortField) => ({
    sorter: true,
    sortOrder: sort.sort === field ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
    sortDirections: ['ascend' as const, 'descend' as const],
  });
  const count = (n: number) => (n ? n : <Typography.Text type="secondary">0</Typography.Text>);
  const today = dayjs().format('YYYY-MM-DD');
  // 文号 whole on one line (never 〔2026〕 broken or cut): as wide as the longest on the page, the padding added.
  const docNumberWidth = Math.ceil(widestText([t('documents.columns.docNumber'), ...rows.map((d) => d.docNumber)], fontOf(tableRef.current)) + 20);

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

  return (
    <div ref={tableRef} onKeyDown={isCustodian ? selectAllKey(rows, selected, onSelect) : undefined}>
      <Table<DocumentListItem>
        virtual
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        scroll={{ x: width, y: height }}
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
        rowSelection={isCustodian ? { selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(Number)), columnWidth: SELECTION_WIDTH } : undefined}
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
          onSelect([]);
          if (extra.action === 'sort') {
            const one = Array.isArray(sorterResult) ? sorterResult[0] : sorterResult;
            const field = one?.order ? (one.columnKey === 'marking' ? 'level' : (one.columnKey as SortField)) : null;
            void ask(() => (field ? sortDocuments(field, one?.order === 'ascend' ? 'asc' : 'desc') : sortDocuments(DEFAULT_SORT.sort, DEFAULT_SORT.order)));
          } else if (extra.action === 'paginate') {
            void ask(() => loadDocumentPage(pagination.pageSize !== pageSize ? 1 : (pagination.current ?? 1), pagination.pageSize));
          }
        }}
        data-testid="documents-table"
      />
    </div>
  );
});

/** Ctrl+A in the table (not in a field): every row of the page selected, or none when all were. Space toggles one row's box. */
export function selectAllKey<R extends { id: number }>(rows: readonly R[], selected: number[], select: (ids: number[]) => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'a' || (e.target as HTMLElement).matches('input:not([type="checkbox"]), textarea')) return;
    e.preventDefault();
    select(rows.length > 0 && rows.every((r) => selected.includes(r.id)) ? [] : rows.map((r) => r.id));
  };
}

/** 显示列: which columns the register shows (kept for this account); 收文编号 always. The rest show in the expanded row. */
function ColumnChooser() {
  const { t } = useTranslation();
  const chosen = useLedger((s) => s.documentColumns);
  const shown = new Set<DocumentColumn>([FIXED_DOCUMENT_COLUMN, ...(chosen ?? DEFAULT_DOCUMENT_COLUMNS)]);
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
      {DOCUMENT_COLUMNS.map((key) => (
        <Checkbox
          key={key}
          checked={shown.has(key)}
          disabled={key === FIXED_DOCUMENT_COLUMN}
          onChange={(e) => toggle(key, e.target.checked)}
          data-testid={`documents-column-${key}`}
        >
          {t(`documents.columns.${key}`)}
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
  const events = ['received', 'dispatched', 'loans', 'copies', 'conveyances'] as const;
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
