import { createHash } from 'node:crypto';
import { all, get, run, sql, type Db } from '../store/sql';

export type AuditOutcome = 'ok' | 'refused' | 'failed';

export interface AuditDraft {
  at: string;
  actor: string | null;
  /** The command family (session, account, settings, audit, ledger, ...), for filtering. */
  kind: string;
  action: string;
  target?: string | null;
  summary?: Record<string, unknown>;
  outcome: AuditOutcome;
  errorCode?: string | null;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string | null;
  kind: string;
  action: string;
  target: string | null;
  summary: string;
  outcome: AuditOutcome;
  error_code: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHead {
  seq: number;
  hash: string;
}

export function genesisHash(ledgerId: string): string {
  return createHash('sha256').update(`secrecy-ledger audit genesis\0${ledgerId}`).digest('hex');
}

/** The hash covers every column but itself, in a fixed order, joined to the previous hash. */
export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const body = JSON.stringify([row.seq, row.at, row.actor, row.kind, row.action, row.target, row.summary, row.outcome, row.error_code]);
  return createHash('sha256').update(row.prev_hash).update('\n').update(body).digest('hex');
}

export function auditHead(db: Db, ledgerId: string): AuditHead {
  const last = get<{ seq: number; hash: string }>(db, sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`);
  return last ?? { seq: 0, hash: genesisHash(ledgerId) };
}

/**
 * Appends one entry; the caller decides the transaction it belongs to. seq is the order. A wall time earlier than the
 * previous entry's (the clock was set back) is kept as it is, with a note naming the previous time.
 */
export function appendAudit(db: Db, ledgerId: string, draft: AuditDraft): AuditHead {
  const head = auditHead(db, ledgerId);
  const previousAt = get<{ at: string }>(db, sql`SELECT at FROM audit_log WHERE seq = ${head.seq}`)?.at;
  const summary = previousAt !== undefined && Date.parse(draft.at) < Date.parse(previousAt) ? { ...draft.summary, clockBack: { previousAt } } : draft.summary;
  const row: Omit<AuditRow, 'hash'> = {
    seq: head.seq + 1,
    at: draft.at,
    actor: draft.actor,
    kind: draft.kind,
    action: draft.action,
    target: draft.target ?? null,
    summary: JSON.stringify(summary ?? {}),
    outcome: draft.outcome,
    error_code: draft.errorCode ?? null,
    prev_hash: head.hash,
  };
  const hash = entryHash(row);
  run(
    db,
    sql`INSERT INTO audit_log (seq, at, actor, kind, action, target, summary, outcome, error_code, prev_hash, hash)
              VALUES (${row.seq}, ${row.at}, ${row.actor}, ${row.kind}, ${row.action}, ${row.target}, ${row.summary}, ${row.outcome}, ${row.error_code}, ${row.prev_hash}, ${hash})`,
  );
  return { seq: row.seq, hash };
}

/**
 * Appends an entry in a write transaction: the caller's when one is open (the entry belongs to its change), else one
 * of its own, IMMEDIATE, so the chain head it links to cannot change before its insert.
 */
export function recordAudit(db: Db, ledgerId: string, draft: AuditDraft): AuditHead {
  const append = () => appendAudit(db, ledgerId, draft);
  return db.inTransaction ? append() : db.transaction(append).immediate();
}

export type VerifyResult =
  { intact: true; count: number; head: AuditHead } | { intact: false; count: number; firstBroken: { seq: number; reason: 'hash' | 'link' | 'sequence' } };

/** Walks the whole chain in order; reports the first entry whose hash, link or number is wrong. */
export function verifyChain(db: Db, ledgerId: string): VerifyResult {
  return walkChain(db, 1, genesisHash(ledgerId));
}

/**
 * Walks the chain from entry `seq` to the head, taking that entry's link as given (a printout proves its hash, not
 * what came before it): whether anything from there on was edited, deleted or added out of order.
 */
export function verifyFrom(db: Db, seq: number): VerifyResult | null {
  const start = get<{ prev_hash: string }>(db, sql`SELECT prev_hash FROM audit_log WHERE seq = ${seq}`);
  return start ? walkChain(db, seq, start.prev_hash) : null;
}

function walkChain(db: Db, fromSeq: number, fromPrev: string): VerifyResult {
  let prev = fromPrev;
  let expectedSeq = fromSeq;
  let count = 0;
  for (const row of db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').iterate(fromSeq) as IterableIterator<AuditRow>) {
    count += 1;
    if (row.seq !== expectedSeq) return { intact: false, count, firstBroken: { seq: row.seq, reason: 'sequence' } };
    if (row.prev_hash !== prev) return { intact: false, count, firstBroken: { seq: row.seq, reason: 'link' } };
    const { hash, ...rest } = row;
    if (entryHash(rest) !== hash) return { intact: false, count, firstBroken: { seq: row.seq, reason: 'hash' } };
    prev = hash;
    expectedSeq += 1;
  }
  return { intact: true, count, head: { seq: expectedSeq - 1, hash: prev } };
}

export interface AuditQuery {
  actor?: string | undefined;
  kind?: string | undefined;
  /** Command families (the part of the action before the dot): any of them. */
  families?: readonly string[] | undefined;
  action?: string | undefined;
  /** Part of the target's ledger number (收文编号, 设备编号 ...). */
  target?: string | undefined;
  outcome?: AuditOutcome | undefined;
  from?: string | undefined;
  to?: string | undefined;
  offset: number;
  limit: number;
}

export function queryAudit(db: Db, q: AuditQuery): { total: number; rows: AuditRow[] } {
  const conditions = [sql`1 = 1`];
  // A person by account name or display name.
  if (q.actor) conditions.push(sql`(actor = ${q.actor} OR actor IN (SELECT username FROM accounts WHERE display_name = ${q.actor}))`);
  if (q.kind) conditions.push(sql`kind = ${q.kind}`);
  if (q.families?.length)
    conditions.push(
      sql`(${sql.join(
        q.families.map((f) => sql`action LIKE ${`${f}.%`}`),
        ' OR ',
      )})`,
    );
  if (q.action) conditions.push(sql`action = ${q.action}`);
  if (q.target) conditions.push(sql`instr(target, ${q.target}) > 0`);
  if (q.outcome) conditions.push(sql`outcome = ${q.outcome}`);
  if (q.from) conditions.push(sql`at >= ${q.from}`);
  if (q.to) conditions.push(sql`at < ${q.to}`);
  const where = sql.join(conditions, ' AND ');
  const total = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM audit_log WHERE ${where}`)!.n;
  const rows = all<AuditRow>(db, sql`SELECT * FROM audit_log WHERE ${where} ORDER BY seq DESC LIMIT ${q.limit} OFFSET ${q.offset}`);
  return { total, rows };
}
