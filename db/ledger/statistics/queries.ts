// 统计: each figure is one query of the items it counts (figureRows); the figures group it, the item list pages it,
// so a count and its list can never disagree. Dates are what happened (`at`), on the custodian's calendar; levels,
// carriers and 份数 are the register's as corrected; a voided registration counts nowhere.
import {
  figureApplies,
  STATISTIC_FIGURE_DEFS,
  STATISTIC_FIGURES,
  type AuditChainState,
  type StatisticFigure,
  type StatisticFilter,
} from '../../domain/statistics';
import { all, get, sql, type Db } from '../../store/sql';
import type { StatisticsCell, StatisticsFigureView, StatisticsItemView, StatisticsView } from '../../views';

export interface StatisticsFilters {
  from: string;
  to: string;
  department?: string | undefined;
  cabinetId?: number | undefined;
}

/** One cell of a figure's breakdowns: what the item list is narrowed to. */
export interface StatisticsCellFilter {
  level?: string | undefined;
  group?: string | undefined;
  month?: string | undefined;
}

type Fragment = ReturnType<typeof sql>;

/** The day something happened: a date as given, a date-time on the local calendar. */
const dayOf = (column: string) => sql.trusted(`(CASE WHEN length(${column}) = 10 THEN ${column} ELSE date(${column}, 'localtime') END)`);

/** The day something happened as the list shows it, and the stored time the figures compare (null: a holding, now). */
const timeColumns = (column: string | null) =>
  column === null ? sql.trusted('NULL AS day, NULL AS at') : sql.trusted(`${dayOf(column).text} AS day, ${column} AS at`);

/** The day before `from` and the day after `to`: the stored text of every time on those local days sorts between. */
function widened(f: StatisticsFilters): { lo: string; hi: string } {
  const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return { lo: shift(f.from, -1), hi: shift(f.to, 2) };
}

const inRange = (column: string, f: StatisticsFilters) => {
  const { lo, hi } = widened(f);
  return sql`${sql.trusted(column)} >= ${lo} AND ${sql.trusted(column)} < ${hi}`;
};

const HELD = sql.trusted(`('in_custody', 'on_loan')`);

/**
 * The columns every figure's rows have: key (unique per item), day, level, grp (the second breakdown), copies (份,
 * null where a figure counts no copies), the subject (what the row opens), and what the list shows of it.
 */
const documentColumns = (key: Fragment, time: string | null, copies: Fragment, extra: Fragment) => sql`${key} AS key, ${timeColumns(time)}, d.level AS level,
  d.carrier AS grp, ${copies} AS copies, 'document' AS subject_type, d.id AS subject_id, d.receipt_no AS label, d.title AS title, ${extra}`;

const none = sql.trusted('NULL AS copy_no, NULL AS days_late, NULL AS detail');
const eventCopies = sql.trusted('(SELECT count(*) FROM event_copies ec WHERE ec.event_id = e.id)');

/** Document events of one kind in the dates (the registration not voided). */
function documentEvents(kind: string, f: StatisticsFilters, copies: Fragment, detail: Fragment = sql.trusted('NULL'), where: Fragment = sql``): Fragment {
  return sql`SELECT ${documentColumns(sql.trusted("'e' || e.id"), 'e.at', copies, sql`NULL AS copy_no, NULL AS days_late, ${detail} AS detail`)}
    FROM events e JOIN documents d ON d.id = e.document_id
    WHERE e.kind = ${kind} AND ${inRange('e.at', f)} AND d.voided_at IS NULL ${where}`;
}

const departmentIs = (column: string, f: StatisticsFilters) => (f.department === undefined ? sql`` : sql`AND ${sql.trusted(column)} = ${f.department}`);

/** The loan a copy came back from: the last 借阅 of it entered before the return. */
const openingLoan = sql.trusted(`(SELECT le.id FROM event_copies lc JOIN events le ON le.id = lc.event_id
  WHERE lc.copy_id = c.id AND le.kind = 'lend' AND le.id < e.id ORDER BY le.id DESC LIMIT 1)`);

