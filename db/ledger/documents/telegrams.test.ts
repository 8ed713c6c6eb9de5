// 密码电报 / 级发电 (domain.md "More rules of the carriers"): a carrier of their own, always returned by a date, kept
// apart in locations marked for telegrams, never copied, and counted as a group. Through service.invoke on a real ledger.
import { describe, expect, it } from 'vitest';
import { makeLedger, ok, refused } from '../../testing';
import type { DocumentDetail, DocumentListItem, LocationView, ReminderCounts } from '../../views';
import { receiveInput } from './fixture';

function ledger() {
  const t = makeLedger();
  const cabinet = (code: string, telegrams: boolean) =>
    ok<{ id: number }>(t.service, 'locations.create', { code, name: telegrams ? '电报柜' : '文件柜', maxLevel: 'secret', telegrams }).id;
  const cab = cabinet('BMG-01', false);
  const tg = cabinet('DBG-01', true);
  const telegram = (over: Record<string, unknown> = {}) =>
    ok<{ id: number; receiptNo: string }>(
      t.service,
      'documents.receive',
      receiveInput(tg, { carrier: 'telegram', copies: 1, receivedAt: '2026-11-20', returnBy: '2026-11-30', ...over }),
    );
  return { t, cab, tg, cabinet, telegram, get: (id: number) => ok<DocumentDetail>(t.service, 'documents.get', { id }) };
}

describe('telegrams (密码电报 / 级发电)', () => {
  it('are always returned: registered as must-return, and a return-by date is required', () => {
    const l = ledger();
    expect(refused(l.t.service, 'documents.receive', receiveInput(l.tg, { carrier: 'telegram', returnBy: undefined }))).toMatchObject({
      code: 'E_VALIDATION',
      details: { field: 'returnBy' },
    });
    const { id } = l.telegram({ mustReturn: false });
    expect(l.get(id)).toMatchObject({ carrier: 'telegram', mustReturn: true, returnBy: '2026-11-30' });
  });

  it('are kept only in a location marked for telegrams, and nothing else is kept there (E_TELEGRAM)', () => {
    const l = ledger();
    expect(ok<LocationView[]>(l.t.service, 'locations.list').map((c) => [c.code, c.telegrams])).toEqual([
      ['BMG-01', false],
      ['DBG-01', true],
    ]);
    const e = refused(l.t.service, 'documents.receive', receiveInput(l.cab, { carrier: 'telegram', returnBy: '2026-11-30' }));
    expect(e).toMatchObject({ code: 'E_TELEGRAM', details: { rule: 'telegram_location', location: 'BMG-01' } });
    expect(e.message).toContain('BMG-01');
    expect(refused(l.t.service, 'documents.receive', receiveInput(l.tg))).toMatchObject({
      code: 'E_TELEGRAM',
      details: { rule: 'document_location', location: 'DBG-01' },
    });
    const doc = ok<{ id: number }>(l.t.service, 'documents.receive', receiveInput(l.cab, { receivedAt: '2026-11-20' })).id;
    const { id } = l.telegram();
    const tg2 = l.cabinet('DBG-02', true);
    expect(refused(l.t.service, 'documents.move', { documentId: id, copyNos: [1], locationId: l.cab, at: '2026-11-21' })).toMatchObject({
      code: 'E_TELEGRAM',
      details: { rule: 'telegram_location' },
    });
    expect(refused(l.t.service, 'documents.move', { documentId: doc, copyNos: [1], locationId: tg2, at: '2026-11-21' })).toMatchObject({
      code: 'E_TELEGRAM',
      details: { rule: 'document_location' },
    });
    ok(l.t.service, 'documents.move', { documentId: id, copyNos: [1], locationId: tg2, at: '2026-11-21' });
    expect(l.get(id).copyList[0]).toMatchObject({ location: 'DBG-02' });
    // Found after an inventory: back into a telegram location only.
    ok(l.t.service, 'documents.inventory', { missing: [{ documentId: id, copyNos: [1] }], checkedBy: ['李明', '王芳'], at: '2026-11-22' });
    expect(refused(l.t.service, 'documents.found', { documentId: id, copyNos: [1], locationId: l.cab, at: '2026-11-23' }).code).toBe('E_TELEGRAM');
    ok(l.t.service, 'documents.found', { documentId: id, copyNos: [1], locationId: l.tg, at: '2026-11-23' });
  });

  it('are never copied, compiled or excerpted, nor produced here (E_TELEGRAM)', () => {
    const l = ledger();
    const { id, receiptNo } = l.telegram();
    const copy = refused(l.t.service, 'documents.copy', { documentId: id, sourceCopyNo: 1, count: 1, at: '2026-11-21' });
    expect(copy).toMatchObject({ code: 'E_TELEGRAM', details: { rule: 'copy', receiptNo } });
    const produced = {
      title: '电报摘编',
      originUnit: '本单位办公室',
      marking: '机密★10年',
      issueDate: '2026-11-21',
      scope: ['办公室'],
      copies: 1,
      locationId: l.cab,
      producedBy: '李明',
      classifiedBy: '陈主任',
      classificationBasis: '依据来文密级',
    };
    expect(refused(l.t.service, 'documents.produce', { ...produced, sources: [id], compilation: 'excerpt' })).toMatchObject({
      code: 'E_TELEGRAM',
      details: { rule: 'compile', sources: [receiptNo] },
    });
    expect(refused(l.t.service, 'documents.produce', { ...produced, carrier: 'telegram', locationId: l.tg })).toMatchObject({
      code: 'E_TELEGRAM',
      details: { rule: 'produced' },
    });
    expect(l.get(id).copies).toBe(1);
  });

  it('are a group of their own: the register filters them, the overview counts those held, due back soon and overdue', () => {
    const l = ledger();
    ok(l.t.service, 'documents.receive', receiveInput(l.cab, { mustReturn: true, returnBy: '2026-11-20', receivedAt: '2026-11-10' }));
    const overdue = l.telegram({ receivedAt: '2026-11-10', returnBy: '2026-11-20' });
    const soon = l.telegram({ returnBy: '2026-11-30' });
    l.telegram({ returnBy: '2027-03-01' });
    const returned = l.telegram({ returnBy: '2026-11-24' });
    ok(l.t.service, 'documents.returnToIssuer', {
      items: [{ documentId: returned.id, copyNos: [1] }],
      toUnit: '省国家保密局',
      returner: '李明',
      receiver: '赵科长',
      at: '2026-11-24',
    });
    const list = ok<{ total: number; rows: DocumentListItem[] }>(l.t.service, 'documents.list', { carrier: 'telegram', status: 'held' });
    expect(list.total).toBe(3);
    expect(list.rows.every((r) => r.carrier === 'telegram')).toBe(true);
    expect(ok<{ total: number }>(l.t.service, 'documents.list', { carrier: 'paper' }).total).toBe(1);
    const counts = ok<ReminderCounts>(l.t.service, 'reminders.get');
    expect(counts).toMatchObject({ telegramsHeld: 3, telegramsOverdue: 1, telegramsDueSoon: 1, returnOverdue: 2 });
    expect(
      ok<{ rows: DocumentListItem[] }>(l.t.service, 'documents.list', { carrier: 'telegram', reminderKind: 'returnOverdue' }).rows.map((r) => r.id),
    ).toEqual([overdue.id]);
    expect(ok<{ rows: DocumentListItem[] }>(l.t.service, 'documents.list', { carrier: 'telegram', reminderKind: 'returnNear' }).rows.map((r) => r.id)).toEqual([
      soon.id,
    ]);
  });
});
