// Lifecycle operations on computers and media. Each checks every rule before it writes; history keeps before/after.
import type { SecurityProduct } from '../../domain/computer-checks';
import type { RepairMissing } from '../../domain/errors';
import { secretRank } from '../../domain/levels';
import { assertNotDeparted } from './people';
import { LedgerError } from '../../errors';
import { all, get, run, sql } from '../../store/sql';
import type { ApprovalGrant } from '../approvals/fields';
import type { ApprovalUsed, UseApproval } from '../approvals/use';
import type { Recorder } from '../documents/model';
import { localDate } from '../documents/model';
import {
  assertBackupMediumLevel,
  assertCompatible,
  assertDataFits,
  assertInService,
  assertLevelChangeAllowed,
  assertNetworkAllowed,
  assertUnique,
  securityOf,
  serialKey,
  insertDeviceEvent,
  requireComputer,
  requireMedium,
  type ComputerRow,
  type DataLevel,
  type DeviceLevel,
  type MediumRow,
  type Network,
} from './devices';

export interface NewComputer {
  code: string;
  name: string;
  model: string;
  serial: string;
  diskSerial?: string | undefined;
  mac?: string | undefined;
  os: string;
  osInstalledAt?: string | undefined;
  level: DeviceLevel;
  network: Network;
  purpose: string;
  department: string;
  responsible: string;
  location: string;
  enabledAt: string;
  remarks: string;
  /** 违规外联监控 and 三合一 installed; left out: not recorded (an old register that did not say). */
  monitoring?: boolean | undefined;
  threeInOne?: boolean | undefined;
  securityProducts?: SecurityProduct[] | undefined;
}

/** A device is put into service today or earlier, never on a day still to come. */
function assertInThePast(rec: Recorder, enabledAt: string): void {
  if (enabledAt > localDate(Date.parse(rec.now))) throw new LedgerError('E_VALIDATION', { field: 'enabledAt' });
}

/** 启用: registers a computer in service. */
export function registerComputer(rec: Recorder, c: NewComputer): { id: number } {
  assertNetworkAllowed(c.level, c.network);
  assertNotDeparted(rec.db, [c.responsible], 'responsible');
  assertUnique(rec.db, 'computers', 'code', c.code);
  assertUnique(rec.db, 'computers', 'serial', c.serial);
  assertUnique(rec.db, 'computers', 'disk_serial', c.diskSerial);
  assertInThePast(rec, c.enabledAt);
  if (c.diskSerial && serialKey(c.diskSerial) === serialKey(c.serial)) throw new LedgerError('E_DUPLICATE', { field: 'disk_serial', value: c.diskSerial });
  const id = Number(
    run(
      rec.db,
      sql`INSERT INTO computers (code, name, model, serial, disk_serial, mac, os, os_installed_at, level, network, purpose, department, responsible, location, enabled_at, status, remarks,
                                 monitoring, three_in_one, security_products, created_at, created_by)
                    VALUES (${c.code}, ${c.name}, ${c.model}, ${c.serial}, ${c.diskSerial ?? null}, ${c.mac ?? null}, ${c.os}, ${c.osInstalledAt ?? null}, ${c.level}, ${c.network},
                            ${c.purpose}, ${c.department}, ${c.responsible}, ${c.location}, ${c.enabledAt}, 'in_use', ${c.remarks},
                            ${c.monitoring ?? null}, ${c.threeInOne ?? null}, ${JSON.stringify(c.securityProducts ?? [])}, ${rec.now}, ${rec.actor})`,
    ).lastInsertRowid,
  );
  insertDeviceEvent(rec, 'computer', id, 'enable', c.enabledAt, { after: c });
  return { id };
}

const COMPUTER_FIELDS = {
  responsible: 'responsible',
  department: 'department',
  location: 'location',
  network: 'network',
  os: 'os',
  osInstalledAt: 'os_installed_at',
  purpose: 'purpose',
} as const;
/** The security fields (违规外联监控, 三合一, the products and versions): changed the same way, never rewritten silently. */
interface SecurityChange {
  monitoring?: boolean | undefined;
  threeInOne?: boolean | undefined;
  securityProducts?: SecurityProduct[] | undefined;
}
export type ComputerChange = Partial<Record<keyof typeof COMPUTER_FIELDS, string>> & SecurityChange;