function deviceEvents(kind: string, f: StatisticsFilters): Fragment {
  return sql`SELECT 'v' || v.id AS key, ${timeColumns('v.at')}, coalesce(pc.level, md.level) AS level, v.device AS grp, NULL AS copies,
      v.device AS subject_type, v.device_id AS subject_id, coalesce(pc.code, md.code) AS label, coalesce(pc.name, md.model) AS title, ${none}
    FROM device_events v LEFT JOIN computers pc ON v.device = 'computer' AND pc.id = v.device_id LEFT JOIN media md ON v.device = 'medium' AND md.id = v.device_id
    WHERE v.kind = ${kind} AND ${inRange('v.at', f)} ${departmentIs('coalesce(pc.department, md.department)', f)}`;
}

/** Copies held now in the chosen cabinet (all held copies without one); `originals`: not 复制件. */
function heldIn(f: StatisticsFilters, originals: boolean): Fragment {
  if (f.cabinetId === undefined) return sql.trusted(originals ? 'd.held_originals' : 'd.held_copies');
  return sql`(SELECT count(*) FROM copies c WHERE c.document_id = d.id AND c.location_id = ${f.cabinetId} AND c.status IN ${HELD}
    ${sql.trusted(originals ? 'AND c.reproduction = 0' : '')})`;
}

/** `index`: the partial index of exactly these items (without it the planner walks every item by level). */
function holdings(f: StatisticsFilters, originals: boolean, index: string, where: Fragment): Fragment {
  const rows = sql`SELECT ${documentColumns(sql.trusted("'d' || d.id"), null, heldIn(f, originals), none)} FROM documents d INDEXED BY ${sql.trusted(index)}
    WHERE d.voided_at IS NULL ${where}`;
  // In a cabinet, an item counts when it holds copies there; without one, \`where\` says it holds some.
  return f.cabinetId === undefined ? rows : sql`SELECT * FROM (${rows}) WHERE copies > 0`;
}

