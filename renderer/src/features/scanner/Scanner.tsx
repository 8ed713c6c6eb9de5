// Signed in, every scan goes to the screen or dialog that asked for scans, else opens what the code names; a dialog
// that takes none says so and stays as it is. On the login and lock screens a scan is only said to wait.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useScanFeedback } from './feedback';
import { useOpenCode } from './open';
import { offerScan, type Scan } from './targets';
import { listenForScans } from './wedge';
import './scanner.css';

export function Scanner({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const feedback = useScanFeedback();
  const open = useOpenCode();
  const onScan = useRef<(scan: Scan) => void>(() => undefined);
  useEffect(() => {
    onScan.current = (scan) => {
      if (!signedIn) return feedback.note(t('scanner.signInFirst'));
      const taken = offerScan(scan);
      if (taken === 'dialog') feedback.note(t('scanner.dialogTakesNone'));
      else if (taken === 'none') void open(scan.text);
    };
  });
  useEffect(() => listenForScans((scan) => onScan.current(scan)), []);
  return null;
}
