// One computer or medium: its fields, status, history (before → after) and for media the usage log; for the
// custodian the lifecycle actions, each a keyboard-first form whose refusal says the rule in words.
import { useEffect, useState, type ReactNode } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Descriptions, Flex, Form, Input, Result, Select, Space, Spin, Table, Tag, Timeline, Typography, type DescriptionsProps } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PrintButton } from '../print/PrintButton';
import type { DeviceEventView, MediaUsageView } from '../../../preload/contract';
import { DATA_LEVELS, DEVICE_LEVELS, NETWORKS, isDeviceEventKind, registerFor, type DataLevel, type DeviceKind } from '../devices';
import { afterToday, beforeToday, eventDate, isoDate } from '../dates';
import { formatAt } from '../format';
import { selectIsCustodian, useLedger, type ComputerDetail, type DeviceCommand, type MediumDetail } from '../store';
import { useAction } from '../hooks/useAction';
import { useErrorText, type TFunction } from '../i18n/errors';
import { FormModal } from '../components/FormModal';
import { PersonInput } from '../components/SuggestInput';
import { ComputerSelect, DeviceLevelTag, DeviceStatusTag } from '../components/DeviceTags';

const perform = (op: () => Promise<void>) => op();

type ComputerAction = 'change' | 'repair' | 'backFromRepair' | 'stop' | 'enable' | 'scrap' | 'destroy';
type MediumAction = 'change' | 'lend' | 'return' | 'logUsage' | 'stop' | 'enable' | 'scrap' | 'destroy';
type Action = ComputerAction | MediumAction;

export function DevicePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const kind = useLedger((s) => s.deviceKind);
  const id = useLedger((s) => s.deviceId);
  const computer = useLedger((s) => s.computer);
  const medium = useLedger((s) => s.medium);
  const loadDevice = useLedger((s) => s.loadDevice);
  const setPage = useLedger((s) => s.setPage);
  const { run, busy, error } = useAction(perform);
  const device = kind === 'computer' ? computer : medium;

  useEffect(() => {
    if (id !== null) void run(() => loadDevice(kind, id));
  }, [id, kind, run, loadDevice]);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => setPage(device ? registerFor(kind, device.level) : kind === 'computer' ? 'secret-computers' : 'secret-media')} data-testid="device-back">
      {t('devices.back')}
    </Button>
  );
  if (error && !device) return <Result status="warning" title={errorText(error)} extra={back} data-testid="device-error" />;
  if (!device || device.id !== id) return <Spin spinning={busy}>{back}</Spin>;
  return kind === 'computer' ? <DeviceView kind="computer" computer={computer!} back={back} /> : <DeviceView kind="medium" medium={medium!} back={back} />;
}

type ViewProps = { back: ReactNode } & ({ kind: 'computer'; computer: ComputerDetail } | { kind: 'medium'; medium: MediumDetail });

