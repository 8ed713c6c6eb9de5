// 移交 shows its hand-over list before it is signed (issue 15): the list the printout will carry, built by the same
// sheet builder from the same hand-over, and nothing written.
import { describe, expect, it } from 'vitest';
import { auditRows, dataSnapshot, makeLedger, ok } from '../../testing';
import type { PrintForm } from '../sheets';
import { receiveInput } from './fixture';

describe('documents.handoverPreview', () => {
  it('is the 移交清单 the hand-over will print, row for row, and writes nothing', () => {
    const t = makeLedger();
    const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
    ok(t.service, 'documents.receive', receiveInput(cab, { copies: 2 }));
    ok(t.service, 'documents.receive', receiveInput(cab, { copies: 3, title: '会议纪要' }));
    const people = { from: '张伟', to: '钱新', supervisor: '陈主任' };
    const before = dataSnapshot(t);
    const audit = auditRows(t).length;

    const preview = ok<{ items: number; copies: number; batchNo: string; form: PrintForm }>(t.service, 'documents.handoverPreview', people);
    expect(preview).toMatchObject({ items: 2, copies: 5, batchNo: 'YJ-2026-001' });
    expect(preview.form.title).toBe('涉密载体移交清单');
    expect(preview.form.rows.map((r) => r[3])).toEqual(['关于开展年度保密自查自评工作的通知', '会议纪要']);
    expect(dataSnapshot(t)).toEqual(before);
    expect(auditRows(t).length).toBe(audit);

    // Signed: the printed list is the one shown.
    const out = ok<{ batchNo: string; copies: number }>(t.service, 'documents.handover', people);
    expect(out).toMatchObject({ batchNo: preview.batchNo, copies: preview.copies });
    const printed = ok<{ document: PrintForm }>(t.service, 'print.prepare', { request: { kind: 'handover-list', batchNo: out.batchNo } }).document;
    expect(printed.rows).toEqual(preview.form.rows);
    expect(printed.fields).toEqual(preview.form.fields);
  });
});
