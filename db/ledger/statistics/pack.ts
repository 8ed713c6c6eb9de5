// 年度台账 / 自查材料 (issue 17): for a year, the carrier and device part of the self-inspection material as one
// ReportDocument — a one-page summary (the figures a report quotes, the check verdicts, the audit head), the year's
// registers shaped as the annual 保密工作台账's sections, and the check list with its evidence. Every list is the items
// behind its statistics figure (statistics.items), so the pack and the statistics cannot disagree. Reproducible: the
// same year and ledger state give the same blocks; only the summary's last line (who built it, when, at which audit
// head) differs, and the digest leaves that line out.
import { createHash } from 'node:crypto';
import { compressCopyNos } from '../../domain/copies';
import type { DocumentLevel, Level } from '../../domain/levels';
import {
  fillPack,
  PACK_COLUMN_TERMS,
  PACK_DISPOSAL_TERMS,
  PACK_PART_TERMS,
  PACK_SECTION_TERMS,
  PACK_TABLE_TERMS,
  PACK_SUMMARY_TERMS,
  PACK_TITLE,
  PACK_VERDICT_TERMS,
  PACK_VERDICTS,
  PACK_YEAR,
  type PackColumn,
  type PackSection,
} from '../../domain/pack';
import type { ReportBlock, ReportDocument } from '../../domain/report';
import { STATISTIC_DEVICE_TERMS, STATISTIC_FIGURE_DEFS, STATISTIC_FIGURE_TERMS, STATISTIC_UNIT_TERMS, type StatisticFigure } from '../../domain/statistics';
import { statisticsCharts } from '../../domain/statistics-charts';
import {
  CARRIER_TERMS,
  colonOf,
  DESTROY_METHOD_TERMS,
  DEVICE_STATUS_TERMS,
  LEVEL_TERMS,
  listOf,
  MEDIUM_TYPE_TERMS,
  NETWORK_TERMS,
  say,
  type Language,
} from '../../domain/terms';
import { all, get, sql, type Db } from '../../store/sql';
import type { StatisticsItemView } from '../../views';
import { securityOf, type MediumRow } from '../devices/devices';
import { INSTALLED_TERMS, installedKey } from '../../domain/computer-checks';
import { localDate } from '../documents/queries';
import { readSettings } from '../settings';
import { APPROVAL_COLUMNS, APPROVAL_JOIN, approvalText, type EventApproval } from '../sheets/approvals';
import { day, levelTracker, minute } from '../sheets/sheets';
import { checkScope, checkText, eventIdOf, packChecks, packComputers, yearItems, type PackYear } from './pack-checks';
import { statisticsFigures } from './queries';
import { FINDING_SEVERITY_TERMS, FINDING_STATUS_TERMS, FINDING_STATUSES, findingSourceText } from '../../domain/findings';
import { PUBLICATION_CHANNEL_TERMS, PUBLICATION_DECISION_TERMS, PUBLICATION_DECISIONS, PUBLICATION_STATE_TERMS } from '../../domain/publication';
import { findingsOfYear } from '../findings/queries';
import { reviewsOfYear } from '../publication/queries';
import { findingConfirmedText, findingDeadlineText } from '../sheets/findings';

/** Who builds the pack, when, and the audit chain's head then: the one line the digest leaves out. */
export interface PackBuild {
  by: string;
  at: string;
  auditHead: { seq: number; hash: string };
}

export interface Pack {
  document: ReportDocument;
  /** sha256 of the document without its build line: the same while the ledger's figures are the same. */
  digest: string;
  /** The charts the Word document needs drawn, by id. */
  chartIds: string[];
}

type Cell = string | number | null | undefined;

/**
 * The rows a list of the pack shows at most: the material quotes the year's registers, it does not reprint them (a
 * year of fifty thousand loans is the 借阅登记簿's, printed or exported in full from 统计); the count is always all.
 */
const LIST_LIMIT = 500;
/** The items a list shows: the first LIST_LIMIT, in the order they happened. */
const listed = (items: readonly StatisticsItemView[]) => items.slice(0, LIST_LIMIT);
const text = (c: Cell): string => (c === null || c === undefined ? '' : String(c));