/** The items one figure counts, unfiltered by breakdown cell: every figure, every list is this. */
function figureRows(figure: StatisticFigure, f: StatisticsFilters): Fragment {
  switch (figure) {
    case 'received':
    case 'produced':
      // 份数 as corrected: the originals still registered (a correction adds or takes some off).
      return documentEvents(
        figure === 'received' ? 'receive' : 'produce',
        f,
        sql.trusted(`(SELECT count(*) FROM copies c INDEXED BY copies_originals WHERE c.document_id = d.id AND c.reproduction = 0 AND c.status <> 'voided')`),
      );
    case 'copied':
      return documentEvents('copy', f, sql.trusted(`json_array_length(e.details, '$.copyNos')`));
    case 'lent':
      return documentEvents(
        'lend',
        f,
        eventCopies,
        sql.trusted(`json_extract(e.details, '$.department')`),
        departmentIs(`json_extract(e.details, '$.department')`, f),
      );
    case 'returnedToIssuer':
      return documentEvents('return_to_issuer', f, eventCopies, sql.trusted('e.counterpart'));
    case 'destroyed':
      return documentEvents('destroy', f, eventCopies, sql.trusted(`json_extract(e.details, '$.method')`));
    case 'declassified':
      return documentEvents('declassify', f, sql.trusted('NULL'));
    case 'lateReturns':
      // Each copy back after its due date, with the days late; the return named them when it was entered.
      return sql`SELECT * FROM (SELECT ${documentColumns(
        sql.trusted("'e' || e.id || '-' || c.id"),
        'e.at',
        sql.trusted('1'),
        sql`c.copy_no AS copy_no, CAST(julianday(${dayOf('e.at')}) - julianday(json_extract(le.details, '$.dueAt')) AS INTEGER) AS days_late,
            json_extract(le.details, '$.department') AS detail`,
      )}
        FROM events e INDEXED BY events_late_returns JOIN documents d ON d.id = e.document_id JOIN json_each(e.details, '$.overdue') o
        JOIN copies c ON c.document_id = e.document_id AND c.copy_no = o.value JOIN events le ON le.id = ${openingLoan}
        WHERE e.kind = 'return_loan' AND json_array_length(e.details, '$.overdue') > 0 AND ${inRange('e.at', f)} AND d.voided_at IS NULL ${departmentIs(`json_extract(le.details, '$.department')`, f)})
        WHERE days_late > 0`;
    case 'missing':
      return sql`SELECT ${documentColumns(sql.trusted("'e' || e.id || '-' || c.id"), 'e.at', sql.trusted('1'), sql.trusted('c.copy_no AS copy_no, NULL AS days_late, NULL AS detail'))}
        FROM events e INDEXED BY events_inventory_missing JOIN documents d ON d.id = e.document_id JOIN json_each(e.details, '$.missing') m
        JOIN copies c ON c.document_id = e.document_id AND c.copy_no = m.value
        WHERE e.kind = 'inventory' AND json_array_length(e.details, '$.missing') > 0 AND ${inRange('e.at', f)} AND d.voided_at IS NULL`;
    case 'found':
      return sql`SELECT ${documentColumns(sql.trusted("'e' || e.id || '-' || c.id"), 'e.at', sql.trusted('1'), sql.trusted('c.copy_no AS copy_no, NULL AS days_late, NULL AS detail'))}
        FROM events e JOIN documents d ON d.id = e.document_id JOIN event_copies ec ON ec.event_id = e.id JOIN copies c ON c.id = ec.copy_id
        WHERE e.kind = 'found' AND ${inRange('e.at', f)} AND d.voided_at IS NULL`;
    case 'mediaUsage':
      return sql`SELECT 'u' || u.id AS key, ${timeColumns('u.at')}, u.data_level AS level, m.level AS grp, NULL AS copies,
          'medium' AS subject_type, m.id AS subject_id, m.code AS label, m.model AS title, ${none}
        FROM media_usage u JOIN media m ON m.id = u.medium_id WHERE ${inRange('u.at', f)} ${departmentIs('m.department', f)}`;
    case 'devicesEnabled':
      return deviceEvents('enable', f);
    case 'devicesRepaired':
      return deviceEvents('repair', f);
    case 'devicesStopped':
      return deviceEvents('stop', f);
    case 'devicesScrapped':
      return deviceEvents('scrap', f);
    case 'devicesDestroyed':
      return deviceEvents('destroy', f);
    case 'backups':
      return sql`SELECT 'b' || b.id AS key, ${timeColumns('b.at')}, m.level AS level, NULL AS grp, NULL AS copies,
          'backup' AS subject_type, b.id AS subject_id, b.name AS label, m.code AS title, ${none}
        FROM backups b JOIN media m ON m.id = b.medium_id WHERE ${inRange('b.at', f)}`;
    case 'refusals':
      // By rule: the error code, and the rule its details name when it has several (E_DATE_ORDER before_opening ...).
      return sql`SELECT 'a' || a.seq AS key, ${timeColumns('a.at')}, NULL AS level,
          a.error_code || coalesce('/' || json_extract(a.summary, '$.details.rule'), '') AS grp, NULL AS copies,
          'audit' AS subject_type, a.seq AS subject_id, a.action AS label, a.target AS title, ${none}
        FROM audit_log a WHERE a.outcome = 'refused' AND ${inRange('a.at', f)}`;
    case 'heldNow':
      return holdings(f, false, 'documents_held_now', sql`AND d.held_copies > 0`);
    case 'awaitingReturnNow':
      return holdings(f, true, 'documents_awaiting_return', sql`AND d.must_return = 1 AND d.held_originals > 0`);
    case 'onLoanNow':
      return sql`SELECT ${documentColumns(sql.trusted("'c' || c.id"), null, sql.trusted('1'), sql.trusted('c.copy_no AS copy_no, NULL AS days_late, c.holder AS detail'))}
        FROM copies c JOIN documents d ON d.id = c.document_id
        WHERE c.status = 'on_loan' AND d.voided_at IS NULL
          ${f.cabinetId === undefined ? sql`` : sql`AND c.location_id = ${f.cabinetId}`} ${departmentIs('c.holder_department', f)}`;
  }
}

