// The paper forms (domain.md "Paper forms, sketched"): the 清退单 of a return batch, the 销毁清单, the hand-over
// list, the inventory report, and one item's whole history. Each lists exactly what its batch or item recorded.
import { compressCopyNos } from '../../domain/copies';
import type { DocumentLevel as Level } from '../../domain/levels';
import {
  colonOf,
  CONDITION_TERMS,
  COPY_STATUS_TERMS,
  DESTROY_METHOD_TERMS,
  EVENT_TERMS,
  LEVEL_TERMS,
  listOf,
  say,
  type Language as SheetLanguage,
  type Term,
} from '../../domain/terms';
import { LedgerError } from '../../errors';
import { all, get, sql, type Db } from '../../store/sql';
import type { LevelCode } from '../../views';
import { inOrderOfTime, requireDocument } from '../documents/model';
import { readSettings } from '../settings';
import { APPROVAL_COLUMNS, APPROVAL_JOIN, approvalText, type EventApproval } from './approvals';
import { label, type LabelKey } from './labels';
import { cells, columnsOf, day, levelTracker, minute, type SheetColumn } from './sheets';
import { recorderName } from '../recorders';

export const BATCH_FORMS = ['return-slip', 'destruction-list', 'handover-list', 'inventory-report'] as const;
export type BatchForm = (typeof BATCH_FORMS)[number];
export type FormKind = BatchForm | 'history' | 'approval-form';

export interface FormField {
  label: string;
  value: string;
}

/** A signature line: the role, and the names the ledger recorded for it (signed by hand on paper). */
export interface Signature {
  label: string;
  names: string;
}

export interface PrintForm {
  kind: FormKind;
  title: string;
  /** The batch number (QT-2026-007) or the item's 收文编号. */
  number: string;
  unitName: string;
  fields: FormField[];
  columns: SheetColumn[];
  rows: string[][];
  totalText: string;
  signatures: Signature[];
  highestLevel: LevelCode | null;
  markingText: string;
}

const BATCH_KIND: Record<BatchForm, 'return' | 'destroy' | 'handover' | 'inventory'> = {
  'return-slip': 'return',
  'destruction-list': 'destroy',
  'handover-list': 'handover',
  'inventory-report': 'inventory',
};

export const FORM_TITLES: Record<FormKind, Term> = {
  'return-slip': ['涉密载体清退单', '涉密載體清退單', 'Return slip of classified carriers'],
  'destruction-list': ['涉密载体销毁清单', '涉密載體銷毀清單', 'Destruction list of classified carriers'],
  'handover-list': ['涉密载体移交清单', '涉密載體移交清單', 'Hand-over list of classified carriers'],
  'inventory-report': ['涉密载体清查报告', '涉密載體清查報告', 'Inventory report of classified carriers'],
  history: ['涉密载体流转记录', '涉密載體流轉記錄', 'History of a classified carrier'],
  'approval-form': ['涉密载体审批单', '涉密載體審批單', 'Approval form'],
};

/** A calendar date as forms write it: 2026年11月25日 in Chinese. */
function longDate(value: string, language: SheetLanguage): string {
  const d = day(value);
  if (language === 'en') return d;
  const [y, m, dd] = d.split('-');
  return `${y}年${Number(m)}月${Number(dd)}日`;
}

const fieldsOf = (pairs: readonly [LabelKey, string][], language: SheetLanguage): FormField[] =>
  pairs.map(([k, value]) => ({ label: label(k, language), value }));
const signaturesOf = (pairs: readonly [LabelKey, string][], language: SheetLanguage): Signature[] =>
  pairs.map(([k, names]) => ({ label: label(k, language), names }));