/** A table of the pack: its columns by key with their widths, in the language; no rows, a line saying none. */
function table(
  caption: string,
  columns: readonly (readonly [PackColumn, number])[],
  rows: Cell[][],
  l: Language,
  labels: Partial<Record<PackColumn, string>> = {},
  total = rows.length,
): ReportBlock[] {
  if (rows.length === 0) return [{ kind: 'paragraph', text: `${caption}${l === 'en' ? ': ' : '：'}${say(PACK_SUMMARY_TERMS.none, l)}` }];
  const shown = rows.slice(0, LIST_LIMIT);
  return [
    {
      kind: 'table',
      caption,
      columns: columns.map(([key, width]) => ({ key, label: labels[key] ?? say(PACK_COLUMN_TERMS[key], l), width })),
      rows: shown.map((r) => r.map(text)),
    },
    ...(total > shown.length ? [{ kind: 'paragraph' as const, text: fillPack(say(PACK_SUMMARY_TERMS.more, l), { total, shown: shown.length }) }] : []),
  ];
}

const ids = (items: readonly StatisticsItemView[]) => JSON.stringify(items.map(eventIdOf));
const levelWord = (level: Level, l: Language) => say(LEVEL_TERMS[level], l);
/** Words after a label in brackets: 纸质（件/份）, Paper (items/copies). */
const bracketed = (label: string, inside: string, l: Language) => (l === 'en' ? `${label} (${inside})` : `${label}（${inside}）`);

/** The day overdue is counted at: the ledger's last entry (never the clock), within the year. */
function asOfDay(db: Db, year: number): string {
  const last = get<{ at: string | null }>(
    db,
    // Each register's last entry by its id (its rowid: no scan of a million events).
    sql`SELECT max(at) AS at FROM (SELECT (SELECT recorded_at FROM events ORDER BY id DESC LIMIT 1) AS at
          UNION ALL SELECT (SELECT recorded_at FROM device_events ORDER BY id DESC LIMIT 1) UNION ALL SELECT (SELECT recorded_at FROM media_usage ORDER BY id DESC LIMIT 1)
          UNION ALL SELECT (SELECT recorded_at FROM batches ORDER BY id DESC LIMIT 1)
          UNION ALL SELECT (SELECT recorded_at FROM findings ORDER BY id DESC LIMIT 1) UNION ALL SELECT (SELECT recorded_at FROM finding_plans ORDER BY id DESC LIMIT 1)
          UNION ALL SELECT (SELECT recorded_at FROM finding_closes ORDER BY id DESC LIMIT 1)
          UNION ALL SELECT (SELECT recorded_at FROM finding_confirmations ORDER BY close_id DESC LIMIT 1))`,
  )?.at;
  const end = `${year}-12-31`;
  const lastDay = last ? localDate(Date.parse(last)) : end;
  return lastDay < end ? lastDay : end;
}

interface Tracked {
  see(level: Level): void;
}

function receivedSection(items: readonly StatisticsItemView[], l: Language, tracker: Tracked): ReportBlock[] {
  const carriers = (Object.keys(CARRIER_TERMS) as (keyof typeof CARRIER_TERMS)[]).filter((c) => items.some((i) => i.group === c));
  const levels = (Object.keys(LEVEL_TERMS) as Level[]).filter((lv) => items.some((i) => i.level === lv));
  const cell = (of: readonly StatisticsItemView[]) => `${of.length} / ${of.reduce((n, i) => n + (i.copies ?? 0), 0)}`;
  for (const lv of levels) tracker.see(lv);
  const unit = `${say(STATISTIC_UNIT_TERMS.item, l)}/${say(STATISTIC_UNIT_TERMS.copy, l)}`;
  const columns: [string, string, number][] = [
    ['level', say(PACK_COLUMN_TERMS.level, l), 4],
    ...carriers.map((c): [string, string, number] => [c, bracketed(say(CARRIER_TERMS[c], l), unit, l), 4]),
    ['total', bracketed(say(PACK_COLUMN_TERMS.total, l), unit, l), 4],
  ];
  const rows = [
    ...levels.map((lv) => [
      levelWord(lv, l),
      ...carriers.map((c) => cell(items.filter((i) => i.level === lv && i.group === c))),
      cell(items.filter((i) => i.level === lv)),
    ]),
    [say(PACK_COLUMN_TERMS.total, l), ...carriers.map((c) => cell(items.filter((i) => i.group === c))), cell(items)],
  ];
  if (items.length === 0) return table(say(PACK_TABLE_TERMS.received, l), [], [], l);
  return [{ kind: 'table', caption: say(PACK_TABLE_TERMS.received, l), columns: columns.map(([key, label, width]) => ({ key, label, width })), rows }];
}

