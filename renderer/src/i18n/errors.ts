// Turns any thrown value into a sentence in the current language, from the backend's stable code and,
// where a rule refused, its details: the message names the rule in words (which copy, which approval ...).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import type { PasswordRule } from '../password';
import { COPY_STATUSES, LEVELS, compressCopyNos, formatCopyNo } from '../documents';

export type TFunction = ReturnType<typeof useTranslation>['t'];
type Details = Record<string, unknown>;

const WEAK_PASSWORD_KEYS = {
  minLength: 'password.tooShort',
  lettersAndDigits: 'password.needLetterAndDigit',
  mixedCase: 'password.needMixedCase',
  symbol: 'password.needSymbol',
} as const satisfies Record<PasswordRule, string>;

const MARKING_REASONS = [
  'empty',
  'unknown_level',
  'missing_star',
  'period_on_internal',
  'bad_period',
  'zero_period',
  'months_not_under_a_year',
  'fraction_of_year',
  'over_maximum',
  'bad_date',
  'date_not_after_issue',
] as const;
/** E_BAD_MARKING details.reason values (db/ledger/marking.ts and the issue-date check). */
export type MarkingReason = (typeof MARKING_REASONS)[number];

/** The backend names the refused step in English (assertStatus's `action`); the message names it in the user's words. */
const COPY_ACTIONS = {
  lend: 'lend',
  'return from loan': 'returnLoan',
  transmit: 'transmit',
  forward: 'forward',
  move: 'move',
  copy: 'copy',
  'return to the issuer': 'returnToIssuer',
  destruction: 'destroy',
  inventory: 'inventory',
} as const;

const APPROVAL_RULES = ['outside_scope', 'taken_out', 'copy_top_secret', 'copy_unit_head', 'forward_originator'] as const;
const CHANNEL_RULES = ['channel', 'exchange_station_level'] as const;
const VALIDATION_FIELDS = ['at', 'issueDate', 'classifiedBy', 'keeper', 'dueAt', 'eventId', 'documentId', 'marking', 'to', 'active'] as const;

function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function isPasswordRule(rule: unknown): rule is PasswordRule {
  return typeof rule === 'string' && Object.hasOwn(WEAK_PASSWORD_KEYS, rule);
}

const str = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

function level(t: TFunction, value: unknown): string {
  return oneOf(LEVELS, value) ? t(`levels.${value}`) : str(value);
}

/** The sentence for a marking the backend could not read, or null when the reason is unknown. */
export function markingErrorText(t: TFunction, details: Details): string | null {
  const reason = details['reason'];
  if (!oneOf(MARKING_REASONS, reason)) return null;
  const text = str(details['text']);
  const found = str(details['found']);
  if (reason === 'missing_star' && found) return t('errorDetails.marking.wrong_star', { text, found });
  return t(`errorDetails.marking.${reason}`, { text, max: str(details['max']) });
}

/** The detailed sentence for a refusal, or null to fall back to the code's general one. */
function detailedText(t: TFunction, error: ApiError): string | null {
  const d = error.details ?? {};
  switch (error.code) {
    case 'E_BAD_MARKING':
      return markingErrorText(t, d);
    case 'E_NO_SUCH_COPY':
      return Array.isArray(d['copyNos']) ? t('errorDetails.noSuchCopy', { copyNos: compressCopyNos(d['copyNos'].map(Number)) }) : null;
    case 'E_DUPLICATE':
      if (d['field'] === 'code') return t('errorDetails.duplicateCode');
      if (d['eventId'] !== undefined) return t('errorDetails.duplicateReceipt');
      return null;
    case 'E_NOT_IN_CUSTODY': {
      if (typeof d['copyNo'] !== 'number' || !oneOf(COPY_STATUSES, d['status'])) return null;
      const action = typeof d['action'] === 'string' && Object.hasOwn(COPY_ACTIONS, d['action']) ? COPY_ACTIONS[d['action'] as keyof typeof COPY_ACTIONS] : 'other';
      return t('errorDetails.notInCustody', { copyNo: formatCopyNo(d['copyNo']), status: t(`copyStatus.${d['status']}`), action: t(`errorDetails.copyActions.${action}`) });
    }
    case 'E_APPROVAL_REQUIRED':
      return oneOf(APPROVAL_RULES, d['rule']) ? t(`errorDetails.approval.${d['rule']}`, { borrower: str(d['borrower']) }) : null;
    case 'E_FORBIDDEN_CHANNEL':
      return oneOf(CHANNEL_RULES, d['rule']) ? t(`errorDetails.channel.${d['rule']}`, { channel: str(d['channel']) }) : null;
    case 'E_MUST_RETURN':
      return t('errorDetails.mustReturn', { receiptNo: str(d['receiptNo']) });
    case 'E_LOCATION_LEVEL':
      return t('errorDetails.locationLevel', { location: str(d['location']), maxLevel: level(t, d['maxLevel']), level: level(t, d['level']) });
    case 'E_VALIDATION':
      if (oneOf(VALIDATION_FIELDS, d['field'])) return t(`errorDetails.validation.${d['field']}`);
      if (d['field'] === undefined && typeof d['documentId'] === 'number') return t('errorDetails.validation.batchTwice');
      return null;
    default:
      return null;
  }
}

/** The form field a refusal is about, to mark it there too (a marking that does not parse, a date ...). */
export function errorField(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'E_BAD_MARKING') return 'marking';
  if (error.code === 'E_LOCATION_LEVEL' || error.code === 'E_NO_SUCH_LOCATION') return 'locationId';
  if (error.code === 'E_FORBIDDEN_CHANNEL') return 'channel';
  if (error.code === 'E_APPROVAL_REQUIRED') return 'approver';
  if (error.code === 'E_WITNESS_REQUIRED') return 'witnesses';
  if (error.code === 'E_NOT_IN_CUSTODY' || error.code === 'E_NO_SUCH_COPY') return 'copyNos';
  const field = error.details?.['field'];
  return (error.code === 'E_VALIDATION' || error.code === 'E_DUPLICATE') && typeof field === 'string' ? field : null;
}

/** The sentence for any thrown value; @param seconds overrides the retry delay of E_TOO_MANY_ATTEMPTS with a live countdown. */
export function describeError(t: TFunction, error: unknown, seconds?: number): string {
  if (!(error instanceof ApiError)) return t('errors.E_INTERNAL');
  const details = error.details ?? {};
  if (error.code === 'E_WEAK_PASSWORD' && isPasswordRule(details['rule'])) {
    return t(WEAK_PASSWORD_KEYS[details['rule']], { min: Number(details['minLength'] ?? 8) });
  }
  const detailed = detailedText(t, error);
  if (detailed) return detailed;
  const retrySeconds = seconds ?? Math.ceil(Number(details['retryAfterMs'] ?? 0) / 1000);
  // Only E_TOO_MANY_ATTEMPTS uses the seconds; the others ignore them.
  const key = `errors.${error.code}` as 'errors.E_TOO_MANY_ATTEMPTS';
  return t(key, { seconds: Math.max(1, retrySeconds) });
}

/** describeError in the current language. */
export function useErrorText(): (error: unknown, seconds?: number) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown, seconds?: number) => describeError(t, error, seconds), [t]);
}
