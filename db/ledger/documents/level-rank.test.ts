// The domain core's level order agrees with what ledgers already store: documents.level_rank, written since the
// first release, and the SQL CASE that queries derive from the core.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { LEVELS, levelRank, levelRankSql, secretRank } from '../../domain/levels';
import { makeLedger, ok, withRaw } from '../../testing';
import { receiveInput } from './fixture';

describe('level_rank', () => {
  it('is stored as the core ranks each level of a marking', () => {
    const t = makeLedger();
    const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'JM-01', name: '绝密专柜', maxLevel: 'top_secret', keeper: '刘专管' }).id;
    for (const marking of ['绝密★长期', '机密★10年', '秘密★5年', '内部'])
      ok(t.service, 'documents.receive', receiveInput(cab, { marking, docNumber: marking }));
    const rows = withRaw(t, (db) => db.prepare('SELECT level, level_rank FROM documents ORDER BY id').all()) as {
      level: (typeof LEVELS)[number];
      level_rank: number;
    }[];
    expect(rows.map((r) => r.level)).toEqual(['top_secret', 'secret', 'confidential', 'internal']);
    for (const r of rows) expect(r.level_rank).toBe(levelRank(r.level));
  });

  it('is what the generated CASE computes in SQLite', () => {
    const db = new Database(':memory:');
    try {
      for (const level of LEVELS) {
        const row = db.prepare(`SELECT ${levelRankSql('l')} AS r, ${levelRankSql('l', secretRank)} AS s FROM (SELECT ? AS l)`).get(level) as {
          r: number;
          s: number;
        };
        expect(row).toEqual({ r: levelRank(level), s: secretRank(level) });
      }
    } finally {
      db.close();
    }
  });
});
