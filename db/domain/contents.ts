// What a ledger holds, read from its table counts (a backup's manifest, the open ledger): the words are the
// renderer's (backup.contents.*); the tables named here are the store's, so the screens never show them.

export interface LedgerContents {
  documents: number;
  copies: number;
  computers: number;
  media: number;
  locations: number;
  accounts: number;
  approvals: number;
  auditRecords: number;
}

const TABLES: Record<keyof LedgerContents, string> = {
  documents: 'documents',
  copies: 'copies',
  computers: 'computers',
  media: 'media',
  locations: 'locations',
  accounts: 'accounts',
  approvals: 'approvals',
  auditRecords: 'audit_log',
};

/** The contents in a fixed order; a table the counts lack (an older backup) counts as 0. */
export function ledgerContents(counts: Readonly<Record<string, number>>): LedgerContents {
  return Object.fromEntries(Object.entries(TABLES).map(([key, table]) => [key, counts[table] ?? 0])) as unknown as LedgerContents;
}
