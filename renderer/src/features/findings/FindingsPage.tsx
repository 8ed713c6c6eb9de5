// 问题整改 (问题及整改措施): the findings with where each stands, 登记问题 (the custodian), and one finding's dialog with
// its history (every plan, every close and the approver's word on it) and the steps its state allows: 调整期限或措施
// and 整改完成 for the custodian (the approver countersigning on the spot, or confirming later signed in), 确认整改 /
// 退回 for the approver. The register prints and exports from its sheet. Keyboard-first: Alt+N opens 登记问题, Enter
// opens a row, every dialog is filled and sent with the keyboard.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Flex, Form, Input, Modal, Radio, Select, Space, Tag, Timeline, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { send } from '../../api';
import type { CommandOutput } from '../../../../preload/contract';
import {
  FINDING_CONFIRM_WAY_TERMS,
  FINDING_DECISION_TERMS,
  FINDING_SEVERITIES,
  FINDING_SEVERITY_TERMS,
  FINDING_SOURCE_TERMS,
  FINDING_SOURCES,
  FINDING_STATUS_TERMS,
  FINDING_STATUSES,
  findingSourceText,
  type FindingSeverity,
  type FindingSource,
  type FindingStatus,
} from '../../../../db/domain/findings';
import { say } from '../../../../db/domain/terms';
import { selectHasRole, selectIsCustodian, useLedger, type FindingSeed } from '../../store';
import { DateField } from '../../ui/DateField';
import { isoDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormModal } from '../../ui/FormModal';
import { formatAt } from '../../ui/format';
import { PersonInput } from '../../ui/SuggestInput';
import { RegisterCard } from '../../ui/RegisterCard';
import { RegisterTable } from '../../ui/RegisterTable';
import { useLoad } from '../../ui/hooks/useAction';
import { OnTheSpot } from '../documents/ApprovalFields';

export type FindingView = CommandOutput<'findings.get'>;

const STATUS_COLORS: Record<FindingStatus, string> = { open: 'blue', overdue: 'red', awaiting: 'gold', closed: 'green' };
const SEVERITY_COLORS: Record<FindingSeverity, string> = { minor: 'default', serious: 'orange', grave: 'red' };

const useLanguage = () => useLedger((s) => s.language);

function StatusTag({ status }: { status: FindingStatus }) {
  const language = useLanguage();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="finding-status" data-status={status}>
      {say(FINDING_STATUS_TERMS[status], language)}
    </Tag>
  );
}

/** Where it came from, in words: 清查 QC-2026-001, 计算机检查 BM-JSJ-1, 检查（省保密局检查组）. */
export function FindingsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const isCustodian = useLedger(selectIsCustodian);
  const status = useLedger((s) => s.findingStatus) ?? undefined;
  const setStatus = useLedger((s) => s.setFindingStatus);
  const [rows, setRows] = useState<FindingView[]>([]);
  // Opened from a computer check that found problems: 登记问题 starts with what it found.
  const seed = useLedger((s) => s.findingSeed);
  const clearSeed = useLedger((s) => s.clearFindingSeed);
  const [registering, setRegistering] = useState(() => isCustodian && seed !== null);
  const [shownId, setShownId] = useState<number | null>(null);
  const { busy, error, run } = useLoad(useCallback(async () => setRows(await send('findings.list', status ? { status } : {})), [status]));
  const load = useCallback(async () => void (await run()), [run]);

  // Alt+N: 登记问题, from anywhere on the page.

  const shown = rows.find((r) => r.id === shownId) ?? null;
  const filters = status ? { status } : {};

  const columns: TableProps<FindingView>['columns'] = [
    { key: 'no', title: t('findings.no'), width: 110, render: (_, r) => <span className="monospace">{r.no}</span> },
    // Where it stands first: the screen is narrower than the register. The widths fit a 1366 px screen (RegisterTable).
    { key: 'status', title: t('findings.status'), width: 130, render: (_, r) => <StatusTag status={r.status} /> },
    { key: 'foundOn', dataIndex: 'foundOn', title: t('findings.foundOn'), width: 96 },
    { key: 'source', title: t('findings.source'), width: 120, render: (_, r) => findingSourceText(r, language) },
    { key: 'description', dataIndex: 'description', title: t('findings.description') },
    {
      key: 'severity',
      title: t('findings.severity'),
      width: 70,
      render: (_, r) => <Tag color={SEVERITY_COLORS[r.severity]}>{say(FINDING_SEVERITY_TERMS[r.severity], language)}</Tag>,
    },
    { key: 'owner', dataIndex: 'owner', title: t('findings.owner'), width: 90 },
    { key: 'deadline', dataIndex: 'deadline', title: t('findings.deadline'), width: 96 },
    { key: 'place', dataIndex: 'place', title: t('findings.place'), width: 90 },
  ];

  return (
    <RegisterCard
      title={t('findings.title')}
      testId="findings-page"
      add={isCustodian ? { label: t('findings.register'), onClick: () => setRegistering(true), testId: 'findings-register' } : undefined}
      sheet={{ name: 'findings', filters, printLabel: t('findings.print'), printTestId: 'findings-print' }}
    >
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title={t('findings.hint')} />
        <Select
          value={status}
          onChange={(v?: FindingStatus) => setStatus(v ?? null)}
          allowClear
          placeholder={t('findings.allStatuses')}
          options={FINDING_STATUSES.map((s) => ({ value: s, label: say(FINDING_STATUS_TERMS[s], language) }))}
          style={{ width: 180 }}
          aria-label={t('findings.status')}
          data-testid="findings-status-filter"
        />
        <ErrorAlert error={error} testId="findings-error" />
        <RegisterTable<FindingView>
          loading={busy}
          columns={columns}
          dataSource={rows}
          locale={{ emptyText: t('findings.none') }}
          onOpen={(r) => setShownId(r.id)}
          rowTestId={(r) => `finding-row-${r.no}`}
          data-testid="findings-list"
        />
      </Flex>
      {registering && (
        <RegisterDialog
          seed={seed}
          onClose={() => {
            setRegistering(false);
            clearSeed();
          }}
          onDone={load}
        />
      )}
      {shown && <FindingDialog finding={shown} onClose={() => setShownId(null)} onChanged={load} />}
    </RegisterCard>
  );
}

