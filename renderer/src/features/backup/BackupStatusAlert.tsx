// Whether a backup is due: on the overview, the backup page and the lock and login screens.
import type { ReactNode } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupStatusView } from '../../../../preload/contract';
import { formatDateTime } from '../../ui/format';
import { backupAlert } from './status';

/** `onlyWhenDue`: shown only when it needs attention (anything but green). */
export function BackupStatusAlert({ status, action, onlyWhenDue = false }: { status: BackupStatusView; action?: ReactNode; onlyWhenDue?: boolean }) {
  const { t } = useTranslation();
  const { tone, kind } = backupAlert(status);
  if (onlyWhenDue && tone === 'success') return null;
  const last = status.lastBackupAt ? t('backup.status.last', { at: formatDateTime(status.lastBackupAt) }) : t('backup.status.none');
  return (
    <Alert
      type={tone}
      showIcon
      title={t(`backup.status.${kind}`, {
        due: formatDateTime(status.dueAt),
        days: status.intervalDays,
        at: status.lastFailedAt ? formatDateTime(status.lastFailedAt) : '',
      })}
      description={last}
      action={action}
      data-testid="backup-status"
      data-state={status.state}
      data-tone={tone}
    />
  );
}
