// 审批: the approver's requests waiting (待审批) and those decided (已审批, filtered by kind, date and decision); the
// custodian's own requests and their state. A row opens the approval's page.
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, DatePicker, Flex, Form, Select, Table, Tabs, Tag, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { APPROVAL_KINDS, type ApprovalKind, type ApprovalStatus } from '../../../../db/domain/approvals';
import { compressCopyNos } from '../../../../db/domain';
import { selectHasRole, selectIsCustodian, useLedger } from '../../store';
import { isoDate } from '../../ui/dates';
import { formatAt } from '../../ui/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useAction } from '../../ui/hooks/useAction';
import type { ApprovalFilters, ApprovalView } from './store';
import type { TFunction } from '../../i18n';

type Tab = 'pending' | 'decided' | 'requests';

const DECISIONS: ApprovalStatus[] = ['approved', 'refused', 'used', 'expired'];

const STATUS_COLORS: Record<ApprovalStatus, string> = { pending: 'gold', approved: 'green', refused: 'red', used: 'blue', expired: 'default' };

export function ApprovalStatusTag({ status, testId }: { status: ApprovalStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId}>
      {t(`approvals.statuses.${status}`)}
    </Tag>
  );
}

/** The 份号 an approval names and the count it allows (a copy names its source and how many copies), '—' for neither. */
export function approvalItems(a: Pick<ApprovalView, 'copyNos' | 'count'>, t: TFunction): string {
  const parts = [...(a.copyNos.length ? [compressCopyNos(a.copyNos)] : []), ...(a.count ? [t('approvals.countOf', { n: a.count })] : [])];
  return parts.join('\u3000') || '—';
}

export function ApprovalsPage() {
  const { t } = useTranslation();
  const isApprover = useLedger(selectHasRole('approver'));
  const isCustodian = useLedger(selectIsCustodian);
  const tabs: Tab[] = [...(isApprover ? (['pending'] as const) : []), 'decided', ...(isCustodian ? (['requests'] as const) : [])];
  const [tab, setTab] = useState<Tab>(tabs[0]!);
  return (
    <Card title={t('approvals.title')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        destroyOnHidden
        items={tabs.map((key) => ({
          key,
          label: <span data-testid={`approvals-tab-${key}`}>{t(`approvals.tabs.${key}`)}</span>,
          children: <ApprovalList tab={key} />,
        }))}
      />
    </Card>
  );
}

interface FilterValues {
  kind?: ApprovalKind;
  status?: ApprovalStatus;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

function toFilters(tab: Tab, v: FilterValues): ApprovalFilters {
  const [from, to] = v.dates ?? [];
  return {
    ...(tab === 'pending' ? { status: 'pending' as const } : v.status ? { status: v.status } : {}),
    ...(v.kind ? { kind: v.kind } : {}),
    ...(from ? { from: isoDate(from) } : {}),
    ...(to ? { to: isoDate(to) } : {}),
  };
}

function ApprovalList({ tab }: { tab: Tab }) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const listApprovals = useLedger((s) => s.listApprovals);
  const openApproval = useLedger((s) => s.openApproval);
  const [rows, setRows] = useState<ApprovalView[]>([]);
  const [filters, setFilters] = useState<FilterValues>({});
  const load = useCallback(async () => {
    const found = await listApprovals(toFilters(tab, filters));
    // 已审批 holds every request that has a decision, whatever became of it since.
    setRows(tab === 'decided' ? found.filter((a) => a.status !== 'pending') : found);
  }, [listApprovals, tab, filters]);
  const { run, busy, error } = useAction(load);
  useEffect(() => {
    void run();
  }, [run]);

  const columns: TableProps<ApprovalView>['columns'] = [
    {
      key: 'approvalNo',
      title: t('approvals.columns.approvalNo'),
      render: (_, a) => (
        <Button type="link" size="small" onClick={() => openApproval(a.id)} data-testid={`approvals-open-${a.id}`} className="monospace">
          {a.approvalNo}
        </Button>
      ),
    },
    { key: 'kind', title: t('approvals.columns.kind'), render: (_, a) => t(`approvals.kinds.${a.kind}`) },
    { key: 'subject', title: t('approvals.columns.subject'), render: (_, a) => a.subject.label },
    { key: 'items', title: t('approvals.columns.items'), render: (_, a) => approvalItems(a, t) },
    { key: 'requestedBy', title: t('approvals.columns.requestedBy'), render: (_, a) => a.requestedBy.displayName },
    { key: 'requestedAt', title: t('approvals.columns.requestedAt'), render: (_, a) => formatAt(a.requestedAt, language) },
    { key: 'status', title: t('approvals.columns.status'), render: (_, a) => <ApprovalStatusTag status={a.status} testId={`approvals-status-${a.id}`} /> },
    ...(tab === 'pending'
      ? []
      : [
          { key: 'way', title: t('approvals.columns.way'), render: (_: unknown, a: ApprovalView) => (a.way ? t(`approvals.ways.${a.way}`) : '—') },
          {
            key: 'decidedBy',
            title: t('approvals.columns.decidedBy'),
            render: (_: unknown, a: ApprovalView) => a.external?.body ?? a.decidedBy?.displayName ?? '—',
          },
        ]),
  ];

  return (
    <Flex vertical gap={12}>
      {tab !== 'pending' && (
        <Form<FilterValues> layout="inline" onValuesChange={(_, all) => setFilters(all)} data-testid={`approvals-filters-${tab}`}>
          <Form.Item name="kind" label={t('approvals.columns.kind')}>
            <Select
              allowClear
              style={{ width: 180 }}
              options={APPROVAL_KINDS.map((k) => ({ value: k, label: t(`approvals.kinds.${k}`) }))}
              data-testid="approvals-filter-kind"
            />
          </Form.Item>
          <Form.Item name="status" label={tab === 'decided' ? t('approvals.filters.decision') : t('approvals.columns.status')}>
            <Select
              allowClear
              style={{ width: 140 }}
              options={(tab === 'decided' ? DECISIONS : (['pending', ...DECISIONS] as ApprovalStatus[])).map((s) => ({
                value: s,
                label: t(`approvals.statuses.${s}`),
              }))}
              data-testid="approvals-filter-status"
            />
          </Form.Item>
          <Form.Item name="dates" label={t('approvals.filters.dates')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="approvals-filter-dates" />
          </Form.Item>
        </Form>
      )}
      <ErrorAlert error={error} testId="approvals-error" />
      <Table<ApprovalView>
        rowKey="id"
        size="small"
        loading={busy}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: tab === 'pending' ? t('approvals.nonePending') : t('approvals.none') }}
        onRow={(a) => ({ onDoubleClick: () => openApproval(a.id) })}
        data-testid={`approvals-table-${tab}`}
      />
    </Flex>
  );
}
