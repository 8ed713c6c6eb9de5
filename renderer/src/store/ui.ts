// UI slice: interface language and the page shown in the main layout.
import { applyLanguage, storedLanguage, type Language } from '../i18n';
import type { SliceCreator } from './types';

export type Page = 'overview' | 'accounts' | 'audit' | 'settings';

export interface UiSlice {
  language: Language;
  page: Page;
  setLanguage(language: Language): void;
  setPage(page: Page): void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  language: storedLanguage(),
  page: 'overview',

  setLanguage(language) {
    applyLanguage(language);
    set({ language });
  },

  setPage(page) {
    set({ page });
  },
});
