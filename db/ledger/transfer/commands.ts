// Import of existing registers from .xlsx / .csv (inspect, dry run, apply). Every row is checked by the schema of its
// register's manual-entry command (documents.receive, computers.register, media.register) and written by its
// operation: the same rules.
// Export of any register with its filters: the printout's sheet (buildSheet) as .xlsx or CSV, an audit entry each.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { fileCommand, recorder } from '../../command-kit';
import type { SignedInContext } from '../../context';
import { LedgerError } from '../../errors';
import { all, run, sql } from '../../store/sql';
import { deviceCommands } from '../devices/commands';
import { insertDeviceEvent } from '../devices/devices';
import { checkReceipt, documentCommands } from '../documents/commands';
import { assertNotBefore, copiesOf, insertEvent, setCopies } from '../documents/model';
import { writeRegistrations, type CheckedRegistration } from '../documents/operations';
import { localDate } from '../documents/queries';
import { CUSTODIAN, REGISTER_READERS } from '../fields';
import { buildSheet, SHEET_LANGUAGES, SHEET_NAMES, type Sheet } from '../sheets';
import { codePrefix } from '../codes/lookup';
import { exportFileName, sheetToCsv, sheetToXlsx, type ExportFormat } from './export';
import { checkFile, inspect, reportCsv, type CheckedRow, type ImportReport, type ImportTarget } from './import';
import { MAX_IMPORT_BYTES, readSpreadsheet, type ReadFile } from './read';
import {
  computerInput,
  documentInput,
  IMPORT_REGISTERS,
  isClassifiedRegister,
  mediumInput,
  REGISTER_NAMES,
  type History,
  type ImportRegister,
} from './registers';

const fileInput = {
  register: z.enum(IMPORT_REGISTERS),
  fileName: z.string().trim().min(1).max(255),
  // The size limit has its own code (E_IMPORT_TOO_LARGE, checked on the decoded bytes); this only bounds the text.
  data: z.string().max(MAX_IMPORT_BYTES * 2),
  sheet: z.string().max(100).optional(),
  headerRow: z.number().int().min(1).max(1000).optional(),
};
const checkInput = z
  .object({
    ...fileInput,
    /** field key -> column index (0 = A); the suggested mapping when omitted. */
    mapping: z.record(z.string().max(40), z.number().int().min(0).max(500)).optional(),
    /** Values for fields a row leaves blank (存放位置, 知悉范围, 签收人 ...). */
    defaults: z.record(z.string().max(40), z.string().max(300)).default({}),
  })
  .strict();

export interface LoadedFile {
  file: ReadFile;
  sha256: string;
}

async function load(input: { fileName: string; data: string }): Promise<LoadedFile> {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.data)) throw new LedgerError('E_IMPORT_FILE_UNREADABLE', { fileName: input.fileName, reason: 'encoding' });
  const bytes = Buffer.from(input.data, 'base64');
  return { file: await readSpreadsheet(input.fileName, bytes), sha256: createHash('sha256').update(bytes).digest('hex') };
}

const today = (ctx: SignedInContext): string => localDate(Date.parse(ctx.now));

/** A document row checked, and the history it records once written. */
interface ReceiptRow extends CheckedRow {
  receipt: CheckedRegistration;
  recorded?: History;
}

/**
 * The manual-entry rules of each register for a row: documents.receive's checks and writing, or a device's command
 * run with its own audit note switched off.
 */
