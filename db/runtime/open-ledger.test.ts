// Audit entries written on their own (refusals, lock, logout) are in a write transaction like every other.
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../audit/chain';
import { openLedgerDb } from '../store/open';
import { tempDir } from '../testing';
import { audit, closeLedger, type OpenLedger } from './open-ledger';

/** A bare ledger database that records, for each audit row inserted, whether a transaction was open. */
function probedLedger(): { ledger: OpenLedger; inTransaction: boolean[] } {
  const db = openLedgerDb(join(tempDir(), 'ledger.db'), randomBytes(32), { create: true });
  const inTransaction: boolean[] = [];
  db.function('probe_tx', () => {
    inTransaction.push(db.inTransaction);
    return null;
  });
  db.exec('CREATE TEMP TRIGGER probe AFTER INSERT ON audit_log BEGIN SELECT probe_tx(); END');
  return { ledger: { db, key: randomBytes(32), ledgerId: randomUUID(), auditPrivateKey: '' }, inTransaction };
}

const draft = (action: string) => ({ at: '2026-11-25T01:00:00.000Z', actor: 'zhangwei', kind: 'session', action, outcome: 'ok' as const });

describe('audit()', () => {
  it('appends in a write transaction of its own when none is open, and inside the caller’s when one is', () => {
    const { ledger, inTransaction } = probedLedger();
    audit(ledger, draft('session.lock'));
    ledger.db.transaction(() => audit(ledger, draft('session.login'))).immediate();
    expect(inTransaction).toEqual([true, true]);
    expect(ledger.db.inTransaction).toBe(false);
    expect(verifyChain(ledger.db, ledger.ledgerId)).toMatchObject({ intact: true, count: 2 });
    closeLedger(ledger);
  });
});
