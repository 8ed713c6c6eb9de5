// 标签编码 read back: a scanned or typed code names one copy, computer, medium or cabinet of this ledger, by its row
// id (one primary-key read, as fast in a 100,000-copy ledger as in an empty one).
import type { SignedInContext } from '../../context';
import { ledgerCodePrefix, parseItemCode, type ItemCodeKind } from '../../domain/item-codes';
import { LedgerError } from '../../errors';
import { get, sql, type Db } from '../../store/sql';
import type { CodeLookupView, ComputerView, CopyStatusCode, DeviceLevelCode, LevelCode, MediumView } from '../../views';

/** The ledger's two characters in every code it prints: read once per command and passed to what builds codes. */
export const codePrefix = (ctx: SignedInContext): string => ledgerCodePrefix(ctx.ledgerId);

function find(db: Db, code: string, kind: ItemCodeKind, id: number): CodeLookupView | undefined {
  switch (kind) {
    case 'copy': {
      const c = get<{
        id: number;
        document_id: number;
        copy_no: number;
        receipt_no: string;
        level: LevelCode;
        status: CopyStatusCode;
        location_id: number | null;
        location_name: string | null;
        holder: string | null;
      }>(
        db,
        sql`SELECT c.id, c.document_id, c.copy_no, d.receipt_no, d.level, c.status, c.location_id, l.name AS location_name, c.holder
            FROM copies c JOIN documents d ON d.id = c.document_id LEFT JOIN locations l ON l.id = c.location_id WHERE c.id = ${id}`,
      );
      return (
        c && {
          kind,
          code,
          copy: {
            copyId: c.id,
            documentId: c.document_id,
            copyNo: c.copy_no,
            receiptNo: c.receipt_no,
            level: c.level,
            status: c.status,
            locationId: c.location_id,
            locationName: c.location_name,
            holder: c.holder,
          },
        }
      );
    }
    case 'computer':
    case 'medium': {
      // A medium has no name of its own: its 品牌型号 stands for one.
      const d = get<{ id: number; code: string; name: string; level: DeviceLevelCode; status: ComputerView['status'] | MediumView['status'] }>(
        db,
        kind === 'computer'
          ? sql`SELECT id, code, name, level, status FROM computers WHERE id = ${id}`
          : sql`SELECT id, code, model AS name, level, status FROM media WHERE id = ${id}`,
      );
      return d && { kind, code, device: { id: d.id, deviceCode: d.code, name: d.name, level: d.level, status: d.status } };
    }
    case 'cabinet': {
      const l = get<{ id: number; code: string; name: string; max_level: LevelCode }>(
        db,
        sql`SELECT id, code, name, max_level FROM locations WHERE id = ${id}`,
      );
      return l && { kind, code, cabinet: { id: l.id, code: l.code, name: l.name, maxLevel: l.max_level } };
    }
  }
}

/** What a code names in this ledger; a mistyped code, another ledger's label, or one naming no row, refused by name. */
export function lookupCode(db: Db, prefix: string, text: string): CodeLookupView {
  const parsed = parseItemCode(text);
  if (!parsed.ok) throw new LedgerError('E_CODE_INVALID', { reason: parsed.reason, text });
  if (parsed.prefix !== prefix) throw new LedgerError('E_CODE_FOREIGN', { code: parsed.code });
  const found = find(db, parsed.code, parsed.kind, parsed.id);
  if (!found) throw new LedgerError('E_CODE_UNKNOWN', { code: parsed.code });
  return found;
}
