// 统计: the figures an inspection asks for, for a year (this year unless chosen) or any dates, optionally for one
// department or one cabinet: tables by level, group and month, each number opening its items, and the charts beside
// them (db/domain/statistics-charts: the same charts the printout and the annual pack draw). Keyboard-first: the
// year is focused, Enter counts.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Empty, Flex, Form, Input, InputNumber, Radio, Row, Select, Space, Spin, Table, Typography } from 'antd';
import { BarChartOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { send } from '../../api';
import type { CommandInput, CommandOutput } from '../../../../preload/contract';
import { formatCopyNo } from '../../../../db/domain/copies';
import type { ChartSpec } from '../../../../db/domain/report';
import { statisticsCharts } from '../../../../db/domain/statistics-charts';
import { AUDIT_CHAIN_TERMS, auditChainText } from '../../../../db/domain/statistics';
import type { Level } from '../../../../db/domain/levels';
import { LEVEL_TERMS, say } from '../../../../db/domain/terms';
import { useLedger } from '../../store';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { isoDate } from '../../ui/dates';
import { ReportChart } from '../../ui/charts/ReportChart';
import { MonthsTable, RefusalsTable, SectionTable, type ItemsCell, type StatisticsView } from './FigureTables';
import { itemsInput, StatisticsItems } from './StatisticsItems';
import { SECTIONS } from './sections';
import { AnnualPackActions } from './pack/AnnualPackActions';
import { PrintButton } from '../printing/PrintButton';
import { ReviewCountsCard } from '../publication/ReviewCounts';

type Range = CommandInput<'statistics.figures'>;
type LateItem = CommandOutput<'statistics.items'>['items'][number];

/** The late returns the chart and the list show: every one, as far as one page of the command goes. */
const LATE_LIMIT = 500;

interface FilterValues {
  mode: 'year' | 'dates';
  year: number | null;
  dates: [Dayjs, Dayjs] | null;
  department?: string;
  cabinetId?: number;
}

const yearRange = (year: number): Range => ({ from: `${year}-01-01`, to: `${year}-12-31` });
const wholeYear = (range: Range): boolean => {
  const year = range.from.slice(0, 4);
  return range.from === `${year}-01-01` && range.to === `${year}-12-31`;
};

function valuesOf(range: Range): FilterValues {
  return {
    mode: wholeYear(range) ? 'year' : 'dates',
    year: Number(range.from.slice(0, 4)),
    dates: [dayjs(range.from), dayjs(range.to)],
    ...(range.department ? { department: range.department } : {}),
    ...(range.cabinetId ? { cabinetId: range.cabinetId } : {}),
  };
}

function rangeOf(values: FilterValues): Range | null {
  const dates: Range | null =
    values.mode === 'year'
      ? values.year
        ? yearRange(values.year)
        : null
      : values.dates
        ? { from: isoDate(values.dates[0]), to: isoDate(values.dates[1]) }
        : null;
  if (!dates) return null;
  const department = values.department?.trim();
  return { ...dates, ...(department ? { department } : {}), ...(values.cabinetId ? { cabinetId: values.cabinetId } : {}) };
}

export function StatisticsPage() {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const query = useLedger((s) => s.statisticsQuery);
  const setQuery = useLedger((s) => s.setStatisticsQuery);
  const locations = useLedger((s) => s.locations);
  const loadLocations = useLedger((s) => s.loadLocations);
  const range = useMemo(() => query?.range ?? yearRange(new Date().getFullYear()), [query]);
  const [form] = Form.useForm<FilterValues>();
  const mode = Form.useWatch('mode', form);
  const [view, setView] = useState<StatisticsView | null>(null);
  const [late, setLate] = useState<LateItem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // The cabinets to choose from; without them the filter offers none and the figures still count.
    loadLocations().catch(() => undefined);
  }, [loadLocations]);

  useEffect(() => {
    let current = true;
    setBusy(true);
    setError(null);
    const lateReturns = async (v: StatisticsView): Promise<LateItem[]> =>
      v.figures.lateReturns ? (await send('statistics.items', { ...itemsInput(v, { figure: 'lateReturns' }), limit: LATE_LIMIT })).items : [];
    send('statistics.figures', range)
      .then(async (v) => ({ v, items: await lateReturns(v) }))
      .then(
        ({ v, items }) => {
          if (!current) return;
          setView(v);
          setLate(items);
        },
        (err: unknown) => current && setError(err),
      )
      .finally(() => current && setBusy(false));
    return () => {
      current = false;
    };
  }, [range]);

  const apply = (values: FilterValues) => {
    const next = rangeOf(values);
    if (next) setQuery({ range: next, items: null });
  };
  const openItems = useCallback((items: ItemsCell | null) => setQuery({ range, items }), [range, setQuery]);

  const charts = useMemo(() => (view ? statisticsCharts(view, late, language) : []), [view, late, language]);
  const chart = (id: string) => charts.find((c) => c.id === id);
  const cabinet = locations.find((l) => l.id === range.cabinetId);

  return (
    <Flex vertical gap={16} data-testid="statistics-page">
      <Card
        title={t('statistics.title')}
        extra={
          <Space size={8} wrap>
            {/* The statistics printout: the same figures and charts on A4. */}
            <PrintButton request={{ kind: 'statistics', ...range }} label={t('statistics.print')} testId="statistics-print" />
            {/* The annual pack (年度自查材料) is of a whole year: offered when one is chosen. */}
            {wholeYear(range) && <AnnualPackActions year={Number(range.from.slice(0, 4))} />}
          </Space>
        }
      >
        <Form<FilterValues> form={form} layout="inline" initialValues={valuesOf(range)} onFinish={apply} style={{ rowGap: 8 }} data-testid="statistics-filters">
          {mode === 'dates' ? (
            <Form.Item name="dates" label={t('statistics.dates')} rules={[{ required: true, message: t('statistics.datesRequired') }]}>
              <DatePicker.RangePicker autoFocus allowClear={false} data-testid="statistics-dates" />
            </Form.Item>
          ) : (
            <Form.Item name="year" label={t('statistics.year')} rules={[{ required: true, message: t('statistics.yearRequired') }]}>
              <InputNumber autoFocus min={2000} max={2100} precision={0} style={{ width: 110 }} data-testid="statistics-year" />
            </Form.Item>
          )}
          <Form.Item name="mode">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'year', label: t('statistics.byYear') },
                { value: 'dates', label: t('statistics.byDates') },
              ]}
              data-testid="statistics-mode"
            />
          </Form.Item>
          <Form.Item name="department" label={t('statistics.department')}>
            <Input allowClear placeholder={t('statistics.allDepartments')} style={{ width: 150 }} maxLength={60} data-testid="statistics-department" />
          </Form.Item>
          <Form.Item name="cabinetId" label={t('statistics.cabinet')}>
            <Select
              allowClear
              placeholder={t('statistics.allCabinets')}
              style={{ width: 180 }}
              options={locations.map((l) => ({ value: l.id, label: `${l.code} ${l.name}` }))}
              data-testid="statistics-cabinet"
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<BarChartOutlined />} loading={busy} data-testid="statistics-apply">
              {t('statistics.apply')}
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="statistics-period">
          {[
            t('statistics.period', { from: range.from, to: range.to }),
            ...(range.department ? [t('statistics.ofDepartment', { department: range.department })] : []),
            ...(range.cabinetId ? [t('statistics.ofCabinet', { cabinet: cabinet ? `${cabinet.code} ${cabinet.name}` : '' })] : []),
          ].join(t('statistics.separator'))}
        </Typography.Paragraph>
      </Card>
      <ErrorAlert error={error} testId="statistics-error" />
      <Spin spinning={busy && !view}>
        {view && (
          <Flex vertical gap={16}>
            <Card title={t('statistics.sections.documents')} size="small">
              <SectionTable section={SECTIONS[0]!} view={view} onOpen={openItems} />
            </Card>
            <Card title={t('statistics.sections.months')} size="small">
              <Row gutter={[16, 16]}>
                <Col xs={24} xxl={12}>
                  <MonthsTable view={view} onOpen={openItems} />
                </Col>
                <Col xs={24} xxl={12}>
                  <ChartOrNone spec={chart('monthly-flows')} />
                </Col>
              </Row>
            </Card>
            <Card
              title={t('statistics.sections.holdings')}
              size="small"
              extra={<Typography.Text type="secondary">{t('statistics.holdingsNow')}</Typography.Text>}
            >
              <Row gutter={[16, 16]}>
                <Col xs={24} xxl={14}>
                  <SectionTable section={SECTIONS[1]!} view={view} onOpen={openItems} />
                </Col>
                <Col xs={24} xxl={10}>
                  <ChartOrNone spec={chart('holdings-by-level')} />
                </Col>
              </Row>
            </Card>
            <Card title={t('statistics.sections.late')} size="small">
              <Row gutter={[16, 16]}>
                <Col xs={24} xxl={12}>
                  <LateTable view={view} items={late} />
                </Col>
                <Col xs={24} xxl={12}>
                  <ChartOrNone spec={chart('late-returns')} />
                </Col>
              </Row>
            </Card>
            {SECTIONS.slice(2).map((section) => (
              <Card key={section.key} title={t(`statistics.sections.${section.key}`)} size="small">
                <SectionTable section={section} view={view} onOpen={openItems} />
              </Card>
            ))}
            <Card title={t('statistics.sections.refusals')} size="small">
              <RefusalsTable view={view} onOpen={openItems} />
            </Card>
            {wholeYear(range) && <ReviewCountsCard year={Number(range.from.slice(0, 4))} />}
            <Card title={say(AUDIT_CHAIN_TERMS.title, language)} size="small" data-testid="statistics-audit-chain">
              <Typography.Text>{auditChainText(view.auditChain, language)}</Typography.Text>
            </Card>
          </Flex>
        )}
      </Spin>
      {view && <StatisticsItems range={view} cell={query?.items ?? null} onClose={() => openItems(null)} />}
    </Flex>
  );
}

