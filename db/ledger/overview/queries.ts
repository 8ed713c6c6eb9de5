// 概览: what the custodian sees first every morning. The holdings of now are the statistics' own figures (heldNow,
// onLoanNow, awaitingReturnNow: one query each, the numbers the statistics screen shows); the devices, the cabinets and
// the latest activities are counted here. The reminders, the backup status and the approvals waiting have their own
// commands (reminders.get, backup.status, approvals.list) and are not counted again.
import type { DeviceLevel, DocumentLevel } from '../../domain/levels';
import { all, sql, type Db } from '../../store/sql';
import type { ComputerView, MediumView, StatisticsFigureView } from '../../views';
import { unmonitoredComputers } from '../devices/checks';
import { figureOf } from '../statistics/queries';

/** How many devices of one register have one level and one status. */
export interface DeviceCount<S extends string> {
  level: DeviceLevel;
  status: S;
  count: number;
}

/** One cabinet and what is in it now (copies 在柜: not those out on loan, which are with their borrower). */
export interface CabinetHolding {
  id: number;
  code: string;
  name: string;
  maxLevel: DocumentLevel;
  telegrams: boolean;
  active: boolean;
  /** Items (件) with a copy in it, and the copies (份), in all and by level. */
  items: number;
  copies: number;
  byLevel: Partial<Record<DocumentLevel, { items: number; copies: number }>>;
}

/** One entry of a register written (the audit log's, in the reader's words: db/domain/audit AUDIT_ACTION_TERMS). */
export interface OverviewActivity {
  seq: number;
  /** When it was entered (the audit entry's time). */
  at: string;
  /** The command (documents.lend ...): the screen says it in words. */
  action: string;
  /** What it was about, by its ledger number: a 收文编号, a batch's 单号, a device's 编号, a cabinet's code. */
  target: string | null;
  /** Who entered it: the account's display name (its login name when the account is gone). */
  actor: string | null;
}

export interface OverviewView {
  /** Documents held now (件 / 份, by level and carrier: telegrams are the carrier 'telegram'), on loan, owed to the issuer. */
  holdings: { held: StatisticsFigureView; onLoan: StatisticsFigureView; awaitingReturn: StatisticsFigureView };
  devices: {
    computers: DeviceCount<ComputerView['status']>[];
    media: DeviceCount<MediumView['status']>[];
    /** Classified computers in use without 违规外联监控 recorded as installed (flagged on the overview). */
    unmonitored: { id: number; code: string; monitoring: boolean | null }[];
  };
  /** The cabinets in use, and any out of use that still holds something, by code. */
  cabinets: CabinetHolding[];
  /** The latest register entries, newest first. */
  activities: OverviewActivity[];
}

/** How many activities the overview lists. */
const ACTIVITIES = 10;

/** Command families whose audit entries are register entries (reads are not audited: what is there was written). */
const REGISTER_FAMILIES = ['documents', 'locations', 'computers', 'media', 'people', 'stocktake', 'approvals', 'import'];
const REGISTER_ACTIONS = ['backup.run', 'backup.restore'];
/** Steps of a stocktake: its start and its close say it; a hundred scans would push everything else off the list. */
const STEPS = ['stocktake.scan', 'stocktake.undoScan'];

function deviceCounts<S extends string>(db: Db, table: 'computers' | 'media'): DeviceCount<S>[] {
  return all<DeviceCount<S>>(db, sql`SELECT level, status, count(*) AS count FROM ${sql.trusted(table)} GROUP BY level, status`);
}

interface CabinetRow {
  id: number;
  code: string;
  name: string;
  max_level: DocumentLevel;
  telegrams: number;
  active: number;
}

interface HoldingRow {
  location_id: number;
  level: DocumentLevel;
  items: number;
  copies: number;
}

function cabinets(db: Db): CabinetHolding[] {
  const byId = new Map<number, CabinetHolding>();
  for (const r of all<CabinetRow>(db, sql`SELECT id, code, name, max_level, telegrams, active FROM locations ORDER BY code, id`)) {
    byId.set(r.id, {
      id: r.id,
      code: r.code,
      name: r.name,
      maxLevel: r.max_level,
      telegrams: r.telegrams === 1,
      active: r.active === 1,
      items: 0,
      copies: 0,
      byLevel: {},
    });
  }
  // The register's cabinet filter counts the same: items with a copy 在柜 there (documents.list locationId). The copies
  // are read in the order of their cabinet index (cabinet, item), so each item of a cabinet is one group as it comes, and
  // its level is read through the index of item and level (migration 0016), not its row of the register.
  const held = all<HoldingRow>(
    db,
    sql`SELECT x.location_id, d.level, count(*) AS items, sum(x.n) AS copies
        FROM (SELECT location_id, document_id, count(*) AS n FROM copies INDEXED BY copies_location
              WHERE location_id IN (SELECT id FROM locations) AND status = 'in_custody' GROUP BY location_id, document_id) x
        JOIN documents d INDEXED BY documents_level_of ON d.id = x.document_id
        GROUP BY x.location_id, d.level`,
  );
  for (const r of held) {
    const cabinet = byId.get(r.location_id)!;
    cabinet.items += r.items;
    cabinet.copies += r.copies;
    cabinet.byLevel[r.level] = { items: r.items, copies: r.copies };
  }
  return [...byId.values()].filter((c) => c.active || c.copies > 0);
}

function activities(db: Db): OverviewActivity[] {
  return all<OverviewActivity>(
    db,
    sql`SELECT a.seq, a.at, a.action, a.target, coalesce(u.display_name, a.actor) AS actor
        FROM audit_log a LEFT JOIN accounts u ON lower(u.username) = lower(a.actor)
        WHERE a.outcome = 'ok' AND (a.kind IN (SELECT value FROM json_each(${JSON.stringify(REGISTER_FAMILIES)}))
          OR a.action IN (SELECT value FROM json_each(${JSON.stringify(REGISTER_ACTIONS)})))
          AND a.action NOT IN (SELECT value FROM json_each(${JSON.stringify(STEPS)}))
        ORDER BY a.seq DESC LIMIT ${ACTIVITIES}`,
  );
}

export function overviewOf(db: Db, today: string): OverviewView {
  // A holding is now: the dates only name the day it is read.
  const now = { from: today, to: today };
  return {
    holdings: { held: figureOf(db, 'heldNow', now), onLoan: figureOf(db, 'onLoanNow', now), awaitingReturn: figureOf(db, 'awaitingReturnNow', now) },
    devices: { computers: deviceCounts(db, 'computers'), media: deviceCounts(db, 'media'), unmonitored: unmonitoredComputers(db) },
    cabinets: cabinets(db),
    activities: activities(db),
  };
}
