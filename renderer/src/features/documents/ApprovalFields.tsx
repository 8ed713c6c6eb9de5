// The approval an action names (审批): an approved request for this very item, the approver's countersign on the
// spot (their own account and password), or a decision from outside the unit. Never a typed name.
import { useEffect, useState, type ReactNode } from 'react';
import { App, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { PasswordInput } from '../../ui/PasswordInput';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CommandInput } from '../../../../preload/contract';
import { compressCopyNos } from '../../../../db/domain';
import type { ApprovalAuthority, ApprovalKind, ApprovalSubject } from '../../../../db/domain/approvals';
import { eventDate, isoDate } from '../../ui/dates';
import { DateField } from '../../ui/DateField';
import { FormModal } from '../../ui/FormModal';
import { useLedger } from '../../store';
import type { TFunction } from '../../i18n';
import type { ApprovalView } from '../approvals/store';
import { approvalItems } from '../approvals/ApprovalsPage';
import { useApprovers } from '../approvals/useApprovers';

/** What every action that needs an approval sends as `approval`. */
export type ApprovalGrant = NonNullable<CommandInput<'documents.copy'>['approval']>;
type GrantWay = ApprovalGrant['way'];

/** What the action needs approved: requests are offered for this item and kind only, and filed for it. */
export interface ApprovalNeed {
  kind: ApprovalKind;
  subject: ApprovalSubject;
  copyNos?: number[];
  count?: number;
}

export interface ApprovalValues {
  way?: GrantWay;
  approvalId?: number;
  approverId?: number;
  password?: string;
  body?: string;
  docNo?: string;
  date?: Dayjs;
}

const WAYS: Record<ApprovalAuthority, GrantWay[]> = {
  unit: ['request', 'on_the_spot'],
  external: ['external'],
  either: ['request', 'on_the_spot', 'external'],
};

/** The way a dialog opens with: the first its authority allows. */
export function initialApproval(authority: ApprovalAuthority): ApprovalValues {
  return { way: WAYS[authority][0] };
}

/** The grant a command takes; undefined while the chosen way is not filled in: the backend then says, in its rule's words, what is needed. */
export function toGrant(values: ApprovalValues | undefined): ApprovalGrant | undefined {
  if (values?.way === 'request') return values.approvalId ? { way: 'request', approvalId: values.approvalId } : undefined;
  if (values?.way === 'on_the_spot') {
    return values.approverId && values.password ? { way: 'on_the_spot', approverId: values.approverId, password: values.password } : undefined;
  }
  if (values?.way === 'external') {
    const body = values.body?.trim();
    const docNo = values.docNo?.trim();
    return body && docNo && values.date ? { way: 'external', body, docNo, date: isoDate(values.date) } : undefined;
  }
  return undefined;
}

/** Whether an unused request was still valid on the action's day: approved now, or lapsed only after that day. */
function validOn(a: ApprovalView, day: string): boolean {
  if (a.status === 'approved') return true;
  return a.status === 'expired' && a.expiresAt !== null && day < isoDate(dayjs(a.expiresAt));
}

/** Whether an approved request covers this need: same kind and item, and (for copies) none beyond those approved. */
function covers(a: ApprovalView, need: ApprovalNeed): boolean {
  if (a.kind !== need.kind || a.subject.type !== need.subject.type || a.subject.id !== need.subject.id) return false;
  if (need.copyNos?.length && a.copyNos.length) return need.copyNos.every((n) => a.copyNos.includes(n));
  return true;
}

interface ApprovalFieldsProps {
  /** data-testids: `${testIdPrefix}-way`, `-request`, `-apply`, `-approver`, `-password`, `-body`, `-doc-no`, `-date`. */
  testIdPrefix: string;
  need: ApprovalNeed;
  authority: ApprovalAuthority;
  /** Fewer ways than the authority allows (a request names one item: a batch of several is approved on the spot). */
  onlyOnTheSpot?: boolean;
  /** The rule that asks for the approval, shown above the fields. */
  rule?: ReactNode;
}

