import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';
import { useLedger } from '../store';

/** The three interface languages as buttons, each named in itself. data-testid: language-<code>. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLedger((s) => s.language);
  const setLanguage = useLedger((s) => s.setLanguage);
  return (
    <Radio.Group value={language} onChange={(e) => setLanguage(e.target.value)} optionType="button" aria-label={t('language.label')} size="small">
      {LANGUAGES.map((code) => (
        <Radio.Button key={code} value={code}>
          {/* On the label, not on antd's hidden radio input, so that it can be clicked. */}
          <span data-testid={`language-${code}`}>{t(`language.names.${code}`)}</span>
        </Radio.Button>
      ))}
    </Radio.Group>
  );
}
