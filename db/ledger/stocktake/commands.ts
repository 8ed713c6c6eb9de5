// 清查 by cabinet: the commands. Each write is one audit entry naming the stocktake's number, with what an inspector
// asks of it: the cabinet, the code scanned and what it turned out to be, the counts at the close.
import { z } from 'zod';
import { registerRead, registerWrite } from '../../command-kit';
import type { SignedInContext } from '../../context';
import { DOCUMENT_LEVELS } from '../../domain/levels';
import { all, get, sql, type Db } from '../../store/sql';
import { codePrefix } from '../codes/lookup';
import { at, empty, id, person } from '../fields';
import { requireStocktake, type CopyLine, type DeviceLine, type ScanReply } from './model';
import { closeStocktake, resolveMisplaced, scanCode, startStocktake, undoScan } from './operations';
import { getStocktake, levelsOf, listStocktakes } from './queries';

const stocktakeNo = (ctx: SignedInContext, input: { id: number }) => requireStocktake(ctx.db, input.id).stocktake_no;
/** A cabinet as the audit log names it: its name and code (一号柜 G-01); null: the devices part. */
const cabinetName = (db: Db, cabinetId: number | null | undefined) => {
  if (cabinetId === null || cabinetId === undefined) return null;
  const l = get<{ code: string; name: string }>(db, sql`SELECT code, name FROM locations WHERE id = ${cabinetId}`);
  return l ? `${l.name} ${l.code}` : String(cabinetId);
};

/** Where a scan was made: a cabinet, or the devices part. */
const where = (cabinet: string | null) => (cabinet === null ? { devices: true } : { cabinet });

/** The copy or device a line names, by its ledger number. */
const named = (line: CopyLine | DeviceLine) => ('receiptNo' in line ? { receiptNo: line.receiptNo, copyNo: line.copyNo } : { deviceCode: line.deviceCode });

/** What the audit entry says a scan found: the result, and what the ledger says of an item not expected. */
function scanSummary(reply: ScanReply): Record<string, unknown> {
  if (reply.outcome === 'cabinet') return { result: 'cabinet' };
  const line = reply.line;
  if ('ledgerStatus' in line) {
    const item = line.copy ?? line.device;
    return { result: reply.outcome, ...(item ? named(item) : {}), ledgerStatus: line.ledgerStatus };
  }
  return { result: reply.outcome, ...named(line), ...('belongsTo' in line ? { belongsTo: line.belongsTo.name } : {}) };
}

export const stocktakeCommands = {
  'stocktake.start': registerWrite({
    input: z
      .object({
        cabinetIds: z.array(id).max(500).optional(),
        levels: z.array(z.enum(DOCUMENT_LEVELS)).max(DOCUMENT_LEVELS.length).optional(),
        devices: z.boolean().default(false),
        checkers: z.array(person).length(2),
        at,
      })
      .strict(),
    run: (rec, input, ctx) => {
      const out = startStocktake(rec, input);
      const cabinets = all<{ name: string }>(
        ctx.db,
        sql`SELECT l.name || ' ' || l.code AS name FROM stocktake_cabinets c JOIN locations l ON l.id = c.location_id WHERE c.stocktake_id = ${out.id} ORDER BY l.code`,
      );
      return { ...out, cabinets: cabinets.map((c) => c.name), levels: levelsOf(requireStocktake(ctx.db, out.id)) };
    },
    target: (_ctx, _input, out) => out.no,
    summary: (input, out) => ({ no: out.no, cabinets: out.cabinets, levels: out.levels, devices: input.devices, checkers: input.checkers }),
    reply: (_ctx, out) => ({ id: out.id, no: out.no }),
  }),
  'stocktake.list': registerRead(empty, (ctx) => listStocktakes(ctx.db, codePrefix(ctx))),
  'stocktake.get': registerRead(z.object({ id }).strict(), (ctx, input) => getStocktake(ctx.db, input.id, codePrefix(ctx))),
  'stocktake.scan': registerWrite({
    input: z.object({ id, cabinetId: id.nullable(), code: z.string().trim().min(1).max(100), at }).strict(),
    run: (rec, input, ctx) => ({ reply: scanCode(rec, codePrefix(ctx), input), cabinet: cabinetName(ctx.db, input.cabinetId) }),
    target: stocktakeNo,
    summary: (input, out) => ({ ...where(out.cabinet), code: input.code, ...scanSummary(out.reply) }),
    reply: (_ctx, out) => out.reply,
  }),
  'stocktake.undoScan': registerWrite({
    input: z.object({ id, scanId: id.optional(), copyId: id.optional(), cabinetId: id.nullable().optional(), at }).strict(),
    run: (rec, input, ctx) => {
      const out = undoScan(rec, input);
      const scan = get<{ code: string; location_id: number | null }>(ctx.db, sql`SELECT code, location_id FROM stocktake_scans WHERE id = ${out.scanId}`)!;
      return { ...out, code: scan.code, cabinet: cabinetName(ctx.db, scan.location_id) };
    },
    target: stocktakeNo,
    summary: (_input, out) => ({ retracted: out.code, ...where(out.cabinet) }),
    reply: (_ctx, out) => ({ scanId: out.scanId }),
  }),
  'stocktake.resolveMisplaced': registerWrite({
    input: z.object({ id, copyId: id, cabinetId: id, action: z.enum(['move', 'flag']), at }).strict(),
    run: (rec, input, ctx) => ({ line: resolveMisplaced(rec, codePrefix(ctx), input), cabinet: cabinetName(ctx.db, input.cabinetId) }),
    target: stocktakeNo,
    summary: (input, out) => ({
      action: input.action,
      cabinet: out.cabinet,
      receiptNo: out.line.receiptNo,
      copyNo: out.line.copyNo,
      code: out.line.labelCode,
      belongsTo: out.line.belongsTo.name,
    }),
    reply: (_ctx, out) => out.line,
  }),
  'stocktake.close': registerWrite({
    input: z.object({ id, unvisitedAreMissing: z.boolean().default(false), at }).strict(),
    run: (rec, input, ctx) => closeStocktake(rec, codePrefix(ctx), input),
    target: stocktakeNo,
    summary: (input, out) => ({ ...out, unvisitedAreMissing: input.unvisitedAreMissing }),
  }),
};
