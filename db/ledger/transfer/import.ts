// Importing a register from a spreadsheet: find the header, suggest the columns, and check every row with the
// rules of manual entry. The dry run and the import run the same checks; the import then writes every row, in bulk,
// when all passed, and the dry run rolls back whatever a check touched.
import type { z } from 'zod';
import { importIssueText } from '../../domain/import-issues';
import { say, type Term } from '../../domain/terms';
import { LedgerError } from '../../errors';
import type { Db } from '../../store/sql';
import { cellText, headerKey } from './normalize';
import { columnLetter, type Cell, type Grid, type ReadFile } from './read';
import {
  FIELDS,
  INPUT_FIELD_OWNER,
  REGISTER_NAMES,
  RowReader,
  type FieldProblem,
  type FieldSpec,
  type History,
  type ImportRegister,
  type RowInput,
} from './registers';

/** The header is looked for in the first rows (a title, a unit name or a blank row may come first). */
const HEADER_SEARCH_ROWS = 10;
const PREVIEW_ROWS = 10;

export interface ColumnView {
  index: number;
  letter: string;
  header: string;
}

export interface InspectView {
  format: ReadFile['format'];
  encoding: ReadFile['encoding'];
  sheets: { name: string; rows: number }[];
  sheet: string;
  /** 1-based, as the spreadsheet shows it; null when no row looks like a header. */
  headerRow: number | null;
  columns: ColumnView[];
  fields: { key: string; label: Term; required: boolean }[];
  /** field key -> column index (0 = A). */
  mapping: Record<string, number>;
  /** The first rows under the header, as text, with their row numbers. */
  preview: { row: number; cells: string[] }[];
  dataRows: number;
}

function pickSheet(file: ReadFile, name: string | undefined): Grid {
  const grid = name === undefined ? (file.sheets.find((s) => s.rows.length > 0) ?? file.sheets[0]) : file.sheets.find((s) => s.name === name);
  if (!grid) throw new LedgerError('E_IMPORT_NO_SHEET', { sheet: name ?? null, sheets: file.sheets.map((s) => s.name) });
  return grid;
}

function matchField(fields: readonly FieldSpec[], cell: Cell): FieldSpec | undefined {
  const key = headerKey(cell);
  return key ? fields.find((f) => f.headers.some((h) => headerKey(h) === key)) : undefined;
}

/** The row (1-based) among the first ones whose cells name the most fields; at least two must match. */
export function detectHeader(rows: readonly Cell[][], fields: readonly FieldSpec[]): number | null {
  let best: { row: number; score: number } | null = null;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((cells, i) => {
    const matched = new Set(cells.map((c) => matchField(fields, c)?.key).filter(Boolean));
    if (matched.size >= 2 && (!best || matched.size > best.score)) best = { row: i + 1, score: matched.size };
  });
  return (best as { row: number } | null)?.row ?? null;
}

function columnsOf(rows: readonly Cell[][], headerRow: number): ColumnView[] {
  const header = rows[headerRow - 1] ?? [];
  const width = Math.max(header.length, ...rows.slice(headerRow, headerRow + 50).map((r) => r.length));
  return Array.from({ length: width }, (_, i) => ({ index: i, letter: columnLetter(i), header: cellText(header[i] ?? null) }));
}

/** Each field to the first column whose header names it; a column serves one field. */
function suggestMapping(rows: readonly Cell[][], headerRow: number, fields: readonly FieldSpec[]): Record<string, number> {
  const mapping: Record<string, number> = {};
  (rows[headerRow - 1] ?? []).forEach((cell, i) => {
    const field = matchField(fields, cell);
    if (field && mapping[field.key] === undefined) mapping[field.key] = i;
  });
  return mapping;
}

export function inspect(file: ReadFile, register: ImportRegister, sheetName?: string, headerRowGiven?: number): InspectView {
  const grid = pickSheet(file, sheetName);
  const fields = FIELDS[register];
  const headerRow = headerRowGiven ?? detectHeader(grid.rows, fields);
  const rows = headerRow === null ? [] : dataRows(grid.rows, headerRow);
  return {
    format: file.format,
    encoding: file.encoding,
    sheets: file.sheets.map((s) => ({ name: s.name, rows: s.rows.length })),
    sheet: grid.name,
    headerRow,
    columns: headerRow === null ? [] : columnsOf(grid.rows, headerRow),
    fields: fields.map((f) => ({ key: f.key, label: f.label, required: f.required })),
    mapping: headerRow === null ? {} : suggestMapping(grid.rows, headerRow, fields),
    preview: rows
      .filter((r) => r.skip === null)
      .slice(0, PREVIEW_ROWS)
      .map((r) => ({ row: r.row, cells: r.cells.map(cellText) })),
    dataRows: rows.filter((r) => r.skip === null).length,
  };
}

