// The audit log in the reader's language: filters, server-side pages of 50, a row opens its detail with every field
// labelled; the hash-chain check; and 核对打印件, which proves a printout's `审计链 #seq hash` against the log.
// The auditor reads the log; the custodian and the administrator only check printouts (and the administrator the chain).
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Table,
  Tag,
  Typography,
  type DescriptionsProps,
  type GetProps,
  type TableProps,
} from 'antd';
import { FileSearchOutlined, SafetyOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  AUDIT_ACTION_TERMS,
  AUDIT_CATEGORIES,
  AUDIT_CATEGORY_TERMS,
  AUDIT_OUTCOME_TERMS,
  auditActionText,
  auditCategoryOf,
  auditFields,
  type AuditCategory,
} from '../../../../db/domain/audit';
import { errorMessage } from '../../../../db/domain/errors';
import { say, type Language } from '../../../../db/domain/terms';
import type { AuditEntryView, AuditVerifyView } from '../../../../preload/contract';
import { AUDIT_PAGE_SIZE, selectHasRole, useLedger, type AuditFilters } from '../../store';
import { useAction } from '../../ui/hooks/useAction';
import { formatDateTime } from '../../ui/format';
import { ErrorAlert } from '../../ui/ErrorAlert';

type Outcome = AuditEntryView['outcome'];
const OUTCOMES: readonly Outcome[] = ['ok', 'refused', 'failed'];
const OUTCOME_COLORS: Record<Outcome, string> = { ok: 'green', refused: 'orange', failed: 'red' };
/** The few fields a row's summary shows; the detail shows them all. */
const SUMMARY_FIELDS = 3;

type DateRange = GetProps<typeof DatePicker.RangePicker>['value'];

interface FilterValues {
  actor?: string;
  range?: DateRange;
  category?: AuditCategory;
  action?: string;
  outcome?: Outcome;
  target?: string;
}

/** Whole days in local time, sent as ISO instants. */
function toFilters({ actor, range, category, action, outcome, target }: FilterValues): AuditFilters {
  const [from, to] = range ?? [];
  return {
    actor: actor?.trim() || undefined,
    category,
    action,
    outcome,
    target: target?.trim() || undefined,
    from: from?.startOf('day').toISOString(),
    to: to?.endOf('day').toISOString(),
  };
}

/** The entry's reason, when it was refused or failed: the catalogue's sentence from its code and details. */
function reasonOf(entry: AuditEntryView, language: Language): string | null {
  if (!entry.errorCode) return null;
  const details = entry.summary['details'];
  return errorMessage({ code: entry.errorCode, details: details && typeof details === 'object' ? (details as Record<string, unknown>) : undefined }, language);
}

/**
 * The summary without what the outcome already says: a refusal's details, and the English sentence refusals kept
 * before they stored their details (old entries read by their code, like new ones).
 */
function summaryFields(entry: AuditEntryView, language: Language) {
  const { details: _details, reason, ...rest } = entry.summary;
  return auditFields(entry.errorCode ? rest : { ...rest, reason }, language, entry.refs);
}

const personOf = (entry: AuditEntryView, system: string) => (entry.actor === null ? system : (entry.actorName ?? entry.actor));
/** What an entry is about: an account by its display name (as the actor), anything else by its number. */
const targetOf = (entry: AuditEntryView) => entry.targetName ?? entry.target ?? '';

const perform = (op: () => Promise<void>) => op();
const selectIsAuditor = selectHasRole('auditor');
const selectIsAdmin = selectHasRole('admin');

