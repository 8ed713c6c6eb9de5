// Chooses the one screen the ledger's state allows; everything else hangs off these.
import { useEffect } from 'react';
import { App as AntApp, Button, ConfigProvider, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ANTD_LOCALES } from './i18n';
import { useErrorText } from './i18n/errors';
import { useLedger } from './store';
import { useActivityPing } from './features/session/useActivityPing';
import { SetupWizard } from './features/session/SetupWizard';
import { RecoveryCodeScreen } from './features/session/RecoveryCodeScreen';
import { LoginScreen } from './features/session/LoginScreen';
import { LockScreen } from './features/session/LockScreen';
import { ForcedPasswordChange } from './features/session/ForcedPasswordChange';
import { MainLayout } from './MainLayout';
import { LeaveGuard } from './ui/LeaveGuard';
import { Scanner } from './features/scanner';

const BUTTONS = { autoInsertSpace: false };

export function Root() {
  const language = useLedger((s) => s.language);
  return (
    // No space put between a two-character label's characters (取 消): the words read as written.
    <ConfigProvider locale={ANTD_LOCALES[language]} button={BUTTONS}>
      <AntApp className="ledger-app">
        <LedgerApp />
      </AntApp>
    </ConfigProvider>
  );
}

function LedgerApp() {
  const status = useLedger((s) => s.status);
  const onboarding = useLedger((s) => s.onboarding);
  const switchingUser = useLedger((s) => s.switchingUser);
  const connect = useLedger((s) => s.connect);

  useEffect(() => connect(), [connect]);
  useActivityPing(status?.state === 'unlocked');

  if (!status) return <Starting />;
  // A just-issued recovery code stays on screen until the user confirms it is stored, even if the
  // ledger locks meanwhile: it is shown only once.
  if (status.state === 'no-ledger' || onboarding?.origin === 'setup') return <SetupWizard />;
  if (onboarding) return <RecoveryCodeScreen onboarding={onboarding} />;
  if (status.state === 'locked' || !status.session) {
    // A scan there is read and dropped: it never reaches the password field as a wrong password.
    return (
      <>
        {status.lockedUser && !switchingUser ? <LockScreen user={status.lockedUser} /> : <LoginScreen />}
        <Scanner signedIn={false} />
      </>
    );
  }
  if (status.session.mustChangePassword) return <ForcedPasswordChange />;
  // The 放弃 / 继续编辑 question belongs to the signed-in screens: a lock hides it with them, an unlock shows it again.
  // So does the scanner's opening of what a scan names.
  return (
    <>
      <MainLayout session={status.session} />
      <LeaveGuard />
      <Scanner signedIn />
    </>
  );
}

/** Before the first status: a spinner, or why the backend cannot be reached. */
function Starting() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const statusError = useLedger((s) => s.statusError);
  const refreshStatus = useLedger((s) => s.refreshStatus);
  return (
    <Flex align="center" justify="center" style={{ height: '100%' }}>
      {statusError ? (
        <Result
          status="error"
          title={t('app.unavailable')}
          subTitle={`${errorText(statusError)} ${t('app.unavailableHint')}`}
          extra={
            <Button type="primary" onClick={() => void refreshStatus()} data-testid="app-retry">
              {t('app.retry')}
            </Button>
          }
          data-testid="app-unavailable"
        />
      ) : (
        <Spin size="large" description={t('app.loading')} />
      )}
    </Flex>
  );
}
