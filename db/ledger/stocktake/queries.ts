// Reading a stocktake: each scan classified (present, misplaced, not expected), each cabinet's tally, the list,
// and the cabinets whose stocktake is due. An open stocktake is read live from the ledger; a closed one as it closed.
import { DEVICE_LEVELS, DOCUMENT_LEVELS, levelRank, type DeviceLevel, type DocumentLevel } from '../../domain/levels';
import { itemCode, type ItemCodeKind } from '../../domain/item-codes';
import { all, get, sql, type Db } from '../../store/sql';
import { dayOfTime } from '../documents/model';
import { readSettings } from '../settings';
import {
  closeOf,
  requireStocktake,
  type CabinetTally,
  type CopyLine,
  type DeviceLine,
  type DeviceTally,
  type LedgerStatus,
  type LoanLine,
  type MisplacedLine,
  type ScanReply,
  type StocktakeCounts,
  type StocktakeDue,
  type StocktakeRow,
  type StocktakeSummary,
  type StocktakeView,
  type UnexpectedLine,
} from './model';

export interface ScanRow {
  id: number;
  location_id: number | null;
  code: string;
  kind: ItemCodeKind | null;
  item_id: number | null;
  at: string;
}

/** A copy with what a line shows of it and what decides where it belongs. */
export interface CopyInfo {
  id: number;
  document_id: number;
  copy_no: number;
  status: string;
  location_id: number | null;
  location_name: string | null;
  holder: string | null;
  due_at: string | null;
  receipt_no: string;
  level: DocumentLevel;
}

export interface DeviceInfo {
  device: 'computer' | 'medium';
  id: number;
  code: string;
  name: string;
  level: DeviceLevel;
  status: string;
  holder: string | null;
}

/** The latest resolution of a misplaced copy in a stocktake, with the cabinet it was found out of. */
export interface ResolutionRow {
  copy_id: number;
  location_id: number;
  from_location_id: number | null;
  from_name: string | null;
  action: 'move' | 'flag';
}

const COPY_INFO = sql`SELECT c.id, c.document_id, c.copy_no, c.status, c.location_id, l.name AS location_name, c.holder, c.due_at, d.receipt_no, d.level
                      FROM copies c JOIN documents d ON d.id = c.document_id LEFT JOIN locations l ON l.id = c.location_id`;
const COPY_ORDER = sql`ORDER BY d.year, d.seq, c.copy_no`;

export const copyInfo = (db: Db, copyId: number): CopyInfo | undefined => get<CopyInfo>(db, sql`${COPY_INFO} WHERE c.id = ${copyId}`);

// A medium has no name of its own: its 品牌型号 stands for one (as codes.lookup says it).
export function deviceInfo(db: Db, device: 'computer' | 'medium', id: number): DeviceInfo | undefined {
  return device === 'computer'
    ? get<DeviceInfo>(db, sql`SELECT 'computer' AS device, id, code, name, level, status, NULL AS holder FROM computers WHERE id = ${id}`)
    : get<DeviceInfo>(db, sql`SELECT 'medium' AS device, id, code, model AS name, level, status, holder FROM media WHERE id = ${id}`);
}

export function latestResolution(db: Db, stocktakeId: number, copyId: number): ResolutionRow | undefined {
  return get<ResolutionRow>(
    db,
    sql`SELECT r.copy_id, r.location_id, r.from_location_id, l.name AS from_name, r.action FROM stocktake_resolutions r LEFT JOIN locations l ON l.id = r.from_location_id
        WHERE r.stocktake_id = ${stocktakeId} AND r.copy_id = ${copyId} ORDER BY r.id DESC LIMIT 1`,
  );
}

/** The scans not retracted, in the order made. */
const ACTIVE = sql`NOT EXISTS (SELECT 1 FROM stocktake_retractions r WHERE r.scan_id = s.id)`;

/** The first scan still standing of an item in this stocktake (the one that counts). */
export function firstScan(db: Db, stocktakeId: number, kind: ItemCodeKind, itemId: number): ScanRow | undefined {
  return get<ScanRow>(
    db,
    sql`SELECT s.id, s.location_id, s.code, s.kind, s.item_id, s.at FROM stocktake_scans s
        WHERE s.stocktake_id = ${stocktakeId} AND s.kind = ${kind} AND s.item_id = ${itemId} AND ${ACTIVE} ORDER BY s.id LIMIT 1`,
  );
}