function targetFor(ctx: SignedInContext, register: ImportRegister): ImportTarget {
  // Settings read once: nothing in an import changes them, and each row's rules consult them several times.
  const settings = ctx.settings();
  const once: SignedInContext = { ...ctx, settings: () => settings };
  const rowCtx: SignedInContext = { ...once, note: () => undefined };
  const futureHistory = (h: History) => {
    if (h.at > today(ctx)) throw new LedgerError('E_VALIDATION', { field: 'statusAt' });
  };
  const rec = recorder(ctx);
  if (register === 'documents') {
    const receive = documentCommands['documents.receive'];
    const locations = all<{ id: number; code: string; name: string }>(ctx.db, sql`SELECT id, code, name FROM locations`);
    const lookup = (text: string) => locations.find((l) => l.code.toLowerCase() === text.toLowerCase() || l.name === text)?.id;
    return {
      schema: receive.input,
      build: (reader) => documentInput(reader, lookup, ctx.session.displayName),
      // The registration's rules and writing, not the command: a row needs no audit note and no document read back.
      checkWrites: false,
      check(input) {
        const receipt = checkReceipt(rec, input as z.output<typeof receive.input>, once);
        const row: ReceiptRow = {
          receipt,
          history(h) {
            futureHistory(h);
            assertNotBefore(h.at, receipt.input.registeredAt, 'before_registration');
            row.recorded = h;
          },
        };
        return row;
      },
      write(rows) {
        const ids = writeRegistrations(
          rec,
          rows.map((r) => r.receipt),
          settings,
        );
        rows.forEach(({ receipt, recorded: h }, i) => {
          if (!h) return;
          const copies = copiesOf(ctx.db, ids[i]!);
          const returned = h.kind === 'returned';
          const originUnit = receipt.input.originUnit;
          setCopies(ctx.db, copies, returned ? { status: 'returned', holder: originUnit } : { status: 'destroyed', locationId: null });
          insertEvent(rec, {
            documentId: ids[i]!,
            kind: returned ? 'return_to_issuer' : 'destroy',
            at: h.at,
            counterpart: returned ? originUnit : null,
            details: { status: h.status },
            copyIds: copies.map((c) => c.id),
            imported: true,
          });
        });
        return ids;
      },
      takenKeys(keys) {
        const docKeys = [...new Set(keys.map((k) => k.slice(0, k.lastIndexOf('#'))))];
        const rows = all<{ key: string; copyNo: number }>(
          ctx.db,
          sql`SELECT d.doc_key AS key, c.copy_no AS copyNo FROM documents d JOIN copies c ON c.document_id = d.id
              WHERE d.doc_key IN (SELECT value FROM json_each(${JSON.stringify(docKeys)})) AND d.doc_key <> ''`,
        );
        return new Set(rows.map((r) => `${r.key}#${r.copyNo}`));
      },
    } satisfies ImportTarget<ReceiptRow>;
  }
  const device = register.endsWith('computers') ? 'computer' : 'medium';
  const def = device === 'computer' ? deviceCommands['computers.register'] : deviceCommands['media.register'];
  const classified = isClassifiedRegister(register);
  return {
    schema: def.input,
    build: device === 'computer' ? computerInput : mediumInput,
    checkWrites: true,
    check(input) {
      const { id } = (def.run as (c: SignedInContext, i: unknown) => { id: number })(rowCtx, input);
      return {
        id,
        history(h) {
          futureHistory(h);
          const status = h.kind === 'stopped' ? 'stopped' : h.kind === 'scrapped' ? 'scrapped' : 'destroyed';
          if (device === 'computer') run(ctx.db, sql`UPDATE computers SET status = ${status} WHERE id = ${id}`);
          else run(ctx.db, sql`UPDATE media SET status = ${status}, backup_approved = 0 WHERE id = ${id}`);
          const kind = h.kind === 'stopped' ? 'stop' : h.kind === 'scrapped' ? 'scrap' : 'destroy';
          insertDeviceEvent(rec, device, id, kind, h.at, { before: { status: 'in_use' }, after: { status }, status: h.status }, true);
        },
      };
    },
    // Registered by its command already, each inside its row's savepoint.
    write: (rows) => rows.map((r) => r.id),
    precheck: (input) =>
      (input.level !== 'non_secret') === classified
        ? undefined
        : { field: 'level', reason: 'wrong_register', value: String(input.level), params: { register: REGISTER_NAMES[register] } },
  } satisfies ImportTarget<CheckedRow & { id: number }>;
}

type CheckInput = z.output<typeof checkInput>;