/** The instant a local calendar day begins, as stored times are written (toISOString, UTC). */
const startOf = (day: string): string => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))).toISOString();

/** The local day after `day`. */
const nextDay = (day: string): string => {
  const d = new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * A stored time within the dates, on the local calendar: a date as it is; a UTC time against the instants the first
 * day begins and the day after the last begins (text order, no conversion per row); a time with an offset converted.
 */
export const inDates = (f: StatisticsFilters): Fragment =>
  sql`((length(at) = 10 AND at BETWEEN ${f.from} AND ${f.to}) OR (substr(at, -1) = 'Z' AND at >= ${startOf(f.from)} AND at < ${startOf(nextDay(f.to))})
       OR (length(at) > 10 AND substr(at, -1) <> 'Z' AND date(at, 'localtime') BETWEEN ${f.from} AND ${f.to}))`;

/** The local month (YYYY-MM) of a stored time in the dates, a UTC one by the instants the months begin. */
function monthOf(f: StatisticsFilters): Fragment {
  const months: string[] = [];
  for (let m = f.from.slice(0, 7); m <= f.to.slice(0, 7);) {
    months.push(m);
    const [y, mm] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  const steps = months.slice(1).map((m, i) => sql`WHEN at < ${startOf(`${m}-01`)} THEN ${months[i]!}`);
  return sql`(CASE WHEN at IS NULL THEN NULL WHEN length(at) = 10 THEN substr(at, 1, 7) WHEN substr(at, -1) <> 'Z' THEN substr(date(at, 'localtime'), 1, 7)
    ${sql.join(steps, ' ')} ELSE ${months.at(-1)!} END)`;
}

/** The figure's rows in the dates (a holding is now, whatever the dates), narrowed to one cell when asked. */
function cellRows(figure: StatisticFigure, f: StatisticsFilters, cell: StatisticsCellFilter = {}): Fragment {
  const where = [
    STATISTIC_FIGURE_DEFS[figure].dated ? inDates(f) : sql`1`,
    ...(cell.level === undefined ? [] : [sql`level = ${cell.level}`]),
    ...(cell.group === undefined ? [] : [sql`grp = ${cell.group}`]),
    ...(cell.month === undefined ? [] : [sql`${monthOf(f)} = ${cell.month}`]),
  ];
  return sql`SELECT * FROM (${figureRows(figure, f)}) WHERE ${sql.join(where, ' AND ')}`;
}

/** The filters chosen besides the dates. */
const chosenFilters = (f: StatisticsFilters): StatisticFilter[] => [
  ...(f.department === undefined ? [] : (['department'] as const)),
  ...(f.cabinetId === undefined ? [] : (['cabinet'] as const)),
];

interface CellRow {
  level: string | null;
  grp: string | null;
  month: string | null;
  n: number;
  copies: number | null;
}

function add(cells: Record<string, StatisticsCell>, key: string | null, row: CellRow): void {
  if (key === null) return;
  const cell = (cells[key] ??= { count: 0, copies: null });
  cell.count += row.n;
  if (row.copies !== null) cell.copies = (cell.copies ?? 0) + row.copies;
}

/** A figure's count by level, group and month (the speed test reads its plan). */
export const figureQuery = (figure: StatisticFigure, f: StatisticsFilters): Fragment =>
  sql`SELECT level, grp, ${monthOf(f)} AS month, count(*) AS n, sum(copies) AS copies FROM (${cellRows(figure, f)}) GROUP BY 1, 2, 3`;

/** One figure's count and breakdowns (the overview reads the holdings of now through it). */
export function figureOf(db: Db, figure: StatisticFigure, f: StatisticsFilters): StatisticsFigureView {
  const rows = all<CellRow>(db, figureQuery(figure, f));
  const view: StatisticsFigureView = { figure, count: 0, copies: null, byLevel: {}, byGroup: {}, byMonth: {} };
  for (const r of rows) {
    view.count += r.n;
    if (r.copies !== null) view.copies = (view.copies ?? 0) + r.copies;
    add(view.byLevel, r.level, r);
    add(view.byGroup, r.grp, r);
    add(view.byMonth, r.month, r);
  }
  return view;
}

/**
 * The audit chain: its head now, and the last check of the whole chain (audit.verify, the auditor's audited walk) with
 * what it found and how many checks the dates saw. Read from the log itself, never walked here: a walk of a decade of
 * entries is the auditor's check, and its result is itself an entry of the chain.
 */
function auditChainState(db: Db, f: StatisticsFilters): AuditChainState {
  const head = get<{ seq: number }>(db, sql`SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1`);
  const last = get<{ at: string; by: string; summary: string }>(
    db,
    sql`SELECT a.at, coalesce(u.display_name, a.actor) AS by, a.summary FROM audit_log a LEFT JOIN accounts u ON u.username = a.actor
        WHERE a.action = 'audit.verify' AND a.outcome = 'ok' ORDER BY a.seq DESC LIMIT 1`,
  );
  const checks = all<{ at: string }>(db, sql`SELECT at FROM (SELECT at FROM audit_log WHERE action = 'audit.verify' AND outcome = 'ok') WHERE ${inDates(f)}`);
  const found = last ? (JSON.parse(last.summary) as { intact?: boolean; count?: number; firstBroken?: number }) : null;
  return {
    headSeq: head?.seq ?? 0,
    lastCheck:
      last && found ? { at: last.at, by: last.by, intact: found.intact === true, count: found.count ?? null, firstBroken: found.firstBroken ?? null } : null,
    checksInDates: checks.length,
  };
}

/** Every figure for the dates and filters; a figure the filters cannot narrow is null. */
export function statisticsFigures(db: Db, f: StatisticsFilters): StatisticsView {
  const chosen = chosenFilters(f);
  const figures = Object.fromEntries(STATISTIC_FIGURES.map((figure) => [figure, figureApplies(figure, chosen) ? figureOf(db, figure, f) : null]));
  return {
    from: f.from,
    to: f.to,
    department: f.department ?? null,
    cabinetId: f.cabinetId ?? null,
    figures: figures as StatisticsView['figures'],
    auditChain: auditChainState(db, f),
  };
}

interface ItemRow {
  key: string;
  day: string | null;
  level: string | null;
  grp: string | null;
  copies: number | null;
  subject_type: StatisticsItemView['subject']['type'];
  subject_id: number;
  label: string | null;
  title: string | null;
  copy_no: number | null;
  days_late: number | null;
  detail: string | null;
}

/** The items behind a figure (or one cell of it), by day; `total` is the figure's count. */
export function statisticsItems(
  db: Db,
  figure: StatisticFigure,
  f: StatisticsFilters,
  cell: StatisticsCellFilter,
  page: { offset: number; limit: number },
): { total: number; items: StatisticsItemView[] } | null {
  if (!figureApplies(figure, chosenFilters(f))) return null;
  const rows = cellRows(figure, f, cell);
  const total = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM (${rows})`)!.n;
  const items = all<ItemRow>(db, sql`SELECT * FROM (${rows}) ORDER BY day, at, key LIMIT ${page.limit} OFFSET ${page.offset}`).map((r) => ({
    key: r.key,
    day: r.day,
    level: r.level,
    group: r.grp,
    copies: r.copies,
    subject: { type: r.subject_type, id: r.subject_id },
    label: r.label ?? '',
    title: r.title,
    copyNo: r.copy_no,
    daysLate: r.days_late,
    detail: r.detail,
  }));
  return { total, items };
}