/** 合计：1 种 3 份. */
function total(items: number, copies: number, language: SheetLanguage): string {
  return language === 'en'
    ? `Total: ${items} item${items === 1 ? '' : 's'}, ${copies} cop${copies === 1 ? 'y' : 'ies'}`
    : `${language === 'zh-TW' ? '合計' : '合计'}${colonOf(language)}${items} ${language === 'zh-TW' ? '種' : '种'} ${copies} 份`;
}

interface BatchRow {
  id: number;
  kind: string;
  batch_no: string;
  year: number;
  at: string;
  details: string;
}

interface BatchLine extends EventApproval {
  receipt_no: string;
  doc_number: string;
  title: string;
  level: Level;
  details: string;
  copy_nos: string;
}

/** The copies a batch found out on loan (recorded since issue 13), and their 份号 by borrower: 0002-0003 王芳. */
function loansOf(details: string, language: SheetLanguage): { nos: Set<number>; text: string } {
  const loans = (JSON.parse(details) as { onLoan?: { copyNo: number; holder: string | null }[] }).onLoan ?? [];
  const byHolder = new Map<string, number[]>();
  for (const l of loans) byHolder.set(l.holder ?? '', [...(byHolder.get(l.holder ?? '') ?? []), l.copyNo]);
  return {
    nos: new Set(loans.map((l) => l.copyNo)),
    text: listOf(
      [...byHolder].map(([holder, nos]) => `${compressCopyNos(nos)} ${holder}`.trim()),
      language,
    ),
  };
}

/** Each approval a batch's items were destroyed by, once, with how it was given (a batch may carry several). */
function approversOf(lines: readonly BatchLine[], language: SheetLanguage): string {
  return listOf([...new Set(lines.filter((l) => l.approval_way).map((l) => approvalText(l, language)))], language);
}

/** The hand-over list and the inventory report list each item's copies in the cabinet and out on loan alike. */
const COUNTED_COLUMNS: readonly [LabelKey, number][] = [
  ['seq', 3],
  ['receiptNo', 6],
  ['docNumber', 9],
  ['title', 13],
  ['level', 3],
  ['present', 6],
  ['onLoan', 6],
];