function producedSection(db: Db, items: readonly StatisticsItemView[], l: Language, tracker: Tracked): ReportBlock[] {
  const copies = new Map(items.map((i) => [eventIdOf(i), i.copies]));
  const rows = all<{ id: number; at: string; receipt_no: string; title: string; level: Level; classified_by: string | null; produced_by: string | null }>(
    db,
    sql`SELECT e.id, e.at, d.receipt_no, d.title, d.level, d.classified_by, json_extract(e.details, '$.handledBy') AS produced_by
        FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id IN (SELECT value FROM json_each(${ids(listed(items))})) ORDER BY e.id`,
  );
  return table(
    say(PACK_TABLE_TERMS.produced, l),
    [
      ['date', 5],
      ['receiptNo', 4],
      ['title', 12],
      ['level', 3],
      ['copies', 3],
      ['classifiedBy', 4],
      ['producedBy', 4],
    ],
    rows.map((r) => {
      tracker.see(r.level);
      return [day(r.at), r.receipt_no, r.title, levelWord(r.level, l), copies.get(r.id), r.classified_by, r.produced_by];
    }),
    l,
    {},
    items.length,
  );
}

interface EventRow extends EventApproval {
  id: number;
  at: string;
  receipt_no: string;
  title: string;
  level: Level;
  counterpart: string | null;
  details: string;
  copy_nos: string;
}

