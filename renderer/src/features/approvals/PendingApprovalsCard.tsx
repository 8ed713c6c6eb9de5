// The approver's first sight on signing in: how many requests wait for a decision, opening 待审批.
import { Card, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLedger } from '../../store';
import { useLoad } from '../../ui/hooks/useAction';

export function PendingApprovalsCard() {
  const { t } = useTranslation();
  const pending = useLedger((s) => s.approvalsPending ?? 0);
  useLoad(useLedger((s) => s.countPendingApprovals));
  const setPage = useLedger((s) => s.setPage);
  const open = () => setPage('approvals');
  return (
    <Card
      size="small"
      hoverable
      onClick={open}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && open()}
      tabIndex={0}
      role="button"
      className={pending > 0 ? 'reminder-tile reminder-alert' : 'reminder-tile'}
      style={{ maxWidth: 240 }}
      data-testid="overview-approvals-pending"
    >
      <Statistic title={t('approvals.pendingTitle')} value={pending} />
    </Card>
  );
}
