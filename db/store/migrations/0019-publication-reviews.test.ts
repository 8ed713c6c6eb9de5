import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { publicationReviews } from './0019-publication-reviews';
import { MIGRATIONS } from './index';

describe('migration 0019 publication reviews', () => {
  it('keeps reviews, decisions, confirmations, releases and withdrawals as history no one rewrites', () => {
    expect(MIGRATIONS[18]).toBe(publicationReviews);
    const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 19));
    expect(schemaVersion(db)).toBe(19);
    db.exec(`INSERT INTO accounts (username, display_name, roles, created_at) VALUES ('liming', '李明', '["custodian"]', '2026-11-01')`);
    db.exec(`INSERT INTO accounts (username, display_name, roles, created_at) VALUES ('wangju', '王局长', '["approver"]', '2026-11-01')`);
    const review = (seq: number) =>
      db.exec(`INSERT INTO publication_reviews (review_no, year, seq, title, department, channel, document_id, telegram, content, submitted_by, item_key, opened_at, opened_by, recorded_at, recorded_by)
               VALUES ('GK-2026-00${seq}', 2026, ${seq}, '年度工作总结', '办公室', 'website', NULL, 0, '', '赵六', 'title:办公室:年度工作总结:website', '2026-11-20', 1, '2026-11-20T01:00:00.000Z', 'liming')`);
    review(1);
    review(2);
    db.exec(`INSERT INTO publication_decisions (review_id, decision, reasons, changes, way, decided_by, decided_at, recorded_at, recorded_by)
             VALUES (1, 'approve_with_changes', '涉及内部数字', '删去第三段', 'in_app', 2, '2026-11-21T01:00:00.000Z', '2026-11-21T01:00:00.000Z', 'wangju')`);
    db.exec(`INSERT INTO publication_confirmations (review_id, note, way, confirmed_by, confirmed_at, recorded_at, recorded_by)
             VALUES (1, '已删去', 'on_the_spot', 2, '2026-11-22T01:00:00.000Z', '2026-11-22T01:00:00.000Z', 'liming')`);
    db.exec(`INSERT INTO publication_releases (review_id, published_at, place, headers_removed, recorded_at, recorded_by)
             VALUES (1, '2026-11-23', '门户网站', 0, '2026-11-23T01:00:00.000Z', 'liming')`);
    db.exec(
      `INSERT INTO publication_withdrawals (review_id, reason, at, recorded_at, recorded_by) VALUES (2, '重复送审', '2026-11-21', '2026-11-21T01:00:00.000Z', 'liming')`,
    );

    const tables = {
      publication_reviews: 'title',
      publication_decisions: 'decision',
      publication_confirmations: 'note',
      publication_releases: 'place',
      publication_withdrawals: 'reason',
    };
    for (const [table, column] of Object.entries(tables)) {
      expect(() => db.exec(`DELETE FROM ${table}`), table).toThrow(/append-only/);
      expect(() => db.exec(`UPDATE ${table} SET ${column} = ${column}`), table).toThrow(/append-only/);
    }
    // A second decision of one review; 修改后公开 without what must change; a release of a review never decided.
    expect(() =>
      db.exec(`INSERT INTO publication_decisions (review_id, decision, reasons, way, decided_by, decided_at, recorded_at, recorded_by)
               VALUES (1, 'approve', '', 'in_app', 2, 'x', 'x', 'x')`),
    ).toThrow(/UNIQUE|PRIMARY/);
    expect(() =>
      db.exec(`INSERT INTO publication_decisions (review_id, decision, reasons, way, decided_by, decided_at, recorded_at, recorded_by)
               VALUES (2, 'approve_with_changes', '', 'in_app', 2, 'x', 'x', 'x')`),
    ).toThrow(/CHECK/);
    expect(() =>
      db.exec(`INSERT INTO publication_releases (review_id, published_at, place, headers_removed, recorded_at, recorded_by) VALUES (2, 'x', 'x', 0, 'x', 'x')`),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.exec(`INSERT INTO publication_reviews (review_no, year, seq, title, department, channel, telegram, content, submitted_by, item_key, opened_at, opened_by, recorded_at, recorded_by)
               VALUES ('GK-2026-009', 2026, 9, 't', 'd', 'wechat', 0, '', 'x', 'k', 'x', 1, 'x', 'x')`),
    ).toThrow(/CHECK/);
    db.close();
  });
});