function DeviceView(props: ViewProps) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const isCustodian = useLedger(selectIsCustodian);
  const [action, setAction] = useState<Action | null>(null);
  const device = props.kind === 'computer' ? props.computer : props.medium;
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const field = (key: string, children: ReactNode) => ({ key, label: t(`devices.fields.${key}` as 'devices.fields.code'), children: children || none });

  const items: DescriptionsProps['items'] =
    props.kind === 'computer'
      ? [
          field('code', <span className="monospace" data-testid="device-code">{device.code}</span>),
          field('name', props.computer.name),
          field('model', device.model),
          field('serial', device.serial),
          field('diskSerial', props.computer.diskSerial),
          field('mac', props.computer.mac),
          field('os', props.computer.os),
          field('osInstalledAt', props.computer.osInstalledAt),
          field('level', <DeviceLevelTag level={device.level} testId="device-level" />),
          field('network', <span data-testid="device-network">{t(`devices.networks.${props.computer.network}`)}</span>),
          field('purpose', props.computer.purpose),
          field('department', device.department),
          field('responsible', device.responsible),
          field('location', props.computer.location),
          field('enabledAt', device.enabledAt),
          field('status', <DeviceStatusTag status={device.status} testId="device-status" />),
          field('remarks', device.remarks),
        ]
      : [
          field('code', <span className="monospace" data-testid="device-code">{device.code}</span>),
          field('type', t(`devices.types.${props.medium.type}`)),
          field('model', device.model),
          field('serial', device.serial),
          field('capacity', props.medium.capacity),
          field('level', <DeviceLevelTag level={device.level} testId="device-level" />),
          field('responsible', device.responsible),
          field('department', device.department),
          field('usageScope', props.medium.usageScope),
          field('enabledAt', device.enabledAt),
          field('status', <DeviceStatusTag status={device.status} testId="device-status" />),
          field('backupApproved', props.medium.backupApproved ? t('common.yes') : t('common.no')),
          field('loan', props.medium.holder && t('devices.onLoan', { holder: props.medium.holder, computer: props.medium.loanComputer ?? '', dueAt: props.medium.dueAt ?? '' })),
          field('remarks', device.remarks),
        ];

  const status = device.status;
  const onLoan = props.kind === 'medium' && !!props.medium.holder;
  const enabled: Record<Action, boolean> = {
    change: status !== 'scrapped' && status !== 'destroyed',
    repair: status === 'in_use' || status === 'stopped',
    backFromRepair: status === 'repair',
    stop: status === 'in_use' && !onLoan,
    enable: status === 'stopped',
    scrap: (status === 'in_use' || status === 'stopped') && !onLoan,
    destroy: status === 'scrapped',
    lend: status === 'in_use' && !onLoan,
    return: onLoan,
    logUsage: status === 'in_use',
  };
  const actions: Action[] = props.kind === 'computer' ? ['change', 'repair', 'backFromRepair', 'stop', 'enable', 'scrap', 'destroy'] : ['change', 'lend', 'return', 'logUsage', 'stop', 'enable', 'scrap', 'destroy'];

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space>
            <DeviceLevelTag level={device.level} />
            <span className="monospace" data-testid="device-title">
              {device.code}
            </span>
          </Space>
        }
        extra={props.back}
        data-testid="device-page"
      >
        {isCustodian && (
          <Space wrap style={{ marginBottom: 16 }} data-testid="device-actions">
            {actions.map((a) => (
              <Button key={a} disabled={!enabled[a]} danger={a === 'scrap' || a === 'destroy'} onClick={() => setAction(a)} data-testid={`device-action-${a}`}>
                {t(`devices.actions.${a}`)}
              </Button>
            ))}
          </Space>
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} data-testid="device-fields" />
      </Card>
      {props.kind === 'medium' && (
        <Card
          title={t('devices.usage')}
          size="small"
          extra={<PrintButton request={{ kind: 'sheet', name: 'media-usage', filters: { mediumId: device.id } }} label={t('print.usageLog')} testId="device-print-usage" />}
        >
          <UsageTable rows={props.medium.usage} />
        </Card>
      )}
      <Card title={t('devices.history')} size="small">
        <Timeline data-testid="device-history" items={device.history.map((e) => ({ key: e.id, children: <EventLine event={e} t={t} language={language} /> }))} />
      </Card>
      {action && <ActionModal kind={props.kind} id={device.id} code={device.code} action={action} medium={props.kind === 'medium' ? props.medium : null} computer={props.kind === 'computer' ? props.computer : null} onClose={() => setAction(null)} />}
    </Flex>
  );
}

function UsageTable({ rows }: { rows: MediaUsageView[] }) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  return (
    <Table<MediaUsageView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={rows.length > 12 ? { y: 420 } : undefined}
      columns={[
        { key: 'at', title: t('devices.usageColumns.at'), width: 160, render: (_, u) => formatAt(u.at, language) },
        { key: 'computer', title: t('devices.usageColumns.computer'), width: 160, render: (_, u) => u.computer },
        { key: 'user', dataIndex: 'user', title: t('devices.usageColumns.user'), width: 100 },
        { key: 'purpose', dataIndex: 'purpose', title: t('devices.usageColumns.purpose') },
        { key: 'dataLevel', title: t('devices.usageColumns.dataLevel'), width: 120, render: (_, u) => t(`devices.dataLevels.${u.dataLevel}`) },
        { key: 'recordedBy', dataIndex: 'recordedBy', title: t('devices.usageColumns.recordedBy'), width: 100 },
      ]}
      data-testid="device-usage"
    />
  );
}