type Skip = 'blank' | 'subtotal';

/** Rows under the header with their spreadsheet numbers; blank rows and 合计/小计/总计 rows are marked as skipped. */
function dataRows(rows: readonly Cell[][], headerRow: number): { row: number; cells: Cell[]; skip: Skip | null }[] {
  return rows.slice(headerRow).map((cells, i) => {
    const texts = cells.map(cellText);
    const skip: Skip | null = texts.every((t) => t === '')
      ? 'blank'
      : texts.some((t) => /^(合计|小计|总计|共计|合計|小計|總計)/u.test(t.replace(/\s+/g, '')))
        ? 'subtotal'
        : null;
    return { row: headerRow + 1 + i, cells, skip };
  });
}

// ---- checking rows ---------------------------------------------------------------------------

export interface ImportIssue {
  /** The row number as the spreadsheet shows it. */
  row: number;
  /** Column letter and header text; null when the value came from no column (a required field left unmapped). */
  column: string | null;
  header: string | null;
  field: string | null;
  /** Stable reason code (required, bad_date, duplicate_in_file, ...). */
  reason: string;
  /** The field's name in the three languages, and what the reason names: the screen says it in the reader's words. */
  label: Term | null;
  params: Record<string, unknown>;
  /** The reason in Chinese, for the saved report (db/domain/import-issues). */
  message: string;
  value: string;
}

export interface ImportReport {
  register: ImportRegister;
  fileName: string;
  sha256: string;
  sheet: string;
  headerRow: number;
  rows: number;
  good: number;
  bad: number;
  skipped: { row: number; reason: Skip }[];
  /** The copies the good rows register (documents; a device row has none). */
  copies: number;
  /** Rows that also record history (已清退, 已销毁, 报废 ...): imported as marked historical events. */
  historical: number;
  issues: ImportIssue[];
  /** What was read in a way worth knowing, on rows that are not refused for it (a bare level as its default period). */
  notes: ImportIssue[];
}

/** A row that passed its register's rules, to be written with the others once every row passed. */
export interface CheckedRow {
  /** Checks (documents) or records (devices) the history the row carries. */
  history(history: History): void;
}

/** How each register registers one row: the manual-entry command's schema and rules, and the history it may carry. */
export interface ImportTarget<Row extends CheckedRow = CheckedRow> {
  schema: z.ZodType;
  build(reader: RowReader): RowInput;
  /**
   * Runs the manual-entry rules on the parsed input; throws their refusal. Documents are only checked here and written
   * by write(); a device row is registered here, in its row's savepoint (its rules are its command's).
   */
  check(input: unknown): Row;
  /** The check writes (a device's command registers the row): each row's check then runs in a savepoint of its own. */
  checkWrites: boolean;
  /** Writes the rows that passed, in the file's order; the new items' ids. */
  write(rows: readonly Row[]): number[];
  /** Of the file's keys (文号 + 份号), those already registered: read once, for the rule no registration covers. */
  takenKeys?(keys: readonly string[]): ReadonlySet<string>;
  /** Extra refusals before running (a 非涉密 device in a 涉密 register). */
  precheck?(input: Record<string, unknown>): FieldProblem | undefined;
}

export interface ImportRequest {
  register: ImportRegister;
  fileName: string;
  sha256: string;
  sheet?: string | undefined;
  headerRow?: number | undefined;
  mapping?: Record<string, number> | undefined;
  defaults: Record<string, string>;
}

class Rollback extends Error {}

/**
 * Checks every row by the rules of manual entry (duplicates against rows earlier in the file included), against the
 * ledger as it is before the import. With `keep`, and only when every row passed, writes the rows in the file's order
 * (their ids into `registered`); otherwise everything is rolled back.
 */
