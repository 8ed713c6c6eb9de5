// 清查 by cabinet: start, scan, undo a scan, resolve a misplaced copy, close. Each checks its rules before it writes
// and runs inside the command's transaction; every row it writes is history (append-only).
import { DOCUMENT_LEVELS, type DocumentLevel } from '../../domain/levels';
import { parseItemCode } from '../../domain/item-codes';
import { LedgerError } from '../../errors';
import { all, get, run, sql } from '../../store/sql';
import { insertDeviceEvent } from '../devices/devices';
import { nextSeq, yearOf, type CopyRow, type Recorder } from '../documents/model';
import { batchNumber, moveCopies, recordInventory, type InventoryGroup } from '../documents/operations';
import {
  assertCabinetInScope,
  assertDevicesInScope,
  assertNoneOpen,
  assertOpen,
  requireStocktake,
  type CopyLine,
  type MisplacedLine,
  type ScanReply,
  type StocktakeRow,
  type StocktakeView,
} from './model';
import { classifyCopy, classifyDevice, copyInfo, countsOf, deviceInfo, firstScan, getStocktake, latestResolution, levelsOf, type ScanRow } from './queries';

/** Two different people count (清查人), as the report is signed by both. */
function assertTwoCheckers(checkers: readonly string[]): void {
  const names = checkers.map((c) => c.trim());
  if (names.length !== 2 || !names[0] || names[0] === names[1]) throw new LedgerError('E_VALIDATION', { field: 'checkers' });
}

/**
 * 开始清查: the chosen cabinets (none: every cabinet in use), levels and whether devices are counted. The number is
 * the next of the 清查 batches' sequence; the batch the close writes takes it.
 */
export function startStocktake(
  rec: Recorder,
  input: { cabinetIds?: number[] | undefined; levels?: DocumentLevel[] | undefined; devices: boolean; checkers: string[]; at: string },
): { id: number; no: string } {
  assertNoneOpen(rec.db);
  assertTwoCheckers(input.checkers);
  const wanted = [...new Set(input.cabinetIds ?? [])];
  const cabinets = wanted.length
    ? all<{ id: number }>(rec.db, sql`SELECT id FROM locations WHERE active = 1 AND id IN (SELECT value FROM json_each(${JSON.stringify(wanted)}))`)
    : all<{ id: number }>(rec.db, sql`SELECT id FROM locations WHERE active = 1`);
  const unknown = wanted.find((id) => !cabinets.some((c) => c.id === id));
  if (unknown !== undefined) throw new LedgerError('E_NO_SUCH_LOCATION', { locationId: unknown });
  const levels = DOCUMENT_LEVELS.filter((l) => !input.levels?.length || input.levels.includes(l));
  const year = yearOf(input.at);
  const seq = nextSeq(rec.db, 'batches', year, 'inventory');
  const no = batchNumber('QC', year, seq);
  const id = Number(
    run(
      rec.db,
      sql`INSERT INTO stocktakes (stocktake_no, year, seq, started_at, checkers, levels, devices, recorded_at, recorded_by)
          VALUES (${no}, ${year}, ${seq}, ${input.at}, ${JSON.stringify(input.checkers.map((c) => c.trim()))}, ${JSON.stringify(levels)}, ${input.devices},
                  ${rec.now}, ${rec.actor})`,
    ).lastInsertRowid,
  );
  run(rec.db, sql`INSERT INTO stocktake_cabinets (stocktake_id, location_id) SELECT ${id}, value FROM json_each(${JSON.stringify(cabinets.map((c) => c.id))})`);
  return { id, no };
}

/**
 * One scanned or typed code in a cabinet (null: the devices part). A mistyped code or another ledger's label is
 * refused and not recorded; anything else is a scan row, classified at once. Reads by primary key and index only.
 */
