// Turns an error's code and details into a sentence in the reader's language: the rule that refused, in words
// (which copy, which approval, which medium ...), or the code's general sentence when the details say no more.
// Details may come across IPC or from an older backend, so they are read defensively.
import { compressCopyNos, formatCopyNo } from '../copies';
import { COPY_STATUS_TERMS, DEVICE_STATUS_TERMS, LEVEL_TERMS, NETWORK_TERMS, say, type Language, type Term } from '../terms';
import { PUBLICATION_STATE_TERMS } from '../publication';
import { isErrorCode, type ErrorCode } from './codes';
import { en } from './en';
import { zhCN, type ErrorTexts } from './zh-CN';
import { zhTW } from './zh-TW';

const TEXTS: Record<Language, ErrorTexts> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

type Details = Readonly<Record<string, unknown>>;
/** What the catalogue reads: a LedgerError, or its JSON shape as it arrives over IPC. */
export interface ErrorLike {
  code: string;
  details?: Details | undefined;
}

/** Fills {{name}} from vars (i18next's syntax, which the texts were written in). */
function fill(template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

const str = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function keyOf<M extends object>(map: M, key: unknown): key is keyof M {
  return typeof key === 'string' && Object.hasOwn(map, key);
}

/** A term by its code, or the raw value when it is none of them. */
function term(terms: Readonly<Record<string, Term>>, value: unknown, language: Language): string {
  return typeof value === 'string' && Object.hasOwn(terms, value) ? say(terms[value]!, language) : str(value);
}

/** assertStatus names the refused step in English; the sentence names it in the reader's words. */
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
  found: 'found',
  'report lost': 'reportLost',
} as const;
const WEAK_PASSWORD = { minLength: 'tooShort', lettersAndDigits: 'needLetterAndDigit', mixedCase: 'needMixedCase', symbol: 'needSymbol' } as const;
const MEDIUM_REASONS = {
  'not-registered': 'notRegistered',
  'not-in-service': 'notInService',
  'not-approved-for-backup': 'notApprovedForBackup',
  'level-too-low': 'levelTooLow',
  'non-classified': 'nonClassified',
} as const;
const FOLDER_BOUND_REASONS = { 'other-medium': 'otherMedium', 'other-ledger': 'otherLedger' } as const;
const TARGET_REASONS = {
  missing: 'missing',
  'not-a-folder': 'notAFolder',
  'not-writable': 'notWritable',
  vanished: 'vanished',
  'write-failed': 'writeFailed',
  exists: 'exists',
} as const;
const NOT_AN_APPROVER = { role: 'notApprover', inactive: 'inactive', temporary_password: 'temporary' } as const;
const DEVICE_STATUSES = ['in_use', 'stopped', 'repair', 'scrapped', 'destroyed'] as const;
const REPAIR_MISSING = ['storageRemoved', 'escort'] as const;

/** The sentence for a marking that could not be read, or null when the reason is unknown. */
function markingErrorText(details: Details, language: Language): string | null {
  const texts = TEXTS[language].details.marking;
  const reason = details['reason'];
  if (!keyOf(texts, reason) || reason === 'wrong_star') return null;
  const text = str(details['text']);
  const found = str(details['found']);
  if (reason === 'missing_star' && found) return fill(texts.wrong_star, { text, found });
  return fill(texts[reason], { text, max: str(details['max']) });
}

/** Each item a person still holds, in words (收文编号 份号, computer and medium numbers), or null when not sent. */
function heldItems(items: unknown, t: ErrorTexts['details']): string | null {
  if (typeof items !== 'object' || items === null) return null;
  const { copies, computers, media } = items as Record<string, unknown>;
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  const words = [
    ...list(copies).map((c: { receiptNo?: unknown; copyNo?: unknown }) =>
      fill(t.heldCopy, { receiptNo: str(c.receiptNo), copyNo: formatCopyNo(Number(c.copyNo)) }),
    ),
    ...list(computers).map((code) => fill(t.heldComputer, { code: str(code) })),
    ...list(media).map((code) => fill(t.heldMedium, { code: str(code) })),
  ];
  return words.length ? words.join(t.listSeparator) : null;
}

