// 清查 by cabinet: what a stocktake is (its rows and its view) and the rules every operation on it checks first.
import type { DeviceLevel, DocumentLevel } from '../../domain/levels';
import { LedgerError } from '../../errors';
import { get, sql, type Db } from '../../store/sql';

/** A copy on a stocktake's screen and report; scanId: the scan that found it (null: not scanned). */
export interface CopyLine {
  copyId: number;
  documentId: number;
  receiptNo: string;
  copyNo: number;
  level: DocumentLevel;
  labelCode: string;
  scannedAt: string | null;
  scanId: number | null;
}

/** Found in a cabinet other than the one the ledger says; moved here (a move event) or left flagged. */
export interface MisplacedLine extends CopyLine {
  belongsTo: { id: number; name: string };
  resolution: 'moved' | 'flagged' | null;
}

/** What the ledger says of a scanned item that is not expected here ('scrapped': a device taken out of service). */
export type LedgerStatus = 'on_loan' | 'returned' | 'destroyed' | 'transmitted' | 'missing' | 'voided' | 'scrapped' | 'not_in_scope' | 'unknown';

export interface DeviceLine {
  device: 'computer' | 'medium';
  id: number;
  deviceCode: string;
  name: string;
  level: DeviceLevel;
  labelCode: string;
  scannedAt: string | null;
  scanId: number | null;
  /** A medium lent out: who has it. */
  holder?: string | null;
}

export interface UnexpectedLine {
  code: string;
  scannedAt: string;
  scanId: number;
  copy: CopyLine | null;
  device?: DeviceLine | null;
  ledgerStatus: LedgerStatus;
  holder?: string | null;
}

export interface LoanLine extends CopyLine {
  holder: string | null;
  dueAt: string | null;
}

export interface CabinetTally {
  cabinet: { id: number; name: string; code: string; labelCode: string };
  visited: boolean;
  /** Copies the ledger says are here (in custody, of the levels chosen). */
  expected: number;
  present: CopyLine[];
  /** Expected here, scanned nowhere in this stocktake. */
  missing: CopyLine[];
  misplaced: MisplacedLine[];
  unexpected: UnexpectedLine[];
  /** Out on loan from here: listed apart, never missing. */
  onLoan: LoanLine[];
  /** Expected here and found in another cabinet (listed there as misplaced). */
  foundElsewhere: CopyLine[];
}

export interface DeviceTally {
  visited: boolean;
  expected: number;
  present: DeviceLine[];
  missing: DeviceLine[];
  /** Media lent out, computers away for repair. */
  onLoan: DeviceLine[];
  unexpected: UnexpectedLine[];
}

export interface StocktakeView {
  id: number;
  no: string;
  status: 'open' | 'closed';
  startedAt: string;
  closedAt: string | null;
  checkers: string[];
  levels: DocumentLevel[];
  devices: boolean;
  cabinets: CabinetTally[];
  deviceTally: DeviceTally | null;
  batchNo: string | null;
}

export interface StocktakeCounts {
  expected: number;
  present: number;
  missing: number;
  misplaced: number;
  onLoan: number;
  unexpected: number;
}

export interface StocktakeSummary {
  id: number;
  no: string;
  status: 'open' | 'closed';
  startedAt: string;
  closedAt: string | null;
  checkers: string[];
  cabinets: number;
  counts: StocktakeCounts;
}

/** What one scan did, for the screen to show at once; 'again': already scanned in this stocktake (the earlier line). */
export type ScanReply =
  | { outcome: 'present'; scanId: number; line: CopyLine | DeviceLine }
  | { outcome: 'misplaced'; scanId: number; line: MisplacedLine }
  | { outcome: 'unexpected'; scanId: number; line: UnexpectedLine }
  | { outcome: 'again'; scanId: number; line: CopyLine | MisplacedLine | DeviceLine | UnexpectedLine }
  | { outcome: 'cabinet'; scanId: number; cabinetId: number };

/** A cabinet whose stocktake is due (the reminders' stocktakeDue). */
export interface StocktakeDue {
  cabinetId: number;
  name: string;
  /** The most secret level the cabinet holds. */
  level: DocumentLevel;
  lastAt: string | null;
  dueAt: string;
}

export interface StocktakeRow {
  id: number;
  stocktake_no: string;
  year: number;
  seq: number;
  started_at: string;
  checkers: string;
  levels: string;
  devices: 0 | 1;
}

export interface CloseRow {
  stocktake_id: number;
  at: string;
  batch_id: number;
  tally: string;
}

export function requireStocktake(db: Db, id: number): StocktakeRow {
  const row = get<StocktakeRow>(db, sql`SELECT * FROM stocktakes WHERE id = ${id}`);
  if (!row) throw new LedgerError('E_NO_SUCH_STOCKTAKE', { stocktakeId: id });
  return row;
}

export const closeOf = (db: Db, id: number): CloseRow | undefined => get<CloseRow>(db, sql`SELECT * FROM stocktake_closes WHERE stocktake_id = ${id}`);

/** Nothing is scanned, retracted, resolved or closed after the close. */
export function assertOpen(db: Db, st: StocktakeRow): void {
  if (closeOf(db, st.id)) throw new LedgerError('E_STOCKTAKE_CLOSED', { no: st.stocktake_no });
}

/** The stocktake still open, if any (one at a time). */
const openStocktake = (db: Db): StocktakeRow | undefined =>
  get<StocktakeRow>(db, sql`SELECT s.* FROM stocktakes s WHERE NOT EXISTS (SELECT 1 FROM stocktake_closes c WHERE c.stocktake_id = s.id) LIMIT 1`);

/**
 * One stocktake at a time: two would count the same cabinets against each other, and the old whole-ledger inventory
 * (documents.inventory) takes the next number of the same sequence the open one has taken.
 */
export function assertNoneOpen(db: Db): void {
  const open = openStocktake(db);
  if (open) throw new LedgerError('E_STOCKTAKE_OPEN', { no: open.stocktake_no });
}

/** Scans and resolutions happen in one of the stocktake's cabinets. */
export function assertCabinetInScope(db: Db, st: StocktakeRow, cabinetId: number): void {
  if (!get(db, sql`SELECT 1 FROM stocktake_cabinets WHERE stocktake_id = ${st.id} AND location_id = ${cabinetId}`))
    throw new LedgerError('E_VALIDATION', { field: 'cabinetId' });
}

/** The devices part is scanned only in a stocktake that includes devices. */
export function assertDevicesInScope(st: StocktakeRow): void {
  if (!st.devices) throw new LedgerError('E_VALIDATION', { field: 'cabinetId' });
}