interface RegisterValues {
  source: FindingSource;
  sourceRef?: string;
  stocktakeId?: number;
  computerId?: number;
  foundOn: Dayjs;
  description: string;
  place: string;
  severity: FindingSeverity;
  owner: string;
  deadline: Dayjs;
  measures: string;
}

/** The stocktakes and the classified computers a finding can come from, for the pickers. */
function useSources() {
  const [stocktakes, setStocktakes] = useState<{ value: number; label: string }[]>([]);
  const [computers, setComputers] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => {
    let current = true;
    void send('stocktake.list', {})
      .then((list) => current && setStocktakes(list.map((s) => ({ value: s.id, label: `${s.no} ${s.startedAt.slice(0, 10)}` }))))
      .catch(() => undefined);
    void Promise.all([true, false].map((classified) => send('computers.list', { classified, limit: 500 })))
      .then((lists) => current && setComputers(lists.flatMap((l) => l.rows).map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return { stocktakes, computers };
}

const required = (max: number) => [{ required: true, whitespace: true }, { max }];

function RegisterDialog({ seed, onClose, onDone }: { seed: FindingSeed | null; onClose(): void; onDone(): Promise<void> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<RegisterValues>();
  const source = Form.useWatch('source', form);
  const foundOn = Form.useWatch('foundOn', form);
  const { stocktakes, computers } = useSources();
  return (
    <FormModal<RegisterValues>
      title={t('findings.registerTitle')}
      submitText={t('findings.registerSubmit')}
      testId="findings-register"
      keyboard
      width={680}
      form={form}
      initialValues={
        seed
          ? { source: 'computer_check', computerId: seed.computerId, description: seed.description, severity: 'minor', foundOn: dayjs(seed.foundOn) }
          : { source: 'self_inspection', severity: 'minor', foundOn: dayjs() }
      }
      errorFields={{ foundOn: 'foundOn', deadline: 'deadline', stocktakeId: 'stocktakeId', computerId: 'computerId', owner: 'owner' }}
      onSubmit={async (v) => {
        await send('findings.register', {
          source: v.source,
          sourceRef: v.sourceRef?.trim() ?? '',
          ...(v.source === 'stocktake' && v.stocktakeId ? { stocktakeId: v.stocktakeId } : {}),
          ...(v.source === 'computer_check' && v.computerId ? { computerId: v.computerId } : {}),
          // The check it came from, while the computer is still the one the check was of.
          ...(v.source === 'computer_check' && seed && v.computerId === seed.computerId ? { computerCheckId: seed.computerCheckId } : {}),
          foundOn: isoDate(v.foundOn),
          description: v.description.trim(),
          place: v.place.trim(),
          severity: v.severity,
          owner: v.owner.trim(),
          deadline: isoDate(v.deadline),
          measures: v.measures.trim(),
        });
        await onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="source" label={t('findings.source')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={FINDING_SOURCES.map((s) => ({ value: s, label: say(FINDING_SOURCE_TERMS[s], language) }))}
          data-testid="findings-register-source"
        />
      </Form.Item>
      {source === 'stocktake' && (
        <Form.Item name="stocktakeId" label={t('findings.stocktake')} rules={[{ required: true }]}>
          <Select options={stocktakes} showSearch={{ optionFilterProp: 'label' }} data-testid="findings-register-stocktake" />
        </Form.Item>
      )}
      {source === 'computer_check' && (
        <Form.Item name="computerId" label={t('findings.computer')} rules={[{ required: true }]}>
          <Select options={computers} showSearch={{ optionFilterProp: 'label' }} data-testid="findings-register-computer" />
        </Form.Item>
      )}
      <Form.Item name="sourceRef" label={t('findings.sourceRef')} extra={t('findings.sourceRefExtra')} rules={[{ max: 100 }]}>
        <Input autoComplete="off" data-testid="findings-register-source-ref" />
      </Form.Item>
      <Form.Item name="description" label={t('findings.description')} rules={required(500)}>
        <Input.TextArea rows={2} data-testid="findings-register-description" />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name="place" label={t('findings.place')} rules={required(100)} style={{ flex: 2 }}>
          <Input autoComplete="off" data-testid="findings-register-place" />
        </Form.Item>
        <Form.Item name="owner" label={t('findings.owner')} rules={required(50)} style={{ flex: 1 }}>
          <PersonInput testId="findings-register-owner" />
        </Form.Item>
      </Flex>
      <Form.Item name="severity" label={t('findings.severity')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={FINDING_SEVERITIES.map((s) => ({ value: s, label: say(FINDING_SEVERITY_TERMS[s], language) }))}
          data-testid="findings-register-severity"
        />
      </Form.Item>
      <Flex gap={16}>
        <DateField name="foundOn" label={t('findings.foundOn')} style={{ flex: 1 }} testId="findings-register-found-on" />
        <DateField
          name="deadline"
          label={t('findings.deadline')}
          max={null}
          min={{ day: foundOn, refusal: { code: 'E_DATE_ORDER', details: { rule: 'deadline_before_found' } } }}
          dependencies={['foundOn']}
          style={{ flex: 1 }}
          testId="findings-register-deadline"
        />
      </Flex>
      <Form.Item name="measures" label={t('findings.measures')} rules={required(500)}>
        <Input.TextArea rows={2} data-testid="findings-register-measures" />
      </Form.Item>
    </FormModal>
  );
}

type Step = 'plan' | 'close' | 'confirm';

/** One finding: what it is, its plans and closes, and the steps its state allows this account. */
function FindingDialog({ finding, onClose, onChanged }: { finding: FindingView; onClose(): void; onChanged(): Promise<void> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const isCustodian = useLedger(selectIsCustodian);
  const isApprover = useLedger(selectHasRole('approver'));
  const [step, setStep] = useState<Step | null>(null);
  const open = finding.status === 'open' || finding.status === 'overdue';
  const steps: Step[] = [
    ...(open && isCustodian ? (['close', 'plan'] as const) : []),
    ...(finding.status === 'awaiting' && isApprover ? (['confirm'] as const) : []),
  ];
  const paren = (text: string) => (language === 'en' ? ` (${text})` : `（${text}）`);
  return (
    <Modal
      open
      title={`${t('findings.finding')} ${finding.no}`}
      onCancel={onClose}
      width={760}
      footer={
        <Space wrap>
          {steps.map((s, i) => (
            <Button key={s} type={i === 0 ? 'primary' : 'default'} autoFocus={i === 0} onClick={() => setStep(s)} data-testid={`finding-${s}`}>
              {t(`findings.steps.${s}`)}
            </Button>
          ))}
          <Button onClick={onClose} autoFocus={steps.length === 0} data-testid="finding-dialog-close">
            {t('findings.close')}
          </Button>
        </Space>
      }
      data-testid="finding-dialog"
    >
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('findings.status')} span={2}>
          <StatusTag status={finding.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('findings.description')} span={2}>
          {finding.description}
        </Descriptions.Item>
        <Descriptions.Item label={t('findings.source')}>{findingSourceText(finding, language)}</Descriptions.Item>
        <Descriptions.Item label={t('findings.foundOn')}>{finding.foundOn}</Descriptions.Item>
        <Descriptions.Item label={t('findings.place')}>{finding.place}</Descriptions.Item>
        <Descriptions.Item label={t('findings.severity')}>{say(FINDING_SEVERITY_TERMS[finding.severity], language)}</Descriptions.Item>
        <Descriptions.Item label={t('findings.owner')}>{finding.owner}</Descriptions.Item>
        <Descriptions.Item label={t('findings.deadline')}>
          <span data-testid="finding-deadline">{finding.deadline}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('findings.measures')} span={2}>
          {finding.measures}
        </Descriptions.Item>
        {finding.closedOn && (
          <Descriptions.Item label={t('findings.closedOn')} span={2}>
            <span data-testid="finding-closed">
              {finding.closedOn}
              {'\u3000'}
              {t('findings.confirmedBy', { name: finding.confirmedBy })}
            </span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('findings.recorded')} span={2}>
          {finding.recordedBy}
          {'\u3000'}
          {formatAt(finding.recordedAt, language)}
        </Descriptions.Item>
      </Descriptions>
      <Timeline
        style={{ marginTop: 20 }}
        data-testid="finding-history"
        items={[
          ...finding.plans.map((p, i) => ({
            key: `plan-${i}`,
            children:
              i === 0
                ? `${p.at}\u3000${t('findings.history.planned', { deadline: p.deadline, measures: p.measures, by: p.recordedBy })}`
                : `${p.at}\u3000${t('findings.history.changed', { deadline: p.deadline, measures: p.measures, by: p.recordedBy })}${paren(p.reason)}`,
          })),
          ...finding.closes.flatMap((c) => [
            { key: `close-${c.id}`, children: `${c.closedOn}\u3000${t('findings.history.done', { done: c.done, by: c.recordedBy })}` },
            ...(c.confirmation
              ? [
                  {
                    key: `word-${c.id}`,
                    color: c.confirmation.decision === 'confirmed' ? 'green' : 'red',
                    children: `${formatAt(c.confirmation.at, language)}\u3000${c.confirmation.approver}${paren(
                      say(FINDING_CONFIRM_WAY_TERMS[c.confirmation.way], language),
                    )}${say(FINDING_DECISION_TERMS[c.confirmation.decision], language)}${c.confirmation.note ? paren(c.confirmation.note) : ''}`,
                  },
                ]
              : []),
          ]),
        ]}
      />
      {step === 'plan' && <PlanDialog finding={finding} onClose={() => setStep(null)} onDone={onChanged} />}
      {step === 'close' && <CloseDialog finding={finding} onClose={() => setStep(null)} onDone={onChanged} />}
      {step === 'confirm' && <ConfirmDialog finding={finding} onClose={() => setStep(null)} onDone={onChanged} />}
    </Modal>
  );
}

interface StepProps {
  finding: FindingView;
  onClose(): void;
  onDone(): Promise<void>;
}

function PlanDialog({ finding, onClose, onDone }: StepProps) {
  const { t } = useTranslation();
  return (
    <FormModal<{ deadline: Dayjs; measures: string; reason: string }>
      title={t('findings.planTitle', { no: finding.no })}
      submitText={t('findings.planSubmit')}
      testId="finding-plan"
      draftKey={finding.id}
      keyboard
      initialValues={{ deadline: dayjs(finding.deadline), measures: finding.measures }}
      onSubmit={async (v) => {
        await send('findings.changePlan', { id: finding.id, deadline: isoDate(v.deadline), measures: v.measures.trim(), reason: v.reason.trim() });
        await onDone();
      }}
      onClose={onClose}
    >
      <DateField
        name="deadline"
        label={t('findings.deadline')}
        max={null}
        min={{ day: dayjs(finding.foundOn), refusal: { code: 'E_DATE_ORDER', details: { rule: 'deadline_before_found' } } }}
        testId="finding-plan-deadline"
      />
      <Form.Item name="measures" label={t('findings.measures')} rules={required(500)}>
        <Input.TextArea rows={2} data-testid="finding-plan-measures" />
      </Form.Item>
      <Form.Item name="reason" label={t('findings.reason')} rules={required(200)}>
        <Input autoComplete="off" data-testid="finding-plan-reason" />
      </Form.Item>
    </FormModal>
  );
}

interface CloseValues {
  done: string;
  closedOn: Dayjs;
  way: 'later' | 'on_the_spot';
  approval?: { approverId?: number; password?: string };
}

/** 整改完成: what was done and when; confirmed by the approver here on the spot, or later by them signed in. */
function CloseDialog({ finding, onClose, onDone }: StepProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CloseValues>();
  const way = Form.useWatch('way', form);
  return (
    <FormModal<CloseValues>
      title={t('findings.closeTitle', { no: finding.no })}
      submitText={t('findings.closeSubmit')}
      testId="finding-close"
      draftKey={finding.id}
      keyboard
      form={form}
      width={640}
      initialValues={{ closedOn: dayjs(), way: 'on_the_spot' }}
      errorFields={{ at: 'closedOn' }}
      onSubmit={async (v) => {
        const spot = v.way === 'on_the_spot' && v.approval?.approverId && v.approval.password;
        await send('findings.close', {
          id: finding.id,
          done: v.done.trim(),
          closedOn: isoDate(v.closedOn),
          ...(spot ? { confirmation: { approverId: v.approval!.approverId!, password: v.approval!.password! } } : {}),
        });
        await onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="done" label={t('findings.done')} rules={required(500)}>
        <Input.TextArea rows={2} data-testid="finding-close-done" />
      </Form.Item>
      <DateField
        name="closedOn"
        label={t('findings.closedOn')}
        min={{ day: dayjs(finding.foundOn), refusal: { code: 'E_DATE_ORDER', details: { rule: 'before_found' } } }}
        style={{ width: 200 }}
        testId="finding-close-on"
      />
      <Form.Item name="way" label={t('findings.confirmWay')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'on_the_spot', label: t('findings.ways.onTheSpot') },
            { value: 'later', label: t('findings.ways.later') },
          ]}
          data-testid="finding-close-way"
        />
      </Form.Item>
      {way === 'on_the_spot' ? <OnTheSpot testIdPrefix="finding-close-approval" /> : <Alert type="info" showIcon title={t('findings.laterHint')} />}
      {/* 当面确认 chosen: the approver and their password are both needed, never silently left for later. */}
      <Form.Item
        name="spotCheck"
        dependencies={['way', ['approval', 'approverId'], ['approval', 'password']]}
        style={{ marginBottom: 0 }}
        rules={[
          ({ getFieldValue }) => ({
            validator: () =>
              getFieldValue('way') !== 'on_the_spot' || (getFieldValue(['approval', 'approverId']) && getFieldValue(['approval', 'password']))
                ? Promise.resolve()
                : Promise.reject(new Error(t('findings.spotMissing'))),
          }),
        ]}
      >
        <input type="hidden" />
      </Form.Item>
    </FormModal>
  );
}

/** The approver, signed in: confirms the close awaiting them, or sends it back with the reason. */
function ConfirmDialog({ finding, onClose, onDone }: StepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<{ decision: 'confirmed' | 'rejected'; note?: string }>();
  const decision = Form.useWatch('decision', form);
  const last = finding.closes.at(-1);
  return (
    <FormModal<{ decision: 'confirmed' | 'rejected'; note?: string }>
      title={t('findings.confirmTitle', { no: finding.no })}
      submitText={t('findings.confirmSubmit')}
      testId="finding-confirm"
      draftKey={finding.id}
      keyboard
      form={form}
      initialValues={{ decision: 'confirmed' }}
      onSubmit={async (v) => {
        await send('findings.confirm', { id: finding.id, decision: v.decision, note: v.note?.trim() ?? '' });
        await onDone();
      }}
      onClose={onClose}
    >
      {last && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${last.closedOn}\u3000${last.done}`} />}
      <Form.Item name="decision" label={t('findings.decision')}>
        <Radio.Group
          optionType="button"
          options={(['confirmed', 'rejected'] as const).map((d) => ({ value: d, label: say(FINDING_DECISION_TERMS[d], language) }))}
          data-testid="finding-confirm-decision"
        />
      </Form.Item>
      <Form.Item name="note" label={t('findings.note')} rules={[{ required: decision === 'rejected', whitespace: true }, { max: 200 }]}>
        <Input autoComplete="off" data-testid="finding-confirm-note" />
      </Form.Item>
    </FormModal>
  );
}
