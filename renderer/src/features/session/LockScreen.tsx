import { useState } from 'react';
import { Button, Flex, Form, Typography } from 'antd';
import { PasswordInput } from '../../ui/PasswordInput';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LedgerStatus } from '../../../../preload/contract';
import { useLedger } from '../../store';
import { useAction } from '../../ui/hooks/useAction';
import { attemptError, useRetrySeconds, useRetypeOnRefusal } from './useRetrySeconds';
import { GateFrame } from '../../ui/GateFrame';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { BackupStatusAlert } from '../backup/BackupStatusAlert';
import { RestoreDialog } from '../backup/RestoreDialog';

type LockedUser = NonNullable<LedgerStatus['lockedUser']>;

/** The locked session waits for its own user's password; someone else goes through "switch user". */
export function LockScreen({ user }: { user: LockedUser }) {
  const { t } = useTranslation();
  const unlock = useLedger((s) => s.unlock);
  const setSwitchingUser = useLedger((s) => s.setSwitchingUser);
  const lockReason = useLedger((s) => s.lockReason);
  const seconds = useRetrySeconds();
  const backup = useLedger((s) => s.status?.backup ?? null);
  const [restoring, setRestoring] = useState(false);
  const { run, busy, error } = useAction(({ password }: { password: string }) => unlock(password));
  const form = useRetypeOnRefusal(error);

  return (
    <GateFrame
      title={
        <span>
          <LockOutlined /> {t('lock.title')}
        </span>
      }
      testId="lock-screen"
    >
      <Form<{ password: string }> form={form} layout="vertical" onFinish={run}>
        <Typography.Title level={4} data-testid="lock-user">
          {t('lock.lockedUser', { displayName: user.displayName, username: user.username })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" data-testid="lock-hint">
          {lockReason && `${t(`lock.reasons.${lockReason}`)} `}
          {t('lock.hint')}
        </Typography.Paragraph>
        {backup && <BackupStatusAlert status={backup} onlyWhenDue />}
        <ErrorAlert error={attemptError(error, seconds)} seconds={seconds} testId="lock-error" />
        <Form.Item name="password" label={t('password.password')} rules={[{ required: true }]}>
          <PasswordInput autoFocus autoComplete="current-password" data-testid="lock-password" />
        </Form.Item>
        <Flex justify="space-between">
          <Flex gap={8}>
            <Button onClick={() => setSwitchingUser(true)} data-testid="lock-switch-user">
              {t('lock.switchUser')}
            </Button>
            <Button type="link" onClick={() => setRestoring(true)} data-testid="lock-restore">
              {t('restore.open')}
            </Button>
          </Flex>
          <Button type="primary" htmlType="submit" loading={busy} disabled={seconds > 0} data-testid="lock-submit">
            {t('lock.unlock')}
          </Button>
        </Flex>
      </Form>
      {restoring && <RestoreDialog onClose={() => setRestoring(false)} />}
    </GateFrame>
  );
}