export function AuditPage() {
  const isAuditor = useLedger(selectIsAuditor);
  const isAdmin = useLedger(selectIsAdmin);
  return (
    <Flex vertical gap={16}>
      <PrintoutCheck />
      {(isAuditor || isAdmin) && <AuditVerification />}
      {isAuditor && <AuditLog />}
    </Flex>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const rows = useLedger((s) => s.auditRows);
  const total = useLedger((s) => s.auditTotal);
  const page = useLedger((s) => s.auditPage);
  const searchAudit = useLedger((s) => s.searchAudit);
  const loadAuditPage = useLedger((s) => s.loadAuditPage);
  const [form] = Form.useForm<FilterValues>();
  const category = Form.useWatch('category', form);
  const [opened, setOpened] = useState<AuditEntryView | null>(null);
  const { run, busy, error } = useAction(perform);

  useEffect(() => {
    void run(() => searchAudit({}));
  }, [run, searchAudit]);

  const actions = Object.keys(AUDIT_ACTION_TERMS).filter((action) => !category || auditCategoryOf(action) === category);

  const columns: TableProps<AuditEntryView>['columns'] = [
    { key: 'seq', dataIndex: 'seq', title: t('audit.seq'), width: 64 },
    { key: 'at', title: t('audit.at'), width: 150, render: (_, e) => formatDateTime(e.at) },
    { key: 'actor', title: t('audit.actor'), width: 90, ellipsis: true, render: (_, e) => personOf(e, t('audit.system')) },
    { key: 'category', title: t('audit.category'), width: 90, render: (_, e) => (e.category ? say(AUDIT_CATEGORY_TERMS[e.category], language) : '') },
    { key: 'action', title: t('audit.action'), width: 140, ellipsis: true, render: (_, e) => auditActionText(e.action, language) },
    { key: 'target', title: t('audit.target'), width: 110, ellipsis: true, render: (_, e) => targetOf(e) },
    {
      key: 'outcome',
      title: t('audit.outcome'),
      width: 110,
      render: (_, e) => <Tag color={OUTCOME_COLORS[e.outcome]}>{say(AUDIT_OUTCOME_TERMS[e.outcome], language)}</Tag>,
    },
    {
      key: 'summary',
      title: t('audit.summary'),
      ellipsis: true,
      render: (_, e) => {
        // A refusal reads as its reason, the stable code small beside it (what an inspector looks up, what the CLI prints).
        const reason = reasonOf(e, language);
        if (reason)
          return (
            <span className="audit-reason">
              {reason}{' '}
              <Typography.Text type="secondary" className="audit-error-code">
                {e.errorCode}
              </Typography.Text>
            </span>
          );
        return summaryFields(e, language)
          .slice(0, SUMMARY_FIELDS)
          .map((f) => `${f.labels.at(-1)}${t('audit.colon')}${f.value}`)
          .join(t('audit.separator'));
      },
    },
  ];

  return (
    <Card title={t('audit.title')}>
      <Form<FilterValues> form={form} layout="inline" onFinish={(values) => run(() => searchAudit(toFilters(values)))} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input allowClear style={{ width: 120 }} data-testid="audit-filter-actor" />
        </Form.Item>
        <Form.Item name="range" label={t('audit.range')}>
          <DatePicker.RangePicker data-testid="audit-filter-range" />
        </Form.Item>
        <Form.Item name="category" label={t('audit.category')}>
          <Select
            allowClear
            style={{ width: 130 }}
            onChange={() => form.setFieldValue('action', undefined)}
            options={AUDIT_CATEGORIES.map((c) => ({ value: c, label: say(AUDIT_CATEGORY_TERMS[c], language) }))}
            data-testid="audit-filter-category"
          />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 170 }}
            options={actions.map((a) => ({ value: a, label: auditActionText(a, language) }))}
            data-testid="audit-filter-action"
          />
        </Form.Item>
        <Form.Item name="outcome" label={t('audit.outcome')}>
          <Select
            allowClear
            style={{ width: 100 }}
            options={OUTCOMES.map((o) => ({ value: o, label: say(AUDIT_OUTCOME_TERMS[o], language) }))}
            data-testid="audit-filter-outcome"
          />
        </Form.Item>
        <Form.Item name="target" label={t('audit.targetNo')}>
          <Input allowClear style={{ width: 130 }} data-testid="audit-filter-target" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.resetFields();
              void run(() => searchAudit({}));
            }}
            data-testid="audit-reset"
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} testId="audit-error" />
      <Table<AuditEntryView>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={busy}
        onRow={(entry) => ({ onClick: () => setOpened(entry), style: { cursor: 'pointer' }, 'data-testid': `audit-row-${entry.seq}` }) as never}
        pagination={{
          current: page,
          pageSize: AUDIT_PAGE_SIZE,
          total,
          showSizeChanger: false,
          showTotal: (count) => t('audit.total', { total: count }),
          onChange: (next) => void run(() => loadAuditPage(next)),
        }}
        data-testid="audit-table"
      />
      <AuditEntryDetail entry={opened} onClose={() => setOpened(null)} />
    </Card>
  );
}

