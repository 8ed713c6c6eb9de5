// 自查要点: the points an inspection asks about carriers, computers and media, each with the ledger's evidence — what
// was checked (a count of the same items the figures count), the exceptions by 收文编号 / 设备编号, and 符合 / 有例外.
// Where the ledger records nothing that could back a verdict, none is claimed (未评估); where nothing of the kind
// happened this year, neither (本年度无此事项). Overdue is as of the ledger's last entry, never the clock.
import { compressCopyNos, formatCopyNo } from '../../domain/copies';
import { isClassified, levelFits, type DeviceLevel, type Level } from '../../domain/levels';
import { MONITORING_EXCEPTION_TERMS } from '../../domain/computer-checks';
import { fillPack, PACK_CHECK_SCOPE_TERMS, PACK_CHECK_TERMS, PACK_CHECKS, PACK_EXCEPTION_TERMS, type PackCheck, type PackVerdict } from '../../domain/pack';
import { COPY_NO_TERM, type StatisticFigure } from '../../domain/statistics';
import { LEVEL_TERMS, listOf, NETWORK_TERMS, say, type Language } from '../../domain/terms';
import { all, sql, type Db } from '../../store/sql';
import type { StatisticsItemView } from '../../views';
import { assertCompatible, assertDataFits, assertNetworkAllowed, type ComputerRow, type MediumRow } from '../devices/devices';
import { inDates, statisticsItems, type StatisticsFilters } from './queries';
import { findingsOfYear } from '../findings/queries';

/** A year on the custodian's calendar, and the day overdue is counted at. */
export interface PackYear {
  year: number;
  range: StatisticsFilters;
  asOf: string;
}

/** Every item behind a figure in the year, in the order things happened. */
export const yearItems = (db: Db, figure: StatisticFigure, y: PackYear): StatisticsItemView[] =>
  statisticsItems(db, figure, y.range, {}, { offset: 0, limit: -1 })!.items;

/** The event id of a figure's item ('e12', 'v7', 'u3', 'e12-40'). */
export const eventIdOf = (item: StatisticsItemView): number => Number(/^[a-z](\d+)/.exec(item.key)![1]);

export interface PackCheckResult {
  check: PackCheck;
  /** How many items were checked (null: not assessed). */
  checked: number | null;
  /** Each exception as a number and why: 2026-0003 份号 0002（逾期 3 天归还）. */
  exceptions: string[];
  verdict: PackVerdict;
}

/** An exception as an inspector reads it: the number, then why in brackets. */
const exception = (number: string, why: string, l: Language): string => (l === 'en' ? `${number} (${why})` : `${number}（${why}）`);
/** A copy by its item's 收文编号 and its 份号. */
const copyRef = (receiptNo: string, copyNos: string, l: Language): string => `${receiptNo} ${say(COPY_NO_TERM, l)}${l === 'en' ? ' ' : ''}${copyNos}`;

const ids = (items: readonly StatisticsItemView[]) => JSON.stringify(items.map(eventIdOf));

function verdictOf(checked: number, exceptions: readonly string[]): PackVerdict {
  if (exceptions.length > 0) return 'exceptions';
  return checked === 0 ? 'nothing' : 'conforms';
}

type Found = { checked: number; exceptions: string[] } | null;

/** The receipts of the year: each with its 文号 and its 签收人. */
function registration(db: Db, y: PackYear, l: Language): Found {
  const received = yearItems(db, 'received', y);
  const rows = all<{ receipt_no: string; doc_number: string; signer: string | null }>(
    db,
    sql`SELECT d.receipt_no, d.doc_number, json_extract(e.details, '$.handledBy') AS signer FROM events e JOIN documents d ON d.id = e.document_id
        WHERE e.id IN (SELECT value FROM json_each(${ids(received)})) ORDER BY e.id`,
  );
  const exceptions = rows.flatMap((r) => {
    const why = [
      ...(r.doc_number.trim() === '' ? [say(PACK_EXCEPTION_TERMS.noDocNumber, l)] : []),
      ...(r.signer?.trim() ? [] : [say(PACK_EXCEPTION_TERMS.noSigner, l)]),
    ];
    return why.length ? [exception(r.receipt_no, listOf(why, l), l)] : [];
  });
  return { checked: received.length, exceptions };
}

