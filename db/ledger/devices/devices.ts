// Computers and removable media: registration, lifecycle with before/after history, and the cross-use rules
// the regulations set (domain.md "Computers and removable storage media").
import type { SecurityProduct } from '../../domain/computer-checks';
import type { CrossUseRule } from '../../domain/errors';
import { levelRankSql, LEVELS, secretRank, type DeviceLevel, type Level } from '../../domain/levels';
import { LedgerError } from '../../errors';
import { all, get, run, sql, type Db } from '../../store/sql';
import type { Recorder } from '../documents/model';

export { DEVICE_LEVELS, type DeviceLevel } from '../../domain/levels';
/** The levels of data logged on a medium: any level, 内部 and 非涉密 included. */
export const DATA_LEVELS = LEVELS;
export type DataLevel = Level;
export const NETWORKS = ['standalone', 'classified_intranet', 'egov_extranet', 'internet'] as const;
export type Network = (typeof NETWORKS)[number];
export const MEDIUM_TYPES = ['usb', 'hdd', 'disc', 'card', 'tape'] as const;

export interface ComputerRow {
  id: number;
  code: string;
  name: string;
  model: string;
  serial: string;
  disk_serial: string | null;
  mac: string | null;
  os: string;
  os_installed_at: string | null;
  level: DeviceLevel;
  network: Network;
  purpose: string;
  department: string;
  responsible: string;
  location: string;
  enabled_at: string;
  status: 'in_use' | 'stopped' | 'repair' | 'scrapped' | 'destroyed';
  remarks: string;
  /** 违规外联监控 and 三合一: 1 installed, 0 not, NULL not recorded (registered before migration 20). */
  monitoring: 0 | 1 | null;
  three_in_one: 0 | 1 | null;
  /** JSON list of {name, version}. */
  security_products: string;
}

export interface MediumRow {
  id: number;
  code: string;
  type: (typeof MEDIUM_TYPES)[number];
  model: string;
  serial: string;
  capacity: string;
  level: DeviceLevel;
  ever_classified: 0 | 1;
  responsible: string;
  department: string;
  usage_scope: string;
  enabled_at: string;
  status: 'in_use' | 'stopped' | 'scrapped' | 'destroyed';
  backup_approved: 0 | 1;
  holder: string | null;
  loan_computer_id: number | null;
  due_at: string | null;
  remarks: string;
}

export type DeviceKind = 'computer' | 'medium';

export function requireComputer(db: Db, id: number): ComputerRow {
  const row = get<ComputerRow>(db, sql`SELECT * FROM computers WHERE id = ${id}`);
  if (!row) throw new LedgerError('E_NO_SUCH_DEVICE', { device: 'computer', id });
  return row;
}

export function requireMedium(db: Db, id: number): MediumRow {
  const row = get<MediumRow>(db, sql`SELECT * FROM media WHERE id = ${id}`);
  if (!row) throw new LedgerError('E_NO_SUCH_DEVICE', { device: 'medium', id });
  return row;
}

/**
 * `imported`: history taken over from an old register, not an action checked by this app; `approvalId`: the approval
 * (审批) the event used.
 */
export function insertDeviceEvent(
  rec: Recorder,
  device: DeviceKind,
  deviceId: number,
  kind: string,
  at: string,
  details: Record<string, unknown>,
  imported = false,
  approvalId: number | null = null,
): void {
  run(
    rec.db,
    sql`INSERT INTO device_events (device, device_id, kind, at, details, imported, approval_id, recorded_at, recorded_by)
                  VALUES (${device}, ${deviceId}, ${kind}, ${at}, ${JSON.stringify(details)}, ${imported}, ${approvalId}, ${rec.now}, ${rec.actor})`,
  );
}

/** A computer's security fields as the views and the history say them: booleans (null: not recorded), the product list. */
export function securityOf(pc: Pick<ComputerRow, 'monitoring' | 'three_in_one' | 'security_products'>): {
  monitoring: boolean | null;
  threeInOne: boolean | null;
  securityProducts: SecurityProduct[];
} {
  const flag = (v: 0 | 1 | null) => (v === null ? null : v === 1);
  return { monitoring: flag(pc.monitoring), threeInOne: flag(pc.three_in_one), securityProducts: JSON.parse(pc.security_products) as SecurityProduct[] };
}

/** 涉密计算机只能单机或接入涉密内网: never 互联网 or 电子政务外网; a non-classified computer never joins 涉密内网. */
export function assertNetworkAllowed(level: DeviceLevel, network: Network): void {
  const classified = level !== 'non_secret';
  if (classified ? network === 'internet' || network === 'egov_extranet' : network === 'classified_intranet') {
    throw new LedgerError('E_NETWORK_FORBIDDEN', { level, network });
  }
}

