// The lend dialog defect (issue 13), checked at the backend: a loan dated in the past with an explicit 应还日期 keeps
// that date, in the record, in the printed 借阅登记簿 and in the audit entry (no default of loan date + N days).
import { describe, expect, it } from 'vitest';
import { auditRows, makeLedger, ok, withRaw } from '../../testing';
import { buildSheet } from '../sheets';
import type { DocumentDetail } from '../../views';
import { receiveInput } from './fixture';

describe('documents.lend with an explicit due date, dated in the past', () => {
  it('records 2026-11-27 for a loan of 2026-11-01 with due 2026-11-27: the copy, the event, the 借阅登记簿 and the audit entry', () => {
    const t = makeLedger();
    const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
    const id = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(cab, { issueDate: '2026-10-20', receivedAt: '2026-10-28' })).id;
    const reply = ok<DocumentDetail>(t.service, 'documents.lend', {
      documentId: id,
      copyNos: [2],
      borrower: { name: '王芳', department: '办公室' },
      dueAt: '2026-11-27',
      at: '2026-11-01',
    });
    expect(reply.copyList.find((c) => c.copyNo === 2)).toMatchObject({ status: 'on_loan', dueAt: '2026-11-27', overdue: false });
    expect(reply.events.at(-1)).toMatchObject({ kind: 'lend', at: '2026-11-01', details: { dueAt: '2026-11-27' } });
    expect(ok<DocumentDetail>(t.service, 'documents.get', { id }).copyList[1]!.dueAt).toBe('2026-11-27');

    const sheet = withRaw(t, (db) => buildSheet(db, 'loans', { year: 2026 }, 'zh-CN', { now: t.clock.now }));
    const column = (key: string) => sheet.rows.map((r) => r[sheet.columns.findIndex((c) => c.key === key)]);
    expect(column('lentAt')).toEqual(['2026-11-01']);
    expect(column('dueAt')).toEqual(['2026-11-27']);

    const entry = auditRows(t).findLast((a) => a.action === 'documents.lend')!;
    expect(entry).toMatchObject({ outcome: 'ok' });
    expect(JSON.parse(entry.summary)).toMatchObject({ input: { dueAt: '2026-11-27', at: '2026-11-01' } });
  });
});
