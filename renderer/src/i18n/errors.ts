// Turns any thrown value into a sentence in the current language, from the backend's stable code and,
// where a rule refused, its details: the message names the rule in words (which copy, which approval ...).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction as I18nTFunction } from 'i18next';
import { ApiError } from '../api';
import type { PasswordRule } from '../features/accounts/password';
import { COPY_STATUSES, LEVELS, compressCopyNos, formatCopyNo } from '../features/documents/documents';
import { COMPUTER_STATUSES, DATA_LEVELS, NETWORKS } from '../features/devices/devices';

// The explicit form: the one derived from useTranslation's return type costs the checker far more.
export type TFunction = I18nTFunction<'translation'>;
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
const VALIDATION_FIELDS = ['change', 'facility', 'approver', 'at', 'issueDate', 'classifiedBy', 'keeper', 'dueAt', 'eventId', 'documentId', 'marking', 'to', 'active'] as const;

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

const CROSS_USE_RULES = ['plain_medium_on_classified_computer', 'classified_medium_on_plain_computer', 'medium_above_computer'] as const;
const DOWNGRADE_RULES = ['ever_classified', 'held_higher_data'] as const;
const REPAIR_MISSING = ['storageRemoved', 'escort'] as const;
const DUPLICATE_DEVICE_FIELDS = ['code', 'serial', 'disk_serial'] as const;
// The backend's details.reason of the backup refusals (db/backup) and their sentences.
const MEDIUM_REASONS = {
  'not-registered': 'errorDetails.mediumNotApproved.notRegistered',
  'not-in-service': 'errorDetails.mediumNotApproved.notInService',
  'not-approved-for-backup': 'errorDetails.mediumNotApproved.notApprovedForBackup',
  'level-too-low': 'errorDetails.mediumNotApproved.levelTooLow',
} as const;
const FOLDER_BOUND_REASONS = { 'other-medium': 'errorDetails.folderBound.otherMedium', 'other-ledger': 'errorDetails.folderBound.otherLedger' } as const;
const TARGET_REASONS = {
  missing: 'errorDetails.backupTarget.missing',
  'not-a-folder': 'errorDetails.backupTarget.notAFolder',
  'not-writable': 'errorDetails.backupTarget.notWritable',
  vanished: 'errorDetails.backupTarget.vanished',
  'write-failed': 'errorDetails.backupTarget.writeFailed',
  exists: 'errorDetails.backupTarget.exists',
} as const;

function reasonKey<M extends Record<string, string>>(map: M, reason: unknown): M[keyof M] | null {
  return typeof reason === 'string' && Object.hasOwn(map, reason) ? map[reason as keyof M] : null;
}

/** A device or data level by name (绝密 ... 内部, 非涉密). */
function deviceLevel(t: TFunction, value: unknown): string {
  return oneOf(DATA_LEVELS, value) ? t(`devices.dataLevels.${value}`) : str(value);
}

