// i18next setup: zh-CN by default, the choice persisted per machine in localStorage.
import i18n, { type TFunction as I18nTFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from 'antd/es/locale';
import antdZhCN from 'antd/locale/zh_CN';
import antdZhTW from 'antd/locale/zh_TW';
import antdEnUS from 'antd/locale/en_US';
// antd's date pickers read weekday and month names from dayjs, which knows only English until told.
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import zhCN, { type Messages } from './locales/zh-CN';
import zhTW from './locales/zh-TW';
import en from './locales/en';
import type { Language } from '../../../db/domain/terms';
import { isLanguage } from './language';
import { watchAntdLabels } from './a11y';
import { withRequiredMessage } from './validate';

export { LANGUAGES, type Language } from '../../../db/domain/terms';

const STORAGE_KEY = 'ledger.language';

export const ANTD_LOCALES: Record<Language, Locale> = {
  'zh-CN': withRequiredMessage(antdZhCN),
  'zh-TW': withRequiredMessage(antdZhTW),
  en: withRequiredMessage(antdEnUS),
};

export function storedLanguage(): Language {
  const value = localStorage.getItem(STORAGE_KEY);
  return isLanguage(value) ? value : 'zh-CN';
}

export function applyLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

// The explicit form: the one derived from useTranslation's return type costs the checker far more.
export type TFunction = I18nTFunction<'translation'>;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const initial = storedLanguage();
document.documentElement.lang = initial;
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  // Resources are bundled, so initialise synchronously: the first render is already translated.
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
});
watchAntdLabels(i18n.t.bind(i18n) as TFunction, (listener) => i18n.on('languageChanged', listener));

export default i18n;
