// One approval: what it allows, for which items, who asked and why, the decision and how it was given, until when
// it holds, and the action it enabled. The approver decides here (批准 / 不批准 with a note); the custodian records
// a signed paper 审批单 here.
import { useEffect, useState, type ReactNode } from 'react';
import { Button, Card, Descriptions, Flex, Form, Input, Radio, Result, Select, Space, Spin, Typography, type DescriptionsProps } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { selectHasRole, selectIsCustodian, useLedger } from '../../store';
import { useErrorText } from '../../i18n/errors';
import { useAction } from '../../ui/hooks/useAction';
import { formatAt } from '../../ui/format';
import { isoDate } from '../../ui/dates';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormModal } from '../../ui/FormModal';
import { ApprovalStatusTag, approvalItems } from './ApprovalsPage';
import { PrintButton } from '../printing/PrintButton';
import type { ApprovalView } from './store';
import { useApprovers } from './useApprovers';
import type { TFunction } from '../../i18n';
import { isEventKind } from '../documents/documents';
import { isDeviceEventKind } from '../devices/devices';

const perform = (op: () => Promise<void>) => op();

/** The action an approval enabled, in the words of its register's history. */
function enabledAction({ kind, register }: NonNullable<ApprovalView['enabled']>, t: TFunction): string {
  if (register === 'document') return isEventKind(kind) ? t(`events.${kind}`) : '';
  return isDeviceEventKind(kind) ? t(`devices.events.${kind}`) : '';
}

export function ApprovalPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useLedger((s) => s.approvalId);
  const approval = useLedger((s) => s.approval);
  const loadApproval = useLedger((s) => s.loadApproval);
  const setPage = useLedger((s) => s.setPage);
  const { run, busy, error } = useAction(perform);

  useEffect(() => {
    if (id !== null) void run(() => loadApproval(id));
  }, [id, run, loadApproval]);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => setPage('approvals')} data-testid="approval-back">
      {t('approvals.back')}
    </Button>
  );
  if (error && !approval) return <Result status="warning" title={errorText(error)} extra={back} data-testid="approval-error" />;
  if (!approval || approval.id !== id) return <Spin spinning={busy}>{back}</Spin>;
  return <ApprovalDetail approval={approval} back={back} />;
}