const plain = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** A field's value in words: networks and levels by name, booleans as 是/否. */
function valueText(t: TFunction, key: string, v: unknown): string {
  if (key === 'network' && typeof v === 'string' && (NETWORKS as readonly string[]).includes(v)) return t(`devices.networks.${v as (typeof NETWORKS)[number]}`);
  if (key === 'level' && typeof v === 'string' && (DATA_LEVELS as readonly string[]).includes(v)) return t(`devices.dataLevels.${v as DataLevel}`);
  if (key === 'status' && typeof v === 'string' && ['in_use', 'stopped', 'repair', 'scrapped', 'destroyed'].includes(v)) return t(`devices.status.${v as 'in_use'}`);
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  return plain(v) ?? '—';
}

function EventLine({ event, t, language }: { event: DeviceEventView; t: TFunction; language: Parameters<typeof formatAt>[1] }) {
  const d = event.details;
  const before = record(d['before']);
  const after = record(d['after']);
  const changes =
    event.kind === 'change'
      ? Object.keys(after).map((k) => `${t(`devices.fields.${k}` as 'devices.fields.code')}: ${valueText(t, k, before[k])} → ${valueText(t, k, after[k])}`)
      : [];
  const facts: [string, string | null][] = (['offSite', 'storageRemoved', 'escort', 'repairer', 'reason', 'checkedBy', 'notes', 'facility', 'approver', 'to', 'computer', 'dueAt', 'dataCleared'] as const).map((k) => [
    t(`devices.eventFields.${k}`),
    d[k] === undefined || d[k] === null || d[k] === '' ? null : valueText(t, k, d[k]),
  ]);
  return (
    <div data-testid={`device-event-${event.kind}`}>
      <Typography.Text strong>{isDeviceEventKind(event.kind) ? t(`devices.events.${event.kind}`) : event.kind}</Typography.Text>{' '}
      <Typography.Text type="secondary">
        {formatAt(event.at, language)} · {event.recordedBy}
      </Typography.Text>
      {event.imported && <Tag data-testid="device-event-imported">{t('eventFields.imported')}</Tag>}
      {changes.map((c) => (
        <div key={c}>{c}</div>
      ))}
      {facts
        .filter(([, v]) => v !== null)
        .map(([k, v]) => (
          <span key={k} style={{ marginInlineEnd: 12 }}>
            {k}: {v}
          </span>
        ))}
    </div>
  );
}

interface ActionValues {
  at?: Dayjs;
  reason?: string;
  facility?: string;
  approver?: string;
  offSite?: boolean;
  storageRemoved?: boolean;
  escort?: string;
  repairer?: string;
  checkedBy?: string;
  notes?: string;
  to?: string;
  computerId?: number;
  dueAt?: Dayjs;
  dataCleared?: boolean;
  user?: string;
  purpose?: string;
  dataLevel?: DataLevel;
  // change
  responsible?: string;
  department?: string;
  location?: string;
  network?: (typeof NETWORKS)[number];
  os?: string;
  osInstalledAt?: Dayjs;
  level?: (typeof DEVICE_LEVELS)[number];
  usageScope?: string;
  backupApproved?: boolean;
}

const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

interface ActionModalProps {
  kind: DeviceKind;
  id: number;
  code: string;
  action: Action;
  medium: MediumDetail | null;
  computer: ComputerDetail | null;
  onClose(): void;
}

