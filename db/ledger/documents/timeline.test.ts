// Events of one item are shown and printed in the order they happened (issue 13): by their date or date-time, then
// in the order they were entered, whatever order that was. documents.get and the printed 流转记录 agree.
import { describe, expect, it } from 'vitest';
import { makeLedger, ok } from '../../testing';
import type { PrintPayload } from '../print/commands';
import type { DocumentDetail } from '../../views';
import { receiveInput } from './fixture';

describe('the order of an item’s events', () => {
  it('an event entered late, dated earlier, is shown and printed where it happened', () => {
    const t = makeLedger();
    const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
    const other = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-02', name: '二号保密柜', maxLevel: 'secret' }).id;
    const id = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(cab, { receivedAt: '2026-11-03T09:00:00+08:00' })).id;
    ok(t.service, 'documents.lend', {
      documentId: id,
      copyNos: [1],
      borrower: { name: '王芳', department: '办公室' },
      dueAt: '2026-12-10',
      at: '2026-11-20T15:00:00+08:00',
    });
    ok(t.service, 'documents.returnLoan', { documentId: id, copyNos: [1], receivedBy: '李明', at: '2026-11-22' });
    // Entered afterwards, from the paper slips: a move on 11-10, and a second move earlier on the day of the loan.
    ok(t.service, 'documents.move', { documentId: id, copyNos: [2], locationId: other, at: '2026-11-10' });
    ok(t.service, 'documents.move', { documentId: id, copyNos: [3], locationId: other, at: '2026-11-20T08:30:00+08:00' });

    const timeline = ok<DocumentDetail>(t.service, 'documents.get', { id }).events.map((e) => [e.kind, e.at, e.copyNos]);
    expect(timeline).toEqual([
      ['receive', '2026-11-03T09:00:00+08:00', [1, 2, 3]],
      ['move', '2026-11-10', [2]],
      ['move', '2026-11-20T08:30:00+08:00', [3]],
      ['lend', '2026-11-20T15:00:00+08:00', [1]],
      ['return_loan', '2026-11-22', [1]],
    ]);

    const form = ok<PrintPayload>(t.service, 'print.prepare', { request: { kind: 'history', documentId: id } }).document;
    expect(form.rows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['1', '2026-11-03', '收文', '0001-0003'],
      ['2', '2026-11-10', '移库', '0002'],
      ['3', '2026-11-20', '移库', '0003'],
      ['4', '2026-11-20', '借阅', '0001'],
      ['5', '2026-11-22', '归还', '0001'],
    ]);
  });

  it('on one day, events dated by the day alone keep the order they were entered', () => {
    const t = makeLedger();
    const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
    const id = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(cab, { receivedAt: '2026-11-03' })).id;
    ok(t.service, 'documents.lend', { documentId: id, copyNos: [1], borrower: { name: '王芳', department: '办公室' }, dueAt: '2026-12-10', at: '2026-11-03' });
    ok(t.service, 'documents.returnLoan', { documentId: id, copyNos: [1], receivedBy: '李明', at: '2026-11-03' });
    expect(ok<DocumentDetail>(t.service, 'documents.get', { id }).events.map((e) => e.kind)).toEqual(['receive', 'lend', 'return_loan']);
  });
});

describe('an item’s history and copies as the screens read them', () => {
  it('names who recorded each event by display name, and a destroyed copy has no storage location', () => {
    const t = makeLedger();
    const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
    const id = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(cab)).id;
    ok(t.service, 'documents.returnToIssuer', { items: [{ documentId: id, copyNos: [2] }], toUnit: '山东省XX厅办公室', returner: '李明', receiver: '赵强' });
    const doc = ok<DocumentDetail>(t.service, 'documents.get', { id });
    expect(doc.events.map((e) => e.recordedBy)).toEqual(['张伟', '张伟']);
    expect(doc.copyList.map((c) => [c.copyNo, c.status, c.location])).toEqual([
      [1, 'in_custody', 'BMG-01'],
      [2, 'returned', null],
      [3, 'in_custody', 'BMG-01'],
    ]);
  });
});
