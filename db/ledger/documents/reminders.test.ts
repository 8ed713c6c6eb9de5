// Reminders that say what they mean (issue 13): receipts waiting for their 回执, missing copies until found or
// reported lost, and overdue kept apart from due soon. Through service.invoke on a real ledger as the day moves on.
import { describe, expect, it } from 'vitest';
import { makeLedger, ok, refused } from '../../testing';
import type { DocumentDetail, DocumentListItem, ReminderCounts } from '../../views';

const DAY = 86_400_000;

/** A ledger on 2026-11-25 with a 保密柜, and the reads these tests make. */
function ledger() {
  const t = makeLedger();
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  let n = 0;
  const list = (q: Record<string, unknown> = {}) => ok<{ total: number; rows: DocumentListItem[] }>(t.service, 'documents.list', { limit: 500, ...q });
  return {
    t,
    cab,
    list,
    ids: (reminderKind: string) => list({ reminderKind }).rows.map((r) => r.id),
    get: (id: number) => ok<DocumentDetail>(t.service, 'documents.get', { id }),
    reminders: () => ok<ReminderCounts>(t.service, 'reminders.get'),
    receive: (over: Record<string, unknown> = {}) =>
      ok<{ id: number }>(t.service, 'documents.receive', {
        title: '关于开展保密自查的通知',
        docNumber: `鲁保发〔2026〕${++n}号`,
        originUnit: '省国家保密局',
        marking: '机密★10年',
        issueDate: '2026-11-02',
        scope: ['办公室', '王芳'],
        copies: 2,
        locationId: cab,
        signedBy: '李明',
        ...over,
      }).id,
  };
}

describe('transmissions wait for their receipt (回执)', () => {
  it('a transmission is pending until its receipt; after receiptReminderDays (default 14) it is on the reminders', () => {
    const l = ledger();
    const id = l.receive();
    ok(l.t.service, 'documents.transmit', { documentId: id, copyNos: [1], toUnit: '市国家保密局', channel: '机要交通', handledBy: '李明' });
    const sent = l.get(id).events.find((e) => e.kind === 'transmit')!;
    expect(sent.receipt).toBe('pending');
    expect(l.reminders()).toMatchObject({ receiptsPending: 1, receiptsOverdue: 0 });
    expect(l.ids('receiptPending')).toEqual([id]);
    expect(l.ids('receiptOverdue')).toEqual([]);
    l.t.clock.advance(14 * DAY); // 12-09: 14 days, not yet more
    expect(l.reminders().receiptsOverdue).toBe(0);
    l.t.clock.advance(DAY);
    expect(l.reminders()).toMatchObject({ receiptsPending: 1, receiptsOverdue: 1 });
    expect(l.ids('receiptOverdue')).toEqual([id]);
    expect(l.list({ reminderKind: 'receiptOverdue' }).rows[0]!.reminders).toContain('receiptOverdue');
    // The older filter names keep their meaning; the new kinds are not among them.
    expect(refused(l.t.service, 'documents.list', { reminder: 'receiptOverdue' }).code).toBe('E_VALIDATION');
    ok(l.t.service, 'settings.update', { receiptReminderDays: 30 });
    expect(l.reminders().receiptsOverdue).toBe(0);
    ok(l.t.service, 'documents.confirmReceipt', { documentId: id, eventId: sent.id, receiptRef: '回执第88号' });
    expect(l.get(id).events.find((e) => e.kind === 'transmit')!.receipt).toBe('confirmed');
    expect(l.reminders()).toMatchObject({ receiptsPending: 0, receiptsOverdue: 0 });
    expect(l.ids('receiptPending')).toEqual([]);
  });
});

describe('a missing copy (缺失) stays on the reminders until found (找回) or reported lost (报失)', () => {
  it('找回 puts it back in a cabinet; 报失 records the report and ends it; neither applies to a copy not missing', () => {
    const l = ledger();
    const id = l.receive({ copies: 3 });
    ok(l.t.service, 'documents.inventory', { missing: [{ documentId: id, copyNos: [2, 3] }], checkedBy: ['李明', '赵强'] });
    expect(l.reminders().missingCopies).toBe(1);
    expect(l.ids('missing')).toEqual([id]);
    expect(refused(l.t.service, 'documents.found', { documentId: id, copyNos: [1], locationId: l.cab })).toMatchObject({
      code: 'E_NOT_IN_CUSTODY',
      details: { copyNo: 1, status: 'in_custody', action: 'found' },
    });
    expect(refused(l.t.service, 'documents.reportLost', { documentId: id, copyNos: [1], reportRef: '保密局备案〔2026〕3号' }).code).toBe('E_NOT_IN_CUSTODY');

    ok(l.t.service, 'documents.found', { documentId: id, copyNos: [2], locationId: l.cab });
    expect(l.get(id).copyList.map((c) => [c.copyNo, c.status, c.location])).toEqual([
      [1, 'in_custody', 'BMG-01'],
      [2, 'in_custody', 'BMG-01'],
      [3, 'missing', null],
    ]);
    expect(l.get(id).events.at(-1)).toMatchObject({ kind: 'found', copyNos: [2], details: { locationId: l.cab, location: 'BMG-01' } });
    expect(l.reminders().missingCopies).toBe(1);

    expect(refused(l.t.service, 'documents.reportLost', { documentId: id, copyNos: [3], reportRef: ' ' }).code).toBe('E_VALIDATION');
    ok(l.t.service, 'documents.reportLost', { documentId: id, copyNos: [3], reportRef: '保密局备案〔2026〕3号' });
    expect(l.get(id).events.at(-1)).toMatchObject({ kind: 'reported_lost', copyNos: [3], details: { reportRef: '保密局备案〔2026〕3号' } });
    expect(l.reminders().missingCopies).toBe(0);
    expect(l.ids('missing')).toEqual([]);
    // Terminal: a copy reported lost is neither found nor reported again.
    expect(refused(l.t.service, 'documents.found', { documentId: id, copyNos: [3], locationId: l.cab })).toMatchObject({
      code: 'E_NOT_IN_CUSTODY',
      details: { copyNo: 3, action: 'found' },
    });
    expect(refused(l.t.service, 'documents.reportLost', { documentId: id, copyNos: [3], reportRef: '再次' }).code).toBe('E_NOT_IN_CUSTODY');
  });

  it('a must-return copy that is missing stays counted in the return reminders', () => {
    const l = ledger();
    const id = l.receive({ copies: 1, mustReturn: true, returnBy: '2026-12-10' });
    ok(l.t.service, 'documents.inventory', { missing: [{ documentId: id, copyNos: [1] }], checkedBy: ['李明', '赵强'] });
    expect(l.reminders()).toMatchObject({ returnDue: 1, returnNear: 1, missingCopies: 1 });
    expect(l.ids('returnNear')).toEqual([id]);
  });
});

