import type { Migration } from '../migrate';

const DEVICE_LEVEL = `IN ('top_secret', 'secret', 'confidential', 'non_secret')`;
const appendOnly = (table: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

/**
 * The four device registers of the seed (涉密 / 非涉密 计算机, 涉密 / 非涉密 移动存储介质), their history of changes
 * with before and after, and the media usage log (介质使用登记).
 */
export const devices: Migration = {
  version: 3,
  name: 'devices',
  up(db) {
    db.exec(`
      CREATE TABLE computers (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        model TEXT NOT NULL,
        serial TEXT NOT NULL UNIQUE COLLATE NOCASE,
        disk_serial TEXT COLLATE NOCASE,
        mac TEXT,
        os TEXT NOT NULL,
        os_installed_at TEXT,
        level TEXT NOT NULL CHECK (level ${DEVICE_LEVEL}),
        network TEXT NOT NULL CHECK (network IN ('standalone', 'classified_intranet', 'egov_extranet', 'internet')),
        purpose TEXT NOT NULL,
        department TEXT NOT NULL,
        responsible TEXT NOT NULL,
        location TEXT NOT NULL,
        enabled_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('in_use', 'stopped', 'repair', 'scrapped', 'destroyed')),
        remarks TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        -- A classified computer is never on the internet or the e-government extranet.
        CHECK (level = 'non_secret' OR network IN ('standalone', 'classified_intranet'))
      ) STRICT;
      CREATE UNIQUE INDEX computers_disk_serial ON computers (disk_serial) WHERE disk_serial IS NOT NULL AND disk_serial <> '';
      CREATE INDEX computers_responsible ON computers (responsible);

      CREATE TABLE media (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        type TEXT NOT NULL CHECK (type IN ('usb', 'hdd', 'disc', 'card', 'tape')),
        model TEXT NOT NULL,
        serial TEXT NOT NULL UNIQUE COLLATE NOCASE,
        capacity TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level ${DEVICE_LEVEL}),
        ever_classified INTEGER NOT NULL CHECK (ever_classified IN (0, 1)),
        responsible TEXT NOT NULL,
        department TEXT NOT NULL,
        usage_scope TEXT NOT NULL,
        enabled_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('in_use', 'stopped', 'scrapped', 'destroyed')),
        backup_approved INTEGER NOT NULL DEFAULT 0 CHECK (backup_approved IN (0, 1)),
        holder TEXT,
        loan_computer_id INTEGER REFERENCES computers (id),
        due_at TEXT,
        remarks TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        -- A medium that ever held secrets is never downgraded to 非涉密.
        CHECK (NOT (ever_classified = 1 AND level = 'non_secret'))
      ) STRICT;
      CREATE TRIGGER media_ever_classified_stays BEFORE UPDATE OF ever_classified ON media WHEN new.ever_classified < old.ever_classified
      BEGIN SELECT RAISE(ABORT, 'a medium that held secrets stays marked so'); END;
      CREATE INDEX media_responsible ON media (responsible);
      CREATE INDEX media_holder ON media (holder) WHERE holder IS NOT NULL;

      CREATE TABLE device_events (
        id INTEGER PRIMARY KEY,
        device TEXT NOT NULL CHECK (device IN ('computer', 'medium')),
        device_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        details TEXT NOT NULL CHECK (json_valid(details)),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX device_events_device ON device_events (device, device_id, id);

      CREATE TABLE media_usage (
        id INTEGER PRIMARY KEY,
        medium_id INTEGER NOT NULL REFERENCES media (id),
        computer_id INTEGER NOT NULL REFERENCES computers (id),
        at TEXT NOT NULL,
        user_name TEXT NOT NULL,
        purpose TEXT NOT NULL,
        data_level TEXT NOT NULL CHECK (data_level IN ('top_secret', 'secret', 'confidential', 'internal', 'non_secret')),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX media_usage_medium ON media_usage (medium_id, at);
      CREATE INDEX media_usage_computer ON media_usage (computer_id, at);

      -- Someone leaving their post (离岗): recorded only once they hold nothing.
      CREATE TABLE departures (
        id INTEGER PRIMARY KEY,
        person TEXT NOT NULL,
        at TEXT NOT NULL,
        handed_to TEXT NOT NULL,
        supervisor TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;

      ${appendOnly('departures')}
      ${appendOnly('device_events')}
      ${appendOnly('media_usage')}
    `);
  },
};
