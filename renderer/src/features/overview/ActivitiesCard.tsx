// 最近登记: the last ten register entries (from the audit log), in the reader's words: when, what, which item by its
// ledger number, and who entered it.
import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { auditActionText } from '../../../../db/domain/audit';
import { useLedger } from '../../store';
import { formatDateTime } from '../../ui/format';
import type { Overview } from './overview';

type Activity = Overview['activities'][number];

export function ActivitiesCard({ activities }: { activities: Overview['activities'] }) {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  return (
    <Card title={t('overview.activitiesTitle')} data-testid="overview-activities">
      {activities.length === 0 ? (
        <Typography.Text type="secondary" data-testid="overview-activities-empty">
          {t('overview.activitiesEmpty')}
        </Typography.Text>
      ) : (
        <Table<Activity>
          size="small"
          pagination={false}
          rowKey="seq"
          dataSource={activities}
          columns={[
            { key: 'at', title: t('overview.activityAt'), width: 170, render: (_, a) => formatDateTime(a.at) },
            { key: 'action', title: t('overview.activityAction'), render: (_, a) => auditActionText(a.action, language) },
            { key: 'target', title: t('overview.activityTarget'), render: (_, a) => <span className="monospace">{a.target ?? ''}</span> },
            { key: 'actor', title: t('overview.activityActor'), render: (_, a) => a.actor ?? '' },
          ]}
        />
      )}
    </Card>
  );
}
