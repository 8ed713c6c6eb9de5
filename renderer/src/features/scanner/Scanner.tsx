// Mounted with the signed-in screens (never on the login or lock screen): every scan goes to the screen or dialog
// that asked for scans, else opens what the code names; a dialog that takes none says so and stays as it is.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useScanFeedback } from './feedback';
import { useOpenCode } from './open';
import { offerScan, type Scan } from './targets';
import { listenForScans } from './wedge';
import './scanner.css';

export function Scanner() {
  const { t } = useTranslation();
  const feedback = useScanFeedback();
  const open = useOpenCode();
  const onScan = useRef<(scan: Scan) => void>(() => undefined);
  useEffect(() => {
    onScan.current = (scan) => {
      const taken = offerScan(scan);
      if (taken === 'dialog') feedback.note(t('scanner.dialogTakesNone'));
      else if (taken === 'none') void open(scan.text);
    };
  });
  useEffect(() => listenForScans((scan) => onScan.current(scan)), []);
  return null;
}