/** The refusals of the device registers and backups, each rule in words with its devices and levels. */
function deviceText(code: ErrorCode, d: Details, language: Language): string | null {
  const t = TEXTS[language].details;
  const level = (value: unknown) => term(LEVEL_TERMS, value, language);
  switch (code) {
    case 'E_NETWORK_FORBIDDEN':
      if (d['level'] === 'non_secret') return t.networkPlain;
      return keyOf(NETWORK_TERMS, d['network']) ? fill(t.network, { level: level(d['level']), network: say(NETWORK_TERMS[d['network']], language) }) : null;
    case 'E_CROSS_USE':
      if (!keyOf(t.crossUse, d['rule'])) return null;
      return fill(t.crossUse[d['rule']], {
        medium: str(d['medium']),
        mediumLevel: level(d['mediumLevel']),
        computer: str(d['computer']),
        computerLevel: level(d['computerLevel']),
      });
    case 'E_DATA_ABOVE_MEDIUM':
      return fill(t.dataAboveMedium, { dataLevel: level(d['dataLevel']), mediumLevel: level(d['mediumLevel']), medium: str(d['medium']) });
    case 'E_DOWNGRADE_FORBIDDEN':
      return keyOf(t.downgrade, d['rule']) ? fill(t.downgrade[d['rule']], { medium: str(d['medium']) }) : null;
    case 'E_DEVICE_NOT_IN_SERVICE':
      if (d['status'] === 'on_loan') return fill(t.onLoan, { code: str(d['code']) });
      return oneOf(DEVICE_STATUSES, d['status'])
        ? fill(t.notInService, { code: str(d['code']), status: say(DEVICE_STATUS_TERMS[d['status']], language) })
        : null;
    case 'E_REPAIR_CONDITIONS': {
      const missing = Array.isArray(d['missing']) ? d['missing'].filter((m) => oneOf(REPAIR_MISSING, m)) : [];
      return missing.length ? fill(t.repairConditions, { missing: missing.map((m) => t.repairMissing[m]).join(t.listSeparator) }) : null;
    }
    case 'E_MEDIUM_NOT_APPROVED':
      return keyOf(MEDIUM_REASONS, d['reason'])
        ? fill(t.mediumNotApproved[MEDIUM_REASONS[d['reason']]], {
            medium: str(d['medium']),
            mediumLevel: level(d['mediumLevel']),
            ledgerLevel: level(d['ledgerLevel']),
          })
        : null;
    case 'E_BACKUP_FOLDER_BOUND':
      return keyOf(FOLDER_BOUND_REASONS, d['reason']) ? fill(t.folderBound[FOLDER_BOUND_REASONS[d['reason']]], { boundTo: str(d['boundTo']) }) : null;
    case 'E_BACKUP_TARGET_UNAVAILABLE':
      return keyOf(TARGET_REASONS, d['reason']) ? t.backupTarget[TARGET_REASONS[d['reason']]] : null;
    case 'E_BACKUP_DAMAGED':
      return d['file'] ? fill(t.backupDamaged, { file: str(d['file']) }) : null;
    case 'E_STILL_HOLDS': {
      const counts = { person: str(d['person']), documentCopies: str(d['documentCopies']), computers: str(d['computers']), media: str(d['media']) };
      const items = heldItems(d['items'], t);
      return items ? fill(t.stillHoldsItems, { ...counts, items }) : fill(t.stillHolds, counts);
    }
    case 'E_DUPLICATE':
      return d['value'] !== undefined && keyOf(t.duplicateDevice, d['field']) ? fill(t.duplicateDevice[d['field']], { value: str(d['value']) }) : null;
    default:
      return null;
  }
}

