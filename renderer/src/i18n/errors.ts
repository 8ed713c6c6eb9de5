// Turns any thrown value into a sentence in the reader's language. The words are the domain core's catalogue
// (db/domain/errors: the backend's stable code and typed details, in zh-CN, zh-TW and en), shared with the CLI;
// here only what a screen adds: the form field a refusal concerns.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, type ErrorLike } from '../../../db/domain/errors';
import { ApiError } from '../api';
import type { Language } from '../../../db/domain/terms';
import { toLanguage } from './language';

/** The form field a refusal is about, to mark it there too (a marking that does not parse, a date ...). */
export function errorField(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'E_BAD_MARKING') return 'marking';
  if (error.code === 'E_LOCATION_LEVEL' || error.code === 'E_NO_SUCH_LOCATION') return 'locationId';
  if (error.code === 'E_FORBIDDEN_CHANNEL') return 'channel';
  if (error.code === 'E_APPROVAL_REQUIRED' || error.code === 'E_APPROVAL_AUTHORITY') return 'approver';
  if (error.code === 'E_APPROVER_PASSWORD') return 'approverPassword';
  if (error.code === 'E_NOT_AN_APPROVER') return 'approverId';
  if (error.code === 'E_APPROVAL_UNUSABLE' || error.code === 'E_APPROVAL_MISMATCH') return 'approvalId';
  if (error.code === 'E_WITNESS_REQUIRED') return 'witnesses';
  if (error.code === 'E_NOT_IN_CUSTODY' || error.code === 'E_NO_SUCH_COPY') return 'copyNos';
  if (error.code === 'E_NETWORK_FORBIDDEN') return 'network';
  if (error.code === 'E_CROSS_USE') return 'computerId';
  if (error.code === 'E_DATA_ABOVE_MEDIUM') return 'dataLevel';
  if (error.code === 'E_DOWNGRADE_FORBIDDEN') return 'level';
  if (error.code === 'E_DATE_ORDER') return error.details?.['rule'] === 'backdated' ? 'lateEntryReason' : 'at';
  if (error.code === 'E_REPAIR_CONDITIONS')
    return Array.isArray(error.details?.['missing']) && error.details['missing'].includes('escort') ? 'escort' : 'storageRemoved';
  const field = error.details?.['field'];
  return (error.code === 'E_VALIDATION' || error.code === 'E_DUPLICATE') && typeof field === 'string' ? field : null;
}

/** The sentence for any thrown value; @param seconds overrides the retry delay of E_TOO_MANY_ATTEMPTS with a live countdown. */
export function describeError(error: unknown, language: Language, seconds?: number): string {
  return errorMessage(error instanceof ApiError ? error : { code: 'E_INTERNAL' }, language, seconds);
}

/** describeError in the interface language. */
export function useErrorText(): (error: unknown, seconds?: number) => string {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  return useCallback((error: unknown, seconds?: number) => describeError(error, language, seconds), [language]);
}

/** The sentence the backend's refusal would carry, for a form that checks the same rule before sending. */
export function useRefusalText(): (refusal: ErrorLike) => string {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  return useCallback((refusal: ErrorLike) => errorMessage(refusal, language), [language]);
}
