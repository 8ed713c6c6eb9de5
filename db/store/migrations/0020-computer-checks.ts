import type { Migration } from '../migrate';

const appendOnly = (table: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

/**
 * Computers' security fields (seed §2, §4): 违规外联监控 and 三合一 installed (1), not installed (0) or not recorded
 * (NULL: every computer registered before this migration), the security products with their versions (a JSON list of
 * {name, version}); and the check log per computer (病毒查杀, 系统升级, 违规外联检查, 保密检查), append-only: a check
 * entered wrong is followed by a right one, never rewritten.
 */
export const computerChecks: Migration = {
  version: 20,
  name: 'computer-checks',
  up(db) {
    db.exec(`
      ALTER TABLE computers ADD COLUMN monitoring INTEGER CHECK (monitoring IN (0, 1));
      ALTER TABLE computers ADD COLUMN three_in_one INTEGER CHECK (three_in_one IN (0, 1));
      ALTER TABLE computers ADD COLUMN security_products TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(security_products) AND json_type(security_products) = 'array');

      CREATE TABLE computer_checks (
        id INTEGER PRIMARY KEY,
        computer_id INTEGER NOT NULL REFERENCES computers (id),
        kind TEXT NOT NULL CHECK (kind IN ('antivirus', 'system_update', 'outbound', 'secrecy')),
        at TEXT NOT NULL,
        checker TEXT NOT NULL CHECK (trim(checker) <> ''),
        result TEXT NOT NULL CHECK (result IN ('normal', 'problems')),
        problems TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        -- 发现问题 names what was found.
        CHECK (result = 'normal' OR trim(problems) <> '')
      ) STRICT;
      CREATE INDEX computer_checks_computer ON computer_checks (computer_id, kind, at);
      ${appendOnly('computer_checks')}
    `);
  },
};
