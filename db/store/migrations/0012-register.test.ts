import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { register } from './0012-register';
import { MIGRATIONS } from './index';

describe('migration 0012 register', () => {
  it('keeps the 文号 of older items and of new ones without brackets and spaces, and makes room for preferences', () => {
    expect(MIGRATIONS[11]).toBe(register);
    const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
    migrate(db, MIGRATIONS.slice(0, 11));
    const insert =
      db.prepare(`INSERT INTO documents (year, seq, receipt_no, origin, doc_number, title, origin_unit, carrier, level, level_rank, marking, issue_date, scope, must_return, attachments, remarks, registered_at, created_at, created_by, doc_key)
             VALUES (2026, ?, ?, 'received', ?, '通知', '省保密局', 'paper', 'secret', 2, '机密★10年', '2026-11-02', '[]', 0, '', '', '2026-11-03', '2026-11-03T01:00:00.000Z', 'liming', ?)`);
    insert.run(1, '2026-0001', '鲁保发（２０２６）１２号', '省保密局\u001f鲁保发(2026)12号');
    insert.run(2, '2026-0002', '', '');

    migrate(db, MIGRATIONS.slice(0, 12));
    expect(schemaVersion(db)).toBe(12);
    const numbers = () => db.prepare('SELECT rowid AS id, number FROM documents_numbers ORDER BY rowid').all();
    expect(numbers()).toEqual([{ id: 1, number: '鲁保发202612号' }]);

    insert.run(3, '2026-0003', 'JB [2026] 7 号', '省保密局\u001fJB [2026] 7 号');
    db.prepare('UPDATE documents SET doc_key = ? WHERE id = 1').run('省保密局\u001f鲁保发〔2026〕13号');
    db.prepare('UPDATE documents SET doc_key = ? WHERE id = 3').run('');
    db.prepare('UPDATE documents SET doc_key = ? WHERE id = 2').run('省保密局\u001f【2026】1号');
    expect(numbers()).toEqual([
      { id: 1, number: '鲁保发202613号' },
      { id: 2, number: '20261号' },
    ]);
    expect(db.prepare(`SELECT rowid AS id FROM documents_numbers WHERE documents_numbers MATCH '"202613"'`).all()).toEqual([{ id: 1 }]);

    db.prepare(
      `INSERT INTO accounts (id, username, display_name, roles, created_at) VALUES (1, 'liming', '李明', '["custodian"]', '2026-11-03T01:00:00.000Z')`,
    ).run();
    db.prepare(`INSERT INTO account_prefs (account_id, name, value) VALUES (1, 'documentColumns', '["title"]')`).run();
    expect(() => db.prepare(`INSERT INTO account_prefs (account_id, name, value) VALUES (1, 'documentColumns', '[]')`).run()).toThrow();
    db.close();
  });
});
