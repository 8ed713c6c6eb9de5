// Reading the four device registers, one device's history, and the media usage log.
import { itemCode } from '../../domain/item-codes';
import { all, get, sql, type Db } from '../../store/sql';
import type { ComputerCheckView, ComputerView, DeviceEventView, MediaUsageView, MediumView } from '../../views';
import { recorderName } from '../recorders';
import { requireComputer, requireMedium, securityOf, type ComputerRow, type DeviceKind, type MediumRow } from './devices';
import { listChecks } from './checks';

type Fragment = ReturnType<typeof sql>;

export interface DeviceQuery {
  /** The seed's registers: 涉密 (classified) or 非涉密. */
  classified: boolean;
  query?: string | undefined;
  status?: string | undefined;
  responsible?: string | undefined;
  offset: number;
  limit: number;
}

function like(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filters(q: DeviceQuery, search: (pattern: string) => Fragment): Fragment {
  const where: Fragment[] = [q.classified ? sql`level <> 'non_secret'` : sql`level = 'non_secret'`];
  if (q.status) where.push(sql`status = ${q.status}`);
  if (q.responsible) where.push(sql`responsible = ${q.responsible}`);
  if (q.query?.trim()) where.push(search(like(q.query)));
  return sql.join(where, ' AND ');
}

function toComputerView(r: ComputerRow): ComputerView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    model: r.model,
    serial: r.serial,
    diskSerial: r.disk_serial,
    mac: r.mac,
    os: r.os,
    osInstalledAt: r.os_installed_at,
    level: r.level,
    network: r.network,
    purpose: r.purpose,
    department: r.department,
    responsible: r.responsible,
    location: r.location,
    enabledAt: r.enabled_at,
    status: r.status,
    remarks: r.remarks,
    ...securityOf(r),
  };
}

function toMediumView(r: MediumRow & { loan_computer_code?: string | null }): MediumView {
  return {
    id: r.id,
    code: r.code,
    type: r.type,
    model: r.model,
    serial: r.serial,
    capacity: r.capacity,
    level: r.level,
    everClassified: r.ever_classified === 1,
    responsible: r.responsible,
    department: r.department,
    usageScope: r.usage_scope,
    enabledAt: r.enabled_at,
    status: r.status,
    backupApproved: r.backup_approved === 1,
    holder: r.holder,
    loanComputer: r.loan_computer_code ?? null,
    dueAt: r.due_at,
    remarks: r.remarks,
  };
}

export function listComputers(db: Db, q: DeviceQuery): { total: number; rows: ComputerView[] } {
  const where = filters(
    q,
    (p) => sql`(code LIKE ${p} ESCAPE '\\' OR name LIKE ${p} ESCAPE '\\' OR model LIKE ${p} ESCAPE '\\' OR serial LIKE ${p} ESCAPE '\\'
               OR disk_serial LIKE ${p} ESCAPE '\\' OR responsible LIKE ${p} ESCAPE '\\' OR department LIKE ${p} ESCAPE '\\' OR location LIKE ${p} ESCAPE '\\')`,
  );
  const total = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM computers WHERE ${where}`)!.n;
  const rows = all<ComputerRow>(db, sql`SELECT * FROM computers WHERE ${where} ORDER BY code LIMIT ${q.limit} OFFSET ${q.offset}`);
  return { total, rows: rows.map(toComputerView) };
}

export function listMedia(db: Db, q: DeviceQuery): { total: number; rows: MediumView[] } {
  const where = filters(
    q,
    (p) => sql`(code LIKE ${p} ESCAPE '\\' OR model LIKE ${p} ESCAPE '\\' OR serial LIKE ${p} ESCAPE '\\' OR responsible LIKE ${p} ESCAPE '\\'
               OR department LIKE ${p} ESCAPE '\\' OR holder LIKE ${p} ESCAPE '\\')`,
  );
  const total = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM media WHERE ${where}`)!.n;
  const rows = all<MediumRow & { loan_computer_code: string | null }>(
    db,
    sql`SELECT media.*, (SELECT code FROM computers WHERE id = media.loan_computer_id) AS loan_computer_code FROM media WHERE ${where} ORDER BY code LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
  return { total, rows: rows.map(toMediumView) };
}

function deviceHistory(db: Db, device: DeviceKind, id: number): DeviceEventView[] {
  return all<{ id: number; kind: string; at: string; details: string; approval_id: number | null; imported: 0 | 1; recorded_at: string; recorded_by: string }>(
    db,
    sql`SELECT id, kind, at, details, approval_id, imported, recorded_at, ${recorderName('recorded_by')} AS recorded_by FROM device_events WHERE device = ${device} AND device_id = ${id} ORDER BY id`,
  ).map((e) => ({
    id: e.id,
    kind: e.kind,
    at: e.at,
    details: JSON.parse(e.details) as Record<string, unknown>,
    approvalId: e.approval_id,
    imported: e.imported === 1,
    recordedAt: e.recorded_at,
    recordedBy: e.recorded_by,
  }));
}

export function usageLog(
  db: Db,
  q: { mediumId?: number | undefined; computerId?: number | undefined; offset: number; limit: number },
): { total: number; rows: MediaUsageView[] } {
  const where: Fragment[] = [sql`1 = 1`];
  if (q.mediumId) where.push(sql`u.medium_id = ${q.mediumId}`);
  if (q.computerId) where.push(sql`u.computer_id = ${q.computerId}`);
  const filter = sql.join(where, ' AND ');
  const total = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM media_usage u WHERE ${filter}`)!.n;
  const rows = all<MediaUsageView>(
    db,
    sql`SELECT u.id, u.at, m.code AS medium, m.level AS mediumLevel, c.code AS computer, c.level AS computerLevel, u.user_name AS user, u.purpose, u.data_level AS dataLevel, ${recorderName('u.recorded_by')} AS recordedBy
        FROM media_usage u JOIN media m ON m.id = u.medium_id JOIN computers c ON c.id = u.computer_id WHERE ${filter} ORDER BY u.at DESC, u.id DESC LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
  return { total, rows };
}

/** @param prefix the ledger's label code prefix (codes/lookup codePrefix), for the labelCode. */
export function computerDetail(
  db: Db,
  id: number,
  prefix: string,
): ComputerView & { labelCode: string; history: DeviceEventView[]; checks: ComputerCheckView[] } {
  return {
    ...toComputerView(requireComputer(db, id)),
    labelCode: itemCode(prefix, 'computer', id),
    history: deviceHistory(db, 'computer', id),
    // Its check log, newest first (the 计算机检查记录 prints every one).
    checks: listChecks(db, { computerId: id, offset: 0, limit: 500 }).rows,
  };
}

export function mediumDetail(db: Db, id: number, prefix: string): MediumView & { labelCode: string; history: DeviceEventView[]; usage: MediaUsageView[] } {
  const m = requireMedium(db, id);
  const loan = m.loan_computer_id ? requireComputer(db, m.loan_computer_id).code : null;
  return {
    ...toMediumView({ ...m, loan_computer_code: loan }),
    labelCode: itemCode(prefix, 'medium', id),
    history: deviceHistory(db, 'medium', id),
    usage: usageLog(db, { mediumId: id, offset: 0, limit: 500 }).rows,
  };
}