/** One entry with every field labelled: who, when, what, the outcome and its reason, and each field of its summary. */
function AuditEntryDetail({ entry, onClose }: { entry: AuditEntryView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  if (!entry) return null;
  const reason = reasonOf(entry, language);
  const items: DescriptionsProps['items'] = [
    { key: 'seq', label: t('audit.seq'), children: entry.seq },
    { key: 'at', label: t('audit.at'), children: formatDateTime(entry.at) },
    { key: 'actor', label: t('audit.actor'), children: personOf(entry, t('audit.system')) },
    { key: 'category', label: t('audit.category'), children: entry.category ? say(AUDIT_CATEGORY_TERMS[entry.category], language) : '' },
    { key: 'action', label: t('audit.action'), children: auditActionText(entry.action, language) },
    { key: 'target', label: t('audit.target'), children: targetOf(entry) },
    { key: 'outcome', label: t('audit.outcome'), children: say(AUDIT_OUTCOME_TERMS[entry.outcome], language) },
    ...(reason
      ? [
          {
            key: 'reason',
            label: t('audit.reason'),
            children: (
              <span>
                {reason}{' '}
                <Typography.Text type="secondary" className="audit-error-code">
                  {entry.errorCode}
                </Typography.Text>
              </span>
            ),
          },
        ]
      : []),
    ...summaryFields(entry, language).map((f, i) => ({ key: `f${i}`, label: f.labels.join(t('audit.labelJoin')), children: f.value })),
    { key: 'hash', label: t('audit.hash'), children: <Typography.Text code>{entry.hash.slice(0, 16)}</Typography.Text> },
  ];
  return (
    <Drawer open title={t('audit.detail', { seq: entry.seq })} size={560} onClose={onClose} data-testid="audit-detail">
      <Descriptions column={1} bordered size="small" items={items} styles={{ label: { width: 150 } }} />
    </Drawer>
  );
}

interface CheckValues {
  seq?: number;
  hash?: string;
}

/** 核对打印件: the seq and short hash from a printout's footer, checked against the log as it is now. */
function PrintoutCheck() {
  const { t } = useTranslation();
  const result = useLedger((s) => s.printoutCheck);
  const checkPrintout = useLedger((s) => s.checkPrintout);
  const { run, busy, error } = useAction(checkPrintout);
  const [form] = Form.useForm<CheckValues>();
  return (
    <Card size="small" title={t('audit.check.title')}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('audit.check.hint')}</Typography.Text>
        <Form<CheckValues> form={form} layout="inline" onFinish={(v) => v.seq && v.hash && run(v.seq, v.hash.trim())} style={{ rowGap: 8 }}>
          <Form.Item name="seq" label={t('audit.check.seq')} rules={[{ required: true, message: t('audit.check.seqRequired') }]}>
            <InputNumber min={1} precision={0} style={{ width: 120 }} autoFocus data-testid="audit-check-seq" />
          </Form.Item>
          <Form.Item
            name="hash"
            label={t('audit.check.hash')}
            rules={[{ required: true, pattern: /^\s*[0-9a-fA-F]{6,64}\s*$/, message: t('audit.check.hashRule') }]}
          >
            <Input style={{ width: 140 }} data-testid="audit-check-hash" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<FileSearchOutlined />} loading={busy} data-testid="audit-check">
              {t('audit.check.run')}
            </Button>
          </Form.Item>
        </Form>
        <ErrorAlert error={error} testId="audit-check-error" />
        {result && !busy && (
          <div data-testid="audit-check-result">
            {!result.found ? (
              <Alert type="warning" showIcon title={t('audit.check.notFound', { seq: result.seq })} />
            ) : (
              <Alert
                type={result.matches && result.chain.intact ? 'success' : 'error'}
                showIcon
                title={t(result.matches ? 'audit.check.matches' : 'audit.check.mismatch', { seq: result.seq, hash: result.hash })}
                description={
                  <Flex vertical gap={4}>
                    <span>
                      {result.chain.intact
                        ? t('audit.check.chainIntact', { seq: result.seq, head: result.chain.head.seq })
                        : `${t('audit.check.chainBroken', { seq: result.chain.firstBroken.seq })} ${t(`audit.brokenReasons.${result.chain.firstBroken.reason}`)}`}
                    </span>
                    {result.prints.length === 0 ? (
                      <span>{t('audit.check.noPrint')}</span>
                    ) : (
                      result.prints.map((p) => (
                        <span key={p.seq} data-testid="audit-check-print">
                          {t('audit.check.print', {
                            seq: p.seq,
                            title: p.title,
                            at: formatDateTime(p.at),
                            actor: p.actor ?? t('audit.system'),
                            pages: p.pages ?? '',
                          })}
                        </span>
                      ))
                    )}
                  </Flex>
                }
              />
            )}
          </div>
        )}
      </Flex>
    </Card>
  );
}

function AuditVerification() {
  const { t } = useTranslation();
  const result = useLedger((s) => s.auditVerification);
  const { run, busy, error } = useAction(useLedger((s) => s.verifyAudit));
  return (
    <Card size="small">
      <Flex vertical gap={12}>
        <Button icon={<SafetyOutlined />} onClick={() => void run()} loading={busy} style={{ alignSelf: 'flex-start' }} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
        <ErrorAlert error={error} testId="audit-verify-error" />
        {result && !busy && <VerifyResult result={result} />}
      </Flex>
    </Card>
  );
}

function VerifyResult({ result }: { result: AuditVerifyView }) {
  const { t } = useTranslation();
  if (result.intact) {
    const { seq, hash } = result.head;
    return <Alert type="success" showIcon title={t('audit.intact', { count: result.count, seq, hash: hash.slice(0, 8) })} data-testid="audit-verify-result" />;
  }
  const { seq, reason } = result.firstBroken;
  return (
    <Alert
      type="error"
      showIcon
      title={t('audit.broken', { seq })}
      description={`${t(`audit.brokenReasons.${reason}`)} ${t('audit.brokenAdvice')}`}
      data-testid="audit-verify-result"
    />
  );
}
