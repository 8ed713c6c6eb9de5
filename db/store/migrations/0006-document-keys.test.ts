import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { documentKeys } from './0006-document-keys';
import { MIGRATIONS } from './index';

describe('migration 0006 document keys', () => {
  it('keys the items an older ledger holds by 来文单位 + 文号 after trimming and NFKC, and indexes the key', () => {
    expect(MIGRATIONS[5]).toBe(documentKeys);
    const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
    migrate(db, MIGRATIONS.slice(0, 5));
    const insert =
      db.prepare(`INSERT INTO documents (year, seq, receipt_no, origin, doc_number, title, origin_unit, carrier, level, level_rank, marking, issue_date, scope, must_return, attachments, remarks, registered_at, created_at, created_by)
                               VALUES (2026, ?, ?, 'received', ?, '通知', ?, 'paper', 'secret', 2, '机密★10年', '2026-11-02', '[]', 0, '', '', '2026-11-03', '2026-11-03T01:00:00.000Z', 'liming')`);
    insert.run(1, '2026-0001', '鲁保发〔２０２６〕３号', '省国家保密局 ');
    insert.run(2, '2026-0002', '', '省国家保密局');
    migrate(db, MIGRATIONS.slice(0, 6));
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare('SELECT doc_key FROM documents ORDER BY id').all()).toEqual([{ doc_key: '省国家保密局\u001f鲁保发〔2026〕3号' }, { doc_key: '' }]);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM documents WHERE doc_key = 'x' AND doc_key <> ''`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('documents_doc_key');
    db.close();
  });
});
