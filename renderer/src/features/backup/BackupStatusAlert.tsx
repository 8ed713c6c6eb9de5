// Whether a backup is due: on the overview, the backup page and the lock and login screens.
import type { ReactNode } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupStatusView } from '../../../../preload/contract';
import { formatDateTime } from '../../ui/format';
import { useLedger } from '../../store';

const TYPES = { ok: 'success', due: 'warning', overdue: 'error' } as const;

export function BackupStatusAlert({ status, action, onlyWhenDue = false }: { status: BackupStatusView; action?: ReactNode; onlyWhenDue?: boolean }) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  if (onlyWhenDue && status.state === 'ok') return null;
  const last = status.lastBackupAt ? t('backup.status.last', { at: formatDateTime(status.lastBackupAt, language) }) : t('backup.status.never');
  return (
    <Alert
      type={TYPES[status.state]}
      showIcon
      title={t(`backup.status.${status.state}`, { due: formatDateTime(status.dueAt, language), days: status.intervalDays })}
      description={last}
      action={action}
      data-testid="backup-status"
      data-state={status.state}
    />
  );
}
