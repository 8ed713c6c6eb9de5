// The documents register's vocabulary on the renderer side: the backend's enums (typed from the contract, so
// a value added there fails the type check here until it is placed), colours, and marking hints. Levels, copy
// numbers, receipt numbers and the 知悉范围 come from the domain core (db/domain).
import type { CommandInput, CopyStatusCode, LevelCode } from '../../../../preload/contract';
import { DOCUMENT_LEVELS } from '../../../../db/domain/levels';
import { LEVEL_NAMES, parseLevel } from '../../../../db/domain/marking';

type ListInput = CommandInput<'documents.list'>;
export type SortField = NonNullable<ListInput['sort']>;
export type StatusFilter = NonNullable<ListInput['status']>;
export type ItemReminder = NonNullable<ListInput['reminderKind']>;
export type Carrier = NonNullable<CommandInput<'documents.receive'>['carrier']>;
export type Condition = NonNullable<CommandInput<'documents.returnLoan'>['condition']>;
export type DestroyMethod = CommandInput<'documents.destroy'>['method'];

const keys = <K extends string>(present: Record<K, true>) => Object.keys(present) as K[];

export const STATUS_FILTERS = keys<StatusFilter>({ held: true, on_loan: true, closed: true, missing: true, owed: true });
/** The reminders an item can be on, overdue (or ended) before due soon, as the overview and the 提示 column show them. */
export const ITEM_REMINDERS = keys<ItemReminder>({
  loanOverdue: true,
  loanDueSoon: true,
  returnOverdue: true,
  returnNear: true,
  secrecyEnded: true,
  secrecyEndingSoon: true,
  reviewDue: true,
  receiptPending: true,
  receiptOverdue: true,
  missing: true,
  publicationDue: true,
});
/** Reminders of something already late: shown in red. */
export const LATE_REMINDERS: ReadonlySet<ItemReminder> = new Set(['loanOverdue', 'returnOverdue', 'secrecyEnded', 'receiptOverdue', 'missing']);
export const CARRIERS = keys<Carrier>({ paper: true, disc: true, other: true, telegram: true });
export const CONDITIONS = keys<Condition>({ intact: true, missing_pages: true, damaged: true });
export const DESTROY_METHODS = keys<DestroyMethod>({ facility: true, shredder: true });

/** The kinds of timeline events the backend writes (db/ledger/documents/operations.ts). */
export const EVENT_KINDS = [
  'receive',
  'produce',
  'lend',
  'return_loan',
  'transmit',
  'forward',
  'receipt_confirmed',
  'move',
  'copy',
  'return_to_issuer',
  'destroy',
  'change_marking',
  'declassify',
  'review',
  'inventory',
  'found',
  'reported_lost',
  'handover',
  'correct',
  'void',
  // 传达 and 公开 (db/ledger/documents/conveyance.ts)
  'conveyance_plan',
  'convey',
  'publication_plan',
  'publication_done',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export function isEventKind(kind: string): kind is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(kind);
}

/**
 * The lawful channels for sending classified carriers, offered as suggestions. The field stays free text:
 * the backend refuses any other channel with the rule in words (E_FORBIDDEN_CHANNEL).
 */
export const TRANSMIT_CHANNELS = ['机要交通', '机要通信', '机要文件交换站', '专人送达'] as const;

/** Tag colours: solid dark red for 绝密, red, orange, then blue for 内部: the higher, the stronger. */
export const LEVEL_COLORS: Record<LevelCode, string> = { top_secret: '#a8071a', secret: 'red', confidential: 'orange', internal: 'blue' };

export const STATUS_COLORS: Record<CopyStatusCode, string> = {
  in_custody: 'green',
  on_loan: 'blue',
  transmitted: 'purple',
  returned: 'default',
  destroyed: 'default',
  missing: 'red',
  voided: 'default',
};

/** Copies the unit still answers for. */
export const HELD_STATUSES: readonly CopyStatusCode[] = ['in_custody', 'on_loan'];

/** The level a marking starts with, for hints only (the backend parses and decides). Every level's name is two characters. */
export function levelOfMarking(text: string): LevelCode | null {
  try {
    return parseLevel(text.replace(/\s+/g, '').slice(0, 2));
  } catch {
    return null;
  }
}

/** Marking suggestions for what has been typed: the ★ is hard to type, so offer it. */
export function markingSuggestions(text: string): string[] {
  const typed = text.replace(/\s+/g, '');
  const level = levelOfMarking(typed);
  let candidates: string[];
  if (!level || level === 'internal') {
    // Highest first; 内部 is no state secret and takes no ★.
    candidates = DOCUMENT_LEVELS.map((l) => (l === 'internal' ? LEVEL_NAMES[l] : `${LEVEL_NAMES[l]}★`));
  } else {
    const name = typed.slice(0, 2);
    const periods =
      level === 'top_secret' ? ['长期', '30年', '20年', '10年'] : level === 'secret' ? ['20年', '10年', '5年', '长期'] : ['10年', '5年', '1年', '6个月'];
    candidates = [`${name}★`, ...periods.map((p) => `${name}★${p}`)];
  }
  return candidates.filter((m) => m.startsWith(typed) && m !== typed);
}

/** The paper form a batch prints, by the prefix of its number (db/ledger/documents/operations.ts insertBatch). */
const FORM_BY_PREFIX = { QT: 'return-slip', XH: 'destruction-list', YJ: 'handover-list', QC: 'inventory-report' } as const;
export type BatchForm = (typeof FORM_BY_PREFIX)[keyof typeof FORM_BY_PREFIX];

/** The form of a batch number as typed (any case, spaces around); undefined for a prefix no batch has. */
export function batchFormOf(batchNo: string): BatchForm | undefined {
  return FORM_BY_PREFIX[batchNo.trim().toUpperCase().slice(0, 2) as keyof typeof FORM_BY_PREFIX];
}