/** The form of one action; the backend decides, a refusal stays in the form with the rule in words. */
function ActionModal({ kind, id, code, action, medium, onClose }: ActionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const runCommand = useLedger((s) => s.runDeviceCommand);
  const prefix = kind === 'computer' ? 'computers' : 'media';
  const text = (name: keyof ActionValues, required: boolean, autoFocus = false, label?: string) => (
    <Form.Item name={name} label={label ?? t(`devices.form.${name}` as 'devices.form.reason')} rules={required ? [{ required: true, whitespace: true }] : []}>
      <Input autoComplete="off" autoFocus={autoFocus} data-testid={`device-${action}-${name}`} />
    </Form.Item>
  );
  const person = (name: keyof ActionValues, required: boolean, autoFocus = false, label?: string) => (
    <Form.Item name={name} label={label ?? t(`devices.form.${name}` as 'devices.form.reason')} rules={required ? [{ required: true, whitespace: true }] : []}>
      <PersonInput autoFocus={autoFocus} testId={`device-${action}-${name}`} />
    </Form.Item>
  );
  const check = (name: keyof ActionValues) => (
    <Form.Item name={name} valuePropName="checked">
      <Checkbox data-testid={`device-${action}-${name}`}>{t(`devices.form.${name}` as 'devices.form.reason')}</Checkbox>
    </Form.Item>
  );
  const at = (
    <Form.Item name="at" label={t('devices.form.at')} rules={[{ required: true }]}>
      <DatePicker allowClear={false} disabledDate={afterToday} style={{ width: '100%' }} data-testid={`device-${action}-at`} />
    </Form.Item>
  );
  const field = (key: string) => t(`devices.fields.${key}` as 'devices.fields.code');

  let body: ReactNode;
  let submit: (v: ActionValues) => Promise<unknown>;
  const send = <N extends DeviceCommand>(name: N, input: Parameters<typeof runCommand<N>>[1]) => runCommand(name, input);
  switch (action) {
    case 'change':
      if (kind === 'computer') {
        body = (
          <>
            <Typography.Paragraph type="secondary">{t('devices.form.changeHint')}</Typography.Paragraph>
            {person('responsible', false, true, field('responsible'))}
            {text('department', false, false, field('department'))}
            {text('location', false, false, field('location'))}
            <Form.Item name="network" label={field('network')}>
              <Select allowClear options={NETWORKS.map((n) => ({ value: n, label: t(`devices.networks.${n}`) }))} data-testid="device-change-network" />
            </Form.Item>
            {text('os', false, false, field('os'))}
            <Form.Item name="osInstalledAt" label={field('osInstalledAt')}>
              <DatePicker disabledDate={afterToday} style={{ width: '100%' }} data-testid="device-change-osInstalledAt" />
            </Form.Item>
            {text('purpose', false, false, field('purpose'))}
            {at}
          </>
        );
        submit = (v) =>
          send('computers.change', {
            id,
            change: {
              responsible: trimmed(v.responsible),
              department: trimmed(v.department),
              location: trimmed(v.location),
              network: v.network,
              os: trimmed(v.os),
              osInstalledAt: v.osInstalledAt ? isoDate(v.osInstalledAt) : undefined,
              purpose: trimmed(v.purpose),
            },
            at: eventDate(v.at),
          });
      } else {
        body = (
          <>
            <Typography.Paragraph type="secondary">{t('devices.form.changeHint')}</Typography.Paragraph>
            <Form.Item name="level" label={field('level')}>
              <Select allowClear autoFocus options={DEVICE_LEVELS.map((l) => ({ value: l, label: t(`devices.levels.${l}`) }))} data-testid="device-change-level" />
            </Form.Item>
            {person('responsible', false, false, field('responsible'))}
            {text('department', false, false, field('department'))}
            {text('usageScope', false, false, field('usageScope'))}
            <Form.Item name="backupApproved" valuePropName="checked">
              <Checkbox data-testid="device-change-backupApproved">{field('backupApproved')}</Checkbox>
            </Form.Item>
            {at}
          </>
        );
        submit = (v) =>
          send('media.change', {
            id,
            change: {
              level: v.level,
              responsible: trimmed(v.responsible),
              department: trimmed(v.department),
              usageScope: trimmed(v.usageScope),
              backupApproved: v.backupApproved === medium?.backupApproved ? undefined : v.backupApproved,
            },
            at: eventDate(v.at),
          });
      }
      break;
    case 'repair':
      body = (
        <>
          {check('offSite')}
          {check('storageRemoved')}
          {person('escort', false, true)}
          {text('repairer', true)}
          {text('reason', true)}
          {at}
        </>
      );
      submit = (v) =>
        send('computers.repair', { id, offSite: !!v.offSite, storageRemoved: !!v.storageRemoved, escort: trimmed(v.escort), repairer: v.repairer!.trim(), reason: v.reason!.trim(), at: eventDate(v.at) });
      break;
    case 'backFromRepair':
      body = (
        <>
          {person('checkedBy', true, true)}
          {text('notes', false)}
          {at}
        </>
      );
      submit = (v) => send('computers.backFromRepair', { id, checkedBy: v.checkedBy!.trim(), notes: v.notes?.trim() ?? '', at: eventDate(v.at) });
      break;
    case 'lend':
      body = (
        <>
          {person('to', true, true)}
          <Form.Item name="computerId" label={t('devices.form.computer')} rules={[{ required: true }]}>
            <ComputerSelect testId="device-lend-computerId" />
          </Form.Item>
          <Form.Item name="dueAt" label={t('devices.form.dueAt')} rules={[{ required: true }]}>
            <DatePicker disabledDate={beforeToday} style={{ width: '100%' }} data-testid="device-lend-dueAt" />
          </Form.Item>
          {at}
        </>
      );
      submit = (v) => send('media.lend', { id, to: v.to!.trim(), computerId: v.computerId!, dueAt: isoDate(v.dueAt!), at: eventDate(v.at) });
      break;
    case 'return':
      body = (
        <>
          {check('dataCleared')}
          {person('checkedBy', true, true)}
          {at}
        </>
      );
      submit = (v) => send('media.return', { id, dataCleared: !!v.dataCleared, checkedBy: v.checkedBy!.trim(), at: eventDate(v.at) });
      break;
    case 'logUsage':
      body = (
        <>
          <Form.Item name="computerId" label={t('devices.form.computer')} rules={[{ required: true }]}>
            <ComputerSelect autoFocus testId="device-logUsage-computerId" />
          </Form.Item>
          {person('user', true)}
          {text('purpose', true)}
          <Form.Item name="dataLevel" label={t('devices.form.dataLevel')} rules={[{ required: true }]}>
            <Select options={DATA_LEVELS.map((l) => ({ value: l, label: t(`devices.dataLevels.${l}`) }))} data-testid="device-logUsage-dataLevel" />
          </Form.Item>
          {at}
        </>
      );
      submit = (v) => send('media.logUsage', { mediumId: id, computerId: v.computerId!, user: v.user!.trim(), purpose: v.purpose!.trim(), dataLevel: v.dataLevel!, at: eventDate(v.at) });
      break;
    default: {
      const disposal = action === 'scrap' || action === 'destroy';
      body = (
        <>
          {disposal && text('facility', true, true)}
          {disposal && person('approver', true)}
          {text('reason', false, !disposal)}
          {at}
        </>
      );
      submit = (v) => send(`${prefix}.${action}`, { id, reason: v.reason?.trim() ?? '', facility: trimmed(v.facility), approver: trimmed(v.approver), at: eventDate(v.at) });
    }
  }

  return (
    <FormModal<ActionValues>
      title={t('devices.actionTitle', { action: t(`devices.actions.${action}`), code })}
      submitText={t(`devices.actions.${action}`)}
      testId={`device-${action}`}
      keyboard
      errorFields={{ network: 'network', escort: 'escort', storageRemoved: 'storageRemoved', computerId: 'computerId', dataLevel: 'dataLevel', level: 'level', facility: 'facility', approver: 'approver', dueAt: 'dueAt' }}
      initialValues={{ at: dayjs(), offSite: false, storageRemoved: false, dataCleared: false, backupApproved: medium?.backupApproved, dueAt: dayjs().add(7, 'day') }}
      onSubmit={async (v) => {
        await submit(v);
        void message.success({ content: <span data-testid="device-action-done">{t('devices.done', { action: t(`devices.actions.${action}`) })}</span> });
      }}
      onClose={onClose}
    >
      {body}
    </FormModal>
  );
}