export function checkFile(db: Db, file: ReadFile, req: ImportRequest, target: ImportTarget, keep: boolean, registered?: number[]): ImportReport {
  const grid = pickSheet(file, req.sheet);
  const fields = FIELDS[req.register];
  const headerRow = req.headerRow ?? detectHeader(grid.rows, fields);
  if (headerRow === null || headerRow > grid.rows.length) {
    throw new LedgerError('E_IMPORT_NO_DATA', { sheet: grid.name });
  }
  const mapping = req.mapping ?? suggestMapping(grid.rows, headerRow, fields);
  const unknown = Object.keys(mapping).find((k) => !fields.some((f) => f.key === k));
  if (unknown) throw new LedgerError('E_VALIDATION', { field: 'mapping', key: unknown });
  const header = grid.rows[headerRow - 1] ?? [];
  const rows = dataRows(grid.rows, headerRow);
  if (!rows.some((r) => r.skip === null)) throw new LedgerError('E_IMPORT_NO_DATA', { sheet: grid.name, headerRow });

  const report: ImportReport = {
    register: req.register,
    fileName: req.fileName,
    sha256: req.sha256,
    sheet: grid.name,
    headerRow,
    rows: 0,
    good: 0,
    bad: 0,
    skipped: [],
    copies: 0,
    historical: 0,
    issues: [],
    notes: [],
  };
  const label = (field: string): Term => fields.find((f) => f.key === field)?.label ?? [field, field, field];
  const issue = (row: number, field: string | null, reason: string, value: string, params: Record<string, unknown> = {}): ImportIssue => {
    const col = field === null ? undefined : mapping[field];
    const words = { reason, label: field === null ? null : label(field), value, params };
    return {
      row,
      column: col === undefined ? null : columnLetter(col),
      header: col === undefined ? null : cellText(header[col] ?? null) || null,
      field,
      ...words,
      message: importIssueText(words, 'zh-CN'),
    };
  };
  const seen = new Map<string, number>();

  // First each row as read and as the command's schema takes it, with its repeats within the file.
  const read = rows.flatMap(({ row, cells, skip }) => {
    if (skip) {
      report.skipped.push({ row, reason: skip });
      return [];
    }
    const reader = new RowReader(cells, mapping, req.defaults);
    const built = target.build(reader);
    const found: ImportIssue[] = reader.problems.map((p) => issue(row, p.field, p.reason, p.value, p.params));
    const flagged = new Set(reader.problems.map((p) => p.field));
    const parsed = target.schema.safeParse(built.input);
    if (!parsed.success) {
      for (const z of parsed.error.issues) {
        const field = built.owners?.[String(z.path[0])] ?? ownerOf(String(z.path[0] ?? ''));
        if (flagged.has(field)) continue;
        flagged.add(field);
        found.push(issue(row, field, zodReason(z, built.input[String(z.path[0])]), reader.text(field) ?? '', { max: (z as { maximum?: unknown }).maximum }));
      }
    }
    let repeated = false;
    for (const k of built.keys) {
      const first = seen.get(k.key);
      if (first === undefined) seen.set(k.key, row);
      else if (!repeated) {
        // One issue per row: the first key it repeats.
        repeated = true;
        found.push(issue(row, k.field, 'duplicate_in_file', reader.text(k.field) ?? '', { firstRow: first, what: k.label }));
      }
    }
    return [{ row, reader, built, parsed, found }];
  });
  // The keys already in the ledger, in one read; a key registered by this import is a repeat within the file.
  const taken = target.takenKeys?.([...seen.keys()]) ?? new Set<string>();
  const checked: CheckedRow[] = [];

  const work = () => {
    for (const { row, reader, built, parsed, found } of read) {
      report.rows += 1;
      const clash = found.length === 0 ? built.keys.find((k) => taken.has(k.key)) : undefined;
      if (clash) found.push(issue(row, clash.field, 'duplicate_in_ledger', reader.text(clash.field) ?? '', { what: clash.label }));
      const pre = found.length === 0 && parsed.success ? target.precheck?.(parsed.data as Record<string, unknown>) : undefined;
      if (pre) found.push(issue(row, pre.field, pre.reason, reader.text(pre.field) ?? pre.value, pre.params));
      if (found.length === 0 && parsed.success) {
        try {
          const inRow = (fn: () => void) => (target.checkWrites ? db.transaction(fn)() : fn());
          inRow(() => {
            const passed = target.check(parsed.data);
            if (built.history) {
              if (built.history.at < String(built.input.receivedAt ?? built.input.enabledAt ?? ''))
                throw new LedgerError('E_VALIDATION', { field: 'statusAt', reason: 'history_before_registration' });
              passed.history(built.history);
            }
            checked.push(passed);
          });
          if (built.history) report.historical += 1;
        } catch (err) {
          if (!(err instanceof LedgerError)) throw err;
          const { field, reason, params } = refusalReason(err, built.input);
          found.push(issue(row, field, reason, field === null ? '' : (reader.text(field) ?? ''), params));
        }
      }
      report.notes.push(...reader.notes.map((n) => issue(row, n.field, n.reason, n.value, n.params)));
      if (found.length) {
        report.bad += 1;
        report.issues.push(...found);
      } else {
        report.good += 1;
        const copies = (parsed.data as { copies?: unknown } | undefined)?.copies;
        if (typeof copies === 'number') report.copies += copies;
      }
    }
  };

  if (keep) {
    work();
    // Any bad row refuses the whole file: nothing is written then.
    if (report.bad === 0) for (const id of target.write(checked)) registered?.push(id);
  } else {
    try {
      db.transaction(() => {
        work();
        throw new Rollback();
      })();
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
    }
  }
  return report;
}

