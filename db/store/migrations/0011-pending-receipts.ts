import type { Migration } from '../migrate';

/**
 * The transmissions still waiting for their 回执, kept by triggers: the reminders count them after every write, and
 * finding them among ten years of events (each transmission against its item's receipts) took about a second.
 * A transmission (transmit / forward, not imported history) enters; the receipt that names it takes it out.
 */
export const pendingReceipts: Migration = {
  version: 11,
  name: 'pending-receipts',
  up(db) {
    db.exec(`
      CREATE TABLE pending_receipts (
        event_id INTEGER PRIMARY KEY REFERENCES events (id),
        document_id INTEGER NOT NULL REFERENCES documents (id),
        sent_on TEXT NOT NULL
      ) STRICT;
      CREATE INDEX pending_receipts_document ON pending_receipts (document_id, sent_on);
      CREATE INDEX pending_receipts_sent ON pending_receipts (sent_on, document_id);

      INSERT INTO pending_receipts (event_id, document_id, sent_on)
        SELECT e.id, e.document_id, substr(e.at, 1, 10) FROM events e
        WHERE e.kind IN ('transmit', 'forward') AND e.imported = 0
          AND NOT EXISTS (SELECT 1 FROM events r WHERE r.document_id = e.document_id AND r.kind = 'receipt_confirmed'
                          AND json_extract(r.details, '$.eventId') = e.id);

      CREATE TRIGGER events_receipt_awaited AFTER INSERT ON events WHEN new.kind IN ('transmit', 'forward') AND new.imported = 0 BEGIN
        INSERT INTO pending_receipts (event_id, document_id, sent_on) VALUES (new.id, new.document_id, substr(new.at, 1, 10));
      END;
      CREATE TRIGGER events_receipt_confirmed AFTER INSERT ON events WHEN new.kind = 'receipt_confirmed' BEGIN
        DELETE FROM pending_receipts WHERE event_id = json_extract(new.details, '$.eventId') AND document_id = new.document_id;
      END;
    `);
  },
};
