import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLedger } from '../../store';
import type { Onboarding } from './store';
import { GateFrame } from '../../ui/GateFrame';
import { RecoveryCodeSheet } from './RecoveryCodeSheet';

/** After a recovery: the new code replaces the one just used, and must be stored before going on. */
export function RecoveryCodeScreen({ onboarding }: { onboarding: Onboarding }) {
  const { t } = useTranslation();
  const finishOnboarding = useLedger((s) => s.finishOnboarding);
  return (
    <GateFrame title={t('recovery.title')} width={640} testId="recovery-screen">
      <Alert type="info" showIcon title={t('recovery.reissued')} style={{ marginBottom: 16 }} />
      <RecoveryCodeSheet code={onboarding.recoveryCode} unitName={onboarding.unitName} onContinue={finishOnboarding} />
    </GateFrame>
  );
}