const ownerOf = (inputField: string): string => INPUT_FIELD_OWNER[inputField] ?? inputField;

function zodReason(z: z.core.$ZodIssue, value: unknown): string {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return 'required';
  if (z.code === 'too_big') return 'too_long';
  if (z.code === 'invalid_format') return (z as { format?: string }).format === 'date' ? 'bad_date' : 'bad_format';
  return 'invalid';
}

const CODE_REASONS: Partial<Record<string, string>> = {
  E_BAD_MARKING: 'bad_marking',
  E_DUPLICATE: 'duplicate_in_ledger',
  E_NETWORK_FORBIDDEN: 'network_forbidden',
  E_LOCATION_LEVEL: 'location_level',
  E_NO_SUCH_LOCATION: 'no_such_location',
};

/** A refusal of the manual-entry command, as a row problem: the field it names and a stable reason. */
function refusalReason(err: LedgerError, input: Record<string, unknown>): { field: string | null; reason: string; params: Record<string, unknown> } {
  const d = err.details ?? {};
  // The code lets the screen say a rule's refusal in the error catalogue's words.
  const params: Record<string, unknown> = { ...d, code: err.code };
  switch (err.code) {
    case 'E_BAD_MARKING':
      return { field: 'marking', reason: 'bad_marking', params };
    case 'E_NETWORK_FORBIDDEN':
      return { field: 'network', reason: 'network_forbidden', params };
    case 'E_LOCATION_LEVEL':
    case 'E_NO_SUCH_LOCATION':
      return { field: 'location', reason: CODE_REASONS[err.code]!, params };
    // A row registers a received document: of the telegram rules only the location's can refuse it.
    case 'E_TELEGRAM':
      return { field: 'location', reason: String(d.rule), params };
    case 'E_DUPLICATE': {
      const field = ownerOf(String(d.field ?? 'code'));
      const sameAsSerial = field === 'diskSerial' && String(input.diskSerial ?? '').toLowerCase() === String(input.serial ?? '').toLowerCase();
      return { field, reason: sameAsSerial ? 'same_as_serial' : 'duplicate_in_ledger', params: { what: String(d.value ?? '') } };
    }
    case 'E_VALIDATION': {
      const field = ownerOf(String(d.field ?? ''));
      if (d.reason === 'history_before_registration') return { field: 'statusAt', reason: 'history_before_registration', params };
      if (field === 'receivedAt' || field === 'enabledAt') return { field, reason: 'future_date', params };
      if (field === 'issueDate') return { field, reason: 'issue_after_received', params };
      // A telegram is always returned: its row needs an 应清退日期.
      if (field === 'returnBy') return { field, reason: 'required', params };
      return { field: field || null, reason: 'rule', params };
    }
    default:
      return { field: typeof d.field === 'string' ? ownerOf(d.field) : null, reason: 'rule', params };
  }
}

/** The report as a CSV the custodian can save and open in Excel (UTF-8 with BOM). */
export function reportCsv(report: ImportReport): string {
  const q = (s: string | number | null) => {
    const t = s === null ? '' : String(s);
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const lines = [
    ['文件', report.fileName],
    ['SHA-256', report.sha256],
    ['台账', say(REGISTER_NAMES[report.register], 'zh-CN')],
    ['工作表', report.sheet],
    ['表头行', report.headerRow],
    ['合格行', report.good],
    ['有误行', report.bad],
    ['跳过行', report.skipped.length],
    [],
    ['行号', '列', '表头', '原因代码', '说明', '单元格内容'],
    ...report.issues.map((i) => [i.row, i.column, i.header, i.reason, i.message, i.value]),
    ...report.skipped.map((s) => [
      s.row,
      null,
      null,
      s.reason === 'blank' ? 'skipped_blank' : 'skipped_subtotal',
      s.reason === 'blank' ? '空行，已跳过' : '合计、小计行，已跳过',
      '',
    ]),
  ];
  return `\uFEFF${lines.map((l) => l.map(q).join(',')).join('\r\n')}\r\n`;
}