describe('reminders tell overdue from due soon', () => {
  it('an empty ledger reminds of nothing and has no inventory done: nothing is held', () => {
    expect(ledger().reminders()).toEqual({
      overdueLoans: 0,
      returnDue: 0,
      secrecyEnding: 0,
      reviewDue: 0,
      stocktakeDue: [],
      computerChecksDue: [],
      loansOverdue: 0,
      loansDueSoon: 0,
      returnOverdue: 0,
      returnNear: 0,
      secrecyEnded: 0,
      secrecyEndingSoon: 0,
      receiptsPending: 0,
      receiptsOverdue: 0,
      missingCopies: 0,
      heldCopies: 0,
      inventoriesThisYear: 0,
      telegramsHeld: 0,
      telegramsDueSoon: 0,
      telegramsOverdue: 0,
      findingsOverdue: 0,
      findingsDueSoon: 0,
      findingsAwaiting: 0,
      publicationDue: 0,
      approvalsPending: 0,
    });
  });

  it('loans, return deadlines and secrecy periods each count overdue (or ended) apart from due within reminderDays; each count is its list', () => {
    const l = ledger();
    const lent = (dueAt: string) => {
      const id = l.receive({ title: `借阅至${dueAt}` });
      ok(l.t.service, 'documents.lend', { documentId: id, copyNos: [1], borrower: { name: '王芳' }, dueAt });
      return id;
    };
    const lateLoan = lent('2026-11-26');
    const soonLoan = lent('2026-12-05');
    lent('2027-02-01');
    const pastReturn = l.receive({ mustReturn: true, returnBy: '2026-11-27' });
    const nearReturn = l.receive({ mustReturn: true, returnBy: '2026-12-20' });
    const ended = l.receive({ marking: '秘密★6个月', issueDate: '2026-05-20', receivedAt: '2026-05-25' }); // ended 2026-11-20
    const ending = l.receive({ marking: '秘密★6个月', issueDate: '2026-06-10', receivedAt: '2026-06-12' }); // ends 2026-12-10
    l.t.clock.advance(3 * DAY); // 2026-11-28
    const counts = l.reminders();
    expect(counts).toMatchObject({
      loansOverdue: 1,
      overdueLoans: 1,
      loansDueSoon: 1,
      returnOverdue: 1,
      returnNear: 1,
      returnDue: 2,
      secrecyEnded: 1,
      secrecyEndingSoon: 1,
      secrecyEnding: 2,
    });
    expect(counts).toMatchObject({ heldCopies: 14, stocktakeDue: [{ cabinetId: l.cab, lastAt: null }], inventoriesThisYear: 0 });
    expect(l.ids('loanOverdue')).toEqual([lateLoan]);
    expect(l.ids('loanDueSoon')).toEqual([soonLoan]);
    expect(l.ids('returnOverdue')).toEqual([pastReturn]);
    expect(l.ids('returnNear')).toEqual([nearReturn]);
    expect(l.ids('secrecyEnded')).toEqual([ended]);
    expect(l.ids('secrecyEndingSoon')).toEqual([ending]);
    // The 提示 column: each row says which reminders it is on.
    const rows = new Map(l.list().rows.map((r) => [r.id, r.reminders]));
    expect([lateLoan, soonLoan, pastReturn, nearReturn, ended, ending].map((id) => rows.get(id))).toEqual([
      ['loanOverdue'],
      ['loanDueSoon'],
      ['returnOverdue'],
      ['returnNear'],
      ['secrecyEnded'],
      ['secrecyEndingSoon'],
    ]);
    expect(l.get(ended).reminders).toEqual(['secrecyEnded']);
    ok(l.t.service, 'documents.inventory', { checkedBy: ['李明', '赵强'] });
    expect(l.reminders()).toMatchObject({ stocktakeDue: [], inventoriesThisYear: 1 });
  });
});