export function scanCode(rec: Recorder, prefix: string, input: { id: number; cabinetId: number | null; code: string; at: string }): ScanReply {
  const st = requireStocktake(rec.db, input.id);
  assertOpen(rec.db, st);
  if (input.cabinetId === null) assertDevicesInScope(st);
  else assertCabinetInScope(rec.db, st, input.cabinetId);
  const parsed = parseItemCode(input.code);
  if (!parsed.ok) throw new LedgerError('E_CODE_INVALID', { reason: parsed.reason, text: input.code });
  if (parsed.prefix !== prefix) throw new LedgerError('E_CODE_FOREIGN', { code: parsed.code });
  // A cabinet's own label: the checker is at that cabinet now (it is visited, even when it holds nothing).
  if (parsed.kind === 'cabinet') assertCabinetInScope(rec.db, st, parsed.id);
  const earlier = parsed.kind === 'cabinet' ? undefined : firstScan(rec.db, st.id, parsed.kind, parsed.id);
  const where = parsed.kind === 'cabinet' ? parsed.id : input.cabinetId;
  const scanId = Number(
    run(
      rec.db,
      sql`INSERT INTO stocktake_scans (stocktake_id, location_id, code, kind, item_id, at, recorded_at, recorded_by)
          VALUES (${st.id}, ${where}, ${parsed.code}, ${parsed.kind}, ${parsed.id}, ${input.at}, ${rec.now}, ${rec.actor})`,
    ).lastInsertRowid,
  );
  if (parsed.kind === 'cabinet') return { outcome: 'cabinet', scanId, cabinetId: parsed.id };
  const scan: ScanRow = earlier ?? { id: scanId, location_id: where, code: parsed.code, kind: parsed.kind, item_id: parsed.id, at: input.at };
  const result =
    parsed.kind === 'copy'
      ? classifyCopy(prefix, levelsOf(st), scan.location_id, scan, copyInfo(rec.db, parsed.id), latestResolution(rec.db, st.id, parsed.id))
      : classifyDevice(prefix, levelsOf(st), scan.location_id, scan, deviceInfo(rec.db, parsed.kind, parsed.id));
  return earlier ? { outcome: 'again', scanId, line: result.line } : { ...result, scanId };
}

/** 撤销: a scan made by mistake is retracted by a row of its own (the scan itself stays in the history). */
export function undoScan(
  rec: Recorder,
  input: { id: number; scanId?: number | undefined; copyId?: number | undefined; cabinetId?: number | null | undefined; at: string },
): { scanId: number } {
  const st = requireStocktake(rec.db, input.id);
  assertOpen(rec.db, st);
  const standing = sql`s.stocktake_id = ${st.id} AND NOT EXISTS (SELECT 1 FROM stocktake_retractions r WHERE r.scan_id = s.id)`;
  const scan =
    input.scanId !== undefined
      ? get<{ id: number }>(rec.db, sql`SELECT s.id FROM stocktake_scans s WHERE s.id = ${input.scanId} AND ${standing}`)
      : input.copyId !== undefined
        ? get<{ id: number }>(
            rec.db,
            sql`SELECT s.id FROM stocktake_scans s WHERE s.kind = 'copy' AND s.item_id = ${input.copyId} AND ${standing}
                AND (${input.cabinetId === undefined} OR s.location_id IS ${input.cabinetId ?? null}) ORDER BY s.id DESC LIMIT 1`,
          )
        : undefined;
  if (!scan) throw new LedgerError('E_VALIDATION', { field: 'scanId' });
  run(rec.db, sql`INSERT INTO stocktake_retractions (scan_id, at, recorded_at, recorded_by) VALUES (${scan.id}, ${input.at}, ${rec.now}, ${rec.actor})`);
  return { scanId: scan.id };
}

/**
 * A misplaced copy: moved into the cabinet it was found in (a real move event: the cabinet must be able to hold its
 * level, as any move), or left where the ledger says and flagged.
 */
export function resolveMisplaced(
  rec: Recorder,
  prefix: string,
  input: { id: number; copyId: number; cabinetId: number; action: 'move' | 'flag'; at: string },
): MisplacedLine {
  const st = requireStocktake(rec.db, input.id);
  assertOpen(rec.db, st);
  assertCabinetInScope(rec.db, st, input.cabinetId);
  const scan = firstScan(rec.db, st.id, 'copy', input.copyId);
  const c = copyInfo(rec.db, input.copyId);
  const before =
    scan && scan.location_id === input.cabinetId
      ? classifyCopy(prefix, levelsOf(st), input.cabinetId, scan, c, latestResolution(rec.db, st.id, input.copyId))
      : null;
  if (!before || before.outcome !== 'misplaced' || before.line.resolution === 'moved') throw new LedgerError('E_VALIDATION', { field: 'copyId' });
  if (input.action === 'move') moveCopies(rec, { documentId: c!.document_id, copyNos: [c!.copy_no], locationId: input.cabinetId, at: input.at });
  run(
    rec.db,
    sql`INSERT INTO stocktake_resolutions (stocktake_id, copy_id, location_id, from_location_id, action, at, recorded_at, recorded_by)
        VALUES (${st.id}, ${input.copyId}, ${input.cabinetId}, ${c!.location_id}, ${input.action}, ${input.at}, ${rec.now}, ${rec.actor})`,
  );
  return { ...before.line, resolution: input.action === 'move' ? 'moved' : 'flagged' };
}

