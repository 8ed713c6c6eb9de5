// Whether a backup is due: on the overview, the backup page and the lock and login screens.
import type { ReactNode } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupStatusView } from '../../../../preload/contract';
import { formatDateTime } from '../../ui/format';

const TYPES = { ok: 'success', due: 'warning', overdue: 'error' } as const;

export function BackupStatusAlert({ status, action, onlyWhenDue = false }: { status: BackupStatusView; action?: ReactNode; onlyWhenDue?: boolean }) {
  const { t } = useTranslation();
  if (onlyWhenDue && status.state === 'ok') return null;
  const last = status.lastBackupAt ? t('backup.status.last', { at: formatDateTime(status.lastBackupAt) }) : t('backup.status.never');
  return (
    <Alert
      type={TYPES[status.state]}
      showIcon
      title={t(`backup.status.${status.state}`, { due: formatDateTime(status.dueAt), days: status.intervalDays })}
      description={last}
      action={action}
      data-testid="backup-status"
      data-state={status.state}
    />
  );
}
