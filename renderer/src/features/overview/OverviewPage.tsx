import { Alert, Button, Card, Descriptions, Flex, Spin, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { selectHasRole, selectIsCustodian, selectReadsRegisters, useLedger } from '../../store';
import { BackupStatusAlert } from '../backup/BackupStatusAlert';
import { useLoad } from '../../ui/hooks/useAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { RemindersCard } from './RemindersCard';
import { PendingApprovalsCard } from '../approvals/PendingApprovalsCard';

const COUNT_LABELS = { accounts: 'overview.countNames.accounts', audit_log: 'overview.countNames.audit_log' } as const;

function isCountName(name: string): name is keyof typeof COUNT_LABELS {
  return Object.hasOwn(COUNT_LABELS, name);
}

/** The reminders of the registers (for those who read them) and the ledger's vital facts. */
export function OverviewPage() {
  const { t } = useTranslation();
  const info = useLedger((s) => s.ledgerInfo);
  const { busy, error } = useLoad(useLedger((s) => s.loadLedgerInfo));
  const readsRegisters = useLedger(selectReadsRegisters);
  const isCustodian = useLedger(selectIsCustodian);
  const isApprover = useLedger(selectHasRole('approver'));
  const backupStatus = useLedger((s) => s.backupStatus);
  const setPage = useLedger((s) => s.setPage);
  useLoad(useLedger((s) => s.loadBackupStatus));

  const items: DescriptionsProps['items'] = info
    ? [
        { key: 'schema', label: t('overview.schemaVersion'), children: <span data-testid="overview-schema-version">{info.schemaVersion}</span> },
        { key: 'app', label: t('overview.appVersion'), children: info.appVersion },
        {
          key: 'audit',
          label: t('overview.auditHead'),
          children: (
            <span className="monospace" data-testid="overview-audit-head">
              #{info.auditHead.seq} {info.auditHead.hash.slice(0, 8)}
            </span>
          ),
        },
        ...Object.entries(info.counts).map(([name, count]) => ({
          key: `count-${name}`,
          label: isCountName(name) ? t(COUNT_LABELS[name]) : name,
          children: count,
        })),
      ]
    : [];

  return (
    <Flex vertical gap={16}>
      {backupStatus && (
        <BackupStatusAlert
          status={backupStatus}
          onlyWhenDue
          action={
            isCustodian && (
              <Button size="small" onClick={() => setPage('backup')} data-testid="overview-backup-now">
                {t('backup.now')}
              </Button>
            )
          }
        />
      )}
      {isApprover && <PendingApprovalsCard />}
      {readsRegisters ? <RemindersCard /> : <Alert type="info" showIcon title={t('reminders.adminPlaceholder')} data-testid="overview-registers" />}
      <Card title={t('overview.infoTitle')}>
        <ErrorAlert error={error} testId="overview-error" />
        <Spin spinning={busy}>
          <Descriptions column={1} bordered size="small" items={items} data-testid="overview-info" />
        </Spin>
      </Card>
    </Flex>
  );
}
