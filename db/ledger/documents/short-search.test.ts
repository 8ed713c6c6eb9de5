// 1- and 2-character searches read the unigram / bigram index of migration 10; on a generated ledger they list
// exactly the items LIKE finds in 标题, 文号 and 来文单位 (case folded as LIKE folds it), before and after corrections;
// a query of digits also names the items of that 收文编号 number.
import { describe, expect, it } from 'vitest';
import { makeLedger, withRaw } from '../../testing';
import type { Db } from '../../store/sql';
import { dayOf, listDocuments, type Plan } from './queries';

/** Chinese, digits, both cases of ASCII, LIKE's own wildcards and escape, brackets of a 文号, a space, a character outside the BMP. */
const ALPHABET = [...'关于通知纪要王李1290aAbB%_\\〔〕号 "Ää', '𠀀'];

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = prng(18);
const pick = () => ALPHABET[Math.floor(rnd() * ALPHABET.length)]!;
const word = (min: number, max: number) => Array.from({ length: min + Math.floor(rnd() * (max - min + 1)) }, pick).join('');

/** LIKE on the text, or (a query of digits) the item numbered so: a 收文编号 by its number (search.test.ts). */
function like(db: Db, q: string, levels?: string[]): number[] {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db
    .prepare(
      `SELECT id FROM documents WHERE (title LIKE @p ESCAPE '\\' OR doc_number LIKE @p ESCAPE '\\' OR origin_unit LIKE @p ESCAPE '\\' OR seq = @n)
         AND (@l IS NULL OR level IN (SELECT value FROM json_each(@l))) ORDER BY year, seq`,
    )
    .all({ p: pattern, n: /^\d+$/.test(q) ? Number(q) : null, l: levels ? JSON.stringify(levels) : null }) as { id: number }[];
  return rows.map((r) => r.id);
}

describe('short searches', () => {
  it('find exactly what LIKE finds, for every 1-character and many 2-character queries, walking or sorting, alone or filtered', () => {
    const t = makeLedger();
    withRaw(t, (db) => {
      const insert =
        db.prepare(`INSERT INTO documents (year, seq, receipt_no, origin, doc_number, title, origin_unit, carrier, level, level_rank, marking, issue_date, scope, must_return, attachments, remarks, registered_at, created_at, created_by)
                    VALUES (2026, ?, ?, 'received', ?, ?, ?, 'paper', ?, ?, '机密★10年', '2026-11-02', '[]', 0, '', '', '2026-11-03', '2026-11-03T01:00:00.000Z', 'liming')`);
      for (let seq = 1; seq <= 300; seq += 1) {
        const secret = rnd() < 0.5;
        insert.run(seq, `2026-${String(seq).padStart(4, '0')}`, word(0, 6), word(1, 8), word(0, 4), secret ? 'secret' : 'confidential', secret ? 2 : 1);
      }
      const day = dayOf(t.clock.now, 30);
      const queries = () => {
        const bigrams = Array.from({ length: 60 }, () => pick() + pick());
        // Bigrams that occur, taken from the items themselves, so most queries find something.
        const titles = (db.prepare('SELECT title FROM documents WHERE id % 7 = 0').all() as { title: string }[]).map((r) => [...r.title]);
        const occurring = titles.filter((c) => c.length >= 2).map((c) => c.slice(0, 2).join(''));
        return [...ALPHABET, ...bigrams, ...occurring, ' 通 ', 'A ', ' b'];
      };
      const check = () => {
        let found = 0;
        for (const q of queries()) {
          for (const levels of [undefined, ['secret']]) {
            const want = like(db, q.trim(), levels);
            found += want.length;
            for (const plan of ['walk', 'sort'] as Plan[]) {
              const got = listDocuments(db, { query: q, levels: levels as never, sort: 'receiptNo', order: 'asc', offset: 0, limit: 500 }, day, plan);
              expect({ q, levels, plan, total: got.total, ids: got.rows.map((r) => r.id) }).toEqual({ q, levels, plan, total: want.length, ids: want });
            }
          }
        }
        expect(found).toBeGreaterThan(1000);
      };
      check();
      // Corrected 标题, 文号 and 来文单位 (documents.correct writes them in place) are searched as they now read.
      const correct = db.prepare('UPDATE documents SET title = ?, doc_number = ?, origin_unit = ? WHERE id = ?');
      for (let id = 1; id <= 300; id += 3) correct.run(word(1, 8), word(0, 6), word(0, 4), id);
      check();
    });
  });
});
