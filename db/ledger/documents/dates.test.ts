// Time must make sense (issue 13): nothing happens before the item was registered or before the event it closes,
// nothing is dated in the future (to the minute, not only the day), and a registration dated long ago says why.
// Each rule through service.invoke on a real encrypted ledger (the clock stands at 2026-11-25 01:00 UTC).
import { describe, expect, it } from 'vitest';
import { auditRows, makeLedger, ok, refused, type SetUpLedger } from '../../testing';
import { spotApproval } from '../approvals/fixture';
import type { ApprovalGrant } from '../approvals/fields';
import type { DocumentDetail } from '../../views';
import { receiveInput } from './fixture';

/** The unit head's approval, on the spot by the ledger's approver 陈主任 (set with each new ledger). */
let SPOT: ApprovalGrant;

function ledger(): { t: SetUpLedger; receive(over?: Record<string, unknown>): number; get(id: number): DocumentDetail } {
  const t = makeLedger();
  SPOT = spotApproval(t);
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  return {
    t,
    receive: (over = {}) => ok<{ id: number }>(t.service, 'documents.receive', receiveInput(cab, over)).id,
    get: (id) => ok<DocumentDetail>(t.service, 'documents.get', { id }),
  };
}

const lend = (documentId: number, over: Record<string, unknown> = {}) => ({
  documentId,
  copyNos: [1],
  borrower: { name: '王芳', department: '办公室' },
  dueAt: '2026-12-10',
  ...over,
});
const transmit = (documentId: number, over: Record<string, unknown> = {}) => ({
  documentId,
  copyNos: [1],
  toUnit: '市国家保密局',
  channel: '机要交通',
  handledBy: '李明',
  ...over,
});

describe('an event is never before the registration of its item', () => {
  it('refuses a loan dated before the receipt, by date or by date-time, and accepts one on the same day', () => {
    const l = ledger();
    const id = l.receive({ receivedAt: '2026-11-20T09:00:00+08:00' });
    expect(refused(l.t.service, 'documents.lend', lend(id, { at: '2026-11-19' }))).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'before_registration', at: '2026-11-19', earliest: '2026-11-20T09:00:00+08:00' },
    });
    expect(refused(l.t.service, 'documents.move', { documentId: id, copyNos: [1], locationId: 1, at: '2026-11-20T08:59:00+08:00' }).code).toBe('E_DATE_ORDER');
    ok(l.t.service, 'documents.lend', lend(id, { at: '2026-11-20' }));
    expect(l.get(id).events.map((e) => e.kind)).toEqual(['receive', 'lend']);
  });

  it('refuses a destruction batch when one of its items was registered after the date given', () => {
    const l = ledger();
    const early = l.receive({ receivedAt: '2026-11-03', docNumber: '鲁保发〔2026〕1号' });
    const late = l.receive({ receivedAt: '2026-11-10', docNumber: '鲁保发〔2026〕2号' });
    const input = {
      items: [
        { documentId: early, copyNos: [1] },
        { documentId: late, copyNos: [1] },
      ],
      approval: SPOT,
      method: 'shredder',
      place: '保密室',
      destroyers: ['李明'],
      witnesses: ['赵强'],
      at: '2026-11-05',
    };
    expect(refused(l.t.service, 'documents.destroy', input)).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'before_registration', earliest: '2026-11-10' },
    });
    expect(l.get(early).counts.destroyed).toBe(0);
  });
});

describe('an event is never before the event it closes', () => {
  it('a return is not before its loan', () => {
    const l = ledger();
    const id = l.receive({ receivedAt: '2026-11-03' });
    ok(l.t.service, 'documents.lend', lend(id, { at: '2026-11-10T14:00:00+08:00' }));
    expect(refused(l.t.service, 'documents.returnLoan', { documentId: id, copyNos: [1], receivedBy: '李明', at: '2026-11-09' })).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'before_opening', at: '2026-11-09', earliest: '2026-11-10T14:00:00+08:00' },
    });
    expect(refused(l.t.service, 'documents.returnLoan', { documentId: id, copyNos: [1], receivedBy: '李明', at: '2026-11-10T13:59:00+08:00' }).code).toBe(
      'E_DATE_ORDER',
    );
    ok(l.t.service, 'documents.returnLoan', { documentId: id, copyNos: [1], receivedBy: '李明', at: '2026-11-10' });
  });

  it('a receipt confirmation is not before its transmission', () => {
    const l = ledger();
    const id = l.receive({ receivedAt: '2026-11-03' });
    ok(l.t.service, 'documents.transmit', transmit(id, { at: '2026-11-12' }));
    const sent = l.get(id).events.at(-1)!;
    expect(refused(l.t.service, 'documents.confirmReceipt', { documentId: id, eventId: sent.id, at: '2026-11-11' })).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'before_opening', earliest: '2026-11-12' },
    });
    ok(l.t.service, 'documents.confirmReceipt', { documentId: id, eventId: sent.id, at: '2026-11-12' });
  });
});