/** Checks the file; `registered`, when given, collects the new items' ids in the file's order. */
function check(ctx: SignedInContext, input: CheckInput, loaded: LoadedFile, keep: boolean, registered?: number[]): ImportReport {
  return checkFile(ctx.db, loaded.file, { ...input, sha256: loaded.sha256 }, targetFor(ctx, input.register), keep, registered);
}

const same = async <T>(value: T): Promise<T> => value;

export const transferCommands = {
  /** Reads the file: its sheets, the header row found, the columns and the suggested mapping, a preview. */
  'import.inspect': fileCommand({
    input: z.object(fileInput).strict(),
    roles: CUSTODIAN,
    mutates: false,
    prepare: load,
    run: (_ctx, input, loaded: LoadedFile) => ({ ...inspect(loaded.file, input.register, input.sheet, input.headerRow), sha256: loaded.sha256 }),
    finish: same,
  }),
  /** Checks every row and writes nothing: the report names each bad row, column and reason. */
  'import.dryRun': fileCommand({
    input: checkInput,
    roles: CUSTODIAN,
    mutates: false,
    prepare: load,
    // With the report as the CSV the custodian saves (保存报告), the same text as the CLI's --report.
    run: (ctx, input, loaded: LoadedFile) => {
      const report = check(ctx, input, loaded, false);
      return { ...report, csv: reportCsv(report) };
    },
    finish: same,
  }),
  /** The same checks, then every row in this one transaction: any bad row refuses the whole file. */
  'import.apply': fileCommand({
    input: checkInput,
    roles: CUSTODIAN,
    mutates: true,
    prepare: load,
    run(ctx, input, loaded: LoadedFile) {
      // Any bad row refuses the whole file, so the ids collected are exactly the items imported.
      const ids: number[] = [];
      const report = check(ctx, input, loaded, true, ids);
      if (report.bad > 0) {
        throw new LedgerError('E_IMPORT_HAS_ERRORS', {
          bad: report.bad,
          good: report.good,
          issues: report.issues.slice(0, 1000),
        });
      }
      ctx.note({
        target: input.fileName,
        summary: {
          fileName: input.fileName,
          sha256: loaded.sha256,
          register: input.register,
          sheet: report.sheet,
          rows: report.good,
          historical: report.historical,
          skipped: report.skipped.length,
        },
      });
      // The ids: what the page prints the imported items' labels for.
      return { imported: report.good, historical: report.historical, skipped: report.skipped.length, sha256: loaded.sha256, ids };
    },
    finish: same,
  }),

  /** The register as printed, with its filters, to .xlsx or CSV; the export itself is the audit entry. */
  'export.register': fileCommand({
    input: z
      .object({
        register: z.enum(SHEET_NAMES),
        /** The filters the register's list takes (without paging); checked by the sheet. */
        filters: z.record(z.string(), z.unknown()).default({}),
        format: z.enum(['xlsx', 'csv']).default('xlsx'),
        language: z.enum(SHEET_LANGUAGES).default('zh-CN'),
      })
      .strict(),
    roles: REGISTER_READERS,
    mutates: true,
    prepare: async () => undefined,
    run(ctx, input): { sheet: Sheet; format: ExportFormat; date: string } {
      const sheet = buildSheet(ctx.db, input.register, input.filters, input.language, { now: Date.parse(ctx.now), codePrefix: codePrefix(ctx) });
      ctx.note({
        target: input.register,
        summary: {
          register: input.register,
          filters: input.filters,
          filterText: sheet.filterText,
          rows: sheet.rows.length,
          format: input.format,
          language: input.language,
          marking: sheet.markingText,
        },
      });
      return { sheet, format: input.format, date: today(ctx) };
    },
    async finish({ sheet, format, date }) {
      const data = format === 'xlsx' ? await sheetToXlsx(sheet) : sheetToCsv(sheet);
      return { fileName: exportFileName(sheet, format, date), data: data.toString('base64'), rows: sheet.rows.length, marking: sheet.markingText };
    },
  }),
};