/**
 * Change of responsible person, department, location, network, OS, purpose or the security fields, kept with before
 * and after (a field not recorded before says null).
 */
export function changeComputer(rec: Recorder, input: { id: number; change: ComputerChange; at: string }): void {
  const pc = requireComputer(rec.db, input.id);
  if (pc.status === 'scrapped' || pc.status === 'destroyed') assertInService('computer', pc);
  const { monitoring, threeInOne, securityProducts, ...fields } = input.change;
  const entries = (Object.entries(fields) as [keyof typeof COMPUTER_FIELDS, string | undefined][]).filter(
    ([k, v]) => v !== undefined && v !== pc[COMPUTER_FIELDS[k]],
  );
  const now = securityOf(pc);
  const security = (Object.entries({ monitoring, threeInOne, securityProducts }) as [keyof SecurityChange, unknown][]).filter(
    ([k, v]) => v !== undefined && JSON.stringify(v) !== JSON.stringify(now[k]),
  );
  if (entries.length + security.length === 0) throw new LedgerError('E_VALIDATION', { field: 'change' });
  if (input.change.network !== undefined) assertNetworkAllowed(pc.level, input.change.network as Network);
  if (input.change.responsible !== undefined) assertNotDeparted(rec.db, [input.change.responsible], 'responsible');
  const before = { ...Object.fromEntries(entries.map(([k]) => [k, pc[COMPUTER_FIELDS[k]]])), ...Object.fromEntries(security.map(([k]) => [k, now[k]])) };
  const after = { ...Object.fromEntries(entries), ...Object.fromEntries(security) };
  for (const [k, v] of entries) {
    // Column names come from the fixed map above, never from input.
    rec.db.prepare(`UPDATE computers SET ${COMPUTER_FIELDS[k]} = ? WHERE id = ?`).run(v ?? null, pc.id);
  }
  if (monitoring !== undefined) run(rec.db, sql`UPDATE computers SET monitoring = ${monitoring} WHERE id = ${pc.id}`);
  if (threeInOne !== undefined) run(rec.db, sql`UPDATE computers SET three_in_one = ${threeInOne} WHERE id = ${pc.id}`);
  if (securityProducts !== undefined) run(rec.db, sql`UPDATE computers SET security_products = ${JSON.stringify(securityProducts)} WHERE id = ${pc.id}`);
  insertDeviceEvent(rec, 'computer', pc.id, 'change', input.at, { before, after });
}

/** The approver as registers print it, and the approval the event used (a record of its own). */
const approvalNote = (used: ApprovalUsed | null) => (used ? { approver: used.approverName, approval: { approvalNo: used.approvalNo, way: used.way } } : {});

/**
 * 维修: in-house, or off-site. A classified computer goes off-site only with its storage removed, a named escort (陪同人)
 * and the approver's approval.
 */
export function sendToRepair(
  rec: Recorder,
  input: {
    id: number;
    offSite: boolean;
    storageRemoved: boolean;
    escort?: string | undefined;
    repairer: string;
    reason: string;
    approval?: ApprovalGrant | undefined;
    at: string;
  },
  use: UseApproval,
): void {
  const pc = requireComputer(rec.db, input.id);
  if (pc.status !== 'in_use' && pc.status !== 'stopped') assertInService('computer', pc);
  if (pc.level !== 'non_secret' && input.offSite) {
    const missing: RepairMissing[] = [...(input.storageRemoved ? [] : ['storageRemoved' as const]), ...(input.escort?.trim() ? [] : ['escort' as const])];
    if (missing.length) {
      throw new LedgerError('E_REPAIR_CONDITIONS', { missing });
    }
  }
  const used =
    pc.level !== 'non_secret' && input.offSite
      ? use(input.approval, { kind: 'offsite_repair', subject: { type: 'computer', id: pc.id }, authority: 'unit', at: input.at })
      : null;
  run(rec.db, sql`UPDATE computers SET status = 'repair' WHERE id = ${pc.id}`);
  insertDeviceEvent(
    rec,
    'computer',
    pc.id,
    'repair',
    input.at,
    {
      before: { status: pc.status },
      offSite: input.offSite,
      storageRemoved: input.storageRemoved,
      escort: input.escort ?? null,
      repairer: input.repairer,
      reason: input.reason,
      ...approvalNote(used),
    },
    false,
    used?.approvalId ?? null,
  );
}

