// Test fixture for the stocktake tests: a real ledger on 2026-11-25 with two cabinets for 机密 (一号柜 G-01, 二号柜
// G-02) and a 绝密 专柜 (G-03), a 机密 document of three copies in 一号柜 and a 秘密 one of two in 二号柜; the
// stocktake commands as one-line calls. Used by tests only.
import { makeLedger, ok, refused } from '../../testing';
import { receiveInput } from '../documents/fixture';
import type { DocumentDetail, LocationView, ReminderCounts } from '../../views';
import type { ScanReply, StocktakeSummary, StocktakeView } from './model';

const CHECKERS = ['李明', '王芳'];

export function stocktakeLedger() {
  const t = makeLedger();
  const cabinet = (code: string, name: string, maxLevel: string, keeper?: string) =>
    ok<{ id: number }>(t.service, 'locations.create', { code, name, maxLevel, ...(keeper ? { keeper } : {}) }).id;
  const a = cabinet('G-01', '一号柜', 'secret');
  const b = cabinet('G-02', '二号柜', 'secret');
  const top = cabinet('G-03', '绝密专柜', 'top_secret', '赵强');
  const receive = (locationId: number, over: Record<string, unknown> = {}) =>
    ok<{ id: number }>(t.service, 'documents.receive', receiveInput(locationId, { receivedAt: '2026-11-20', ...over })).id;
  const secret = receive(a);
  const minor = receive(b, { marking: '秘密★5年', copies: 2 });
  const doc = (id: number) => ok<DocumentDetail>(t.service, 'documents.get', { id });
  const copy = (documentId: number, copyNo: number) => doc(documentId).copyList.find((c) => c.copyNo === copyNo)!;
  return {
    t,
    a,
    b,
    top,
    secret,
    minor,
    receive,
    doc,
    copy,
    code: (documentId: number, copyNo: number) => copy(documentId, copyNo).labelCode,
    cabinetCode: (id: number) => ok<LocationView[]>(t.service, 'locations.list').find((l) => l.id === id)!.labelCode,
    start: (over: Record<string, unknown> = {}) => ok<{ id: number; no: string }>(t.service, 'stocktake.start', { checkers: CHECKERS, ...over }),
    scan: (id: number, cabinetId: number | null, code: string) => ok<ScanReply>(t.service, 'stocktake.scan', { id, cabinetId, code }),
    refusedScan: (id: number, cabinetId: number | null, code: string) => refused(t.service, 'stocktake.scan', { id, cabinetId, code }),
    get: (id: number) => ok<StocktakeView>(t.service, 'stocktake.get', { id }),
    list: () => ok<StocktakeSummary[]>(t.service, 'stocktake.list'),
    close: (id: number, over: Record<string, unknown> = {}) =>
      ok<{ batchNo: string; present: number; missing: number; misplaced: number; onLoan: number }>(t.service, 'stocktake.close', { id, ...over }),
    reminders: () => ok<ReminderCounts>(t.service, 'reminders.get'),
  };
}

export type StocktakeLedger = ReturnType<typeof stocktakeLedger>;

/** A cabinet's tally in a view, by cabinet id. */
export const tallyOf = (view: StocktakeView, cabinetId: number) => view.cabinets.find((c) => c.cabinet.id === cabinetId)!;
