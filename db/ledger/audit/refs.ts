// The ledger numbers an audit entry's ids stand for: a document's 收文编号, a device's 编号, a cabinet's code, an
// approval's number. The reader sees the numbers on the registers, never the row ids the commands take.
import type { AuditRefs } from '../../domain/audit';
import { get, sql, type Db } from '../../store/sql';

type Lookup = (db: Db, id: number) => string | undefined;

export const receiptNoOf: Lookup = (db, id) => get<{ n: string }>(db, sql`SELECT receipt_no AS n FROM documents WHERE id = ${id}`)?.n;
export const approvalNoOf: Lookup = (db, id) => get<{ n: string }>(db, sql`SELECT approval_no AS n FROM approvals WHERE id = ${id}`)?.n;
const computerCode: Lookup = (db, id) => get<{ n: string }>(db, sql`SELECT code AS n FROM computers WHERE id = ${id}`)?.n;
const mediumCode: Lookup = (db, id) => get<{ n: string }>(db, sql`SELECT code AS n FROM media WHERE id = ${id}`)?.n;
const locationCode: Lookup = (db, id) => get<{ n: string }>(db, sql`SELECT code AS n FROM locations WHERE id = ${id}`)?.n;

const stocktakeNo: Lookup = (db, id) => get<{ n: string }>(db, sql`SELECT stocktake_no AS n FROM stocktakes WHERE id = ${id}`)?.n;

const accountName: Lookup = (db, id) => get<{ n: string }>(db, sql`SELECT display_name AS n FROM accounts WHERE id = ${id}`)?.n;

const SUBJECT_LOOKUP: Record<string, Lookup> = { document: receiptNoOf, computer: computerCode, medium: mediumCode, location: locationCode };

/** Which table an input field's id points into; a bare `id` by the command's family. */
function lookupFor(action: string, key: string): Lookup | null {
  if (key === 'documentId') return receiptNoOf;
  if (key === 'approvalId') return approvalNoOf;
  if (key === 'approverId') return accountName;
  if (key === 'computerId') return computerCode;
  if (key === 'mediumId') return mediumCode;
  if (key === 'locationId' || key === 'cabinetId') return locationCode;
  if (key === 'id' && action.startsWith('computers.')) return computerCode;
  if (key === 'id' && action.startsWith('media.')) return mediumCode;
  if (key === 'id' && action.startsWith('stocktake.')) return stocktakeNo;
  return null;
}

const inputOf = (summary: Readonly<Record<string, unknown>>): Record<string, unknown> => {
  const input = summary['input'];
  return input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
};

/** The numbers for the ids an entry's input names (at any depth: an approval's approver too), by field name. */
export function refsOf(db: Db, action: string, summary: Readonly<Record<string, unknown>>): AuditRefs {
  const refs: Record<string, string> = {};
  const walk = (fields: Record<string, unknown>) => {
    // An approval's subject: its id by its type (a document's 收文编号, a device's or a cabinet's code).
    const type = String(fields['type']);
    const bySubject = Object.hasOwn(SUBJECT_LOOKUP, type) ? SUBJECT_LOOKUP[type] : undefined;
    if (bySubject && typeof fields['id'] === 'number' && !('id' in refs)) {
      const found = bySubject(db, fields['id']);
      if (found !== undefined) refs['id'] = found;
    }
    for (const [key, value] of Object.entries(fields)) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) walk(value as Record<string, unknown>);
      const lookup = lookupFor(action, key);
      const found = lookup && typeof value === 'number' && !(key in refs) ? lookup(db, value) : undefined;
      if (found !== undefined) refs[key] = found;
    }
  };
  walk(inputOf(summary));
  return refs;
}

/** The number a refused command's input names, for the entry's target: what it was refused about. */
export function targetOf(db: Db, action: string, input: unknown): string | null {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return null;
  const refs = refsOf(db, action, { input });
  return refs['documentId'] ?? refs['id'] ?? refs['computerId'] ?? refs['mediumId'] ?? refs['locationId'] ?? null;
}
