// Computers and removable media by level and status (the 登记备案表 counted); a number opens the register it is in.
import { Alert, Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComputerView, DeviceLevelCode } from '../../../../preload/contract';
import { useLedger } from '../../store';
import { COMPUTER_STATUSES, DEVICE_LEVELS, MEDIUM_STATUSES, registerFor, type DeviceKind } from '../devices/devices';
import { DeviceLevelTag } from '../devices/DeviceTags';
import { OpenNumber } from './OpenNumber';
import type { Overview } from './overview';

type Counts = Overview['devices']['computers'] | Overview['devices']['media'];

function DeviceTable({ kind, counts }: { kind: DeviceKind; counts: Counts }) {
  const { t } = useTranslation();
  const openDevices = useLedger((s) => s.openDevices);
  const label = kind === 'computer' ? t('overview.computers') : t('overview.media');
  if (counts.length === 0)
    return (
      <Typography.Text type="secondary" data-testid={`overview-${kind}-empty`}>
        {kind === 'computer' ? t('overview.noComputers') : t('overview.noMedia')}
      </Typography.Text>
    );
  const count = (level: DeviceLevelCode, status?: string) =>
    (counts as { level: DeviceLevelCode; status: string; count: number }[])
      .filter((c) => c.level === level && (status === undefined || c.status === status))
      .reduce((n, c) => n + c.count, 0);
  // The statuses some device has, in the register's order: a column of zeros says nothing.
  const statuses = (kind === 'computer' ? COMPUTER_STATUSES : MEDIUM_STATUSES).filter((s) => counts.some((c) => c.status === s));
  const levels = DEVICE_LEVELS.filter((level) => counts.some((c) => c.level === level));
  const open = (level: DeviceLevelCode, status?: ComputerView['status']) => () => openDevices(registerFor(kind, level), status);
  return (
    <Table<DeviceLevelCode>
      size="small"
      pagination={false}
      title={() => <Typography.Text strong>{label}</Typography.Text>}
      rowKey={(level) => level}
      dataSource={levels}
      data-testid={`overview-${kind}s`}
      columns={[
        { key: 'level', title: t('devices.fields.level'), render: (_, level) => <DeviceLevelTag level={level} /> },
        ...statuses.map((status) => ({
          key: status,
          title: t(`devices.status.${status}`),
          align: 'right' as const,
          render: (_: unknown, level: DeviceLevelCode) => {
            const n = count(level, status);
            return n > 0 ? (
              <OpenNumber onOpen={open(level, status)} testId={`overview-${kind}-${level}-${status}`}>
                {n}
              </OpenNumber>
            ) : (
              <Typography.Text type="secondary">0</Typography.Text>
            );
          },
        })),
        {
          key: 'total',
          title: t('overview.total'),
          align: 'right',
          render: (_, level) => (
            <OpenNumber onOpen={open(level)} testId={`overview-${kind}-${level}-total`}>
              {count(level)}
            </OpenNumber>
          ),
        },
      ]}
    />
  );
}

/** 在用涉密计算机未记录违规外联监控: each by its code, opening its page (where 变更 records it). */
function UnmonitoredAlert({ computers }: { computers: Overview['devices']['unmonitored'] }) {
  const { t } = useTranslation();
  const openDevice = useLedger((s) => s.openDevice);
  if (computers.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('computerChecks.unmonitoredTitle')}
      description={
        <span>
          {t('computerChecks.unmonitoredHint')}
          {computers.map((c, i) => (
            <span key={c.id}>
              {i > 0 && t('reminders.nameJoin')}
              <OpenNumber onOpen={() => openDevice('computer', c.id)} testId={`overview-unmonitored-${c.code}`}>
                {c.code}
              </OpenNumber>
            </span>
          ))}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="overview-unmonitored"
    />
  );
}

export function DevicesCard({ devices }: { devices: Overview['devices'] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('overview.devicesTitle')} data-testid="overview-devices">
      <UnmonitoredAlert computers={devices.unmonitored ?? []} />
      {devices.computers.length === 0 && devices.media.length === 0 ? (
        <Typography.Text type="secondary" data-testid="overview-devices-empty">
          {t('overview.devicesEmpty')}
        </Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          <DeviceTable kind="computer" counts={devices.computers} />
          <DeviceTable kind="medium" counts={devices.media} />
        </Flex>
      )}
    </Card>
  );
}
