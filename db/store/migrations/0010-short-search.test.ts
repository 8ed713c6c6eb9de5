import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { shortSearch } from './0010-short-search';
import { MIGRATIONS } from './index';

describe('migration 0010 short search', () => {
  it('indexes the unigrams and bigrams of the items an older ledger holds, then keeps new and corrected ones in step', () => {
    expect(MIGRATIONS[9]).toBe(shortSearch);
    const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
    migrate(db, MIGRATIONS.slice(0, 9));
    const insert =
      db.prepare(`INSERT INTO documents (year, seq, receipt_no, origin, doc_number, title, origin_unit, carrier, level, level_rank, marking, issue_date, scope, must_return, attachments, remarks, registered_at, created_at, created_by)
                  VALUES (2026, ?, ?, 'received', ?, ?, '省保密局', 'paper', 'secret', 2, '机密★10年', '2026-11-02', '[]', 0, '', '', '2026-11-03', '2026-11-03T01:00:00.000Z', 'liming')`);
    insert.run(1, '2026-0001', 'A1', '会议纪要');
    migrate(db, MIGRATIONS.slice(0, 10));
    expect(schemaVersion(db)).toBe(10);
    const grams = (id: number) =>
      (db.prepare('SELECT gram FROM documents_grams WHERE document_id = ? ORDER BY gram').all(id) as { gram: string }[]).map((r) => r.gram);
    // ASCII folded to lower case as LIKE folds it; each field on its own (no bigram across 标题 and 文号).
    expect(grams(1)).toEqual(['1', 'a', 'a1', '会', '会议', '保', '保密', '局', '密', '密局', '纪', '纪要', '要', '省', '省保', '议', '议纪'].sort());
    insert.run(2, '2026-0002', '', '通知');
    expect(grams(2)).toEqual(['局', '保', '保密', '密', '密局', '知', '省', '省保', '通', '通知'].sort());
    db.prepare(`UPDATE documents SET title = '函', doc_number = 'b' WHERE id = 1`).run();
    expect(grams(1)).toEqual(['b', '保', '保密', '局', '函', '密', '密局', '省', '省保'].sort());
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT document_id FROM documents_grams WHERE gram = lower('通知')`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('PRIMARY KEY (gram=?)');
    db.close();
  });
});
