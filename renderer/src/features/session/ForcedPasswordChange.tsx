import { useEffect } from 'react';
import { Alert, App, Button, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLedger } from '../../store';
import { useAction } from '../../ui/hooks/useAction';
import { GateFrame } from '../../ui/GateFrame';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ChangePasswordFields, type ChangePasswordValues } from '../accounts/ChangePasswordFields';

/** A temporary password (set by the administrator) must be replaced before anything else is shown. */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changePassword = useLedger((s) => s.changePassword);
  const loadSettings = useLedger((s) => s.loadSettings);
  const logout = useLedger((s) => s.logout);
  const change = useAction(({ oldPassword, newPassword }: ChangePasswordValues) => changePassword(oldPassword, newPassword));
  const leave = useAction(logout);

  useEffect(() => {
    // Only to show the ledger's own password rule; without it the base rule shows and the backend decides.
    loadSettings().catch(() => undefined);
  }, [loadSettings]);

  async function submit(values: ChangePasswordValues) {
    if (await change.run(values)) void message.success(t('changePassword.done'));
  }

  return (
    <GateFrame title={t('changePassword.forcedTitle')} width={480} testId="change-password-screen">
      <Alert type="info" showIcon title={t('changePassword.forcedIntro')} style={{ marginBottom: 16 }} />
      <Form<ChangePasswordValues> layout="vertical" onFinish={submit}>
        <ErrorAlert error={change.error ?? leave.error} testId="change-password-error" />
        <ChangePasswordFields />
        <Flex justify="space-between">
          <Button onClick={() => void leave.run()} loading={leave.busy} data-testid="change-password-logout">
            {t('layout.logout')}
          </Button>
          <Button type="primary" htmlType="submit" loading={change.busy} data-testid="change-password-submit">
            {t('changePassword.submit')}
          </Button>
        </Flex>
      </Form>
    </GateFrame>
  );
}
