import { useState } from 'react';
import { createPortal } from 'react-dom';
import { Alert, Button, Checkbox, Flex } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';

interface RecoveryCodeSheetProps {
  code: string;
  unitName: string;
  onContinue(): void;
}

/**
 * Shows a just-issued recovery code once, prints it for the safe, and lets the user go on only after
 * confirming it is stored. It offers no copy button on purpose: the code must not land on this computer.
 */
export function RecoveryCodeSheet({ code, unitName, onContinue }: RecoveryCodeSheetProps) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const today = formatDate(new Date());

  return (
    <Flex vertical gap={16}>
      <Alert type="warning" showIcon title={t('recovery.warning')} />
      <div className="recovery-code" data-testid="recovery-code">
        {code}
      </div>
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="recovery-print" style={{ alignSelf: 'flex-start' }}>
        {t('recovery.print')}
      </Button>
      <Checkbox checked={stored} onChange={(e) => setStored(e.target.checked)} data-testid="recovery-stored-checkbox">
        {t('recovery.stored')}
      </Checkbox>
      <Button type="primary" disabled={!stored} onClick={onContinue} data-testid="recovery-continue" style={{ alignSelf: 'flex-end' }}>
        {t('recovery.continue')}
      </Button>
      {createPortal(
        // Outside #root: the print stylesheet hides everything but this sheet.
        <section className="print-only recovery-print-sheet">
          <h1>{t('recovery.sheet.title')}</h1>
          <p>
            {t('recovery.sheet.unit')}：{unitName}
          </p>
          <p>
            {t('recovery.sheet.date')}：{today}
          </p>
          <div className="recovery-print-code">{code}</div>
          <h2>{t('recovery.sheet.instructions')}</h2>
          <ol>
            <li>{t('recovery.sheet.instruction1')}</li>
            <li>{t('recovery.sheet.instruction2')}</li>
            <li>{t('recovery.sheet.instruction3')}</li>
          </ol>
          <p className="recovery-print-signature">
            <span>{t('recovery.sheet.keeper')}：________________</span>
            <span>{t('recovery.sheet.date')}：________________</span>
          </p>
        </section>,
        document.body,
      )}
    </Flex>
  );
}