/** The detailed sentence for a refusal, or null to fall back to the code's general one. */
function detailedText(code: ErrorCode, d: Details, language: Language): string | null {
  const t = TEXTS[language].details;
  const device = deviceText(code, d, language);
  if (device) return device;
  switch (code) {
    case 'E_ROLE_CONFLICT':
      return keyOf(t.roleConflict, d['rule']) ? t.roleConflict[d['rule']] : null;
    case 'E_OWN_ROLES': {
      const added = Array.isArray(d['added']) ? d['added'].filter((r) => keyOf(t.roleNames, r)) : [];
      return added.length ? fill(t.ownRoles, { added: added.map((r) => t.roleNames[r]).join(t.listSeparator) }) : null;
    }
    case 'E_WEAK_PASSWORD':
      return keyOf(WEAK_PASSWORD, d['rule']) ? fill(TEXTS[language].password[WEAK_PASSWORD[d['rule']]], { min: Number(d['minLength'] ?? 8) }) : null;
    case 'E_BAD_MARKING':
      return markingErrorText(d, language);
    case 'E_NO_SUCH_COPY':
      return Array.isArray(d['copyNos']) ? fill(t.noSuchCopy, { copyNos: compressCopyNos(d['copyNos'].map(Number)) }) : null;
    case 'E_DUPLICATE':
      if (d['field'] === 'code') return t.duplicateCode;
      if (d['eventId'] !== undefined) return t.duplicateReceipt;
      if (d['field'] === 'docNumber') return fill(t.duplicateCopy, { value: str(d['value']) });
      return null;
    case 'E_NOT_IN_CUSTODY': {
      if (typeof d['copyNo'] !== 'number' || !keyOf(COPY_STATUS_TERMS, d['status'])) return null;
      const action = keyOf(COPY_ACTIONS, d['action']) ? COPY_ACTIONS[d['action']] : 'other';
      return fill(t.notInCustody, { copyNo: formatCopyNo(d['copyNo']), status: say(COPY_STATUS_TERMS[d['status']], language), action: t.copyActions[action] });
    }
    case 'E_APPROVAL_REQUIRED':
      return keyOf(t.approval, d['rule']) ? fill(t.approval[d['rule']], { borrower: str(d['borrower']) }) : null;
    case 'E_FORBIDDEN_CHANNEL':
      return keyOf(t.channel, d['rule']) ? fill(t.channel[d['rule']], { channel: str(d['channel']) }) : null;
    case 'E_NO_SUCH_BATCH':
      return d['batchNo'] ? fill(t.noSuchBatch, { batchNo: str(d['batchNo']) }) : null;
    case 'E_COMPILATION_MARKING':
      return keyOf(t.compilation, d['rule']) && Array.isArray(d['sources'])
        ? fill(t.compilation[d['rule']], { marking: str(d['marking']), sources: d['sources'].map(str).join(t.listSeparator) })
        : null;
    case 'E_PERSON_DEPARTED':
      return keyOf(t.departedRoles, d['role'])
        ? fill(t.departed, { person: str(d['person']), departedAt: str(d['departedAt']), role: t.departedRoles[d['role']] })
        : null;
    case 'E_DESTRUCTION_METHOD':
      return keyOf(t.destructionMethod, d['rule'])
        ? fill(t.destructionMethod[d['rule']], { receiptNo: str(d['receiptNo']), copies: str(d['copies']), max: str(d['max']) })
        : null;
    case 'E_TELEGRAM':
      return keyOf(t.telegram, d['rule'])
        ? fill(t.telegram[d['rule']], {
            location: str(d['location']),
            receiptNo: str(d['receiptNo']),
            sources: Array.isArray(d['sources']) ? d['sources'].map(str).join(t.listSeparator) : '',
          })
        : null;
    case 'E_MUST_RETURN':
      return fill(t.mustReturn, { receiptNo: str(d['receiptNo']) });
    case 'E_LOCATION_LEVEL':
      return fill(t.locationLevel, {
        location: str(d['location']),
        maxLevel: term(LEVEL_TERMS, d['maxLevel'], language),
        level: term(LEVEL_TERMS, d['level'], language),
      });
    case 'E_IMPORT_HAS_ERRORS':
      return typeof d['bad'] === 'number' ? fill(t.importHasErrors, { bad: d['bad'], rows: d['bad'] + Number(d['good'] ?? 0) }) : null;
    case 'E_IMPORT_FILE_UNREADABLE':
      if (d['reason'] === 'bad_bytes' && typeof d['offset'] === 'number') return fill(t.importBadBytes, { offset: d['offset'], line: str(d['line']) });
      return d['reason'] === 'xls' ? t.importXls : null;
    case 'E_DATE_ORDER':
      return keyOf(t.dateOrder, d['rule']) ? fill(t.dateOrder[d['rule']], { at: str(d['at']), earliest: str(d['earliest']) }) : null;
    case 'E_IMPORT_TOO_LARGE':
      if (typeof d['max'] !== 'number') return null;
      if (keyOf(t.importTooLargeBy, d['limit']))
        return fill(t.importTooLargeBy[d['limit']], { max: d['limit'] === 'unpackedBytes' ? Math.round(d['max'] / 1024 / 1024) : d['max'] });
      return fill(t.importTooLarge, { max: Math.round(d['max'] / 1024 / 1024) });
    case 'E_VALIDATION':
      if (keyOf(t.validation, d['field']) && d['field'] !== 'batchTwice') return t.validation[d['field']];
      if (d['field'] === undefined && typeof d['documentId'] === 'number') return t.validation.batchTwice;
      return null;
    case 'E_SELF_APPROVAL':
      return d['approvalNo'] ? fill(t.approvalUse.selfApproval, { approvalNo: str(d['approvalNo']) }) : null;
    case 'E_APPROVAL_DECIDED':
      return fill(t.approvalUse.decided, { approvalNo: str(d['approvalNo']) });
    case 'E_APPROVAL_UNUSABLE':
    case 'E_APPROVAL_MISMATCH': {
      const rule = code === 'E_APPROVAL_UNUSABLE' ? d['status'] : d['rule'];
      return oneOf(['pending', 'refused', 'used', 'expired', 'kind', 'subject', 'copies', 'count'] as const, rule)
        ? fill(t.approvalUse[rule], { approvalNo: str(d['approvalNo']), at: str(d['at']), approved: str(d['approved']), asked: str(d['asked']) })
        : null;
    }
    case 'E_APPROVAL_AUTHORITY':
      return oneOf(['external', 'unit'] as const, d['needs']) ? t.approvalUse[d['needs']] : null;
    case 'E_NOT_AN_APPROVER':
      return keyOf(NOT_AN_APPROVER, d['reason']) ? fill(t.approvalUse[NOT_AN_APPROVER[d['reason']]], { approver: str(d['approver']) }) : null;
    case 'E_APPROVER_PASSWORD':
      return d['approver'] ? fill(t.approvalUse.password, { approver: str(d['approver']) }) : null;
    case 'E_CODE_INVALID':
      return oneOf(['format', 'check'] as const, d['reason']) ? fill(t.itemCode[d['reason']], { text: str(d['text']) }) : null;
    case 'E_CODE_FOREIGN':
    case 'E_CODE_UNKNOWN':
      return d['code'] ? fill(t.itemCode[code === 'E_CODE_FOREIGN' ? 'foreign' : 'unknown'], { code: str(d['code']) }) : null;
    case 'E_STOCKTAKE_OPEN':
    case 'E_STOCKTAKE_CLOSED':
      return d['no'] ? fill(t.stocktake[code === 'E_STOCKTAKE_OPEN' ? 'open' : 'closed'], { no: str(d['no']) }) : null;
    case 'E_STOCKTAKE_UNVISITED':
      if (Array.isArray(d['cabinets']) && d['cabinets'].length) return fill(t.stocktake.unvisited, { cabinets: d['cabinets'].map(str).join(t.listSeparator) });
      return d['devices'] === true ? t.stocktake.devicesUnvisited : null;
    case 'E_FINDING_CLOSED':
      return d['findingNo'] ? fill(t.findings.closed, { findingNo: str(d['findingNo']), closedOn: str(d['closedOn']) }) : null;
    case 'E_FINDING_STATE':
      return d['findingNo'] && keyOf(t.findings.state, d['action']) ? fill(t.findings.state[d['action']], { findingNo: str(d['findingNo']) }) : null;
    case 'E_WITNESS_REQUIRED':
      return keyOf(t.witnesses, d['rule']) ? fill(t.witnesses[d['rule']], { person: str(d['person']) }) : null;
    case 'E_REVIEW_STANDS':
      return d['reviewNo'] ? fill(t.publication.stands, { reviewNo: str(d['reviewNo']), title: str(d['title']) }) : null;
    case 'E_REVIEW_STATE':
      if (!keyOf(PUBLICATION_STATE_TERMS, d['state']) || !oneOf(['decide', 'confirm', 'publish', 'withdraw'] as const, d['action'])) return null;
      return fill(t.publication.state, {
        reviewNo: str(d['reviewNo']),
        state: say(PUBLICATION_STATE_TERMS[d['state']], language),
        action: t.publication[d['action']],
      });
    case 'E_NOT_CLEARED_FOR_PUBLICATION':
      if (!keyOf(PUBLICATION_STATE_TERMS, d['state'])) return null;
      return fill(t.publication.notCleared, { reviewNo: str(d['reviewNo']), state: say(PUBLICATION_STATE_TERMS[d['state']], language) });
    case 'E_TELEGRAM_HEADERS':
      if (d['rule'] === 'classified' && d['receiptNo']) return fill(t.publication.classified, { receiptNo: str(d['receiptNo']) });
      return d['rule'] === 'headers' ? fill(t.publication.headers, { reviewNo: str(d['reviewNo']) }) : null;
    case 'E_DOCUMENT_NOT_HELD':
    case 'E_CONVEYANCE_SCOPE':
    case 'E_NO_PLAN':
    case 'E_PUBLICATION_DECISION':
    case 'E_PUBLICATION_DONE':
      return conveyanceText(code, d, t);
    default:
      return null;
  }
}

