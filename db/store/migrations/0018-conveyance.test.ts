import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { conveyance } from './0018-conveyance';
import { MIGRATIONS } from './index';

describe('migration 0018 conveyance', () => {
  it('keeps conveyance plans, publication plans and their carrying out as numbered history no one rewrites', () => {
    expect(MIGRATIONS[17]).toBe(conveyance);
    const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 17));
    db.exec(`INSERT INTO documents (year, seq, receipt_no, origin, doc_number, title, origin_unit, carrier, level, level_rank, marking, issue_date, scope, must_return, attachments, remarks, registered_at, created_at, created_by)
             VALUES (2026, 1, '2026-0001', 'received', '鲁保发〔2026〕3号', '通知', '省国家保密局', 'paper', 'secret', 2, '机密★10年', '2026-11-02', '["办公室"]', 0, '', '', '2026-11-03', '2026-11-03T01:00:00.000Z', 'liming')`);
    migrate(db, MIGRATIONS.slice(0, 18));
    expect(schemaVersion(db)).toBe(18);
    const event = (kind: string) =>
      Number(
        db
          .prepare(
            `INSERT INTO events (document_id, kind, at, details, recorded_at, recorded_by) VALUES (1, ?, '2026-11-20', '{}', '2026-11-20T01:00:00.000Z', 'liming')`,
          )
          .run(kind).lastInsertRowid,
      );
    const plan = db.prepare(
      `INSERT INTO conveyance_plans (document_id, version, range, manner, discipline, at, event_id, recorded_at, recorded_by)
       VALUES (1, ?, ?, ?, ?, '2026-11-20', ?, '2026-11-20T01:00:00.000Z', 'liming')`,
    );
    plan.run(1, '[{"name":"办公室"}]', 'meeting', '不得记录、录音', event('conveyance_plan'));
    // Every plan says to whom, how, and under which discipline; a version is taken once.
    expect(() => plan.run(2, '[]', 'meeting', '不得记录', event('conveyance_plan'))).toThrow(/CHECK/);
    expect(() => plan.run(2, '[{"name":"办公室"}]', 'phone', '不得记录', event('conveyance_plan'))).toThrow(/CHECK/);
    expect(() => plan.run(2, '[{"name":"办公室"}]', 'reading', '  ', event('conveyance_plan'))).toThrow(/CHECK/);
    expect(() => plan.run(1, '[{"name":"办公室"}]', 'reading', '不得外传', event('conveyance_plan'))).toThrow(/UNIQUE/);
    plan.run(2, '[{"name":"办公室"}]', 'reading', '不得外传', event('conveyance_plan'));

    const publication = db.prepare(
      `INSERT INTO publication_plans (document_id, version, extent, content, publish_from, channel, decision_way, decided_by, decider, decision_doc_no, decided_on, at, event_id, recorded_at, recorded_by)
       VALUES (1, ?, 'part', '第一部分', '2027-01-01', '网站', ?, ?, ?, ?, '2026-11-20', '2026-11-20', ?, '2026-11-20T01:00:00.000Z', 'liming')`,
    );
    publication.run(1, 'external', null, '省国家保密局', '鲁保函〔2026〕8号', event('publication_plan'));
    // An external decision has its 文号 and no account; an approver's countersignature has the account and no 文号.
    expect(() => publication.run(2, 'external', null, '省国家保密局', null, event('publication_plan'))).toThrow(/CHECK/);
    expect(() => publication.run(2, 'on_the_spot', null, '王局长', null, event('publication_plan'))).toThrow(/CHECK/);
    // Carried out only by a review's publication (its table comes in 0019): never without one, once per review.
    migrate(db, MIGRATIONS.slice(0, 19));
    db.exec(`INSERT INTO accounts (username, display_name, roles, created_at) VALUES ('liming', '李明', '["custodian"]', '2026-11-01')`);
    db.exec(`INSERT INTO publication_reviews (review_no, year, seq, title, department, channel, document_id, telegram, content, submitted_by, item_key, opened_at, opened_by, recorded_at, recorded_by)
             VALUES ('GK-2027-001', 2027, 1, '通知', '办公室', 'website', 1, 0, '', '赵六', 'doc:1:website', '2027-01-02', 1, '2027-01-02T01:00:00.000Z', 'liming')`);
    const done = db.prepare(
      `INSERT INTO publication_done (plan_id, review_id, at, reference, event_id, recorded_at, recorded_by) VALUES (1, ?, '2027-01-02', 'GK-2027-001', ?, '2027-01-02', 'liming')`,
    );
    expect(() => done.run(null, event('publication_done'))).toThrow(/NOT NULL/);
    expect(() => done.run(7, event('publication_done'))).toThrow(/FOREIGN KEY/);
    done.run(1, event('publication_done'));
    expect(
      db
        .prepare(`SELECT count(*) AS n FROM publication_plans p WHERE p.publish_from <= '2027-01-05' AND p.id NOT IN (SELECT plan_id FROM publication_done)`)
        .get(),
    ).toEqual({ n: 0 });

    for (const table of ['conveyance_plans', 'publication_plans', 'publication_done']) {
      expect(() => db.exec(`UPDATE ${table} SET recorded_by = 'x'`)).toThrow(/append-only/);
      expect(() => db.exec(`DELETE FROM ${table}`)).toThrow(/append-only/);
    }
    db.close();
  });
});
