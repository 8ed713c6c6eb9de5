// Computers and removable media: registration, lifecycle with before/after history, and the cross-use rules
// the regulations set (domain.md "Computers and removable storage media").
import { LedgerError } from '../../errors';
import { get, run, sql, type Db } from '../../store/sql';
import type { Recorder } from '../documents/model';

export const DEVICE_LEVELS = ['top_secret', 'secret', 'confidential', 'non_secret'] as const;
export type DeviceLevel = (typeof DEVICE_LEVELS)[number];
export const DATA_LEVELS = ['top_secret', 'secret', 'confidential', 'internal', 'non_secret'] as const;
export type DataLevel = (typeof DATA_LEVELS)[number];
export const NETWORKS = ['standalone', 'classified_intranet', 'egov_extranet', 'internet'] as const;
export type Network = (typeof NETWORKS)[number];
export const MEDIUM_TYPES = ['usb', 'hdd', 'disc', 'card', 'tape'] as const;

const RANK: Record<DataLevel, number> = { top_secret: 3, secret: 2, confidential: 1, internal: 0, non_secret: 0 };
const LEVEL_NAME: Record<DataLevel, string> = { top_secret: '绝密', secret: '机密', confidential: '秘密', internal: '内部', non_secret: '非涉密' };

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
  if (!row) throw new LedgerError('E_NO_SUCH_DEVICE', `There is no computer #${id}.`, { device: 'computer', id });
  return row;
}

export function requireMedium(db: Db, id: number): MediumRow {
  const row = get<MediumRow>(db, sql`SELECT * FROM media WHERE id = ${id}`);
  if (!row) throw new LedgerError('E_NO_SUCH_DEVICE', `There is no medium #${id}.`, { device: 'medium', id });
  return row;
}

/** `imported`: history taken over from an old register, not an action checked by this app. */
export function insertDeviceEvent(rec: Recorder, device: DeviceKind, deviceId: number, kind: string, at: string, details: Record<string, unknown>, imported = false): void {
  run(rec.db, sql`INSERT INTO device_events (device, device_id, kind, at, details, imported, recorded_at, recorded_by)
                  VALUES (${device}, ${deviceId}, ${kind}, ${at}, ${JSON.stringify(details)}, ${imported}, ${rec.now}, ${rec.actor})`);
}

/** 涉密计算机只能单机或接入涉密内网: never 互联网 or 电子政务外网. */
export function assertNetworkAllowed(level: DeviceLevel, network: Network): void {
  if (level !== 'non_secret' && (network === 'internet' || network === 'egov_extranet')) {
    throw new LedgerError('E_NETWORK_FORBIDDEN', `A ${LEVEL_NAME[level]} computer may be standalone or on the classified intranet only, never on ${network}.`, { level, network });
  }
}

/** Serials are unique ids: the same machine or disk cannot be registered twice. */
export function assertUnique(db: Db, table: 'computers' | 'media', field: 'code' | 'serial' | 'disk_serial', value: string | null | undefined, exceptId?: number): void {
  if (!value) return;
  const clash =
    table === 'computers'
      ? field === 'code'
        ? get(db, sql`SELECT 1 FROM computers WHERE code = ${value} AND id <> ${exceptId ?? 0}`)
        : get(db, sql`SELECT 1 FROM computers WHERE (serial = ${value} OR disk_serial = ${value}) AND id <> ${exceptId ?? 0}`)
      : field === 'code'
        ? get(db, sql`SELECT 1 FROM media WHERE code = ${value} AND id <> ${exceptId ?? 0}`)
        : get(db, sql`SELECT 1 FROM media WHERE serial = ${value} AND id <> ${exceptId ?? 0}`);
  if (clash) throw new LedgerError('E_DUPLICATE', `${value} is already registered.`, { field, value });
}

/** Nothing stopped, under repair, scrapped or destroyed is used. */
export function assertInService(device: DeviceKind, row: { code: string; status: string }): void {
  if (row.status !== 'in_use') {
    throw new LedgerError('E_DEVICE_NOT_IN_SERVICE', `${row.code} is ${row.status}, not in service.`, { device, code: row.code, status: row.status });
  }
}

/**
 * No cross-use (交叉使用): a classified medium only on a classified computer of the same or a higher level;
 * a non-classified medium never on a classified computer.
 */
export function assertCompatible(medium: MediumRow, computer: ComputerRow): void {
  const refuse = (rule: string, message: string) => {
    throw new LedgerError('E_CROSS_USE', message, { rule, medium: medium.code, mediumLevel: medium.level, computer: computer.code, computerLevel: computer.level });
  };
  if (medium.level === 'non_secret') {
    if (computer.level !== 'non_secret') refuse('plain_medium_on_classified_computer', `The non-classified medium ${medium.code} may not be used on the classified computer ${computer.code}.`);
  } else if (computer.level === 'non_secret') {
    refuse('classified_medium_on_plain_computer', `The classified medium ${medium.code} may not be used on the non-classified computer ${computer.code}.`);
  } else if (RANK[computer.level] < RANK[medium.level]) {
    refuse('medium_above_computer', `The ${LEVEL_NAME[medium.level]} medium ${medium.code} may not be used on the ${LEVEL_NAME[computer.level]} computer ${computer.code}.`);
  }
}

/** Data put on a medium never exceeds the medium's level. */
export function assertDataFits(medium: MediumRow, dataLevel: DataLevel): void {
  if (RANK[dataLevel] > RANK[medium.level]) {
    throw new LedgerError('E_DATA_ABOVE_MEDIUM', `${LEVEL_NAME[dataLevel]} data may not be put on the ${LEVEL_NAME[medium.level]} medium ${medium.code}.`, {
      medium: medium.code,
      mediumLevel: medium.level,
      dataLevel,
    });
  }
}

/** The highest level of data ever logged on a medium: its level may never go below it, nor to 非涉密 once classified. */
export function assertLevelChangeAllowed(db: Db, medium: MediumRow, level: DeviceLevel): void {
  if (medium.ever_classified && level === 'non_secret') {
    throw new LedgerError('E_DOWNGRADE_FORBIDDEN', `${medium.code} has held secrets and can never become 非涉密.`, { medium: medium.code, rule: 'ever_classified' });
  }
  const highest = get<{ r: number | null }>(
    db,
    sql`SELECT max(CASE data_level WHEN 'top_secret' THEN 3 WHEN 'secret' THEN 2 WHEN 'confidential' THEN 1 ELSE 0 END) AS r FROM media_usage WHERE medium_id = ${medium.id}`,
  )?.r;
  if (highest !== null && highest !== undefined && RANK[level] < highest) {
    throw new LedgerError('E_DOWNGRADE_FORBIDDEN', `${medium.code} has held data above ${LEVEL_NAME[level]}.`, { medium: medium.code, rule: 'held_higher_data' });
  }
}

export function deviceLevelRank(level: DataLevel): number {
  return RANK[level];
}