/** A batch's form by its number; a number of another kind of batch is as unknown as a missing one. */
export function buildBatchForm(db: Db, kind: BatchForm, batchNo: string, language: SheetLanguage): PrintForm {
  const batch = get<BatchRow>(db, sql`SELECT * FROM batches WHERE batch_no = ${batchNo.trim()} AND kind = ${BATCH_KIND[kind]}`);
  if (!batch) throw new LedgerError('E_NO_SUCH_BATCH', { batchNo, kind });
  const lines = all<BatchLine>(
    db,
    sql`SELECT d.receipt_no, d.doc_number, d.title, d.level, e.details, e.approver ${APPROVAL_COLUMNS},
               (SELECT json_group_array(c.copy_no) FROM event_copies ec JOIN copies c ON c.id = ec.copy_id WHERE ec.event_id = e.id) AS copy_nos
        FROM events e JOIN documents d ON d.id = e.document_id ${APPROVAL_JOIN} WHERE e.batch_id = ${batch.id} ORDER BY e.id`,
  );
  const details = JSON.parse(batch.details) as Record<string, unknown>;
  const text = (key: string) => (Array.isArray(details[key]) ? listOf(details[key] as string[], language) : String(details[key] ?? ''));
  const tracker = levelTracker();
  for (const l of lines) tracker.see(l.level);
  const levelName = (l: Level) => say(LEVEL_TERMS[l], language);
  // The hand-over recorded its copies in the event's details (its copies do not change state).
  const copyNos = (l: BatchLine): number[] =>
    kind === 'handover-list' ? ((JSON.parse(l.details) as { copyNos: number[] }).copyNos ?? []) : (JSON.parse(l.copy_nos) as number[]);
  const copies = lines.reduce((n, l) => n + copyNos(l).length, 0);
  const unitName = readSettings(db).unitName;
  const base = { kind, number: batch.batch_no, unitName, ...tracker.result(language) };
  const title = say(FORM_TITLES[kind], language);
  switch (kind) {
    case 'return-slip':
      return {
        ...base,
        title,
        fields: fieldsOf(
          [
            ['returnUnit', unitName],
            ['receivingUnit', text('toUnit')],
            ['returnDate', longDate(batch.at, language)],
          ],
          language,
        ),
        columns: columnsOf(
          [
            ['seq', 3],
            ['docNumber', 9],
            ['title', 17],
            ['level', 3],
            ['copyNos', 6],
            ['copies', 3],
            ['remarks', 3],
          ],
          language,
        ),
        rows: lines.map((l, i) => cells([i + 1, l.doc_number, l.title, levelName(l.level), compressCopyNos(copyNos(l)), copyNos(l).length, ''])),
        totalText: total(lines.length, copies, language),
        signatures: signaturesOf(
          [
            ['returner', text('returner')],
            ['receiver', text('receiver')],
          ],
          language,
        ),
      };
    case 'destruction-list':
      return {
        ...base,
        title,
        fields: fieldsOf(
          [
            ['approver', approversOf(lines, language) || text('approver')],
            [
              'method',
              details['method'] === 'facility' || details['method'] === 'shredder' ? say(DESTROY_METHOD_TERMS[details['method']], language) : text('method'),
            ],
            ['place', text('place')],
            ['destroyDate', longDate(batch.at, language)],
          ],
          language,
        ),
        columns: columnsOf(
          [
            ['seq', 3],
            ['receiptNo', 5],
            ['docNumber', 9],
            ['title', 15],
            ['level', 3],
            ['copyNos', 6],
            ['copies', 3],
            ['remarks', 3],
          ],
          language,
        ),
        rows: lines.map((l, i) => cells([i + 1, l.receipt_no, l.doc_number, l.title, levelName(l.level), compressCopyNos(copyNos(l)), copyNos(l).length, ''])),
        totalText: total(lines.length, copies, language),
        signatures: signaturesOf(
          [
            ['destroyer', text('destroyers')],
            ['witness', text('witnesses')],
            ['approver', text('approver')],
          ],
          language,
        ),
      };
    case 'handover-list': {
      const loans = lines.map((l) => loansOf(l.details, language));
      return {
        ...base,
        title,
        fields: fieldsOf(
          [
            ['giver', text('from')],
            ['taker', text('to')],
            ['supervisor', text('supervisor')],
            ['handoverDate', longDate(batch.at, language)],
          ],
          language,
        ),
        columns: columnsOf([...COUNTED_COLUMNS, ['copies', 3]], language),
        rows: lines.map((l, i) => {
          const inCabinet = copyNos(l).filter((n) => !loans[i]!.nos.has(n));
          return cells([i + 1, l.receipt_no, l.doc_number, l.title, levelName(l.level), compressCopyNos(inCabinet), loans[i]!.text, copyNos(l).length]);
        }),
        totalText: total(lines.length, copies, language),
        signatures: signaturesOf(
          [
            ['giver', text('from')],
            ['taker', text('to')],
            ['supervisor', text('supervisor')],
          ],
          language,
        ),
      };
    }
    case 'inventory-report': {
      // Present: in the cabinet at the inventory; a copy out on loan is listed apart, with its borrower.
      const loans = lines.map((l) => loansOf(l.details, language));
      const counted = lines.map((l, i) => {
        const c = JSON.parse(l.details) as { present: number[]; missing: number[] };
        return { present: c.present.filter((n) => !loans[i]!.nos.has(n)), missing: c.missing };
      });
      const missing = counted.reduce((n, c) => n + c.missing.length, 0);
      const present = counted.reduce((n, c) => n + c.present.length, 0);
      const onLoan = loans.reduce((n, l) => n + l.nos.size, 0);
      const summary =
        language === 'en'
          ? `Total: ${lines.length} items; ${present} copies present, ${onLoan} on loan, ${missing} missing`
          : `${language === 'zh-TW' ? '合計' : '合计'}${colonOf(language)}${lines.length} ${language === 'zh-TW' ? '種' : '种'}，在管 ${present} 份，借出 ${onLoan} 份，缺失 ${missing} 份`;
      return {
        ...base,
        title: language === 'en' ? `${title} ${batch.year}` : `${batch.year}年度${title}`,
        fields: fieldsOf(
          [
            ['inventoryDate', longDate(batch.at, language)],
            ['checkedBy', text('checkedBy')],
          ],
          language,
        ),
        columns: columnsOf([...COUNTED_COLUMNS, ['missing', 5]], language),
        rows: lines.map((l, i) =>
          cells([
            i + 1,
            l.receipt_no,
            l.doc_number,
            l.title,
            levelName(l.level),
            compressCopyNos(counted[i]!.present),
            loans[i]!.text,
            compressCopyNos(counted[i]!.missing),
          ]),
        ),
        totalText: summary,
        signatures: signaturesOf([['checkedBy', text('checkedBy')]], language),
      };
    }
  }
}

