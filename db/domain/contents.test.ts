import { describe, expect, it } from 'vitest';
import { ledgerContents } from './contents';

describe('ledgerContents', () => {
  it('reads what the ledger holds from its table counts, none missing counting as 0', () => {
    expect(
      ledgerContents({ documents: 3, copies: 7, computers: 2, media: 4, locations: 1, accounts: 2, audit_log: 90, documents_grams: 400, approvals: 1 }),
    ).toEqual({
      documents: 3,
      copies: 7,
      computers: 2,
      media: 4,
      locations: 1,
      accounts: 2,
      approvals: 1,
      auditRecords: 90,
    });
    expect(ledgerContents({})).toEqual({ documents: 0, copies: 0, computers: 0, media: 0, locations: 0, accounts: 0, approvals: 0, auditRecords: 0 });
  });
});