export function backFromRepair(rec: Recorder, input: { id: number; checkedBy: string; notes: string; at: string }): void {
  const pc = requireComputer(rec.db, input.id);
  if (pc.status !== 'repair') throw new LedgerError('E_DEVICE_NOT_IN_SERVICE', { device: 'computer', code: pc.code, status: pc.status });
  run(rec.db, sql`UPDATE computers SET status = 'in_use' WHERE id = ${pc.id}`);
  insertDeviceEvent(rec, 'computer', pc.id, 'repair_back', input.at, { checkedBy: input.checkedBy, notes: input.notes });
}

type Transition = 'stop' | 'enable' | 'scrap' | 'destroy';
const FROM: Record<Transition, readonly string[]> = { stop: ['in_use'], enable: ['stopped'], scrap: ['in_use', 'stopped'], destroy: ['scrapped'] };
const TO: Record<Transition, string> = { stop: 'stopped', enable: 'in_use', scrap: 'scrapped', destroy: 'destroyed' };

/**
 * 停用, 重新启用, 报废 and 销毁. Disposal of a computer or medium goes through a qualified destruction facility,
 * which is named, with the approver's approval; a medium on loan comes back first.
 */
export function changeStatus(
  rec: Recorder,
  input: {
    device: 'computer' | 'medium';
    id: number;
    to: Transition;
    facility?: string | undefined;
    approval?: ApprovalGrant | undefined;
    reason: string;
    at: string;
  },
  use: UseApproval,
): void {
  const row: ComputerRow | MediumRow = input.device === 'computer' ? requireComputer(rec.db, input.id) : requireMedium(rec.db, input.id);
  if (!FROM[input.to].includes(row.status)) {
    throw new LedgerError('E_DEVICE_NOT_IN_SERVICE', { device: input.device, code: row.code, status: row.status, to: TO[input.to] });
  }
  const disposal = input.to === 'scrap' || input.to === 'destroy';
  if (disposal && !input.facility?.trim()) throw new LedgerError('E_VALIDATION', { field: 'facility' });
  if (input.device === 'medium' && (row as MediumRow).holder) {
    throw new LedgerError('E_DEVICE_NOT_IN_SERVICE', { device: 'medium', code: row.code, status: 'on_loan' });
  }
  const used = disposal ? use(input.approval, { kind: 'destroy', subject: { type: input.device, id: row.id }, authority: 'unit', at: input.at }) : null;
  if (input.device === 'computer') run(rec.db, sql`UPDATE computers SET status = ${TO[input.to]} WHERE id = ${row.id}`);
  else
    run(
      rec.db,
      sql`UPDATE media SET status = ${TO[input.to]}, backup_approved = CASE WHEN ${TO[input.to]} = 'in_use' THEN backup_approved ELSE 0 END WHERE id = ${row.id}`,
    );
  insertDeviceEvent(
    rec,
    input.device,
    row.id,
    input.to,
    input.at,
    {
      before: { status: row.status },
      after: { status: TO[input.to] },
      reason: input.reason,
      facility: input.facility ?? null,
      approver: null,
      ...approvalNote(used),
    },
    false,
    used?.approvalId ?? null,
  );
}

export interface NewMedium {
  code: string;
  type: MediumRow['type'];
  model: string;
  serial: string;
  capacity: string;
  level: DeviceLevel;
  responsible: string;
  department: string;
  usageScope: string;
  enabledAt: string;
  backupApproved: boolean;
  remarks: string;
}

export function registerMedium(rec: Recorder, m: NewMedium): { id: number } {
  assertUnique(rec.db, 'media', 'code', m.code);
  assertUnique(rec.db, 'media', 'serial', m.serial);
  assertInThePast(rec, m.enabledAt);
  assertBackupMediumLevel(m, m.backupApproved);
  assertNotDeparted(rec.db, [m.responsible], 'responsible');
  const id = Number(
    run(
      rec.db,
      sql`INSERT INTO media (code, type, model, serial, capacity, level, ever_classified, responsible, department, usage_scope, enabled_at, status, backup_approved, remarks, created_at, created_by)
                    VALUES (${m.code}, ${m.type}, ${m.model}, ${m.serial}, ${m.capacity}, ${m.level}, ${m.level !== 'non_secret'}, ${m.responsible}, ${m.department}, ${m.usageScope},
                            ${m.enabledAt}, 'in_use', ${m.backupApproved}, ${m.remarks}, ${rec.now}, ${rec.actor})`,
    ).lastInsertRowid,
  );
  insertDeviceEvent(rec, 'medium', id, 'enable', m.enabledAt, { after: m });
  return { id };
}