/** The parts of an event's details worth a line on paper, in words. */
function eventText(kind: string, details: Record<string, unknown>, language: SheetLanguage): string {
  const parts: string[] = [];
  const add = (key: LabelKey, value: unknown) => {
    if (value !== undefined && value !== null && value !== '') parts.push(`${label(key, language)} ${String(value)}`);
  };
  add('batch', details['batchNo']);
  add('channel', details['channel']);
  add('handledBy', details['handledBy']);
  add('department', details['department']);
  add('dueAt', details['dueAt']);
  if (typeof details['condition'] === 'string' && details['condition'] in CONDITION_TERMS)
    add('condition', say(CONDITION_TERMS[details['condition'] as keyof typeof CONDITION_TERMS], language));
  add('receivedBy', details['receivedBy']);
  add('receipt', details['receiptRef']);
  add('location', details['location']);
  if (kind === 'copy') add('newCopyNos', compressCopyNos((details['copyNos'] as number[] | undefined) ?? []));
  if (kind === 'destroy' && (details['method'] === 'facility' || details['method'] === 'shredder'))
    add('method', say(DESTROY_METHOD_TERMS[details['method']], language));
  add('place', details['place']);
  if (kind === 'destroy') {
    add('destroyer', listOf((details['destroyers'] as string[] | undefined) ?? [], language));
    add('witness', listOf((details['witnesses'] as string[] | undefined) ?? [], language));
  }
  const before = details['before'] as { marking?: string } | undefined;
  const after = details['after'] as { marking?: string } | undefined;
  if (before?.marking && after?.marking && before.marking !== after.marking) add('marking', `${before.marking} → ${after.marking}`);
  add('details', details['decisionDocNo']);
  add('details', details['conclusion']);
  if (kind === 'correct') parts.push(correctionText(details, language));
  if (kind === 'correct' || kind === 'void') add('reason', details['reason']);
  if (kind === 'inventory') {
    add('present', compressCopyNos((details['present'] as number[] | undefined) ?? []));
    add('missing', compressCopyNos((details['missing'] as number[] | undefined) ?? []));
  }
  return parts.join(language === 'en' ? '; ' : '；');
}

/** The registered fields a correction may change, by the label they print under. */
const CORRECTED_FIELDS: Record<string, LabelKey> = {
  title: 'title',
  docNumber: 'docNumber',
  originUnit: 'originUnit',
  issueDate: 'issueDate',
  attachments: 'attachments',
  remarks: 'remarks',
  marking: 'marking',
  copies: 'copies',
};

/** 更正: the field, what it said and what it says now (an empty value printed as a dash). */
function correctionText(details: Record<string, unknown>, language: SheetLanguage): string {
  const field = String(details['field']);
  const shown = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
  const name = CORRECTED_FIELDS[field] ? label(CORRECTED_FIELDS[field], language) : field;
  return `${name}${colonOf(language)}${shown(details['before'])} → ${shown(details['after'])}`;
}