describe('nothing is dated in the future', () => {
  it('compares date-times, not only dates: later today is refused, earlier today and today accepted', () => {
    const l = ledger();
    const id = l.receive({ receivedAt: '2026-11-20' });
    // The clock: 2026-11-25 01:00 UTC.
    expect(refused(l.t.service, 'documents.lend', lend(id, { at: '2026-11-25T02:00:00Z' }))).toMatchObject({ code: 'E_VALIDATION', details: { field: 'at' } });
    expect(refused(l.t.service, 'documents.receive', receiveInput(1, { receivedAt: '2026-11-25T09:30:00+08:00' }))).toMatchObject({
      code: 'E_VALIDATION',
      details: { field: 'at' },
    });
    ok(l.t.service, 'documents.lend', lend(id, { at: '2026-11-25T00:30:00Z' }));
    ok(l.t.service, 'documents.returnLoan', { documentId: id, copyNos: [1], receivedBy: '李明', at: '2026-11-25' });
  });
});

describe('the return-by date of a received document', () => {
  it('is on or after the receipt date', () => {
    const l = ledger();
    expect(refused(l.t.service, 'documents.receive', receiveInput(1, { receivedAt: '2026-11-20', mustReturn: true, returnBy: '2026-11-19' }))).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'return_by_before_receipt', at: '2026-11-19', earliest: '2026-11-20' },
    });
    const id = l.receive({ receivedAt: '2026-11-20', mustReturn: true, returnBy: '2026-11-20' });
    expect(l.get(id).returnBy).toBe('2026-11-20');
  });

  it('must be given when the issuer wants the document back', () => {
    const l = ledger();
    expect(refused(l.t.service, 'documents.receive', receiveInput(1, { mustReturn: true }))).toMatchObject({
      code: 'E_VALIDATION',
      details: { field: 'returnBy' },
    });
  });
});

describe('a registration dated long ago (补登)', () => {
  it('by default the current and the previous year are accepted, earlier ones need a 补登 reason', () => {
    const l = ledger();
    l.receive({ issueDate: '2025-01-02', receivedAt: '2025-01-02', docNumber: '鲁保发〔2025〕1号' });
    expect(refused(l.t.service, 'documents.receive', receiveInput(1, { issueDate: '2024-12-01', receivedAt: '2024-12-31' }))).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'backdated', at: '2024-12-31', earliest: '2025-01-01' },
    });
    const id = l.receive({ issueDate: '2024-12-01', receivedAt: '2024-12-31', lateEntryReason: '原纸质台账漏登，2026年清查时发现' });
    expect(l.get(id).events[0]).toMatchObject({ kind: 'receive', at: '2024-12-31', details: { lateEntry: '原纸质台账漏登，2026年清查时发现' } });
    const entry = auditRows(l.t).findLast((a) => a.action === 'documents.receive' && a.outcome === 'ok')!;
    expect(JSON.parse(entry.summary)).toMatchObject({ input: { lateEntryReason: '原纸质台账漏登，2026年清查时发现' } });
  });

  it('a produced document too; how far back needs no reason is a setting', () => {
    const l = ledger();
    const produce = {
      ...receiveInput(1, { issueDate: '2023-05-01' }),
      producedAt: '2023-05-02',
      producedBy: '李明',
      classifiedBy: '王处长',
      classificationBasis: '保密事项范围目录第3项',
    };
    delete (produce as Record<string, unknown>)['signedBy'];
    expect(refused(l.t.service, 'documents.produce', produce)).toMatchObject({ code: 'E_DATE_ORDER', details: { rule: 'backdated' } });
    ok(l.t.service, 'settings.update', { lateEntryYears: 5 });
    ok(l.t.service, 'documents.produce', produce);
  });
});