/** The copies in custody: each in a cabinet that takes its level. */
function storage(db: Db, _y: PackYear, l: Language): Found {
  const rows = all<{ receipt_no: string; copy_no: number; level: Level; cabinet: Level | null }>(
    db,
    sql`SELECT d.receipt_no, c.copy_no, d.level, loc.max_level AS cabinet FROM copies c JOIN documents d ON d.id = c.document_id
        LEFT JOIN locations loc ON loc.id = c.location_id WHERE c.status = 'in_custody' AND d.voided_at IS NULL ORDER BY d.year, d.seq, c.copy_no`,
  );
  const exceptions = rows.flatMap((r) =>
    r.cabinet === null
      ? [exception(copyRef(r.receipt_no, formatCopyNo(r.copy_no), l), say(PACK_EXCEPTION_TERMS.noCabinet, l), l)]
      : levelFits(r.level, r.cabinet)
        ? []
        : [exception(copyRef(r.receipt_no, formatCopyNo(r.copy_no), l), say(PACK_EXCEPTION_TERMS.cabinetBelow, l), l)],
  );
  return { checked: rows.length, exceptions };
}

/** Each copy of the year with its approval record. */
function copying(db: Db, y: PackYear, l: Language): Found {
  const copied = yearItems(db, 'copied', y);
  const rows = all<{ receipt_no: string; copy_nos: string }>(
    db,
    sql`SELECT d.receipt_no, json_extract(e.details, '$.copyNos') AS copy_nos FROM events e JOIN documents d ON d.id = e.document_id
        WHERE e.id IN (SELECT value FROM json_each(${ids(copied)})) AND e.approval_id IS NULL ORDER BY e.id`,
  );
  return {
    checked: copied.length,
    exceptions: rows.map((r) =>
      exception(copyRef(r.receipt_no, compressCopyNos(JSON.parse(r.copy_nos) as number[]), l), say(PACK_EXCEPTION_TERMS.noApproval, l), l),
    ),
  };
}

/** The copies lent this year; late: each back after its due date this year, and each still out past it. */
function lending(db: Db, y: PackYear, l: Language): Found {
  const lent = yearItems(db, 'lent', y).reduce((n, i) => n + (i.copies ?? 0), 0);
  const late = yearItems(db, 'lateReturns', y).map((i) =>
    exception(copyRef(i.label, formatCopyNo(i.copyNo!), l), fillPack(say(PACK_EXCEPTION_TERMS.returnedLate, l), { n: i.daysLate! }), l),
  );
  const out = all<{ receipt_no: string; copy_no: number }>(
    db,
    sql`SELECT d.receipt_no, c.copy_no FROM copies c JOIN documents d ON d.id = c.document_id
        WHERE c.status = 'on_loan' AND d.voided_at IS NULL AND c.due_at < ${y.asOf} AND c.due_at >= ${y.range.from} AND c.due_at <= ${y.range.to} ORDER BY d.year, d.seq, c.copy_no`,
  ).map((r) => exception(copyRef(r.receipt_no, formatCopyNo(r.copy_no), l), say(PACK_EXCEPTION_TERMS.stillOut, l), l));
  return { checked: lent, exceptions: [...late, ...out] };
}

/** The items the issuer wants back by a day of this year already past: back by then, or not. */
function returning(db: Db, y: PackYear, l: Language): Found {
  const rows = all<{ receipt_no: string; return_by: string; returned: string | null; held: number }>(
    db,
    sql`SELECT d.receipt_no, d.return_by, d.held_originals AS held,
          (SELECT max(CASE WHEN length(e.at) = 10 THEN e.at ELSE date(e.at, 'localtime') END) FROM events e WHERE e.document_id = d.id AND e.kind = 'return_to_issuer') AS returned
        FROM documents d WHERE d.must_return = 1 AND d.voided_at IS NULL AND d.return_by >= ${y.range.from} AND d.return_by <= ${y.range.to} AND d.return_by < ${y.asOf}
        ORDER BY d.year, d.seq`,
  );
  const exceptions = rows.flatMap((r) =>
    r.held > 0
      ? [exception(r.receipt_no, say(PACK_EXCEPTION_TERMS.notReturned, l), l)]
      : r.returned !== null && r.returned > r.return_by
        ? [exception(r.receipt_no, say(PACK_EXCEPTION_TERMS.returnLate, l), l)]
        : [],
  );
  return { checked: rows.length, exceptions };
}

