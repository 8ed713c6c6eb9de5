// The interface languages are the domain core's (db/domain/terms); i18next and localStorage hand them around as strings.
import { LANGUAGES, type Language } from '../../../db/domain/terms';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A language as i18next reports it, as one of ours (zh-CN when it is none of them). */
export function toLanguage(value: string | undefined): Language {
  return isLanguage(value) ? value : 'zh-CN';
}
