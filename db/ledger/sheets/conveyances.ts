// 涉密文件传达登记: every conveyance (传达) as one row, with the document, the plan it was under (range, manner, the
// secrecy discipline stated), who conveyed it, to whom and how many attended. A register sheet: it prints (A4
// landscape, marking, 第 N 页 共 M 页, the audit head) and exports like the others.
import { z } from 'zod';
import { CONVEYANCE_MANNER_TERMS, personText, type ConveyanceManner, type ConveyancePerson } from '../../domain/conveyance';
import { DOCUMENT_LEVELS, type Level } from '../../domain/levels';
import { listOf, say, type Language } from '../../domain/terms';
import { all, sql, type Db } from '../../store/sql';
import { day, eventFilter, type Draft } from './sheets';

export const conveyancesSheetFilters = z
  .object({
    year: z.number().int().min(1949).max(2200).optional(),
    levels: z.array(z.enum(DOCUMENT_LEVELS)).max(4).optional(),
    /** One document's conveyances (its page prints them). */
    documentId: z.number().int().positive().optional(),
  })
  .strict();
type Filters = z.output<typeof conveyancesSheetFilters>;

export function conveyancesDraft(db: Db, f: Filters, language: Language): Draft {
  const { where, filters } = eventFilter(f, 'e.at', language);
  const rows = all<{
    at: string;
    receipt_no: string;
    doc_number: string;
    title: string;
    marking: string;
    level: Level;
    declassified: 0 | 1;
    details: string;
    range: string;
    manner: ConveyanceManner;
    discipline: string;
  }>(
    db,
    sql`SELECT e.at, d.receipt_no, d.doc_number, d.title, d.marking, d.level, d.declassified, e.details, p.range, p.manner, p.discipline
        FROM events e JOIN documents d ON d.id = e.document_id JOIN conveyance_plans p ON p.id = e.details ->> 'planId'
        WHERE e.kind = 'convey' AND ${where} AND (${f.documentId ?? null} IS NULL OR d.id = ${f.documentId ?? null})
        ORDER BY e.at, e.id`,
  );
  if (f.documentId) filters.push(['receiptNo', rows[0]?.receipt_no ?? `#${f.documentId}`]);
  const people = (list: ConveyancePerson[]) =>
    listOf(
      list.map((p) => personText(p, language)),
      language,
    );
  return {
    columns: [
      ['conveyedAt', 5],
      ['receiptNo', 5],
      ['docNumber', 7],
      ['title', 11],
      ['marking', 7],
      ['conveyanceRange', 8],
      ['conveyanceManner', 4],
      ['discipline', 9],
      ['conveyor', 4],
      ['audience', 8],
      ['attended', 4],
    ],
    rows: rows.map((r) => {
      const d = JSON.parse(r.details) as { conveyor: string; audience: ConveyancePerson[]; attended: number };
      return [
        day(r.at),
        r.receipt_no,
        r.doc_number,
        r.title,
        r.marking,
        people(JSON.parse(r.range) as ConveyancePerson[]),
        say(CONVEYANCE_MANNER_TERMS[r.manner], language),
        r.discipline,
        d.conveyor,
        people(d.audience),
        d.attended,
      ];
    }),
    levels: rows.filter((r) => !r.declassified).map((r) => r.level),
    filters,
  };
}