/** A chart, or a word that there is nothing to draw (no late return, or a filter that cannot narrow it). */
function ChartOrNone({ spec }: { spec: ChartSpec | undefined }) {
  const { t } = useTranslation();
  return spec ? <ReportChart spec={spec} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('statistics.noChart')} />;
}

/** Each copy returned late, the latest first: the numbers the late-return chart draws. */
function LateTable({ view, items }: { view: StatisticsView; items: LateItem[] }) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const openDocument = useLedger((s) => s.openDocument);
  const rows = useMemo(() => items.toSorted((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0)), [items]);
  if (!view.figures.lateReturns) return <Typography.Text type="secondary">{t('statistics.notByCabinet')}</Typography.Text>;
  return (
    <Table<LateItem>
      size="small"
      bordered
      rowKey="key"
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: t('statistics.noLate') }}
      columns={[
        {
          key: 'label',
          title: t('statistics.items.label.document'),
          render: (_, i) => (
            <Button
              type="link"
              size="small"
              onClick={() => openDocument(i.subject.id)}
              style={{ padding: 0, height: 'auto' }}
              data-testid={`statistics-late-${i.key}`}
            >
              {i.label}
            </Button>
          ),
        },
        { key: 'copyNo', title: t('statistics.items.copyNo'), render: (_, i) => (i.copyNo === null ? '' : formatCopyNo(i.copyNo)) },
        { key: 'title', title: t('statistics.items.title.document'), render: (_, i) => i.title },
        { key: 'level', title: t('statistics.levelOf.level'), render: (_, i) => (i.level ? say(LEVEL_TERMS[i.level as Level], language) : '') },
        { key: 'day', title: t('statistics.items.returnedOn'), render: (_, i) => i.day },
        { key: 'daysLate', title: t('statistics.items.daysLate'), align: 'right', render: (_, i) => i.daysLate },
        { key: 'department', title: t('statistics.items.detail.department'), render: (_, i) => i.detail },
      ]}
      data-testid="statistics-late"
    />
  );
}