/** The approval under the form's `approval` value (start it with initialApproval). */
export function ApprovalFields({ testIdPrefix, need, authority, onlyOnTheSpot = false, rule }: ApprovalFieldsProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const way = Form.useWatch(['approval', 'way'], form) as GrantWay | undefined;
  // The dialog's own day: a countersignature given now cannot approve what was done on an earlier day.
  const lateDay = eventDate(Form.useWatch('at', form) as Dayjs | undefined);
  const ways: readonly GrantWay[] = onlyOnTheSpot ? ['on_the_spot'] : WAYS[authority];
  const allowed = ways.join();
  useEffect(() => {
    // What was chosen may no longer be offered (a batch that grew to several items).
    const current = form.getFieldValue(['approval', 'way']) as GrantWay | undefined;
    const offered = allowed.split(',') as GrantWay[];
    if (!current || !offered.includes(current)) form.setFieldValue(['approval', 'way'], offered[0]);
  }, [allowed, form]);
  return (
    <Card type="inner" size="small" title={t('approvals.fields.title')} style={{ marginBottom: 16 }} data-testid={`${testIdPrefix}-card`}>
      {rule && (
        <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>
          {rule}
        </Typography.Paragraph>
      )}
      {authority === 'external' && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid={`${testIdPrefix}-external-only`}>
          {t('approvals.fields.externalOnly')}
        </Typography.Paragraph>
      )}
      <Form.Item name={['approval', 'way']} label={t('approvals.fields.way')} style={{ marginBottom: 12 }}>
        <Radio.Group
          optionType="button"
          options={ways.map((w) => ({ value: w, label: t(`approvals.fields.ways.${w}`) }))}
          data-testid={`${testIdPrefix}-way`}
        />
      </Form.Item>
      {way === 'request' && <RequestChoice testIdPrefix={testIdPrefix} need={need} />}
      {way === 'on_the_spot' && lateDay && (
        <Typography.Paragraph type="warning" style={{ marginBottom: 8 }} data-testid={`${testIdPrefix}-late`}>
          {t('approvals.fields.onTheSpotToday', { day: lateDay })}
        </Typography.Paragraph>
      )}
      {way === 'on_the_spot' && <OnTheSpot testIdPrefix={testIdPrefix} />}
      {way === 'external' && <ExternalDecision testIdPrefix={testIdPrefix} />}
    </Card>
  );
}

/** An approved, unused request for this item, or a new request filed from here. */
function RequestChoice({ testIdPrefix, need }: { testIdPrefix: string; need: ApprovalNeed }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const listApprovals = useLedger((s) => s.listApprovals);
  const [requests, setRequests] = useState<ApprovalView[]>([]);
  const [filing, setFiling] = useState(false);
  // Counts the requests filed from here, to read the list again after each.
  const [filed, setFiled] = useState(0);
  const { kind } = need;

  useEffect(() => {
    let current = true;
    listApprovals({ kind })
      .then((rows) => current && setRequests(rows))
      .catch(() => current && setRequests([]));
    return () => {
      current = false;
    };
  }, [listApprovals, kind, filed]);

  // The action's day (the dialog's 日期): a request that lapsed since still covers what was done before it lapsed (a late
  // entry); the backend judges it by the same day.
  const at = Form.useWatch('at', form) as Dayjs | undefined;
  const usable = requests.filter((a) => validOn(a, isoDate(at ?? dayjs())) && covers(a, need));
  const waiting = requests.filter((a) => a.status === 'pending' && a.subject.type === need.subject.type && a.subject.id === need.subject.id);
  const only = usable.length === 1 ? usable[0]!.id : undefined;
  useEffect(() => {
    if (only !== undefined && !form.getFieldValue(['approval', 'approvalId'])) form.setFieldValue(['approval', 'approvalId'], only);
  }, [only, form]);

  return (
    <Row gutter={12} align="bottom">
      <Col flex="auto">
        <Form.Item
          name={['approval', 'approvalId']}
          label={t('approvals.fields.request')}
          extra={
            usable.length > 0
              ? undefined
              : waiting.length > 0
                ? t('approvals.fields.waiting', { approvalNos: waiting.map((a) => a.approvalNo).join('、') })
                : t('approvals.fields.noRequest')
          }
          style={{ marginBottom: 0 }}
        >
          <Select
            options={usable.map((a) => ({ value: a.id, label: requestLabel(a, t) }))}
            popupMatchSelectWidth={false}
            data-testid={`${testIdPrefix}-request`}
          />
        </Form.Item>
      </Col>
      <Col>
        <Form.Item label=" " colon={false} style={{ marginBottom: usable.length === 0 ? 22 : 0 }}>
          <Button onClick={() => setFiling(true)} data-testid={`${testIdPrefix}-apply`}>
            {t('approvals.request.action')}
          </Button>
        </Form.Item>
      </Col>
      {filing && (
        // React carries the request form's submit through the portal to the action's form: it stops here.
        <div onSubmit={(e) => e.stopPropagation()}>
          <RequestApprovalModal need={need} onFiled={() => setFiled((n) => n + 1)} onClose={() => setFiling(false)} />
        </div>
      )}
    </Row>
  );
}