/** The refusals of the device registers (db/ledger/devices): each rule in words, with the devices and levels. */
function deviceText(t: TFunction, error: ApiError): string | null {
  const d = error.details ?? {};
  switch (error.code) {
    case 'E_NETWORK_FORBIDDEN':
      return oneOf(NETWORKS, d['network']) ? t('errorDetails.network', { level: deviceLevel(t, d['level']), network: t(`devices.networks.${d['network']}`) }) : null;
    case 'E_CROSS_USE':
      if (!oneOf(CROSS_USE_RULES, d['rule'])) return null;
      return t(`errorDetails.crossUse.${d['rule']}`, {
        medium: str(d['medium']),
        mediumLevel: deviceLevel(t, d['mediumLevel']),
        computer: str(d['computer']),
        computerLevel: deviceLevel(t, d['computerLevel']),
      });
    case 'E_DATA_ABOVE_MEDIUM':
      return t('errorDetails.dataAboveMedium', { dataLevel: deviceLevel(t, d['dataLevel']), mediumLevel: deviceLevel(t, d['mediumLevel']), medium: str(d['medium']) });
    case 'E_DOWNGRADE_FORBIDDEN':
      return oneOf(DOWNGRADE_RULES, d['rule']) ? t(`errorDetails.downgrade.${d['rule']}`, { medium: str(d['medium']) }) : null;
    case 'E_DEVICE_NOT_IN_SERVICE':
      if (d['status'] === 'on_loan') return t('errorDetails.onLoan', { code: str(d['code']) });
      return oneOf(COMPUTER_STATUSES, d['status']) ? t('errorDetails.notInService', { code: str(d['code']), status: t(`devices.status.${d['status']}`) }) : null;
    case 'E_REPAIR_CONDITIONS': {
      const missing = Array.isArray(d['missing']) ? d['missing'].filter((m) => oneOf(REPAIR_MISSING, m)) : [];
      return missing.length ? t('errorDetails.repairConditions', { missing: missing.map((m) => t(`errorDetails.repairMissing.${m}`)).join(t('errorDetails.listSeparator')) }) : null;
    }
    case 'E_MEDIUM_NOT_APPROVED': {
      const key = reasonKey(MEDIUM_REASONS, d['reason']);
      return key && t(key, { medium: str(d['medium']), mediumLevel: deviceLevel(t, d['mediumLevel']), ledgerLevel: deviceLevel(t, d['ledgerLevel']) });
    }
    case 'E_BACKUP_FOLDER_BOUND': {
      const key = reasonKey(FOLDER_BOUND_REASONS, d['reason']);
      return key && t(key, { boundTo: str(d['boundTo']) });
    }
    case 'E_BACKUP_TARGET_UNAVAILABLE': {
      const key = reasonKey(TARGET_REASONS, d['reason']);
      return key && t(key);
    }
    case 'E_BACKUP_DAMAGED':
      return d['file'] ? t('errorDetails.backupDamaged', { file: str(d['file']) }) : null;
    case 'E_STILL_HOLDS':
      return t('errorDetails.stillHolds', { person: str(d['person']), documentCopies: str(d['documentCopies']), computers: str(d['computers']), media: str(d['media']) });
    case 'E_DUPLICATE':
      return d['value'] !== undefined && oneOf(DUPLICATE_DEVICE_FIELDS, d['field']) ? t(`errorDetails.duplicateDevice.${d['field']}`, { value: str(d['value']) }) : null;
    default:
      return null;
  }
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
  const device = deviceText(t, error);
  if (device) return device;
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
    case 'E_NO_SUCH_BATCH':
      return d['batchNo'] ? t('errorDetails.noSuchBatch', { batchNo: str(d['batchNo']) }) : null;
    case 'E_MUST_RETURN':
      return t('errorDetails.mustReturn', { receiptNo: str(d['receiptNo']) });
    case 'E_LOCATION_LEVEL':
      return t('errorDetails.locationLevel', { location: str(d['location']), maxLevel: level(t, d['maxLevel']), level: level(t, d['level']) });
    case 'E_IMPORT_HAS_ERRORS':
      return typeof d['bad'] === 'number' ? t('errorDetails.importHasErrors', { bad: d['bad'], rows: Number(d['bad']) + Number(d['good'] ?? 0) }) : null;
    case 'E_IMPORT_FILE_UNREADABLE':
      return d['reason'] === 'xls' ? t('errorDetails.importXls') : null;
    case 'E_IMPORT_TOO_LARGE':
      return typeof d['max'] === 'number' ? t('errorDetails.importTooLarge', { max: Math.round(d['max'] / 1024 / 1024) }) : null;
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
  if (error.code === 'E_NETWORK_FORBIDDEN') return 'network';
  if (error.code === 'E_CROSS_USE') return 'computerId';
  if (error.code === 'E_DATA_ABOVE_MEDIUM') return 'dataLevel';
  if (error.code === 'E_DOWNGRADE_FORBIDDEN') return 'level';
  if (error.code === 'E_REPAIR_CONDITIONS') return Array.isArray(error.details?.['missing']) && error.details['missing'].includes('escort') ? 'escort' : 'storageRemoved';
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