export type MediumChange = Partial<{ level: DeviceLevel; responsible: string; department: string; usageScope: string; backupApproved: boolean }>;
/** 变更: a classified medium's level is lowered only by a decision (who, which document) and the approver's approval. */
interface LevelDecision {
  decidedBy: string;
  decisionDocNo: string;
}

/**
 * A medium that ever held secrets is never downgraded to 非涉密, nor below the data it has held; a lower classified
 * level needs a recorded decision.
 */
export function changeMedium(
  rec: Recorder,
  input: { id: number; change: MediumChange; decision?: LevelDecision | undefined; approval?: ApprovalGrant | undefined; at: string },
  use: UseApproval,
): void {
  const m = requireMedium(rec.db, input.id);
  if (m.status === 'scrapped' || m.status === 'destroyed') assertInService('medium', m);
  const c = input.change;
  if (c.level !== undefined && c.level !== m.level) {
    assertLevelChangeAllowed(rec.db, m, c.level);
    if (secretRank(c.level) < secretRank(m.level) && !input.decision) throw new LedgerError('E_APPROVAL_REQUIRED', { rule: 'medium_downgrade' });
    // A medium on loan stays fit for the computer it was lent for: no cross-use by a change of level.
    if (m.loan_computer_id !== null) assertCompatible({ ...m, level: c.level }, requireComputer(rec.db, m.loan_computer_id));
  }
  if (c.responsible !== undefined) assertNotDeparted(rec.db, [c.responsible], 'responsible');
  // Only a medium in service can be approved for backups.
  if (c.backupApproved === true && m.status !== 'in_use') assertInService('medium', m);
  const before = { level: m.level, responsible: m.responsible, department: m.department, usageScope: m.usage_scope, backupApproved: m.backup_approved === 1 };
  const after = { ...before, ...Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) };
  if (JSON.stringify(after) === JSON.stringify(before)) throw new LedgerError('E_VALIDATION', { field: 'change' });
  assertBackupMediumLevel({ code: m.code, level: after.level }, after.backupApproved);
  run(
    rec.db,
    sql`UPDATE media SET level = ${after.level}, ever_classified = max(ever_classified, ${after.level !== 'non_secret'}), responsible = ${after.responsible},
                    department = ${after.department}, usage_scope = ${after.usageScope}, backup_approved = ${after.backupApproved} WHERE id = ${m.id}`,
  );
  const lowered = secretRank(after.level) < secretRank(before.level);
  const used = lowered ? use(input.approval, { kind: 'media_downgrade', subject: { type: 'medium', id: m.id }, authority: 'unit', at: input.at }) : null;
  insertDeviceEvent(
    rec,
    'medium',
    m.id,
    'change',
    input.at,
    { before, after, ...(lowered ? { decision: { ...input.decision, approver: used!.approverName } } : {}), ...approvalNote(used) },
    false,
    used?.approvalId ?? null,
  );
}

/** Lend a medium to a person for use on a named computer, until a date: the cross-use rules apply at once. */
export function lendMedium(rec: Recorder, input: { id: number; to: string; computerId: number; dueAt: string; at: string }): void {
  const m = requireMedium(rec.db, input.id);
  assertInService('medium', m);
  if (m.holder) throw new LedgerError('E_DEVICE_NOT_IN_SERVICE', { device: 'medium', code: m.code, status: 'on_loan' });
  assertNotDeparted(rec.db, [input.to], 'borrower');
  const pc = requireComputer(rec.db, input.computerId);
  assertInService('computer', pc);
  assertCompatible(m, pc);
  if (input.dueAt < input.at.slice(0, 10)) throw new LedgerError('E_VALIDATION', { field: 'dueAt' });
  run(rec.db, sql`UPDATE media SET holder = ${input.to}, loan_computer_id = ${pc.id}, due_at = ${input.dueAt} WHERE id = ${m.id}`);
  insertDeviceEvent(rec, 'medium', m.id, 'lend', input.at, { to: input.to, computer: pc.code, dueAt: input.dueAt });
}

