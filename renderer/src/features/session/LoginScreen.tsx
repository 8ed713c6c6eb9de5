// Login (nobody's session is waiting) and the recovery-code path for a forgotten password.
import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { PasswordInput } from '../../ui/PasswordInput';
import { useTranslation } from 'react-i18next';
import { useLedger } from '../../store';
import { useAction } from '../../ui/hooks/useAction';
import { attemptError, useRetrySeconds, useRetypeOnRefusal } from './useRetrySeconds';
import { BASE_POLICY } from '../../../../db/domain/passwords';
import { GateFrame } from '../../ui/GateFrame';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PasswordFields } from '../accounts/PasswordFields';
import { BackupStatusAlert } from '../backup/BackupStatusAlert';
import { RestoreDialog } from '../backup/RestoreDialog';
import { formatDateTime } from '../../ui/format';
import type { RecoverInput } from './store';

export function LoginScreen() {
  const [recovering, setRecovering] = useState(false);
  return recovering ? <RecoverForm onBack={() => setRecovering(false)} /> : <LoginForm onRecover={() => setRecovering(true)} />;
}

interface LoginValues {
  username: string;
  password: string;
}

function LoginForm({ onRecover }: { onRecover(): void }) {
  const { t } = useTranslation();
  const login = useLedger((s) => s.login);
  const lockedUser = useLedger((s) => s.status?.lockedUser ?? null);
  const setSwitchingUser = useLedger((s) => s.setSwitchingUser);
  const seconds = useRetrySeconds();
  const { run, busy, error } = useAction(({ username, password }: LoginValues) => login(username, password));
  const form = useRetypeOnRefusal<LoginValues>(error);
  const backup = useLedger((s) => s.status?.backup ?? null);
  const lastRestore = useLedger((s) => s.lastRestore);
  const endedBy = useLedger((s) => s.endedBy);
  const [restoring, setRestoring] = useState(false);

  return (
    <GateFrame title={t('login.title')} testId="login-screen">
      <Form<LoginValues> form={form} layout="vertical" onFinish={run}>
        {lastRestore && (
          <Alert
            type="success"
            showIcon
            title={t('restore.done', { at: formatDateTime(lastRestore.createdAt) })}
            description={lastRestore.preRestoreDir ? t('restore.keptAt', { dir: lastRestore.preRestoreDir }) : undefined}
            style={{ marginBottom: 16 }}
            data-testid="restore-result"
          />
        )}
        {backup && <BackupStatusAlert status={backup} onlyWhenDue />}
        <ErrorAlert error={endedBy} testId="login-session-ended" />
        <ErrorAlert error={attemptError(error, seconds)} seconds={seconds} testId="login-error" />
        <Form.Item name="username" label={t('account.username')} rules={[{ required: true, whitespace: true }]}>
          <Input autoFocus autoComplete="username" data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={t('password.password')} rules={[{ required: true }]}>
          <PasswordInput autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} disabled={seconds > 0} data-testid="login-submit">
          {t('login.submit')}
        </Button>
        <Flex justify="space-between" style={{ marginTop: 12 }}>
          <Button type="link" onClick={onRecover} style={{ padding: 0 }} data-testid="login-use-recovery-code">
            {t('login.useRecoveryCode')}
          </Button>
          <Button type="link" onClick={() => setRestoring(true)} style={{ padding: 0 }} data-testid="login-restore">
            {t('restore.open')}
          </Button>
          {lockedUser && (
            <Button type="link" onClick={() => setSwitchingUser(false)} style={{ padding: 0 }} data-testid="login-back-to-lock">
              {t('login.backToLock')}
            </Button>
          )}
        </Flex>
      </Form>
      {restoring && <RestoreDialog onClose={() => setRestoring(false)} />}
    </GateFrame>
  );
}

interface RecoverValues {
  username: string;
  recoveryCode: string;
  newPassword: string;
}

function RecoverForm({ onBack }: { onBack(): void }) {
  const { t } = useTranslation();
  const recover = useLedger((s) => s.recover);
  const seconds = useRetrySeconds();
  const { run, busy, error } = useAction((input: RecoverInput) => recover(input));

  return (
    <GateFrame title={t('recover.title')} width={520} testId="recover-screen">
      <Form<RecoverValues>
        layout="vertical"
        onFinish={({ username, recoveryCode, newPassword }) => run({ username, recoveryCode: recoveryCode.trim(), newPassword })}
      >
        <Typography.Paragraph>{t('recover.intro')}</Typography.Paragraph>
        <ErrorAlert error={attemptError(error, seconds)} seconds={seconds} testId="recover-error" />
        <Form.Item name="username" label={t('account.username')} rules={[{ required: true, whitespace: true }]}>
          <Input autoFocus autoComplete="username" data-testid="recover-username" />
        </Form.Item>
        <Form.Item name="recoveryCode" label={t('recover.code')} rules={[{ required: true, whitespace: true }]}>
          <Input autoComplete="off" spellCheck={false} className="monospace" data-testid="recover-code" />
        </Form.Item>
        <PasswordFields name="newPassword" policy={BASE_POLICY} testId="recover-password" />
        <Flex justify="space-between">
          <Button onClick={onBack} data-testid="recover-back">
            {t('recover.back')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} disabled={seconds > 0} data-testid="recover-submit">
            {t('recover.submit')}
          </Button>
        </Flex>
      </Form>
    </GateFrame>
  );
}
