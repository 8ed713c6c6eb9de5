// 备份 on the overview: the last backup and whether one is due or overdue, for everyone who may see it; the custodian,
// who makes backups, has the way to the backup page beside it.
import { Button, Card, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { selectIsCustodian, useLedger } from '../../store';
import { useLoad } from '../../ui/hooks/useAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { BackupStatusAlert } from '../backup/BackupStatusAlert';
import { backupAlert } from '../backup/status';

export function BackupCard() {
  const { t } = useTranslation();
  const status = useLedger((s) => s.backupStatus);
  const isCustodian = useLedger(selectIsCustodian);
  const setPage = useLedger((s) => s.setPage);
  const { busy, error } = useLoad(useLedger((s) => s.loadBackupStatus));
  const due = status !== null && backupAlert(status).tone !== 'success';
  return (
    <Card title={t('overview.backupTitle')} data-testid="overview-backup">
      <ErrorAlert error={error} testId="overview-backup-error" />
      <Spin spinning={busy && !status}>
        {status && (
          <BackupStatusAlert
            status={status}
            action={
              isCustodian && (
                <Button size="small" type={due ? 'primary' : 'default'} onClick={() => setPage('backup')} data-testid="overview-backup-now">
                  {due ? t('backup.now') : t('overview.openBackup')}
                </Button>
              )
            }
          />
        )}
      </Spin>
    </Card>
  );
}
