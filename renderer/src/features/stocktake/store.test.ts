// The stocktake slice against a fake backend behind window.ledger: a scan changes the screen from its own reply
// (the copy moves from missing to found, a misplaced copy leaves its own cabinet's missing list) and never reads the
// whole stocktake again; what changes more than one line (an undo) reads it anew.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StocktakeView } from './store';

const line = (copyId: number, copyNo: number) => ({
  copyId,
  documentId: 1,
  receiptNo: '2026-0001',
  copyNo,
  level: 'secret' as const,
  labelCode: `SLABC0000${copyId}X`,
  scannedAt: null,
  scanId: null,
});

const tally = (id: number, name: string, missing: ReturnType<typeof line>[]) => ({
  cabinet: { id, name, code: `G-0${id}`, labelCode: `SLABK0000${id}X` },
  visited: false,
  expected: missing.length,
  present: [],
  missing,
  misplaced: [],
  unexpected: [],
  onLoan: [],
  foundElsewhere: [],
});

const view: StocktakeView = {
  id: 5,
  no: 'QC-2026-001',
  status: 'open',
  startedAt: '2026-12-01T08:00:00.000Z',
  closedAt: null,
  checkers: ['张三', '李明'],
  levels: ['secret'],
  devices: false,
  cabinets: [tally(1, '一号保密柜', [line(11, 1), line(12, 2)]), tally(2, '二号保密柜', [line(21, 1)])],
  deviceTally: null,
  batchNo: null,
};

const calls: string[] = [];
let replies: unknown[] = [];

beforeEach(() => {
  calls.length = 0;
  replies = [];
  vi.stubGlobal('window', {
    ledger: {
      capabilities: { printToPrinter: false, savePdf: false, pickFolder: false },
      onPush: () => () => undefined,
      invoke: (name: string) => {
        calls.push(name);
        return Promise.resolve({ ok: true, value: name === 'stocktake.get' ? view : replies.shift() });
      },
    },
  });
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
  vi.stubGlobal('document', { documentElement: {} });
});

async function storeWithView() {
  const { createLedgerStore } = await import('../../store');
  const store = createLedgerStore();
  await store.getState().loadStocktake(view.id);
  calls.length = 0;
  return store;
}

describe('a scan changes the screen from its reply', () => {
  it('moves a copy found from missing to present in its cabinet, without reading the stocktake again', async () => {
    const store = await storeWithView();
    replies.push({ outcome: 'present', scanId: 1, line: { ...line(11, 1), scanId: 1, scannedAt: '2026-12-01T08:01:00.000Z' } });
    await store.getState().scanStocktake(1, 'SLABC00011X');
    const a = store.getState().stocktake!.cabinets[0]!;
    expect(a.present.map((l) => l.copyId)).toEqual([11]);
    expect(a.missing.map((l) => l.copyId)).toEqual([12]);
    expect(a.visited).toBe(true);
    expect(calls).toEqual(['stocktake.scan']);
  });

  it('lists a misplaced copy where it was found and takes it off the missing list of the cabinet it belongs to', async () => {
    const store = await storeWithView();
    replies.push({ outcome: 'misplaced', scanId: 2, line: { ...line(21, 1), scanId: 2, belongsTo: { id: 2, name: '二号保密柜' }, resolution: null } });
    await store.getState().scanStocktake(1, 'SLABC00021X');
    const [a, b] = store.getState().stocktake!.cabinets;
    expect(a!.misplaced.map((l) => l.copyId)).toEqual([21]);
    expect(b!.missing).toEqual([]);
    expect(b!.foundElsewhere.map((l) => l.copyId)).toEqual([21]);
  });

  it('changes nothing for a copy scanned again, and reads the stocktake anew after an undo', async () => {
    const store = await storeWithView();
    const before = store.getState().stocktake;
    replies.push({ outcome: 'again', scanId: 3, line: line(11, 1) });
    await store.getState().scanStocktake(1, 'SLABC00011X');
    expect(store.getState().stocktake!.cabinets).toEqual(before!.cabinets);
    replies.push({ scanId: 3 });
    await store.getState().undoStocktakeScan({ scanId: 3, cabinetId: 1 });
    expect(calls).toEqual(['stocktake.scan', 'stocktake.undoScan', 'stocktake.get']);
  });
});
