// One computer or medium: its fields, status, history (before → after) and for media the usage log; for the
// custodian the lifecycle actions, each its own dialog (DeviceActions).
import { useEffect, type ReactNode } from 'react';
import { Button, Card, Descriptions, Flex, Result, Space, Spin, Table, Tag, Timeline, Typography, type DescriptionsProps } from 'antd';
import { ArrowLeftOutlined, TagsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PrintButton } from '../printing/PrintButton';
import type { DeviceEventView, MediaUsageView } from '../../../../preload/contract';
import { DATA_LEVELS, MEDIUM_TYPES, NETWORKS, isDeviceEventKind, registerFor, type DataLevel } from './devices';
import { formatAt } from '../../ui/format';
import { selectIsCustodian, useLedger, type ComputerDetail, type MediumDetail } from '../../store';
import { useAction } from '../../ui/hooks/useAction';
import { useErrorText } from '../../i18n/errors';
import type { TFunction } from '../../i18n';
import { DeviceLevelTag, DeviceStatusTag } from './DeviceTags';
import { COMPUTER_ACTIONS, DeviceActionDialog, MEDIUM_ACTIONS, type DeviceAction } from './DeviceActions';
import { CorrectDeviceModal } from './CorrectDeviceDialog';
import { useKeptState } from '../../ui/hooks/useDraft';
import { LabelDialog } from '../labels/LabelDialog';
import { ItemCode } from '../labels/ItemCode';
import { ComputerChecksCard } from './ComputerChecks';
import { InstalledText, useSecurityTexts } from './SecurityFields';
import type { SecurityProduct } from '../../../../db/domain/computer-checks';