/** Each destruction of the year (documents, and devices scrapped or destroyed): its approval record and its two people. */
function destruction(db: Db, y: PackYear, l: Language): Found {
  const documents = yearItems(db, 'destroyed', y);
  const devices = [...yearItems(db, 'devicesScrapped', y), ...yearItems(db, 'devicesDestroyed', y)];
  const docRows = all<{ receipt_no: string; approval_id: number | null; destroyers: string | null; witnesses: string | null; copy_nos: string }>(
    db,
    sql`SELECT d.receipt_no, e.approval_id, json_extract(e.details, '$.destroyers') AS destroyers, json_extract(e.details, '$.witnesses') AS witnesses,
          (SELECT json_group_array(c.copy_no) FROM event_copies ec JOIN copies c ON c.id = ec.copy_id WHERE ec.event_id = e.id) AS copy_nos
        FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id IN (SELECT value FROM json_each(${ids(documents)})) ORDER BY e.id`,
  );
  const deviceRows = all<{ code: string; approval_id: number | null }>(
    db,
    sql`SELECT coalesce(pc.code, md.code) AS code, v.approval_id FROM device_events v
        LEFT JOIN computers pc ON v.device = 'computer' AND pc.id = v.device_id LEFT JOIN media md ON v.device = 'medium' AND md.id = v.device_id
        WHERE v.id IN (SELECT value FROM json_each(${ids(devices)})) ORDER BY v.id`,
  );
  const people = (json: string | null) => (json ? (JSON.parse(json) as string[]) : []);
  const exceptions = [
    ...docRows.flatMap((r) => {
      const why = [
        ...(r.approval_id === null ? [say(PACK_EXCEPTION_TERMS.noApproval, l)] : []),
        ...(new Set([...people(r.destroyers), ...people(r.witnesses)]).size < 2 ? [say(PACK_EXCEPTION_TERMS.fewWitnesses, l)] : []),
      ];
      return why.length ? [exception(copyRef(r.receipt_no, compressCopyNos(JSON.parse(r.copy_nos) as number[]), l), listOf(why, l), l)] : [];
    }),
    ...deviceRows.flatMap((r) => (r.approval_id === null ? [exception(r.code, say(PACK_EXCEPTION_TERMS.noApproval, l), l)] : [])),
  ];
  return { checked: documents.length + devices.length, exceptions };
}

/** The classified computers of the year's list: each on a network its level allows. */
function network(db: Db, y: PackYear, l: Language): Found {
  const rows = packComputers(db, y);
  const exceptions = rows.flatMap((c) => {
    try {
      assertNetworkAllowed(c.level, c.network);
      return [];
    } catch {
      return [exception(c.code, fillPack(say(PACK_EXCEPTION_TERMS.onNetwork, l), { network: say(NETWORK_TERMS[c.network], l) }), l)];
    }
  });
  return { checked: rows.length, exceptions };
}

/**
 * The classified computers of the year's list: each with 违规外联监控 and 三合一 recorded as installed. Not installed
 * and not recorded (a computer registered before the fields existed, nothing said since) are both exceptions, in
 * words of their own.
 */
function monitoring(db: Db, y: PackYear, l: Language): Found {
  const rows = packComputers(db, y);
  const exceptions = rows.flatMap((c) => {
    const why = [
      ...(c.monitoring === 1 ? [] : [MONITORING_EXCEPTION_TERMS[c.monitoring === null ? 'monitoringUnknown' : 'monitoringMissing']]),
      ...(c.three_in_one === 1 ? [] : [MONITORING_EXCEPTION_TERMS[c.three_in_one === null ? 'threeInOneUnknown' : 'threeInOneMissing']]),
    ];
    return why.length
      ? [
          exception(
            c.code,
            listOf(
              why.map((w) => say(w, l)),
              l,
            ),
            l,
          ),
        ]
      : [];
  });
  return { checked: rows.length, exceptions };
}

interface UsageRow {
  medium_id: number;
  computer_id: number;
  data_level: Level;
  medium_level: DeviceLevel;
}

/**
 * The media use of the year, with the medium's level as it was when the use was entered (a later change of level
 * names the level before it); the computer's as registered.
 */
function usageOfYear(db: Db, y: PackYear): (UsageRow & { medium: MediumRow; computer: ComputerRow })[] {
  const used = yearItems(db, 'mediaUsage', y);
  const rows = all<UsageRow>(
    db,
    sql`SELECT u.medium_id, u.computer_id, u.data_level,
          coalesce((SELECT json_extract(v.details, '$.before.level') FROM device_events v WHERE v.device = 'medium' AND v.device_id = u.medium_id
            AND v.kind = 'change' AND v.recorded_at > u.recorded_at AND json_extract(v.details, '$.before.level') IS NOT NULL ORDER BY v.id LIMIT 1), m.level) AS medium_level
        FROM media_usage u JOIN media m ON m.id = u.medium_id WHERE u.id IN (SELECT value FROM json_each(${ids(used)})) ORDER BY u.id`,
  );
  const media = new Map(all<MediumRow>(db, sql`SELECT * FROM media`).map((m) => [m.id, m]));
  const computers = new Map(all<ComputerRow>(db, sql`SELECT * FROM computers`).map((c) => [c.id, c]));
  return rows.map((r) => ({ ...r, medium: { ...media.get(r.medium_id)!, level: r.medium_level }, computer: computers.get(r.computer_id)! }));
}