/** The levels a stocktake counts; devices: its classified levels, and 非涉密 devices along with 内部 documents. */
export const levelsOf = (st: StocktakeRow): DocumentLevel[] => JSON.parse(st.levels) as DocumentLevel[];
function deviceLevelsOf(levels: readonly DocumentLevel[]): DeviceLevel[] {
  return DEVICE_LEVELS.filter((l) => (l === 'non_secret' ? levels.includes('internal') : (levels as readonly string[]).includes(l)));
}

function copyLine(prefix: string, c: CopyInfo, scan: ScanRow | null): CopyLine {
  return {
    copyId: c.id,
    documentId: c.document_id,
    receiptNo: c.receipt_no,
    copyNo: c.copy_no,
    level: c.level,
    labelCode: itemCode(prefix, 'copy', c.id),
    scannedAt: scan?.at ?? null,
    scanId: scan?.id ?? null,
  };
}

function deviceLine(prefix: string, d: DeviceInfo, scan: ScanRow | null): DeviceLine {
  return {
    device: d.device,
    id: d.id,
    deviceCode: d.code,
    name: d.name,
    level: d.level,
    labelCode: itemCode(prefix, d.device, d.id),
    scannedAt: scan?.at ?? null,
    scanId: scan?.id ?? null,
    ...(d.holder ? { holder: d.holder } : {}),
  };
}

type Classified = Exclude<ScanReply, { outcome: 'again' } | { outcome: 'cabinet' }>;

const unexpected = (scan: ScanRow, ledgerStatus: LedgerStatus, rest: Partial<UnexpectedLine> = {}): Classified => ({
  outcome: 'unexpected',
  scanId: scan.id,
  line: { code: scan.code, scannedAt: scan.at, scanId: scan.id, copy: null, ledgerStatus, ...rest },
});

const NOT_HELD: Record<string, LedgerStatus> = {
  returned: 'returned',
  destroyed: 'destroyed',
  transmitted: 'transmitted',
  missing: 'missing',
  voided: 'voided',
};

/**
 * A copy scanned in a cabinet (null: the devices part): present where the ledger has it; misplaced when it is in
 * custody in another cabinet (or was moved here by this stocktake); otherwise not expected, with what the ledger says.
 */
export function classifyCopy(
  prefix: string,
  levels: readonly DocumentLevel[],
  cabinetId: number | null,
  scan: ScanRow,
  c: CopyInfo | undefined,
  resolution: ResolutionRow | undefined,
): Classified {
  if (!c) return unexpected(scan, 'unknown');
  const line = copyLine(prefix, c, scan);
  if (c.status === 'on_loan') return unexpected(scan, 'on_loan', { copy: line, holder: c.holder });
  if (c.status !== 'in_custody') return unexpected(scan, NOT_HELD[c.status] ?? 'unknown', { copy: line });
  if (cabinetId === null || !levels.includes(c.level)) return unexpected(scan, 'not_in_scope', { copy: line });
  const movedHere = resolution?.action === 'move' && resolution.location_id === cabinetId && c.location_id === cabinetId;
  if (movedHere) {
    return {
      outcome: 'misplaced',
      scanId: scan.id,
      line: { ...line, belongsTo: { id: resolution.from_location_id ?? 0, name: resolution.from_name ?? '' }, resolution: 'moved' },
    };
  }
  if (c.location_id === cabinetId) return { outcome: 'present', scanId: scan.id, line };
  const flagged = resolution?.action === 'flag' && resolution.location_id === cabinetId;
  return {
    outcome: 'misplaced',
    scanId: scan.id,
    line: { ...line, belongsTo: { id: c.location_id ?? 0, name: c.location_name ?? '' }, resolution: flagged ? 'flagged' : null },
  };
}

