import type { Migration } from '../migrate';

const appendOnly = (table: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

/**
 * 信息公开保密审查 (先审查后公开, 一事一审): one review per item proposed for publication, and what follows it, each a
 * row of its own that no one rewrites: the decision of an approver account (同意公开 / 修改后公开 / 不予公开, with its
 * reasons; in the app or countersigned on the spot), the confirmation that the changes asked were made (修改后公开),
 * the publication itself (when, where; for a telegram, that its headers and codes were removed), or the review's
 * withdrawal before a decision. item_key names the item (the ledger document, or the title and the department) with
 * its channel: no two standing reviews of one item.
 */
export const publicationReviews: Migration = {
  version: 19,
  name: 'publication-reviews',
  up(db) {
    db.exec(`
      CREATE TABLE publication_reviews (
        id INTEGER PRIMARY KEY,
        review_no TEXT NOT NULL UNIQUE,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        title TEXT NOT NULL,
        department TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('website', 'notice_board', 'document_release', 'media', 'other')),
        document_id INTEGER REFERENCES documents (id),
        telegram INTEGER NOT NULL CHECK (telegram IN (0, 1)),
        content TEXT NOT NULL,
        submitted_by TEXT NOT NULL,
        item_key TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        opened_by INTEGER NOT NULL REFERENCES accounts (id),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        UNIQUE (year, seq)
      ) STRICT;
      CREATE INDEX publication_reviews_item ON publication_reviews (item_key);
      CREATE INDEX publication_reviews_opened ON publication_reviews (opened_at);

      CREATE TABLE publication_decisions (
        review_id INTEGER PRIMARY KEY REFERENCES publication_reviews (id),
        decision TEXT NOT NULL CHECK (decision IN ('approve', 'approve_with_changes', 'refuse')),
        reasons TEXT NOT NULL,
        changes TEXT,
        way TEXT NOT NULL CHECK (way IN ('in_app', 'on_the_spot')),
        decided_by INTEGER NOT NULL REFERENCES accounts (id),
        decided_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        CHECK ((decision = 'approve_with_changes') = (changes IS NOT NULL))
      ) STRICT;

      CREATE TABLE publication_confirmations (
        review_id INTEGER PRIMARY KEY REFERENCES publication_decisions (review_id),
        note TEXT NOT NULL,
        way TEXT NOT NULL CHECK (way IN ('in_app', 'on_the_spot')),
        confirmed_by INTEGER NOT NULL REFERENCES accounts (id),
        confirmed_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE publication_releases (
        review_id INTEGER PRIMARY KEY REFERENCES publication_decisions (review_id),
        published_at TEXT NOT NULL,
        place TEXT NOT NULL,
        headers_removed INTEGER NOT NULL CHECK (headers_removed IN (0, 1)),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE publication_withdrawals (
        review_id INTEGER PRIMARY KEY REFERENCES publication_reviews (id),
        reason TEXT NOT NULL,
        at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;

      ${appendOnly('publication_reviews')}
      ${appendOnly('publication_decisions')}
      ${appendOnly('publication_confirmations')}
      ${appendOnly('publication_releases')}
      ${appendOnly('publication_withdrawals')}
    `);
  },
};