/** Use on a non-classified computer: never with classified data. */
function plainProcessing(db: Db, y: PackYear, l: Language): Found {
  const rows = usageOfYear(db, y).filter((u) => u.computer.level === 'non_secret');
  const exceptions = rows
    .filter((u) => isClassified(u.data_level))
    .map((u) =>
      exception(`${u.computer.code} ${u.medium.code}`, fillPack(say(PACK_EXCEPTION_TERMS.secretsOnPlain, l), { level: say(LEVEL_TERMS[u.data_level], l) }), l),
    );
  return { checked: rows.length, exceptions };
}

/** Each use of a medium: on a computer its level allows, with data no higher than the medium's (the rules the ledger applies). */
function crossUse(db: Db, y: PackYear, l: Language): Found {
  const rows = usageOfYear(db, y);
  const exceptions = rows.flatMap((u) => {
    try {
      assertCompatible(u.medium, u.computer);
      assertDataFits(u.medium, u.data_level);
      return [];
    } catch {
      return [exception(`${u.medium.code} ${u.computer.code}`, say(PACK_EXCEPTION_TERMS.crossUse, l), l)];
    }
  });
  return { checked: rows.length, exceptions };
}

/** The year's stocktakes: a copy they found missing and no one has found since. Without one, nothing is claimed. */
function inventory(db: Db, y: PackYear, l: Language): Found {
  const held = all<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM (SELECT b.at AS at FROM batches b WHERE b.kind = 'inventory') WHERE ${inDates(y.range)}`,
  )[0]!.n;
  if (held === 0) return null;
  const missing = yearItems(db, 'missing', y);
  const rows = all<{ receipt_no: string; copy_no: number }>(
    db,
    sql`SELECT DISTINCT d.receipt_no, c.copy_no FROM events e JOIN documents d ON d.id = e.document_id JOIN json_each(e.details, '$.missing') m
        JOIN copies c ON c.document_id = e.document_id AND c.copy_no = m.value
        WHERE e.id IN (SELECT value FROM json_each(${ids(missing)})) AND c.status = 'missing' ORDER BY d.year, d.seq, c.copy_no`,
  );
  return {
    checked: held,
    exceptions: rows.map((r) => exception(copyRef(r.receipt_no, formatCopyNo(r.copy_no), l), say(PACK_EXCEPTION_TERMS.stillMissing, l), l)),
  };
}

/**
 * 整改: the year's findings (and earlier ones still open when it began), each rectified by its standing deadline with
 * an approver's confirmation. Open past the deadline on the pack's day, or done after it, is an exception.
 */
function rectification(db: Db, y: PackYear, l: Language): Found {
  const findings = findingsOfYear(db, y.year, y.asOf);
  const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  const exceptions = findings.flatMap((f) => {
    if (f.status === 'overdue') return [exception(f.no, say(PACK_EXCEPTION_TERMS.findingOverdue, l), l)];
    // Done after the deadline, whether confirmed already or awaiting the approver.
    const done = f.closedOn ?? (f.status === 'awaiting' ? f.closes.at(-1)?.closedOn : undefined);
    if (done && done > f.deadline) return [exception(f.no, fillPack(say(PACK_EXCEPTION_TERMS.findingLate, l), { n: days(f.deadline, done) }), l)];
    return [];
  });
  return { checked: findings.length, exceptions };
}

/** The classified computers the unit had in the year: registered by its end, not scrapped or destroyed before it began. */
export function packComputers(db: Db, y: PackYear): ComputerRow[] {
  return all<ComputerRow>(
    db,
    sql`SELECT * FROM computers c WHERE c.level <> 'non_secret' AND c.enabled_at <= ${y.range.to}
          AND NOT EXISTS (SELECT 1 FROM device_events v WHERE v.device = 'computer' AND v.device_id = c.id AND v.kind IN ('scrap', 'destroy') AND v.at < ${y.range.from})
        ORDER BY c.code`,
  );
}

const CHECKS: Record<PackCheck, (db: Db, y: PackYear, l: Language) => Found> = {
  registration,
  storage,
  copying,
  lending,
  returning,
  destruction,
  network,
  plainProcessing,
  crossUse,
  inventory,
  monitoring,
  rectification,
};

export function packChecks(db: Db, y: PackYear, language: Language): PackCheckResult[] {
  return PACK_CHECKS.map((check) => {
    const found = CHECKS[check](db, y, language);
    return found === null
      ? { check, checked: null, exceptions: [], verdict: 'notAssessed' }
      : { check, checked: found.checked, exceptions: found.exceptions, verdict: verdictOf(found.checked, found.exceptions) };
  });
}

/** What a check counted, said: 本年度复制 3 次. */
export const checkScope = (r: PackCheckResult, language: Language): string =>
  r.checked === null ? '' : fillPack(say(PACK_CHECK_SCOPE_TERMS[r.check], language), { n: r.checked });

export const checkText = (check: PackCheck, language: Language): string => say(PACK_CHECK_TERMS[check], language);
