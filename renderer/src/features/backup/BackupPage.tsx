// 备份与恢复: back up to an approved medium (custodian), the history with its media, and the schedule.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Form, Select, Table, Typography, type TableProps } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BackupView } from '../../../../preload/contract';
import { BACKUP_PAGE_SIZE, selectIsCustodian, useLedger, type BackupResult } from '../../store';
import { useAction, useLoad } from '../../ui/hooks/useAction';
import { formatDateTime } from '../../ui/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { BackupStatusAlert } from './BackupStatusAlert';
import { ContentTags } from './ContentTags';
import { canPickFolder, FolderInput } from './FolderInput';

export function BackupPage() {
  const { t } = useTranslation();
  const isCustodian = useLedger(selectIsCustodian);
  const status = useLedger((s) => s.backupStatus);
  useLoad(useLedger((s) => s.loadBackupStatus));
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('backup.title')}</Typography.Title>
      {status && <BackupStatusAlert status={status} />}
      {isCustodian && <BackupForm />}
      <BackupHistory />
    </Flex>
  );
}

interface BackupValues {
  mediumId: number;
  folder: string;
}

function BackupForm() {
  const { t } = useTranslation();
  const media = useLedger((s) => s.backupMedia);
  const runBackup = useLedger((s) => s.runBackup);
  const progress = useLedger((s) => s.backupProgress);
  const load = useLoad(useLedger((s) => s.loadBackupMedia));
  const [result, setResult] = useState<BackupResult | null>(null);
  const { run, busy, error } = useAction(async ({ mediumId, folder }: BackupValues) => {
    setResult(null);
    setResult(await runBackup(mediumId, folder.trim()));
  });

  return (
    <Card title={t('backup.runTitle')}>
      <ErrorAlert error={load.error} testId="backup-media-error" />
      {media && (
        <Typography.Paragraph type="secondary" data-testid="backup-highest-level">
          {t('backup.conditions', { level: t(`devices.dataLevels.${media.highestLevel}`) })}
        </Typography.Paragraph>
      )}
      {media && media.media.length === 0 && (
        <Alert type="warning" showIcon title={t('backup.noMedia')} style={{ marginBottom: 16 }} data-testid="backup-no-media" />
      )}
      <Form<BackupValues> layout="vertical" onFinish={run} style={{ maxWidth: 640 }}>
        <ErrorAlert error={error} testId="backup-error" />
        <Form.Item name="mediumId" label={t('backup.medium')} rules={[{ required: true }]}>
          <Select
            autoFocus
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="backup-medium"
            options={(media?.media ?? []).map((m) => ({
              value: m.id,
              label: `${m.code} · ${m.serial} · ${t(`devices.dataLevels.${m.level}`)}${m.levelSufficient ? '' : ` (${t('backup.levelTooLow')})`}`,
              disabled: !m.levelSufficient,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="folder"
          label={t('backup.folder')}
          extra={t(canPickFolder() ? 'backup.folderPickHelp' : 'backup.folderHelp')}
          rules={[{ required: true, whitespace: true }]}
        >
          <FolderInput title={t('backup.folder')} placeholder={t('backup.folderPlaceholder')} testId="backup-folder" />
        </Form.Item>
        <Flex gap={12} align="center">
          <Button type="primary" htmlType="submit" icon={<CloudUploadOutlined />} loading={busy} data-testid="backup-run">
            {t('backup.run')}
          </Button>
          {busy && progress && (
            <Typography.Text type="secondary" data-testid="backup-progress">
              {t(`backup.steps.${progress}`, { defaultValue: progress })}
            </Typography.Text>
          )}
        </Flex>
      </Form>
      {result && <BackupResultPanel result={result} />}
    </Card>
  );
}

function BackupResultPanel({ result }: { result: BackupResult }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} style={{ marginTop: 16 }} data-testid="backup-result">
      <Alert type="success" showIcon title={t('backup.done', { name: result.name, medium: result.medium.code })} />
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: 'path',
            label: t('backup.path'),
            children: (
              <span className="monospace" data-testid="backup-result-path">
                {result.path}
              </span>
            ),
          },
          {
            key: 'sha',
            label: t('backup.sha256'),
            children: (
              <span className="monospace" data-testid="backup-result-sha256">
                {result.sha256}
              </span>
            ),
          },
          {
            key: 'head',
            label: t('backup.auditHead'),
            children: (
              <span className="monospace">
                #{result.auditHead.seq} {result.auditHead.hash}
              </span>
            ),
          },
          {
            key: 'size',
            label: t('backup.size'),
            children: t('backup.sizeAndTime', { mb: (result.size / 1024 / 1024).toFixed(2), seconds: result.seconds.toFixed(1) }),
          },
          {
            key: 'counts',
            label: t('backup.counts'),
            children: <ContentTags counts={result.counts} testId="backup-result-counts" />,
          },
        ]}
      />
    </Flex>
  );
}

function BackupHistory() {
  const { t } = useTranslation();
  const rows = useLedger((s) => s.backupRows);
  const total = useLedger((s) => s.backupTotal);
  const page = useLedger((s) => s.backupPage);
  const loadBackups = useLedger((s) => s.loadBackups);
  const { busy, error } = useLoad(useLedger((s) => s.loadBackups));
  const columns: TableProps<BackupView>['columns'] = [
    { key: 'at', title: t('backup.at'), width: 170, render: (_, b) => formatDateTime(b.at) },
    { key: 'medium', title: t('backup.medium'), width: 200, render: (_, b) => `${b.medium.code} · ${b.medium.serial}` },
    { key: 'name', title: t('backup.name'), ellipsis: true, render: (_, b) => <span title={`${b.folder}/${b.name}`}>{b.name}</span> },
    {
      key: 'head',
      title: t('backup.auditHead'),
      width: 150,
      render: (_, b) => (
        <span className="monospace">
          #{b.auditHead.seq} {b.auditHead.hash.slice(0, 8)}
        </span>
      ),
    },
    { key: 'sha', title: t('backup.sha256'), width: 110, render: (_, b) => <span className="monospace">{b.dbSha256.slice(0, 10)}</span> },
    { key: 'by', dataIndex: 'recordedBy', title: t('backup.by'), width: 100 },
  ];
  return (
    <Card title={t('backup.historyTitle')}>
      <ErrorAlert error={error} testId="backup-history-error" />
      <Table<BackupView>
        rowKey="id"
        size="small"
        loading={busy}
        columns={columns}
        dataSource={rows}
        pagination={{ current: page, pageSize: BACKUP_PAGE_SIZE, total, showSizeChanger: false, onChange: (p) => void loadBackups(p) }}
        data-testid="backup-history"
      />
    </Card>
  );
}
