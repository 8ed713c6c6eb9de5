// Restore from a backup folder: inspect (no key) and compare with the current ledger, then credentials of an
// account in that backup (or its recovery code), then an explicit confirmation. Used signed out and by the admin.
import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Flex, Form, Input, Modal, Radio, Typography } from 'antd';
import { PasswordInput } from '../../ui/PasswordInput';
import { useTranslation } from 'react-i18next';
import type { BackupInspectView } from '../../../../preload/contract';
import { formatDateTime } from '../../ui/format';
import { useLedger } from '../../store';
import { useAction } from '../../ui/hooks/useAction';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ContentTags } from './ContentTags';
import { FolderInput } from './FolderInput';

interface CredentialValues {
  username: string;
  secretKind: 'password' | 'recoveryCode';
  secret: string;
  confirmed: boolean;
}

export function RestoreDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const inspectBackup = useLedger((s) => s.inspectBackup);
  const restoreBackup = useLedger((s) => s.restoreBackup);
  const progress = useLedger((s) => s.backupProgress);
  const [view, setView] = useState<BackupInspectView | null>(null);
  const inspect = useAction(async ({ folder }: { folder: string }) => setView(await inspectBackup(folder.trim())));
  const restore = useAction(async ({ username, secretKind, secret }: CredentialValues) => {
    const folder = view!.folder;
    await restoreBackup(
      secretKind === 'password' ? { folder, username: username.trim(), password: secret } : { folder, username: username.trim(), recoveryCode: secret.trim() },
    );
    // The ledger is signed out now; the login screen reports what was restored.
    onClose();
  });

  const head = (h: { seq: number; hash: string } | null) => (h ? `#${h.seq} ${h.hash.slice(0, 12)}` : t('restore.unknown'));
  return (
    <Modal open title={t('restore.title')} onCancel={onClose} footer={null} maskClosable={false} width={720} data-testid="restore-dialog">
      <Flex vertical gap={16}>
        <Form<{ folder: string }> layout="inline" onFinish={inspect.run} style={{ rowGap: 8 }}>
          <Form.Item name="folder" rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}>
            <FolderInput autoFocus title={t('restore.title')} placeholder={t('restore.folderPlaceholder')} testId="restore-folder" />
          </Form.Item>
          <Button htmlType="submit" loading={inspect.busy} data-testid="restore-inspect">
            {t('restore.inspect')}
          </Button>
        </Form>
        <ErrorAlert error={inspect.error} testId="restore-inspect-error" />
        {view && (
          <>
            <Descriptions
              bordered
              size="small"
              column={1}
              data-testid="restore-comparison"
              items={[
                {
                  key: 'h',
                  label: '',
                  children: (
                    <Flex justify="space-between">
                      <strong>{t('restore.backup')}</strong>
                      <strong>{t('restore.current')}</strong>
                    </Flex>
                  ),
                },
                {
                  key: 'at',
                  label: t('restore.createdAt'),
                  children: (
                    <Flex justify="space-between">
                      <span data-testid="restore-created-at">
                        {formatDateTime(view.createdAt)} · {view.createdBy}
                      </span>
                      <span>{view.current.lastBackupAt ? t('restore.lastBackup', { at: formatDateTime(view.current.lastBackupAt) }) : '—'}</span>
                    </Flex>
                  ),
                },
                {
                  key: 'rows',
                  label: t('restore.rows'),
                  children: (
                    <Flex justify="space-between" gap={16}>
                      <ContentTags counts={view.counts} testId="restore-backup-rows" />
                      {view.current.counts ? <ContentTags counts={view.current.counts} testId="restore-current-rows" /> : <span>{t('restore.unknown')}</span>}
                    </Flex>
                  ),
                },
                {
                  key: 'head',
                  label: t('restore.auditHead'),
                  children: (
                    <Flex justify="space-between" className="monospace">
                      <span>{head(view.auditHead)}</span>
                      <span>{head(view.current.auditHead)}</span>
                    </Flex>
                  ),
                },
                { key: 'medium', label: t('restore.medium'), children: `${view.medium.code} (${view.medium.serial}) · ${view.unitName}` },
              ]}
            />
            {view.current.exists && !view.current.sameLedger && (
              <Alert type="warning" showIcon title={t('restore.otherLedger')} data-testid="restore-other-ledger" />
            )}
            <Form<CredentialValues> layout="vertical" initialValues={{ secretKind: 'password', confirmed: false }} onFinish={restore.run}>
              <ErrorAlert error={restore.error} testId="restore-error" />
              <Typography.Paragraph type="secondary">{t('restore.credentialsHint')}</Typography.Paragraph>
              <Form.Item name="username" label={t('account.username')} rules={[{ required: true, whitespace: true }]}>
                <Input autoComplete="username" data-testid="restore-username" />
              </Form.Item>
              <Form.Item name="secretKind">
                <Radio.Group
                  options={[
                    { value: 'password', label: t('password.password') },
                    { value: 'recoveryCode', label: t('recover.code') },
                  ]}
                  data-testid="restore-secret-kind"
                />
              </Form.Item>
              <Form.Item name="secret" rules={[{ required: true }]}>
                <PasswordInput autoComplete="off" data-testid="restore-secret" />
              </Form.Item>
              <Form.Item
                name="confirmed"
                valuePropName="checked"
                rules={[{ validator: (_, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(t('restore.confirmRequired')))) }]}
              >
                <Checkbox data-testid="restore-confirm">{t('restore.confirm')}</Checkbox>
              </Form.Item>
              <Flex justify="flex-end" gap={8} align="center">
                {restore.busy && progress && (
                  <Typography.Text type="secondary" data-testid="restore-progress">
                    {t(`restore.steps.${progress}`, { defaultValue: progress })}
                  </Typography.Text>
                )}
                <Button onClick={onClose} data-testid="restore-cancel">
                  {t('common.cancel')}
                </Button>
                <Button type="primary" danger htmlType="submit" loading={restore.busy} data-testid="restore-submit">
                  {t('restore.submit')}
                </Button>
              </Flex>
            </Form>
          </>
        )}
      </Flex>
    </Modal>
  );
}
