import { Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComputerView, DeviceLevelCode } from '../../../../preload/contract';
import { DEVICE_LEVEL_COLORS, DEVICE_STATUS_COLORS, type ComputerStatus } from './devices';
import { useLedger } from '../../store';

/** A device's level by name (绝密 ... 非涉密). */
export function DeviceLevelTag({ level, testId }: { level: DeviceLevelCode; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={DEVICE_LEVEL_COLORS[level]} data-level={level} data-testid={testId}>
      {t(`devices.levels.${level}`)}
    </Tag>
  );
}

export function DeviceStatusTag({ status, testId }: { status: ComputerStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={DEVICE_STATUS_COLORS[status]} data-status={status} data-testid={testId}>
      {t(`devices.status.${status}`)}
    </Tag>
  );
}

interface ComputerSelectProps {
  /** From the form item: links its label to the input. */
  id?: string;
  value?: number;
  onChange?: (value: number) => void;
  testId: string;
  autoFocus?: boolean;
}

/** A computer in service from either computer register (the backend judges whether the medium may go on it). */
export function ComputerSelect({ id, value, onChange, testId, autoFocus }: ComputerSelectProps) {
  const { t } = useTranslation();
  const listComputers = useLedger((s) => s.listComputers);
  const [computers, setComputers] = useState<ComputerView[]>([]);
  useEffect(() => {
    const page = { status: 'in_use' as const, offset: 0, limit: 500 };
    Promise.all([listComputers({ classified: true, ...page }), listComputers({ classified: false, ...page })])
      .then(([a, b]) => setComputers([...a.rows, ...b.rows]))
      // Without the list the field stays empty and the form cannot be sent; the register page reports failures.
      .catch(() => undefined);
  }, [listComputers]);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      autoFocus={autoFocus}
      showSearch={{ optionFilterProp: 'label' }}
      options={computers.map((c) => ({ value: c.id, label: `${c.code} ${c.name}（${t(`devices.levels.${c.level}`)}）` }))}
      data-testid={testId}
    />
  );
}