function ApprovalDetail({ approval: a, back }: { approval: ApprovalView; back: ReactNode }) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const isApprover = useLedger(selectHasRole('approver'));
  const isCustodian = useLedger(selectIsCustodian);
  const openDocument = useLedger((s) => s.openDocument);
  const openDevice = useLedger((s) => s.openDevice);
  const [recording, setRecording] = useState(false);
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const pending = a.status === 'pending';

  const openSubject = () => {
    if (a.subject.type === 'document') openDocument(a.subject.id);
    else if (a.subject.type === 'computer' || a.subject.type === 'medium') openDevice(a.subject.type, a.subject.id);
  };
  const decidedBy = a.external ? `${a.external.body}\u3000${a.external.docNo}\u3000${a.external.date}` : a.decidedBy?.displayName;
  const descriptions: DescriptionsProps['items'] = [
    {
      key: 'approvalNo',
      label: t('approvals.columns.approvalNo'),
      children: (
        <span className="monospace" data-testid="approval-no">
          {a.approvalNo}
        </span>
      ),
    },
    { key: 'status', label: t('approvals.columns.status'), children: <ApprovalStatusTag status={a.status} testId="approval-status" /> },
    { key: 'kind', label: t('approvals.columns.kind'), children: <span data-testid="approval-kind">{t(`approvals.kinds.${a.kind}`)}</span> },
    {
      key: 'subject',
      label: t('approvals.columns.subject'),
      children:
        a.subject.type === 'location' ? (
          a.subject.label
        ) : (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={openSubject} data-testid="approval-subject">
            {a.subject.label}
          </Button>
        ),
    },
    { key: 'items', label: t('approvals.columns.items'), children: <span data-testid="approval-items">{approvalItems(a, t)}</span> },
    { key: 'requestedBy', label: t('approvals.columns.requestedBy'), children: a.requestedBy.displayName },
    { key: 'requestedAt', label: t('approvals.columns.requestedAt'), children: formatAt(a.requestedAt, language) },
    { key: 'reason', label: t('approvals.page.reason'), span: 2, children: <span data-testid="approval-reason">{a.reason || '—'}</span> },
    { key: 'way', label: t('approvals.columns.way'), children: a.way ? <span data-testid="approval-way">{t(`approvals.ways.${a.way}`)}</span> : none },
    { key: 'decidedBy', label: t('approvals.columns.decidedBy'), children: decidedBy ? <span data-testid="approval-decided-by">{decidedBy}</span> : none },
    { key: 'decidedAt', label: t('approvals.columns.decidedAt'), children: a.decidedAt ? formatAt(a.decidedAt, language) : none },
    ...(a.paperNo ? [{ key: 'paperNo', label: t('approvals.page.paperNo'), children: <span data-testid="approval-paper-no">{a.paperNo}</span> }] : []),
    { key: 'note', label: t('approvals.page.note'), children: a.note || none },
    { key: 'expiresAt', label: t('approvals.page.expiresAt'), children: a.expiresAt ? formatAt(a.expiresAt, language) : none },
    {
      key: 'enabled',
      label: t('approvals.page.enabled'),
      span: 2,
      children: a.enabled ? (
        <span data-testid="approval-enabled">
          {t('approvals.page.enabledAs', { action: enabledAction(a.enabled, t), at: formatAt(a.enabled.at, language) })}
        </span>
      ) : (
        none
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Space>
        {back}
        {/* The 审批单 the approver signs on paper, for a request decided that way. */}
        <PrintButton request={{ kind: 'approval-form', approvalId: a.id }} label={t('approvals.page.print')} testId="approval-print" />
      </Space>
      <Card title={t('approvals.page.title', { approvalNo: a.approvalNo })} data-testid="approval-page">
        <Descriptions bordered size="small" column={2} items={descriptions} />
      </Card>
      {pending && isApprover && <DecideCard approval={a} />}
      {pending && isCustodian && (
        <Space>
          <Button onClick={() => setRecording(true)} data-testid="approval-record-paper">
            {t('approvals.paper.action')}
          </Button>
        </Space>
      )}
      {recording && <RecordPaperModal approval={a} onClose={() => setRecording(false)} />}
    </Flex>
  );
}

/** 批准 / 不批准, with the approver's note. */
function DecideCard({ approval }: { approval: ApprovalView }) {
  const { t } = useTranslation();
  const decideApproval = useLedger((s) => s.decideApproval);
  const [form] = Form.useForm<{ note?: string }>();
  const { run, busy, error } = useAction(async (decision: 'approved' | 'refused') => {
    const note = form.getFieldValue('note')?.trim();
    await decideApproval({ id: approval.id, decision, ...(note ? { note } : {}) });
  });
  return (
    <Card title={t('approvals.decide.title')} data-testid="approval-decide">
      <ErrorAlert error={error} testId="approval-decide-error" />
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('approvals.page.note')} rules={[{ max: 200 }]}>
          <Input.TextArea autoFocus rows={2} maxLength={200} data-testid="approval-decide-note" />
        </Form.Item>
        <Space>
          <Button type="primary" loading={busy} onClick={() => void run('approved')} data-testid="approval-approve">
            {t('approvals.decide.approve')}
          </Button>
          <Button danger loading={busy} onClick={() => void run('refused')} data-testid="approval-refuse">
            {t('approvals.decide.refuse')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

interface PaperValues {
  paperNo: string;
  approverId: number;
  decision: 'approved' | 'refused';
  decidedAt: Dayjs;
  note?: string;
}

/** The custodian records the paper 审批单 the approver signed: its number, who signed, the decision and its day. */
function RecordPaperModal({ approval, onClose }: { approval: ApprovalView; onClose(): void }) {
  const { t } = useTranslation();
  const recordPaperApproval = useLedger((s) => s.recordPaperApproval);
  const approvers = useApprovers();
  return (
    <FormModal<PaperValues>
      title={t('approvals.paper.title', { approvalNo: approval.approvalNo })}
      submitText={t('approvals.paper.submit')}
      testId="approval-paper"
      keyboard
      initialValues={{ decision: 'approved' }}
      errorFields={{ decidedAt: 'decidedAt', approverId: 'approverId' }}
      onSubmit={async (v) => {
        const note = v.note?.trim();
        await recordPaperApproval({
          id: approval.id,
          approverId: v.approverId,
          decision: v.decision,
          paperNo: v.paperNo.trim(),
          decidedAt: isoDate(v.decidedAt),
          ...(note ? { note } : {}),
        });
      }}
      onClose={onClose}
    >
      <Form.Item name="paperNo" label={t('approvals.page.paperNo')} rules={[{ required: true, whitespace: true }, { max: 60 }]}>
        <Input autoFocus autoComplete="off" data-testid="approval-paper-no-input" />
      </Form.Item>
      <Form.Item name="approverId" label={t('approvals.paper.approver')} rules={[{ required: true }]}>
        <Select options={approvers.map((p) => ({ value: p.id, label: p.displayName }))} data-testid="approval-paper-approver" />
      </Form.Item>
      <Form.Item name="decision" label={t('approvals.paper.decision')}>
        <Radio.Group
          optionType="button"
          options={(['approved', 'refused'] as const).map((d) => ({ value: d, label: t(`approvals.statuses.${d}`) }))}
          data-testid="approval-paper-decision"
        />
      </Form.Item>
      <DateField name="decidedAt" label={t('approvals.paper.decidedAt')} testId="approval-paper-decided-at" />
      <Form.Item name="note" label={t('approvals.page.note')} rules={[{ max: 200 }]}>
        <Input autoComplete="off" data-testid="approval-paper-note" />
      </Form.Item>
    </FormModal>
  );
}