/** A serial as compared: Unicode NFKC (full-width to half-width), trimmed, case-folded. */
export const serialKey = (serial: string): string => serial.normalize('NFKC').trim().toLowerCase();

/**
 * The serials that may be `key`: an equal one (the columns compare without case), or one an older ledger holds in
 * full width or with spaces (any character outside printable ASCII), which only NFKC can tell.
 */
function sameSerials(db: Db, table: 'computers' | 'media', key: string, exceptId: number): boolean {
  const rows =
    table === 'computers'
      ? all<{ serial: string; disk_serial: string | null }>(
          db,
          sql`SELECT serial, disk_serial FROM computers WHERE id <> ${exceptId}
                AND (serial = ${key} OR disk_serial = ${key} OR serial GLOB '*[^!-~]*' OR disk_serial GLOB '*[^!-~]*')`,
        )
      : all<{ serial: string; disk_serial: null }>(
          db,
          sql`SELECT serial, NULL AS disk_serial FROM media WHERE id <> ${exceptId} AND (serial = ${key} OR serial GLOB '*[^!-~]*')`,
        );
  return rows.some((r) => serialKey(r.serial) === key || (r.disk_serial !== null && serialKey(r.disk_serial) === key));
}

/** Serials are unique ids: the same machine or disk cannot be registered twice. */
export function assertUnique(
  db: Db,
  table: 'computers' | 'media',
  field: 'code' | 'serial' | 'disk_serial',
  value: string | null | undefined,
  exceptId?: number,
): void {
  if (!value) return;
  const clash =
    field === 'code'
      ? table === 'computers'
        ? get(db, sql`SELECT 1 FROM computers WHERE code = ${value} AND id <> ${exceptId ?? 0}`)
        : get(db, sql`SELECT 1 FROM media WHERE code = ${value} AND id <> ${exceptId ?? 0}`)
      : sameSerials(db, table, serialKey(value), exceptId ?? 0);
  if (clash) throw new LedgerError('E_DUPLICATE', { field, value });
}

/** Nothing stopped, under repair, scrapped or destroyed is used. */
export function assertInService(device: DeviceKind, row: { code: string; status: string }): void {
  if (row.status !== 'in_use') {
    throw new LedgerError('E_DEVICE_NOT_IN_SERVICE', { device, code: row.code, status: row.status });
  }
}

/**
 * No cross-use (交叉使用): a classified medium only on a classified computer of the same or a higher level;
 * a non-classified medium never on a classified computer.
 */
export function assertCompatible(medium: MediumRow, computer: ComputerRow): void {
  const refuse = (rule: CrossUseRule) => {
    throw new LedgerError('E_CROSS_USE', { rule, medium: medium.code, mediumLevel: medium.level, computer: computer.code, computerLevel: computer.level });
  };
  if (medium.level === 'non_secret') {
    if (computer.level !== 'non_secret') refuse('plain_medium_on_classified_computer');
  } else if (computer.level === 'non_secret') {
    refuse('classified_medium_on_plain_computer');
  } else if (secretRank(computer.level) < secretRank(medium.level)) {
    refuse('medium_above_computer');
  }
}

/** Data put on a medium never exceeds the medium's level. */
export function assertDataFits(medium: MediumRow, dataLevel: DataLevel): void {
  if (secretRank(dataLevel) > secretRank(medium.level))
    throw new LedgerError('E_DATA_ABOVE_MEDIUM', { medium: medium.code, mediumLevel: medium.level, dataLevel });
}

/** A non-classified medium never holds a backup, so it is never marked for one. */
export function assertBackupMediumLevel(medium: { code: string; level: DeviceLevel }, backupApproved: boolean): void {
  if (backupApproved && medium.level === 'non_secret') throw new LedgerError('E_MEDIUM_NOT_APPROVED', { reason: 'non-classified', medium: medium.code });
}

/** The highest level of data ever logged on a medium: its level may never go below it, nor to 非涉密 once classified. */
export function assertLevelChangeAllowed(db: Db, medium: MediumRow, level: DeviceLevel): void {
  if (medium.ever_classified && level === 'non_secret') {
    throw new LedgerError('E_DOWNGRADE_FORBIDDEN', { medium: medium.code, rule: 'ever_classified' });
  }
  const highest = get<{ r: number | null }>(
    db,
    sql`SELECT max(${sql.trusted(levelRankSql('data_level', secretRank))}) AS r FROM media_usage WHERE medium_id = ${medium.id}`,
  )?.r;
  if (highest !== null && highest !== undefined && secretRank(level) < highest) {
    throw new LedgerError('E_DOWNGRADE_FORBIDDEN', { medium: medium.code, rule: 'held_higher_data' });
  }
}
