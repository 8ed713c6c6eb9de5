// 概览: what the custodian opens every morning. For those who read the registers: the holdings, 待办 (the reminders,
// overdue apart from due soon), devices, cabinets and the latest entries, each number opening its list; for everyone the
// backup status, and for an approver the requests waiting. The ledger's technical facts are under 设置 (台账信息).
import { useCallback, useState, type ReactNode } from 'react';
import { Alert, Col, Flex, Row, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { send } from '../../api';
import { selectHasRole, selectReadsRegisters, useLedger } from '../../store';
import { useLoad } from '../../ui/hooks/useAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PendingApprovalsCard } from '../approvals/PendingApprovalsCard';
import { ActivitiesCard } from './ActivitiesCard';
import { BackupCard } from './BackupCard';
import { CabinetsCard } from './CabinetsCard';
import { DevicesCard } from './DevicesCard';
import { HoldingsCard } from './HoldingsCard';
import type { Overview } from './overview';
import { RemindersCard } from './RemindersCard';

export function OverviewPage() {
  const { t } = useTranslation();
  const readsRegisters = useLedger(selectReadsRegisters);
  const isApprover = useLedger(selectHasRole('approver'));
  const side = (
    <Flex vertical gap={16}>
      <BackupCard />
      {isApprover && <PendingApprovalsCard />}
    </Flex>
  );
  if (!readsRegisters)
    return (
      <Flex vertical gap={16}>
        <Alert type="info" showIcon title={t('reminders.adminPlaceholder')} data-testid="overview-registers" />
        {side}
      </Flex>
    );
  return <RegisterOverview side={side} />;
}

/** The cards of the registers, from one overview.get (read each time the overview opens: it is what is there now). */
function RegisterOverview({ side }: { side: ReactNode }) {
  const [view, setView] = useState<Overview | null>(null);
  const { busy, error } = useLoad(useCallback(async () => setView(await send('overview.get', {})), []));
  return (
    <Flex vertical gap={16} data-testid="overview">
      <ErrorAlert error={error} testId="overview-error" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Spin spinning={busy && !view}>{view && <HoldingsCard holdings={view.holdings} />}</Spin>
        </Col>
        <Col xs={24} xl={10}>
          {side}
        </Col>
      </Row>
      <RemindersCard />
      {view && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <DevicesCard devices={view.devices} />
            </Col>
            <Col xs={24} xl={12}>
              <CabinetsCard cabinets={view.cabinets} />
            </Col>
          </Row>
          <ActivitiesCard activities={view.activities} />
        </>
      )}
    </Flex>
  );
}