const perform = (op: () => Promise<void>) => op();

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
    <Button
      icon={<ArrowLeftOutlined />}
      onClick={() => setPage(device ? registerFor(kind, device.level) : kind === 'computer' ? 'secret-computers' : 'secret-media')}
      data-testid="device-back"
    >
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
  const device = props.kind === 'computer' ? props.computer : props.medium;
  // The dialog open comes back after a lock, with what was typed in it.
  const [action, setAction] = useKeptState<DeviceAction | null>(`device-action:${props.kind}:${device.id}`, null);
  const [correcting, setCorrecting] = useKeptState(`device-correcting:${props.kind}:${device.id}`, false);
  const [labelsOpen, setLabelsOpen] = useKeptState(`device-labels:${props.kind}:${device.id}`, false);
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const security = useSecurityTexts();
  const field = (key: string, children: ReactNode) => ({ key, label: t(`devices.fields.${key}` as 'devices.fields.code'), children: children || none });

  const codes = [
    field(
      'code',
      <span className="monospace" data-testid="device-code">
        {device.code}
      </span>,
    ),
    { key: 'labelCode', label: t('labels.labelCode'), children: <ItemCode code={device.labelCode} testId="device-label-code" /> },
  ];
  const items: DescriptionsProps['items'] =
    props.kind === 'computer'
      ? [
          ...codes,
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
          field('monitoring', <InstalledText value={props.computer.monitoring} warn={device.level !== 'non_secret'} testId="device-monitoring" />),
          field('threeInOne', <InstalledText value={props.computer.threeInOne} warn={device.level !== 'non_secret'} testId="device-threeInOne" />),
          field('securityProducts', <span data-testid="device-securityProducts">{security.products(props.computer.securityProducts)}</span>),
          field('remarks', device.remarks),
        ]
      : [
          ...codes,
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
          field(
            'loan',
            props.medium.holder &&
              t('devices.onLoan', { holder: props.medium.holder, computer: props.medium.loanComputer ?? '', dueAt: props.medium.dueAt ?? '' }),
          ),
          field('remarks', device.remarks),
        ];

  const status = device.status;
  const onLoan = props.kind === 'medium' && !!props.medium.holder;
  const enabled: Record<DeviceAction, boolean> = {
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
  const actions: DeviceAction[] = props.kind === 'computer' ? COMPUTER_ACTIONS : MEDIUM_ACTIONS;

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
        extra={
          <Space>
            {isCustodian && (
              <Button icon={<TagsOutlined />} onClick={() => setLabelsOpen(true)} data-testid="device-print-label">
                {t('labels.print')}
              </Button>
            )}
            {props.back}
          </Space>
        }
        data-testid="device-page"
      >
        {isCustodian && (
          <Space wrap style={{ marginBottom: 16 }} data-testid="device-actions">
            {actions.map((a) => (
              <Button key={a} disabled={!enabled[a]} danger={a === 'scrap' || a === 'destroy'} onClick={() => setAction(a)} data-testid={`device-action-${a}`}>
                {t(`devices.actions.${a}`)}
              </Button>
            ))}
            <Button onClick={() => setCorrecting(true)} data-testid="device-action-correct">
              {t('corrections.submit')}
            </Button>
          </Space>
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} data-testid="device-fields" />
      </Card>
      {props.kind === 'computer' && <ComputerChecksCard computer={props.computer} />}
      {props.kind === 'medium' && (
        <Card
          title={t('devices.usage')}
          size="small"
          extra={
            <PrintButton
              request={{ kind: 'sheet', name: 'media-usage', filters: { mediumId: device.id } }}
              label={t('print.usageLog')}
              testId="device-print-usage"
            />
          }
        >
          <UsageTable rows={props.medium.usage} />
        </Card>
      )}
      <Card title={t('devices.history')} size="small">
        <Timeline
          data-testid="device-history"
          items={device.history.map((e) => ({ key: e.id, children: <EventLine event={e} t={t} language={language} /> }))}
        />
      </Card>
      <LabelDialog open={labelsOpen} items={{ devices: [{ device: props.kind, id: device.id }] }} onClose={() => setLabelsOpen(false)} />
      {action &&
        (props.kind === 'computer' ? (
          <DeviceActionDialog kind="computer" computer={props.computer} action={action} onClose={() => setAction(null)} />
        ) : (
          <DeviceActionDialog kind="medium" medium={props.medium} action={action} onClose={() => setAction(null)} />
        ))}
      {correcting &&
        (props.kind === 'computer' ? (
          <CorrectDeviceModal kind="computer" computer={props.computer} onClose={() => setCorrecting(false)} />
        ) : (
          <CorrectDeviceModal kind="medium" medium={props.medium} onClose={() => setCorrecting(false)} />
        ))}
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
  if (key === 'status' && typeof v === 'string' && ['in_use', 'stopped', 'repair', 'scrapped', 'destroyed'].includes(v))
    return t(`devices.status.${v as 'in_use'}`);
  if (key === 'type' && typeof v === 'string' && (MEDIUM_TYPES as readonly string[]).includes(v))
    return t(`devices.types.${v as (typeof MEDIUM_TYPES)[number]}`);
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  return plain(v) ?? '—';
}

function EventLine({ event, t, language }: { event: DeviceEventView; t: TFunction; language: Parameters<typeof formatAt>[1] }) {
  const security = useSecurityTexts();
  /** 违规外联监控 / 三合一 before a record say 未记录; the products as a list. */
  const shown = (k: string, v: unknown): string =>
    (k === 'monitoring' || k === 'threeInOne') && (v === null || typeof v === 'boolean')
      ? security.installed(v)
      : k === 'securityProducts' && Array.isArray(v)
        ? security.products(v as SecurityProduct[])
        : valueText(t, k, v);
  const d = event.details;
  const before = record(d['before']);
  const after = record(d['after']);
  const changes =
    event.kind === 'change'
      ? Object.keys(after).map(
          (k) => `${t(`devices.fields.${k}` as 'devices.fields.code')}${t('eventFields.colon')}${shown(k, before[k])} → ${shown(k, after[k])}`,
        )
      : // 更正: one field, its value before and after.
        event.kind === 'correct' && typeof d['field'] === 'string'
        ? [
            `${t(`devices.fields.${d['field']}` as 'devices.fields.code')}${t('eventFields.colon')}${valueText(t, d['field'], d['before'])} → ${valueText(t, d['field'], d['after'])}`,
          ]
        : [];
  const facts: [string, string | null][] = (
    [
      'offSite',
      'storageRemoved',
      'escort',
      'repairer',
      'reason',
      'checkedBy',
      'notes',
      'facility',
      'approver',
      'to',
      'computer',
      'dueAt',
      'dataCleared',
    ] as const
  ).map((k) => [t(`devices.eventFields.${k}`), d[k] === undefined || d[k] === null || d[k] === '' ? null : valueText(t, k, d[k])]);
  // A lowered level names its decision and approver.
  const decision = record(d['decision']);
  facts.push(
    [t('devices.eventFields.decidedBy'), plain(decision['decidedBy']) ?? null],
    [t('devices.eventFields.decisionDocNo'), plain(decision['decisionDocNo']) ?? null],
    [t('devices.eventFields.approver'), plain(decision['approver']) ?? null],
  );
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
            {k}
            {t('eventFields.colon')}
            {v}
          </span>
        ))}
    </div>
  );
}
