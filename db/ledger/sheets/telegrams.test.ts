// Printed registers (issue 13): telegrams (密码电报 / 级发电) print as a register of their own, and the event
// registers list events in the order they happened, whatever order they were entered and however they were dated.
import { describe, expect, it } from 'vitest';
import { makeLedger, ok, withRaw, type SetUpLedger } from '../../testing';
import { receiveInput } from '../documents/fixture';
import { buildSheet, type SheetName } from './index';

const sheet = (t: SetUpLedger, name: SheetName, filters: unknown = {}) => withRaw(t, (db) => buildSheet(db, name, filters, 'zh-CN', { now: t.clock.now }));
const column = (s: { columns: { key: string }[]; rows: string[][] }, key: string) => s.rows.map((r) => r[s.columns.findIndex((c) => c.key === key)]);

describe('the printed registers', () => {
  it('print telegrams as their own register (密码电报登记簿), and name a carrier filter', () => {
    const t = makeLedger();
    const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
    const tg = ok<{ id: number }>(t.service, 'locations.create', { code: 'DBG-01', name: '电报柜', maxLevel: 'secret', telegrams: true }).id;
    ok(t.service, 'documents.receive', receiveInput(cab, { receivedAt: '2026-11-20' }));
    ok(
      t.service,
      'documents.receive',
      receiveInput(tg, { carrier: 'telegram', title: '明传电报', copies: 1, receivedAt: '2026-11-21', returnBy: '2026-11-30' }),
    );
    const telegrams = sheet(t, 'documents', { carrier: 'telegram' });
    expect(telegrams).toMatchObject({ title: '密码电报登记簿', filterText: '全部' });
    expect(column(telegrams, 'title')).toEqual(['明传电报']);
    expect(column(telegrams, 'returnBy')).toEqual(['2026-11-30']);
    const paper = sheet(t, 'documents', { carrier: 'paper' });
    expect(paper).toMatchObject({ title: '涉密文件登记台账', filterText: '载体：纸质' });
    expect(column(paper, 'title')).toEqual(['关于开展年度保密自查自评工作的通知']);
  });

  it('list events in the order they happened: by day, and by time within a day, not by the text of their dates', () => {
    const t = makeLedger();
    const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
    const doc = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(cab, { copies: 4, issueDate: '2026-10-30', receivedAt: '2026-11-01' })).id;
    const lend = (copyNo: number, name: string, at: string) =>
      ok(t.service, 'documents.lend', { documentId: doc, copyNos: [copyNo], borrower: { name, department: '办公室' }, dueAt: '2026-11-30', at });
    // Entered in this order: a time of day, a date alone, an earlier time the same day, and one backdated.
    lend(1, '王芳', '2026-11-10T09:00:00.000Z');
    lend(2, '赵敏', '2026-11-10');
    lend(3, '孙磊', '2026-11-10T06:00:00.000Z');
    lend(4, '钱新', '2026-11-05');
    const loans = sheet(t, 'loans');
    expect(column(loans, 'borrower')).toEqual(['钱新', '孙磊', '赵敏', '王芳']);
    expect(column(loans, 'lentAt')).toEqual(['2026-11-05', '2026-11-10', '2026-11-10', '2026-11-10']);
  });
});
