// 标签: the labels a print request asks for, each with its code and only what a label may say (db/domain/labels):
// a copy's 收文编号 and 份号, a device's 设备编号, a cabinet's name and number, never a document's title.
import { itemCode } from '../../domain/item-codes';
import { fitsA4, labelOf, MAX_LABELS, normalLayout, type LabelData, type LabelItems, type LabelLayout, type LabelSubject } from '../../domain/labels';
import type { DocumentLevel } from '../../domain/levels';
import type { Language } from '../../domain/terms';
import { LedgerError } from '../../errors';
import { all, get, sql, type Db } from '../../store/sql';
import { requireComputer, requireMedium } from '../devices/devices';
import { HELD, requireCopies, requireDocument, type CopyRow, type LocationRow } from '../documents/model';

/** The copies of one item a request names: those given, or (none given) every copy still held, in copy order. */
function copiesOf(db: Db, documentId: number, copyNos: readonly number[] | undefined): Pick<CopyRow, 'id' | 'copy_no'>[] {
  if (copyNos) return requireCopies(db, documentId, copyNos);
  return all<Pick<CopyRow, 'id' | 'copy_no'>>(
    db,
    sql`SELECT id, copy_no FROM copies WHERE document_id = ${documentId} AND status IN (SELECT value FROM json_each(${JSON.stringify(HELD)})) ORDER BY copy_no`,
  );
}

/** The labels, in the order asked (copies, devices, cabinets), and the layout they are printed in (A4-checked). */
export function buildLabels(db: Db, prefix: string, items: LabelItems, asked: LabelLayout, language: Language): { labels: LabelData[]; layout: LabelLayout } {
  const layout = normalLayout(asked);
  if (!fitsA4(layout)) throw new LedgerError('E_VALIDATION', { field: 'layout' });
  const subjects: LabelSubject[] = [];
  const add = (subject: LabelSubject) => {
    if (subjects.length === MAX_LABELS) throw new LedgerError('E_VALIDATION', { field: 'labels' });
    subjects.push(subject);
  };
  for (const { documentId, copyNos } of items.copies ?? []) {
    const d = requireDocument(db, documentId);
    for (const c of copiesOf(db, documentId, copyNos))
      add({ kind: 'copy', code: itemCode(prefix, 'copy', c.id), level: d.level, receiptNo: d.receipt_no, copyNo: c.copy_no });
  }
  for (const { device, id } of items.devices ?? []) {
    const d = device === 'computer' ? requireComputer(db, id) : requireMedium(db, id);
    add({ kind: 'device', code: itemCode(prefix, device, id), level: d.level, deviceCode: d.code });
  }
  for (const id of items.cabinets ?? []) {
    const l = get<Pick<LocationRow, 'code' | 'name'> & { max_level: DocumentLevel }>(db, sql`SELECT code, name, max_level FROM locations WHERE id = ${id}`);
    if (!l) throw new LedgerError('E_NO_SUCH_LOCATION', { locationId: id });
    add({ kind: 'cabinet', code: itemCode(prefix, 'cabinet', id), level: l.max_level, name: l.name, cabinetCode: l.code });
  }
  if (subjects.length === 0) throw new LedgerError('E_VALIDATION', { field: 'items' });
  return { labels: subjects.map((s) => labelOf(s, language)), layout };
}