/** The events behind a figure's items (the first a list shows) with what their sections show, in the order they happened. */
function eventRows<R extends object = object>(db: Db, items: readonly StatisticsItemView[], extra = sql``, join = sql``): (EventRow & R)[] {
  const shown = listed(items);
  const order = new Map(shown.map((i, n) => [eventIdOf(i), n]));
  return all<EventRow & R>(
    db,
    sql`SELECT e.id, e.at, d.receipt_no, d.title, d.level, e.counterpart, e.approver, e.details,
          (SELECT json_group_array(c.copy_no) FROM event_copies ec JOIN copies c ON c.id = ec.copy_id WHERE ec.event_id = e.id) AS copy_nos
          ${APPROVAL_COLUMNS} ${extra}
        FROM events e JOIN documents d ON d.id = e.document_id ${APPROVAL_JOIN} ${join} WHERE e.id IN (SELECT value FROM json_each(${ids(shown)}))`,
  ).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** Who approved and how, from the approval record the event used; a name without a record is no approval. */
const approvalOf = (e: EventApproval, l: Language): string => (e.approval_way ? approvalText(e, l) : '');

const copyNosOf = (json: string) => compressCopyNos(JSON.parse(json) as number[]);

function copiedSection(db: Db, items: readonly StatisticsItemView[], l: Language, tracker: Tracked): ReportBlock[] {
  return table(
    say(PACK_TABLE_TERMS.copied, l),
    [
      ['date', 5],
      ['receiptNo', 4],
      ['title', 11],
      ['level', 3],
      ['sourceCopyNo', 3],
      ['copyNos', 4],
      ['copies', 2],
      ['approver', 7],
    ],
    eventRows(db, items).map((r) => {
      tracker.see(r.level);
      const d = JSON.parse(r.details) as { sourceCopyNo: number; copyNos: number[] };
      return [
        day(r.at),
        r.receipt_no,
        r.title,
        levelWord(r.level, l),
        compressCopyNos([d.sourceCopyNo]),
        compressCopyNos(d.copyNos),
        d.copyNos.length,
        approvalOf(r, l),
      ];
    }),
    l,
    {},
    items.length,
  );
}

function lentSection(db: Db, items: readonly StatisticsItemView[], l: Language, tracker: Tracked): ReportBlock[] {
  // The return of a loan: the first later return of the same item that takes back one of its copies (as the 借阅登记簿).
  const rows = eventRows<{ returned_at: string | null }>(
    db,
    items,
    sql`, (SELECT r2.at FROM events r2 WHERE r2.document_id = e.document_id AND r2.kind = 'return_loan' AND r2.id > e.id
          AND EXISTS (SELECT 1 FROM event_copies a JOIN event_copies b ON b.copy_id = a.copy_id WHERE a.event_id = e.id AND b.event_id = r2.id) ORDER BY r2.id LIMIT 1) AS returned_at`,
  );
  return table(
    say(PACK_TABLE_TERMS.lent, l),
    [
      ['date', 5],
      ['receiptNo', 4],
      ['title', 9],
      ['level', 3],
      ['copyNos', 3],
      ['borrower', 3],
      ['department', 3],
      ['dueAt', 5],
      ['loanApprover', 5],
      ['returnedAt', 5],
    ],
    rows.map((r) => {
      tracker.see(r.level);
      const d = JSON.parse(r.details) as { department?: string | null; dueAt?: string };
      return [
        day(r.at),
        r.receipt_no,
        r.title,
        levelWord(r.level, l),
        copyNosOf(r.copy_nos),
        r.counterpart,
        d.department,
        d.dueAt,
        approvalOf(r, l),
        day(r.returned_at),
      ];
    }),
    l,
    {},
    items.length,
  );
}

function returnedSection(db: Db, items: readonly StatisticsItemView[], l: Language, tracker: Tracked): ReportBlock[] {
  return table(
    say(PACK_TABLE_TERMS.returned, l),
    [
      ['date', 5],
      ['batchNo', 4],
      ['receiptNo', 4],
      ['title', 11],
      ['level', 3],
      ['copyNos', 4],
      ['toUnit', 6],
    ],
    eventRows(db, items).map((r) => {
      tracker.see(r.level);
      const d = JSON.parse(r.details) as { batchNo?: string };
      return [day(r.at), d.batchNo, r.receipt_no, r.title, levelWord(r.level, l), copyNosOf(r.copy_nos), r.counterpart];
    }),
    l,
    {},
    items.length,
  );
}

/** 销毁 / 报废: the documents destroyed, then the devices scrapped or destroyed, each with where it went and who approved. */
function disposedSection(db: Db, y: PackYear, l: Language, tracker: Tracked): ReportBlock[] {
  const destroyed = yearItems(db, 'destroyed', y);
  const docs = eventRows<{ carrier: keyof typeof CARRIER_TERMS; imported: 0 | 1 }>(db, destroyed, sql`, d.carrier, e.imported`).map((r) => {
    tracker.see(r.level);
    const d = JSON.parse(r.details) as { method?: keyof typeof DESTROY_METHOD_TERMS; place?: string; destroyers?: string[]; witnesses?: string[] };
    const copies = (JSON.parse(r.copy_nos) as number[]).length;
    return {
      at: r.at,
      cells: [
        day(r.at),
        say(CARRIER_TERMS[r.carrier], l),
        `${r.receipt_no} ${r.title}`,
        `${copies} ${say(STATISTIC_UNIT_TERMS.copy, l)}`,
        levelWord(r.level, l),
        r.imported ? say(PACK_DISPOSAL_TERMS.imported, l) : [d.method ? say(DESTROY_METHOD_TERMS[d.method], l) : '', d.place].filter(Boolean).join(' '),
        listOf(d.destroyers ?? [], l),
        listOf(d.witnesses ?? [], l),
        approvalOf(r, l),
      ],
    };
  });
  const deviceItems = [...yearItems(db, 'devicesScrapped', y), ...yearItems(db, 'devicesDestroyed', y)];
  const devices = all<
    EventApproval & {
      id: number;
      at: string;
      kind: 'scrap' | 'destroy';
      device: 'computer' | 'medium';
      code: string;
      title: string;
      level: Level;
      type: MediumRow['type'] | null;
      details: string;
      imported: 0 | 1;
    }
  >(
    db,
    sql`SELECT e.id, e.at, e.kind, e.device, coalesce(pc.code, md.code) AS code, coalesce(pc.name || ' ' || pc.model, md.model) AS title, coalesce(pc.level, md.level) AS level,
          md.type AS type, e.details, e.imported, json_extract(e.details, '$.approver') AS approver ${APPROVAL_COLUMNS}
        FROM device_events e LEFT JOIN computers pc ON e.device = 'computer' AND pc.id = e.device_id LEFT JOIN media md ON e.device = 'medium' AND md.id = e.device_id
        ${APPROVAL_JOIN} WHERE e.id IN (SELECT value FROM json_each(${ids(listed(deviceItems))})) ORDER BY e.id`,
  ).map((r) => {
    tracker.see(r.level);
    const d = JSON.parse(r.details) as { facility?: string | null };
    return {
      at: r.at,
      cells: [
        day(r.at),
        r.type ? say(MEDIUM_TYPE_TERMS[r.type], l) : say(STATISTIC_DEVICE_TERMS.computer, l),
        `${r.code} ${r.title}`,
        `1 ${say(PACK_SUMMARY_TERMS.unit, l)}`.trim(),
        levelWord(r.level, l),
        r.imported ? say(PACK_DISPOSAL_TERMS.imported, l) : `${say(PACK_DISPOSAL_TERMS[r.kind], l)} ${d.facility ?? ''}`.trim(),
        '',
        '',
        approvalOf(r, l),
      ],
    };
  });
  return table(
    say(PACK_TABLE_TERMS.disposed, l),
    [
      ['date', 5],
      ['carrier', 3],
      ['content', 10],
      ['quantity', 3],
      ['level', 3],
      ['destination', 6],
      ['handledBy', 3],
      ['witnesses', 3],
      ['approver', 6],
    ],
    [...docs, ...devices].map((r) => r.cells),
    l,
    {},
    destroyed.length + deviceItems.length,
  );
}

function computersSection(db: Db, y: PackYear, l: Language, tracker: Tracked): ReportBlock[] {
  return table(
    say(PACK_TABLE_TERMS.computers, l),
    [
      ['code', 4],
      ['responsible', 3],
      ['level', 2],
      ['model', 4],
      ['diskSerial', 4],
      ['place', 5],
      ['network', 3],
      ['threeInOne', 3],
      ['monitoring', 3],
      ['status', 2],
    ],
    packComputers(db, y).map((c) => {
      tracker.see(c.level);
      const security = securityOf(c);
      return [
        c.code,
        c.responsible,
        levelWord(c.level, l),
        c.model,
        c.disk_serial,
        `${c.department} / ${c.location}`,
        say(NETWORK_TERMS[c.network], l),
        say(INSTALLED_TERMS[installedKey(security.threeInOne)], l),
        say(INSTALLED_TERMS[installedKey(security.monitoring)], l),
        say(DEVICE_STATUS_TERMS[c.status], l),
      ];
    }),
    l,
  );
}

/** The classified media the unit had in the year (registered by its end, not disposed of before it began). */
function mediaSection(db: Db, y: PackYear, l: Language, tracker: Tracked): { blocks: ReportBlock[]; count: number } {
  const media = all<MediumRow>(
    db,
    sql`SELECT * FROM media m WHERE m.level <> 'non_secret' AND m.enabled_at <= ${y.range.to}
          AND NOT EXISTS (SELECT 1 FROM device_events v WHERE v.device = 'medium' AND v.device_id = m.id AND v.kind IN ('scrap', 'destroy') AND v.at < ${y.range.from})
        ORDER BY m.code`,
  );
  const blocks = table(
    say(PACK_TABLE_TERMS.media, l),
    [
      ['code', 4],
      ['type', 3],
      ['level', 3],
      ['responsible', 3],
      ['serial', 6],
      ['department', 4],
      ['status', 3],
    ],
    media.map((m) => {
      tracker.see(m.level);
      return [m.code, say(MEDIUM_TYPE_TERMS[m.type], l), levelWord(m.level, l), m.responsible, m.serial, m.department, say(DEVICE_STATUS_TERMS[m.status], l)];
    }),
    l,
  );
  return { blocks, count: media.length };
}

function repairsSection(db: Db, y: PackYear, l: Language, tracker: Tracked): ReportBlock[] {
  const repaired = yearItems(db, 'devicesRepaired', y);
  const rows = all<EventApproval & { at: string; code: string; name: string; level: Level; details: string }>(
    db,
    sql`SELECT e.at, pc.code, pc.name, pc.level, e.details, json_extract(e.details, '$.approver') AS approver ${APPROVAL_COLUMNS}
        FROM device_events e JOIN computers pc ON pc.id = e.device_id ${APPROVAL_JOIN}
        WHERE e.id IN (SELECT value FROM json_each(${ids(listed(repaired))})) AND e.device = 'computer' ORDER BY e.id`,
  );
  return table(
    say(PACK_TABLE_TERMS.repairs, l),
    [
      ['device', 6],
      ['level', 3],
      ['reason', 6],
      ['sentAt', 5],
      ['repairer', 5],
      ['escort', 3],
      ['approval', 6],
    ],
    rows.map((r) => {
      tracker.see(r.level);
      const d = JSON.parse(r.details) as { reason?: string; repairer?: string; escort?: string | null };
      return [`${r.code} ${r.name}`, levelWord(r.level, l), d.reason, day(r.at), d.repairer, d.escort, approvalOf(r, l)];
    }),
    l,
    {},
    repaired.length,
  );
}

/**
 * 信息公开保密审查: the year's reviews counted by decision (those not decided and those withdrawn apart, and how many
 * were published), then each review with its decision, who gave it and what became of it.
 */
function reviewsSection(db: Db, year: number, l: Language): ReportBlock[] {
  const { rows, counts } = reviewsOfYear(db, year);
  if (rows.length === 0) return table(say(PACK_TABLE_TERMS.reviews, l), [], [], l);
  const n = (k: number) => `${k}`;
  return [
    ...table(
      say(PACK_SUMMARY_TERMS.reviewCounts, l),
      [
        ['pubVerdict', 8],
        ['items', 4],
      ],
      [
        ...PUBLICATION_DECISIONS.map((d) => [say(PUBLICATION_DECISION_TERMS[d], l), n(counts[d])]),
        [say(PACK_SUMMARY_TERMS.reviewPending, l), n(counts.pending)],
        [say(PACK_SUMMARY_TERMS.reviewWithdrawn, l), n(counts.withdrawn)],
        [say(PACK_COLUMN_TERMS.total, l), n(counts.total)],
        [say(PACK_SUMMARY_TERMS.reviewPublished, l), n(counts.published)],
      ],
      l,
    ),
    ...table(
      say(PACK_TABLE_TERMS.reviews, l),
      [
        ['pubReviewNo', 4],
        ['pubOpenedAt', 4],
        ['pubTitle', 10],
        ['pubDepartment', 4],
        ['pubChannel', 3],
        ['pubVerdict', 4],
        ['pubReviewer', 3],
        ['pubDecidedAt', 4],
        ['pubState', 5],
      ],
      rows.map((r) => [
        r.reviewNo,
        day(r.openedAt),
        r.title,
        r.department,
        say(PUBLICATION_CHANNEL_TERMS[r.channel], l),
        r.decision ? say(PUBLICATION_DECISION_TERMS[r.decision.verdict], l) : '',
        r.decision?.by,
        day(r.decision?.at),
        r.publication ? `${say(PUBLICATION_STATE_TERMS.published, l)} ${day(r.publication.at)}` : say(PUBLICATION_STATE_TERMS[r.state], l),
      ]),
      l,
    ),
  ];
}

/**
 * 问题及整改: the findings of the year (and those of earlier years not rectified when it began), each with its plan and
 * where it stands on the pack's day, with their count by state.
 */
function findingsSection(db: Db, y: PackYear, l: Language, tracker: Tracked): ReportBlock[] {
  const findings = findingsOfYear(db, y.year, y.asOf);
  if (findings.length === 0) return table(say(PACK_TABLE_TERMS.findings, l), [], [], l);
  const levels = all<{ level: Level }>(
    db,
    sql`SELECT level FROM computers WHERE id IN (SELECT value FROM json_each(${JSON.stringify(findings.flatMap((f) => (f.computer ? [f.computer.id] : [])))}))`,
  );
  for (const r of levels) tracker.see(r.level);
  const byStatus = Object.fromEntries(FINDING_STATUSES.map((s) => [s, findings.filter((f) => f.status === s).length]));
  return [
    { kind: 'paragraph', text: fillPack(say(PACK_SUMMARY_TERMS.findings, l), { total: findings.length, ...byStatus }) },
    ...table(
      say(PACK_TABLE_TERMS.findings, l),
      [
        ['findingNo', 7],
        ['foundOn', 6],
        ['finding', 12],
        ['owner', 4],
        ['deadline', 6],
        ['measures', 8],
        ['done', 8],
        ['findingStatus', 7],
      ],
      findings.map((f) => {
        const close = f.closes.find((c) => c.confirmation?.decision === 'confirmed') ?? (f.status === 'awaiting' ? f.closes.at(-1) : undefined);
        const confirmed = findingConfirmedText(f, l);
        return [
          f.no,
          f.foundOn,
          // Portrait A4: where it came from leads the finding's cell, where and how grave close it.
          `${findingSourceText(f, l)}${colonOf(l)}${f.description}${
            l === 'en' ? ` (${f.place}; ${say(FINDING_SEVERITY_TERMS[f.severity], l)})` : `（${f.place}，${say(FINDING_SEVERITY_TERMS[f.severity], l)}）`
          }`,
          f.owner,
          findingDeadlineText(f, l),
          f.measures,
          close ? `${close.done} ${close.closedOn}` : '',
          [say(FINDING_STATUS_TERMS[f.status], l), confirmed].filter(Boolean).join(' '),
        ];
      }),
      l,
    ),
  ];
}

/** The figures a report quotes, with their units: each is the count of the statistics figure of the same name. */
const SUMMARY_FIGURES = [
  'received',
  'produced',
  'copied',
  'lent',
  'returnedToIssuer',
  'destroyed',
  'declassified',
  'lateReturns',
  'missing',
  'found',
  'mediaUsage',
  'devicesRepaired',
  'devicesScrapped',
  'devicesDestroyed',
  'backups',
  'refusals',
  'heldNow',
  'onLoanNow',
  'awaitingReturnNow',
] as const satisfies readonly StatisticFigure[];

/** The exceptions a point lists: each by its number, the first EXCEPTIONS_LISTED of many and how many in all. */
const EXCEPTIONS_LISTED = 50;
function exceptionsText(exceptions: readonly string[], l: Language): string {
  if (exceptions.length === 0) return say(PACK_SUMMARY_TERMS.none, l);
  const listedText = listOf(exceptions.slice(0, EXCEPTIONS_LISTED), l);
  return exceptions.length > EXCEPTIONS_LISTED ? `${listedText}${fillPack(say(PACK_SUMMARY_TERMS.moreExceptions, l), { n: exceptions.length })}` : listedText;
}

const digestOf = (doc: Omit<ReportDocument, 'blocks'>, blocks: readonly ReportBlock[]): string =>
  createHash('sha256')
    .update(JSON.stringify({ ...doc, blocks }))
    .digest('hex');

/** The annual pack of a year in one language; `build` only for its last summary line. */
export function buildPack(db: Db, year: number, language: Language, build: PackBuild): Pack {
  const l = language;
  const y: PackYear = { year, range: { from: `${year}-01-01`, to: `${year}-12-31` }, asOf: asOfDay(db, year) };
  const tracker = levelTracker();
  const view = statisticsFigures(db, y.range);
  const received = yearItems(db, 'received', y);

  const computers = computersSection(db, y, l, tracker);
  const media = mediaSection(db, y, l, tracker);
  const sections: Record<PackSection, ReportBlock[]> = {
    received: receivedSection(received, l, tracker),
    produced: producedSection(db, yearItems(db, 'produced', y), l, tracker),
    copied: copiedSection(db, yearItems(db, 'copied', y), l, tracker),
    lent: lentSection(db, yearItems(db, 'lent', y), l, tracker),
    returned: returnedSection(db, yearItems(db, 'returnedToIssuer', y), l, tracker),
    disposed: disposedSection(db, y, l, tracker),
    computers,
    media: media.blocks,
    repairs: repairsSection(db, y, l, tracker),
    reviews: reviewsSection(db, year, l),
    findings: findingsSection(db, y, l, tracker),
  };
  const checks = packChecks(db, y, l);
  const charts = statisticsCharts(view, yearItems(db, 'lateReturns', y), l);

  const count = (figure: StatisticFigure) => {
    const f = view.figures[figure]!;
    const unit = say(STATISTIC_UNIT_TERMS[STATISTIC_FIGURE_DEFS[figure].unit], l);
    return [
      say(STATISTIC_FIGURE_TERMS[figure], l),
      `${f.count} ${unit}`,
      f.copies === null || STATISTIC_FIGURE_DEFS[figure].unit === 'copy' ? '' : `${f.copies} ${say(STATISTIC_UNIT_TERMS.copy, l)}`,
    ];
  };
  const deviceUnit = say(PACK_SUMMARY_TERMS.unit, l);
  const computerCount = computers[0]?.kind === 'table' ? computers[0].rows.length : 0;
  const verdicts = Object.fromEntries(PACK_VERDICTS.map((v) => [v, checks.filter((c) => c.verdict === v).length]));
  const summary: ReportBlock[] = [
    { kind: 'heading', level: 1, text: say(PACK_PART_TERMS.summary, l) },
    { kind: 'paragraph', text: fillPack(say(PACK_SUMMARY_TERMS.period, l), { from: y.range.from, to: y.range.to, asOf: y.asOf }) },
    ...table(
      say(PACK_SUMMARY_TERMS.figures, l),
      [
        ['figure', 8],
        ['items', 4],
        ['copies', 4],
      ],
      [
        ...SUMMARY_FIGURES.map(count),
        [say(PACK_SUMMARY_TERMS.computers, l), `${computerCount} ${deviceUnit}`.trim(), ''],
        [say(PACK_SUMMARY_TERMS.media, l), `${media.count} ${deviceUnit}`.trim(), ''],
      ],
      l,
      { items: say(PACK_COLUMN_TERMS.quantity, l) },
    ),
    { kind: 'paragraph', text: fillPack(say(PACK_SUMMARY_TERMS.checks, l), { total: checks.length, ...verdicts }) },
  ];
  const blocks: ReportBlock[] = [
    ...summary,
    // Each chart's numbers print under it (the print view and the Word document add them).
    ...charts.map((chart): ReportBlock => ({ kind: 'chart', chart })),
    { kind: 'heading', level: 1, text: say(PACK_PART_TERMS.sections, l) },
    ...(Object.entries(sections) as [PackSection, ReportBlock[]][]).flatMap(([section, body]): ReportBlock[] => [
      { kind: 'heading', level: 2, text: say(PACK_SECTION_TERMS[section], l) },
      ...body,
    ]),
    { kind: 'heading', level: 1, text: say(PACK_PART_TERMS.checks, l) },
    ...table(
      say(PACK_SUMMARY_TERMS.checkList, l),
      [
        ['no', 2],
        ['point', 9],
        ['checked', 6],
        ['exceptions', 11],
        ['verdict', 6],
      ],
      checks.map((c, i) => [
        i + 1,
        checkText(c.check, l),
        checkScope(c, l),
        // Not assessed: no exception is claimed either way.
        c.verdict === 'notAssessed' ? '' : exceptionsText(c.exceptions, l),
        say(PACK_VERDICT_TERMS[c.verdict], l),
      ]),
      l,
    ),
  ];
  const marking = tracker.result(l);
  const frame: Omit<ReportDocument, 'blocks'> = {
    kind: 'report',
    sheet: null,
    orientation: 'portrait',
    title: say(PACK_TITLE, l),
    number: fillPack(say(PACK_YEAR, l), { year }),
    unitName: readSettings(db).unitName,
    markingText: marking.markingText,
    highestLevel: marking.highestLevel as DocumentLevel | null,
  };
  const digest = digestOf(frame, blocks);
  const head: ReportBlock = {
    kind: 'paragraph',
    text: fillPack(say(PACK_SUMMARY_TERMS.head, l), { by: build.by, at: minute(build.at), seq: build.auditHead.seq, hash: build.auditHead.hash.slice(0, 6) }),
  };
  // The build line closes the summary: the one page a report quotes carries the audit head it was built at.
  return { document: { ...frame, blocks: [...summary, head, ...blocks.slice(summary.length)] }, digest, chartIds: charts.map((c) => c.id) };
}