/** A computer or medium scanned: present in the devices part when in service and of the levels counted. */
export function classifyDevice(
  prefix: string,
  levels: readonly DocumentLevel[],
  cabinetId: number | null,
  scan: ScanRow,
  d: DeviceInfo | undefined,
): Classified {
  if (!d) return unexpected(scan, 'unknown');
  const line = deviceLine(prefix, d, scan);
  if (d.status === 'scrapped' || d.status === 'destroyed') return unexpected(scan, d.status, { device: line });
  if (cabinetId !== null || !deviceLevelsOf(levels).includes(d.level)) return unexpected(scan, 'not_in_scope', { device: line });
  if (d.holder) return unexpected(scan, 'on_loan', { device: line, holder: d.holder });
  return { outcome: 'present', scanId: scan.id, line };
}

/** Every scan still standing, the first of each item only (a second scan of it said 'again'). */
function standingScans(db: Db, stocktakeId: number): ScanRow[] {
  const scans = all<ScanRow>(
    db,
    sql`SELECT s.id, s.location_id, s.code, s.kind, s.item_id, s.at FROM stocktake_scans s WHERE s.stocktake_id = ${stocktakeId} AND ${ACTIVE} ORDER BY s.id`,
  );
  const seen = new Set<string>();
  return scans.filter((s) => {
    const key = s.kind === null ? `code:${s.code}` : `${s.kind}:${s.item_id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The stocktake as it stands now, from the ledger and its scans (an open one; a closed one kept its tally). */
function liveView(db: Db, st: StocktakeRow, prefix: string): StocktakeView {
  const levels = levelsOf(st);
  const levelIn = sql`d.level IN (SELECT value FROM json_each(${st.levels}))`;
  const scans = standingScans(db, st.id);
  const ids = (kind: ItemCodeKind) => JSON.stringify(scans.filter((s) => s.kind === kind).map((s) => s.item_id));
  const copies = new Map(all<CopyInfo>(db, sql`${COPY_INFO} WHERE c.id IN (SELECT value FROM json_each(${ids('copy')}))`).map((c) => [c.id, c]));
  const resolutions = new Map(
    all<ResolutionRow & { id: number }>(
      db,
      sql`SELECT r.id, r.copy_id, r.location_id, r.from_location_id, l.name AS from_name, r.action FROM stocktake_resolutions r
          LEFT JOIN locations l ON l.id = r.from_location_id WHERE r.stocktake_id = ${st.id} ORDER BY r.id`,
    ).map((r) => [r.copy_id, r]),
  );
  const devices = new Map<string, DeviceInfo>();
  for (const s of scans) {
    if ((s.kind === 'computer' || s.kind === 'medium') && s.item_id !== null) {
      const d = deviceInfo(db, s.kind, s.item_id);
      if (d) devices.set(`${s.kind}:${s.item_id}`, d);
    }
  }
  const classified = scans
    .filter((s) => s.kind !== 'cabinet')
    .map((s) => ({
      scan: s,
      result:
        s.kind === 'copy'
          ? classifyCopy(prefix, levels, s.location_id, s, copies.get(s.item_id!), resolutions.get(s.item_id!))
          : s.kind === 'computer' || s.kind === 'medium'
            ? classifyDevice(prefix, levels, s.location_id, s, devices.get(`${s.kind}:${s.item_id}`))
            : unexpected(s, 'unknown'),
    }));
  const scannedCopies = new Map(scans.filter((s) => s.kind === 'copy').map((s) => [s.item_id!, s]));
  const visited = new Set(
    all<{ location_id: number | null }>(db, sql`SELECT DISTINCT location_id FROM stocktake_scans WHERE stocktake_id = ${st.id}`).map((r) => r.location_id),
  );
  const cabinets = all<{ id: number; code: string; name: string }>(
    db,
    sql`SELECT l.id, l.code, l.name FROM stocktake_cabinets sc JOIN locations l ON l.id = sc.location_id WHERE sc.stocktake_id = ${st.id} ORDER BY l.code`,
  );
  const tallies = cabinets.map((cab): CabinetTally => {
    const here = classified.filter((c) => c.scan.location_id === cab.id).map((c) => c.result);
    const misplaced = here.filter((r) => r.outcome === 'misplaced').map((r) => r.line as MisplacedLine);
    const movedIn = new Set(misplaced.filter((m) => m.resolution === 'moved').map((m) => m.copyId));
    const expected = all<CopyInfo>(db, sql`${COPY_INFO} WHERE c.location_id = ${cab.id} AND c.status = 'in_custody' AND ${levelIn} ${COPY_ORDER}`).filter(
      (c) => !movedIn.has(c.id),
    );
    const unscanned = expected.filter((c) => !scannedCopies.has(c.id));
    const elsewhere = expected.filter((c) => scannedCopies.has(c.id) && scannedCopies.get(c.id)!.location_id !== cab.id);
    const loans = all<CopyInfo>(db, sql`${COPY_INFO} WHERE c.location_id = ${cab.id} AND c.status = 'on_loan' AND ${levelIn} ${COPY_ORDER}`);
    return {
      cabinet: { id: cab.id, name: cab.name, code: cab.code, labelCode: itemCode(prefix, 'cabinet', cab.id) },
      visited: visited.has(cab.id),
      expected: expected.length,
      present: here.filter((r) => r.outcome === 'present').map((r) => r.line as CopyLine),
      missing: unscanned.map((c) => copyLine(prefix, c, null)),
      misplaced,
      unexpected: here.filter((r) => r.outcome === 'unexpected').map((r) => r.line as UnexpectedLine),
      onLoan: loans.map((c): LoanLine => ({ ...copyLine(prefix, c, null), holder: c.holder, dueAt: c.due_at })),
      foundElsewhere: elsewhere.map((c) => copyLine(prefix, c, scannedCopies.get(c.id)!)),
    };
  });
  return {
    ...header(st),
    status: 'open',
    closedAt: null,
    cabinets: tallies,
    deviceTally: st.devices ? deviceTally(db, st, prefix, classified, visited.has(null)) : null,
    batchNo: null,
  };
}

function deviceTally(db: Db, st: StocktakeRow, prefix: string, classified: readonly { scan: ScanRow; result: Classified }[], visited: boolean): DeviceTally {
  const levels = JSON.stringify(deviceLevelsOf(levelsOf(st)));
  const inService = all<DeviceInfo>(
    db,
    sql`SELECT 'computer' AS device, id, code, name, level, status, NULL AS holder FROM computers
          WHERE status IN ('in_use', 'stopped', 'repair') AND level IN (SELECT value FROM json_each(${levels}))
        UNION ALL
        SELECT 'medium', id, code, model, level, status, holder FROM media
          WHERE status IN ('in_use', 'stopped') AND level IN (SELECT value FROM json_each(${levels}))
        ORDER BY 1, 3`,
  );
  const part = classified.filter((c) => c.scan.location_id === null).map((c) => c.result);
  const present = part.filter((r) => r.outcome === 'present').map((r) => r.line as DeviceLine);
  const found = new Set(present.map((d) => `${d.device}:${d.id}`));
  const expected = inService.filter((d) => !d.holder);
  return {
    visited,
    expected: expected.length,
    present,
    missing: expected.filter((d) => !found.has(`${d.device}:${d.id}`)).map((d) => deviceLine(prefix, d, null)),
    onLoan: inService.filter((d) => d.holder).map((d) => deviceLine(prefix, d, null)),
    unexpected: part.filter((r) => r.outcome === 'unexpected').map((r) => r.line as UnexpectedLine),
  };
}

function header(st: StocktakeRow): Pick<StocktakeView, 'id' | 'no' | 'startedAt' | 'checkers' | 'levels' | 'devices'> {
  return {
    id: st.id,
    no: st.stocktake_no,
    startedAt: st.started_at,
    checkers: JSON.parse(st.checkers) as string[],
    levels: levelsOf(st),
    devices: st.devices === 1,
  };
}

/** The stocktake by id: live while open; as it closed once closed (copies have moved on since). */
export function getStocktake(db: Db, id: number, prefix: string): StocktakeView {
  const st = requireStocktake(db, id);
  const closed = closeOf(db, st.id);
  return closed ? (JSON.parse(closed.tally) as StocktakeView) : liveView(db, st, prefix);
}

export function countsOf(view: StocktakeView): StocktakeCounts {
  const sum = (f: (t: CabinetTally) => number) => view.cabinets.reduce((n, t) => n + f(t), 0);
  return {
    expected: sum((t) => t.expected),
    present: sum((t) => t.present.length),
    missing: sum((t) => t.missing.length),
    misplaced: sum((t) => t.misplaced.length),
    onLoan: sum((t) => t.onLoan.length),
    unexpected: sum((t) => t.unexpected.length),
  };
}

/** Every stocktake, newest first, with its counts: a closed one's as it closed, the open one's read live. */
export function listStocktakes(db: Db, prefix: string): StocktakeSummary[] {
  const rows = all<StocktakeRow & { closed_at: string | null; counts: string | null; cabinets: number }>(
    db,
    sql`SELECT s.*, c.at AS closed_at, c.counts, (SELECT count(*) FROM stocktake_cabinets sc WHERE sc.stocktake_id = s.id) AS cabinets
        FROM stocktakes s LEFT JOIN stocktake_closes c ON c.stocktake_id = s.id ORDER BY s.id DESC`,
  );
  return rows.map((st) => ({
    id: st.id,
    no: st.stocktake_no,
    status: st.counts === null ? 'open' : 'closed',
    startedAt: st.started_at,
    closedAt: st.closed_at,
    checkers: JSON.parse(st.checkers) as string[],
    cabinets: st.cabinets,
    counts: st.counts === null ? countsOf(liveView(db, st, prefix)) : (JSON.parse(st.counts) as StocktakeCounts),
  }));
}

/** The calendar day `months` after a day (the 31st of a shorter month is its last day). */
function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Most secret first: a cabinet's cadence is that of the most secret level it holds. */
const CADENCE_LEVELS = DOCUMENT_LEVELS.filter((l) => l !== 'internal');

/**
 * Whether a copy of this level is held in the cabinet (在柜 or lent from it), asked level by level from the most secret
 * down: driven from the items of that level through the cabinet's copies index, it stops at the first one found. The
 * most secret level over every copy of a cabinet read each copy's item: about a second at ten years, on every recount
 * of the reminders.
 */
function holds(db: Db, cabinetId: number, level: DocumentLevel): boolean {
  return (
    get<{ held: number }>(
      db,
      sql`SELECT EXISTS (SELECT 1 FROM documents d INDEXED BY documents_level WHERE d.level_rank = ${levelRank(level)}
            AND EXISTS (SELECT 1 FROM copies c WHERE c.document_id = d.id AND c.location_id = ${cabinetId} AND c.status IN ('in_custody', 'on_loan'))) AS held`,
    )!.held === 1
  );
}

/**
 * Cabinets whose stocktake is due: no closed stocktake covering the cabinet and its most secret level held (or whole-
 * ledger inventory) is younger than that level's cadence (settings stocktakeCadenceMonths). A cabinet holding only
 * 内部 or nothing is never due.
 */
export function stocktakeDue(db: Db, today: string): StocktakeDue[] {
  const cadence = readSettings(db).stocktakeCadenceMonths;
  const cabinets = all<{ id: number; name: string }>(db, sql`SELECT id, name FROM locations WHERE active = 1 ORDER BY code`);
  const wholeLedger = get<{ at: string | null }>(
    db,
    sql`SELECT max(b.at) AS at FROM batches b WHERE b.kind = 'inventory' AND NOT EXISTS (SELECT 1 FROM stocktake_closes sc WHERE sc.batch_id = b.id)`,
  )!.at;
  const due: StocktakeDue[] = [];
  for (const cab of cabinets) {
    const level = CADENCE_LEVELS.find((l) => holds(db, cab.id, l));
    if (!level) continue;
    const byStocktake = get<{ at: string | null }>(
      db,
      sql`SELECT max(sc.at) AS at FROM stocktake_cabinets c JOIN stocktake_closes sc ON sc.stocktake_id = c.stocktake_id JOIN stocktakes s ON s.id = c.stocktake_id
          WHERE c.location_id = ${cab.id} AND EXISTS (SELECT 1 FROM json_each(s.levels) WHERE value = ${level})`,
    )!.at;
    const last =
      [byStocktake, wholeLedger]
        .filter((a): a is string => a !== null)
        .map(dayOfTime)
        .sort()
        .at(-1) ?? null;
    const dueAt = last === null ? today : addMonths(last, cadence[level]);
    if (dueAt <= today) due.push({ cabinetId: cab.id, name: cab.name, level, lastAt: last, dueAt });
  }
  return due;
}