export interface CloseResult {
  batchNo: string;
  present: number;
  missing: number;
  misplaced: number;
  onLoan: number;
}

/** The copies of lines by id, as the inventory writes them. */
function rowsOf(rec: Recorder, lines: readonly CopyLine[]): Map<number, CopyRow> {
  const rows = all<CopyRow>(rec.db, sql`SELECT * FROM copies WHERE id IN (SELECT value FROM json_each(${JSON.stringify(lines.map((l) => l.copyId))}))`);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Per cabinet, per document: what was found there, what was not, what was out on loan and what was found misplaced. */
function inventoryGroups(rec: Recorder, view: StocktakeView): InventoryGroup[] {
  const groups: InventoryGroup[] = [];
  for (const t of view.cabinets) {
    const rows = rowsOf(rec, [...t.present, ...t.missing, ...t.onLoan, ...t.misplaced]);
    const docs = new Set([...t.present, ...t.missing, ...t.onLoan, ...t.misplaced].map((l) => l.documentId));
    const of = <L extends CopyLine>(lines: readonly L[], doc: number) => lines.filter((l) => l.documentId === doc);
    for (const doc of [...docs].sort((a, b) => a - b)) {
      const misplaced = of(t.misplaced, doc);
      groups.push({
        documentId: doc,
        present: [...of(t.present, doc), ...of(t.onLoan, doc)].map((l) => rows.get(l.copyId)!).sort((a, b) => a.copy_no - b.copy_no),
        missing: of(t.missing, doc).map((l) => rows.get(l.copyId)!),
        also: misplaced.map((l) => l.copyId),
        details: {
          cabinet: { id: t.cabinet.id, code: t.cabinet.code, name: t.cabinet.name },
          misplaced: misplaced.map((l) => ({ copyNo: l.copyNo, belongsTo: l.belongsTo, resolution: l.resolution })),
        },
      });
    }
  }
  return groups;
}

/**
 * 结束清查: every chosen cabinet visited (or its expected copies taken as missing, when the input says so); the result
 * per copy recorded as inventory events in the batch of the stocktake's number, missing copies set 'missing' (the
 * missing reminder follows them); each device counted gets a device event. The tally is kept as it closed.
 */
export function closeStocktake(rec: Recorder, prefix: string, input: { id: number; unvisitedAreMissing: boolean; at: string }): CloseResult {
  const st: StocktakeRow = requireStocktake(rec.db, input.id);
  assertOpen(rec.db, st);
  const view = getStocktake(rec.db, st.id, prefix);
  const unvisited = view.cabinets.filter((t) => !t.visited).map((t) => t.cabinet.name);
  const devicesUnvisited = view.deviceTally !== null && !view.deviceTally.visited;
  if ((unvisited.length || devicesUnvisited) && !input.unvisitedAreMissing)
    throw new LedgerError('E_STOCKTAKE_UNVISITED', { cabinets: unvisited, devices: devicesUnvisited });
  const counts = countsOf(view);
  const batch = recordInventory(
    rec,
    {
      at: input.at,
      details: { stocktakeId: st.id, checkedBy: view.checkers, cabinets: view.cabinets.length, held: counts.expected + counts.onLoan, missing: counts.missing },
      reserved: { year: st.year, seq: st.seq },
    },
    inventoryGroups(rec, view),
  );
  if (view.deviceTally) {
    const d = view.deviceTally;
    for (const [lines, result] of [
      [d.present, 'present'],
      [d.missing, 'missing'],
      [d.onLoan, 'on_loan'],
    ] as const)
      for (const l of lines) insertDeviceEvent(rec, l.device, l.id, 'inventory', input.at, { batchNo: batch.batchNo, result });
  }
  const closed: StocktakeView = { ...view, status: 'closed', closedAt: input.at, batchNo: batch.batchNo };
  run(
    rec.db,
    sql`INSERT INTO stocktake_closes (stocktake_id, at, batch_id, tally, counts, recorded_at, recorded_by)
        VALUES (${st.id}, ${input.at}, ${batch.batchId}, ${JSON.stringify(closed)}, ${JSON.stringify(counts)}, ${rec.now}, ${rec.actor})`,
  );
  return { batchNo: batch.batchNo, present: counts.present, missing: counts.missing, misplaced: counts.misplaced, onLoan: counts.onLoan };
}