/** Return: whether the data was cleared, and who checked it. */
export function returnMedium(rec: Recorder, input: { id: number; dataCleared: boolean; checkedBy: string; at: string }): void {
  const m = requireMedium(rec.db, input.id);
  if (!m.holder) throw new LedgerError('E_DEVICE_NOT_IN_SERVICE', { device: 'medium', code: m.code, status: m.status });
  run(rec.db, sql`UPDATE media SET holder = NULL, loan_computer_id = NULL, due_at = NULL WHERE id = ${m.id}`);
  insertDeviceEvent(rec, 'medium', m.id, 'return', input.at, { from: m.holder, dataCleared: input.dataCleared, checkedBy: input.checkedBy });
}

/** 介质使用登记: every rule checked on every entry. */
export function logUsage(
  rec: Recorder,
  input: { mediumId: number; computerId: number; user: string; purpose: string; dataLevel: DataLevel; at: string },
): { id: number } {
  const m = requireMedium(rec.db, input.mediumId);
  const pc = requireComputer(rec.db, input.computerId);
  assertInService('medium', m);
  assertInService('computer', pc);
  assertCompatible(m, pc);
  assertDataFits(m, input.dataLevel);
  const id = Number(
    run(
      rec.db,
      sql`INSERT INTO media_usage (medium_id, computer_id, at, user_name, purpose, data_level, recorded_at, recorded_by)
                    VALUES (${m.id}, ${pc.id}, ${input.at}, ${input.user}, ${input.purpose}, ${input.dataLevel}, ${rec.now}, ${rec.actor})`,
    ).lastInsertRowid,
  );
  return { id };
}

export interface Holdings {
  documentCopies: { documentId: number; receiptNo: string; title: string; marking: string; copyNo: number; dueAt: string | null }[];
  computers: { id: number; code: string; name: string; level: DeviceLevel }[];
  media: { id: number; code: string; level: DeviceLevel; relation: 'responsible' | 'on_loan' }[];
}

/** Everything one person holds: copies on loan, computers and media they answer for or have borrowed. */
export function holdingsOf(rec: Pick<Recorder, 'db'>, person: string): Holdings {
  return {
    documentCopies: all<Holdings['documentCopies'][number]>(
      rec.db,
      sql`SELECT d.id AS documentId, d.receipt_no AS receiptNo, d.title, d.marking, c.copy_no AS copyNo, c.due_at AS dueAt
          FROM copies c JOIN documents d ON d.id = c.document_id WHERE c.status = 'on_loan' AND c.holder = ${person} ORDER BY d.id, c.copy_no`,
    ),
    computers: all<Holdings['computers'][number]>(
      rec.db,
      sql`SELECT id, code, name, level FROM computers WHERE responsible = ${person} AND status NOT IN ('scrapped', 'destroyed') ORDER BY code`,
    ),
    media: all<Holdings['media'][number]>(
      rec.db,
      sql`SELECT id, code, level, CASE WHEN holder = ${person} THEN 'on_loan' ELSE 'responsible' END AS relation FROM media
          WHERE (responsible = ${person} AND status NOT IN ('scrapped', 'destroyed')) OR holder = ${person} ORDER BY code`,
    ),
  };
}

/** 离岗交接: once per person, completed only when they hold nothing; otherwise the refusal names each item that remains. */
export function recordDeparture(rec: Recorder, input: { person: string; handedTo: string; supervisor: string; at: string }): void {
  if (get(rec.db, sql`SELECT 1 FROM departures WHERE person = ${input.person}`)) throw new LedgerError('E_DUPLICATE', { field: 'person', value: input.person });
  const held = holdingsOf(rec, input.person);
  const count = held.documentCopies.length + held.computers.length + held.media.length;
  if (count > 0) {
    throw new LedgerError('E_STILL_HOLDS', {
      person: input.person,
      documentCopies: held.documentCopies.length,
      computers: held.computers.length,
      media: held.media.length,
      items: {
        copies: held.documentCopies.map((c) => ({ receiptNo: c.receiptNo, copyNo: c.copyNo })),
        computers: held.computers.map((c) => c.code),
        media: held.media.map((m) => m.code),
      },
    });
  }
  run(
    rec.db,
    sql`INSERT INTO departures (person, at, handed_to, supervisor, recorded_at, recorded_by) VALUES (${input.person}, ${input.at}, ${input.handedTo}, ${input.supervisor}, ${rec.now}, ${rec.actor})`,
  );
}