/** One item's whole history: its registration data, every copy's state and every event in order. */
export function buildHistory(db: Db, documentId: number, language: SheetLanguage): PrintForm {
  const d = requireDocument(db, documentId);
  const copies = all<{ copy_no: number; status: keyof typeof COPY_STATUS_TERMS; reproduction: 0 | 1 }>(
    db,
    sql`SELECT copy_no, status, reproduction FROM copies WHERE document_id = ${d.id} ORDER BY copy_no`,
  );
  const events = inOrderOfTime(
    all<
      EventApproval & {
        id: number;
        kind: string;
        at: string;
        counterpart: string | null;
        details: string;
        recorded_at: string;
        recorded_by: string;
        copy_nos: string;
      }
    >(
      db,
      sql`SELECT e.id, e.kind, e.at, e.counterpart, e.approver, e.details, e.recorded_at,
                      ${recorderName('e.recorded_by')} AS recorded_by ${APPROVAL_COLUMNS},
               (SELECT json_group_array(c.copy_no) FROM event_copies ec JOIN copies c ON c.id = ec.copy_id WHERE ec.event_id = e.id) AS copy_nos
        FROM events e ${APPROVAL_JOIN} WHERE e.document_id = ${d.id} ORDER BY e.id`,
    ),
  );
  const byStatus = new Map<string, number[]>();
  for (const c of copies) byStatus.set(c.status, [...(byStatus.get(c.status) ?? []), c.copy_no]);
  const copyState = listOf(
    [...byStatus].map(([s, nos]) => `${compressCopyNos(nos)} ${say(COPY_STATUS_TERMS[s as keyof typeof COPY_STATUS_TERMS], language)}`),
    language,
  );
  const tracker = levelTracker();
  if (!d.declassified) tracker.see(d.level);
  return {
    kind: 'history',
    title: say(FORM_TITLES.history, language),
    number: d.receipt_no,
    unitName: readSettings(db).unitName,
    fields: fieldsOf(
      [
        ['title', d.title],
        ['docNumber', d.doc_number],
        ['originUnit', d.origin_unit],
        ['marking', d.declassified ? `${d.marking}（${label('declassified', language)}）` : d.marking],
        ['issueDate', d.issue_date],
        ['secrecyEnd', d.secrecy_end ?? ''],
        ['scope', listOf(JSON.parse(d.scope) as string[], language)],
        ['copyNos', copyState],
        ['returnBy', d.must_return ? (d.return_by ?? '') : ''],
        ['status', d.voided_at !== null ? label('voided', language) : ''],
      ],
      language,
    ).filter((f) => f.value !== ''),
    columns: columnsOf(
      [
        ['seq', 3],
        ['date', 5],
        ['event', 4],
        ['copyNos', 5],
        ['counterpart', 6],
        ['approver', 4],
        ['details', 14],
        ['recordedBy', 4],
        ['recordedAt', 6],
      ],
      language,
    ),
    rows: events.map((e, i) => {
      const details = JSON.parse(e.details) as Record<string, unknown>;
      const nos = JSON.parse(e.copy_nos) as number[];
      const handedOver = e.kind === 'handover' ? ((details['copyNos'] as number[] | undefined) ?? []) : nos;
      return cells([
        i + 1,
        day(e.at),
        EVENT_TERMS[e.kind] ? say(EVENT_TERMS[e.kind]!, language) : e.kind,
        compressCopyNos(handedOver),
        e.counterpart,
        approvalText(e, language),
        eventText(e.kind, details, language),
        e.recorded_by,
        minute(e.recorded_at),
      ]);
    }),
    totalText: '',
    signatures: [],
    ...tracker.result(language),
  };
}