function requestLabel(a: ApprovalView, t: TFunction): string {
  return [a.approvalNo, approvalItems(a, t), a.decidedBy?.displayName, a.decidedAt?.slice(0, 10)].filter(Boolean).join('\u3000');
}

/**
 * 当面审批: the approver picks their own account and types their own password here; it is sent once, never kept. Under
 * the form's `field` value (`approval`, or a register's own countersignature field).
 */
export function OnTheSpot({ testIdPrefix, field = 'approval' }: { testIdPrefix: string; field?: string }) {
  const { t } = useTranslation();
  const approvers = useApprovers();
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item
          name={[field, 'approverId']}
          label={t('approvals.fields.approver')}
          extra={approvers.length === 0 ? t('approvals.fields.noApprover') : undefined}
          style={{ marginBottom: 0 }}
        >
          <Select options={approvers.map((a) => ({ value: a.id, label: a.displayName }))} data-testid={`${testIdPrefix}-approver`} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name={[field, 'password']}
          label={t('approvals.fields.password')}
          extra={t('approvals.fields.passwordHint')}
          rules={[{ max: 200 }]}
          style={{ marginBottom: 0 }}
        >
          <PasswordInput autoComplete="off" data-testid={`${testIdPrefix}-password`} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** 外部审批: the originator's (or its superior's) consent, by its issuing body, document number and date. */
function ExternalDecision({ testIdPrefix }: { testIdPrefix: string }) {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      <Col span={10}>
        <Form.Item name={['approval', 'body']} label={t('approvals.fields.body')} rules={[{ max: 100 }]} style={{ marginBottom: 0 }}>
          <Input autoComplete="off" data-testid={`${testIdPrefix}-body`} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name={['approval', 'docNo']} label={t('approvals.fields.docNo')} rules={[{ max: 60 }]} style={{ marginBottom: 0 }}>
          <Input autoComplete="off" data-testid={`${testIdPrefix}-doc-no`} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <DateField
          name={['approval', 'date']}
          label={t('approvals.fields.date')}
          required={false}
          testId={`${testIdPrefix}-date`}
          style={{ marginBottom: 0 }}
        />
      </Col>
    </Row>
  );
}

/** 申请审批 from an action's dialog: the request names the item, copies and count the dialog holds, and why. */
function RequestApprovalModal({ need, onFiled, onClose }: { need: ApprovalNeed; onFiled(): void; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const requestApproval = useLedger((s) => s.requestApproval);
  return (
    <FormModal<{ reason: string }>
      title={t('approvals.request.title', { kind: t(`approvals.kinds.${need.kind}`) })}
      submitText={t('approvals.request.submit')}
      testId="approval-request"
      keyboard
      onSubmit={async ({ reason }) => {
        const out = await requestApproval({
          kind: need.kind,
          subject: need.subject,
          ...(need.copyNos?.length ? { copyNos: need.copyNos } : {}),
          ...(need.count ? { count: need.count } : {}),
          reason: reason.trim(),
        });
        onFiled();
        void message.success({ content: <span data-testid="approval-request-done">{t('approvals.request.done', { approvalNo: out.approvalNo })}</span> });
      }}
      onClose={onClose}
    >
      <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
        <Typography.Text>
          {t(`approvals.kinds.${need.kind}`)}
          {need.copyNos?.length ? `\u3000${t('approvals.columns.copies')}：${compressCopyNos(need.copyNos)}` : ''}
          {need.count ? `\u3000${t('approvals.columns.count')}：${need.count}` : ''}
        </Typography.Text>
      </Space>
      <Form.Item name="reason" label={t('approvals.request.reason')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
        <Input autoFocus autoComplete="off" data-testid="approval-request-reason" />
      </Form.Item>
    </FormModal>
  );
}