/** The refusals of conveyance and publication plans (db/ledger/documents/conveyance.ts), with the document and the names. */
function conveyanceText(code: ErrorCode, d: Details, t: ErrorTexts['details']): string | null {
  const receiptNo = str(d['receiptNo']);
  if (!receiptNo) return null;
  switch (code) {
    case 'E_DOCUMENT_NOT_HELD':
      return fill(t.conveyance.notHeld, { receiptNo });
    case 'E_CONVEYANCE_SCOPE':
      return oneOf(['scope', 'plan'] as const, d['rule']) && Array.isArray(d['outside'])
        ? fill(t.conveyance[d['rule']], { receiptNo, outside: d['outside'].map(str).join(t.listSeparator) })
        : null;
    case 'E_NO_PLAN':
      return fill(d['plan'] === 'publication' ? t.conveyance.noPublicationPlan : t.conveyance.noConveyancePlan, { receiptNo });
    case 'E_PUBLICATION_DECISION':
      return fill(d['rule'] === 'approver' ? t.conveyance.approver : t.conveyance.originator, { receiptNo });
    case 'E_PUBLICATION_DONE':
      return fill(t.conveyance.done, { receiptNo, at: str(d['at']) });
    default:
      return null;
  }
}

/**
 * The sentence for an error in a language. @param seconds overrides the retry delay of E_TOO_MANY_ATTEMPTS (a live
 * countdown); an unknown code reads as E_INTERNAL.
 */
export function errorMessage(error: ErrorLike, language: Language, seconds?: number): string {
  if (!isErrorCode(error.code)) return TEXTS[language].errors.E_INTERNAL;
  const details = error.details ?? {};
  const detailed = detailedText(error.code, details, language);
  if (detailed) return detailed;
  const retrySeconds = seconds ?? Math.ceil(Number(details['retryAfterMs'] ?? 0) / 1000);
  return fill(TEXTS[language].errors[error.code], { seconds: Math.max(1, retrySeconds) });
}
