// The audit log for the auditor: filters, server-side pages of 50, and the hash-chain check.
import { useEffect } from 'react';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Select, Table, Tag, Typography, type GetProps, type TableProps } from 'antd';
import { SafetyOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView, AuditVerifyView } from '../../../../preload/contract';
import { AUDIT_PAGE_SIZE, useLedger, type AuditFilters } from '../../store';
import { useAction } from '../../ui/hooks/useAction';
import { formatDateTime } from '../../ui/format';
import { ErrorAlert } from '../../ui/ErrorAlert';

const AUDIT_KINDS = ['session', 'setup', 'account', 'settings', 'audit', 'print', 'export', 'backup', 'ledger'] as const;
type AuditKind = (typeof AUDIT_KINDS)[number];
type Outcome = AuditEntryView['outcome'];
const OUTCOMES: readonly Outcome[] = ['ok', 'refused', 'failed'];
const OUTCOME_COLORS: Record<Outcome, string> = { ok: 'green', refused: 'orange', failed: 'red' };

type DateRange = GetProps<typeof DatePicker.RangePicker>['value'];

interface FilterValues {
  actor?: string;
  range?: DateRange;
  kind?: AuditKind;
  outcome?: Outcome;
}

function isAuditKind(kind: string): kind is AuditKind {
  return (AUDIT_KINDS as readonly string[]).includes(kind);
}

/** Whole days in local time, sent as ISO instants. */
function toFilters({ actor, range, kind, outcome }: FilterValues): AuditFilters {
  const [from, to] = range ?? [];
  return {
    actor: actor?.trim() || undefined,
    kind,
    outcome,
    from: from?.startOf('day').toISOString(),
    to: to?.endOf('day').toISOString(),
  };
}

const perform = (op: () => Promise<void>) => op();

export function AuditPage() {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const rows = useLedger((s) => s.auditRows);
  const total = useLedger((s) => s.auditTotal);
  const page = useLedger((s) => s.auditPage);
  const searchAudit = useLedger((s) => s.searchAudit);
  const loadAuditPage = useLedger((s) => s.loadAuditPage);
  const [form] = Form.useForm<FilterValues>();
  const { run, busy, error } = useAction(perform);

  useEffect(() => {
    void run(() => searchAudit({}));
  }, [run, searchAudit]);

  const columns: TableProps<AuditEntryView>['columns'] = [
    { key: 'seq', dataIndex: 'seq', title: t('audit.seq'), width: 64 },
    { key: 'at', title: t('audit.at'), width: 160, render: (_, e) => formatDateTime(e.at, language) },
    { key: 'actor', title: t('audit.actor'), width: 100, ellipsis: true, render: (_, e) => e.actor ?? t('audit.system') },
    { key: 'kind', title: t('audit.kind'), width: 110, render: (_, e) => (isAuditKind(e.kind) ? t(`audit.kinds.${e.kind}`) : e.kind) },
    { key: 'action', dataIndex: 'action', title: t('audit.action'), width: 170, ellipsis: true },
    { key: 'target', title: t('audit.target'), width: 100, ellipsis: true, render: (_, e) => e.target ?? '' },
    {
      key: 'outcome',
      title: t('audit.outcome'),
      width: 150,
      // The stable code stays visible: it is what an inspector looks up and what the CLI prints.
      render: (_, e) => (
        <>
          <Tag color={OUTCOME_COLORS[e.outcome]}>{t(`audit.outcomes.${e.outcome}`)}</Tag>
          {e.errorCode && (
            <Typography.Text type="secondary" className="audit-error-code">
              {e.errorCode}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: 'summary',
      title: t('audit.summary'),
      ellipsis: true,
      render: (_, e) => {
        const json = JSON.stringify(e.summary);
        return json === '{}' ? (
          ''
        ) : (
          <Typography.Text code className="audit-summary" title={json}>
            {json}
          </Typography.Text>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={16}>
      <AuditVerification />
      <Card title={t('audit.title')}>
        <Form<FilterValues>
          form={form}
          layout="inline"
          onFinish={(values) => run(() => searchAudit(toFilters(values)))}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear style={{ width: 140 }} data-testid="audit-filter-actor" />
          </Form.Item>
          <Form.Item name="range" label={t('audit.range')}>
            <DatePicker.RangePicker data-testid="audit-filter-range" />
          </Form.Item>
          <Form.Item name="kind" label={t('audit.kind')}>
            <Select
              allowClear
              style={{ width: 150 }}
              options={AUDIT_KINDS.map((kind) => ({ value: kind, label: t(`audit.kinds.${kind}`) }))}
              data-testid="audit-filter-kind"
            />
          </Form.Item>
          <Form.Item name="outcome" label={t('audit.outcome')}>
            <Select
              allowClear
              style={{ width: 110 }}
              options={OUTCOMES.map((outcome) => ({ value: outcome, label: t(`audit.outcomes.${outcome}`) }))}
              data-testid="audit-filter-outcome"
            />
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
      </Card>
    </Flex>
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
