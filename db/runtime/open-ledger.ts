// An open ledger (its connection and key), how one is created, opened and closed, and its audit entries.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { recordAudit, type AuditDraft } from '../audit/chain';
import { insertAccount, type Account } from '../auth/accounts';
import { assertPasswordAllowed, BASE_POLICY } from '../auth/passwords';
import { LedgerError } from '../errors';
import { checkInBackground, type IntegrityCheck } from './integrity-check';
import { defaultSettings, writeSettings } from '../ledger/settings';
import { newAuditKeyPair, newRecoveryCode, type KeyFile } from '../store/keyring';
import { PRIVATE_DIR_MODE } from '../store/files';
import { assertIntact, openLedgerDb } from '../store/open';
import { get, run, sql, type Db } from '../store/sql';
import { APP_VERSION } from '../version';
import type { KeyStore } from './keys';

/** An open ledger: its connection, its key, and the private key that opens attempts sealed while it was locked. */
export interface OpenLedger {
  db: Db;
  key: Buffer;
  ledgerId: string;
  auditPrivateKey: string;
  /** The whole-file check running beside the session (integrity-check.ts), until it reports. */
  check?: IntegrityCheck | undefined;
}

/**
 * When an opened ledger's whole file is checked: before it is used, or beside the session, `found` told of damage
 * (or of a check that could not finish) while that ledger is still open.
 */
export type IntegrityPlan = { now: true } | { now: false; found: (ledger: OpenLedger, error: LedgerError) => void };

/** The audit action of a background check that found the ledger damaged: the last entry its session wrote. */
export const INTEGRITY_ACTION = 'ledger.integrityCheck';

export interface NewLedger {
  unitName: string;
  username: string;
  displayName: string;
  password: string;
}

type Binding = { nativeBinding?: string };

/** A new ledger in an empty folder: its database, its first account (administrator and custodian) and key file. */
export function createLedger(
  input: NewLedger,
  where: { dir: string; dbPath: string; keys: KeyStore; at: string; binding: Binding },
): { ledger: OpenLedger; account: Account; recoveryCode: string } {
  const { dbPath, keys, at } = where;
  if (keys.exists() || existsSync(dbPath)) throw new LedgerError('E_ALREADY_INITIALIZED');
  assertPasswordAllowed(input.password, BASE_POLICY);
  mkdirSync(where.dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const key = randomBytes(32);
  const ledgerId = randomUUID();
  const auditKeys = newAuditKeyPair();
  const recoveryCode = newRecoveryCode();
  let db: Db | null = null;
  try {
    db = openLedgerDb(dbPath, key, { create: true, ...where.binding });
    const ledger: OpenLedger = { db, key, ledgerId, auditPrivateKey: auditKeys.privateKey };
    const account = db
      .transaction(() => {
        for (const [k, v] of Object.entries({ ledger_id: ledgerId, created_at: at, created_by_app: APP_VERSION, audit_private_key: auditKeys.privateKey })) {
          run(ledger.db, sql`INSERT INTO ledger_meta (key, value) VALUES (${k}, ${v})`);
        }
        writeSettings(ledger.db, defaultSettings(input.unitName));
        const acc = insertAccount(ledger.db, {
          username: input.username,
          displayName: input.displayName,
          roles: ['admin', 'custodian'],
          mustChangePassword: false,
          at,
        });
        const summary = { roles: acc.roles, appVersion: APP_VERSION };
        audit(ledger, { at, actor: acc.username, kind: 'ledger', action: 'ledger.setup', target: acc.username, summary, outcome: 'ok' });
        keys.create(ledgerId, key, acc.username, input.password, recoveryCode, auditKeys.publicKey);
        return acc;
      })
      .immediate();
    return { ledger, account, recoveryCode };
  } catch (err) {
    // Nothing half-made stays behind: a folder with a ledger but no key file could never be opened.
    db?.close();
    key.fill(0);
    for (const f of [keys.keyPath, dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
    throw err;
  }
}

/** The ledger opened with the key from its key file; refused when the two belong to different ledgers. */
export function openLedger(dbPath: string, keyFile: KeyFile, key: Buffer, binding: Binding, plan: IntegrityPlan): OpenLedger {
  const db = openLedgerDb(dbPath, key, { ...binding, integrity: plan.now ? 'now' : 'later' });
  let auditPrivateKey: string;
  try {
    const meta = (k: string) => get<{ value: string }>(db, sql`SELECT value FROM ledger_meta WHERE key = ${k}`)?.value;
    if (meta('ledger_id') !== keyFile.ledgerId) throw new LedgerError('E_NOT_A_LEDGER');
    auditPrivateKey = meta('audit_private_key') ?? '';
    // Damage found by an earlier session (in an earlier run too) is checked for again before this one writes.
    if (!plan.now && lastEntryFoundDamage(db)) assertIntact(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const ledger: OpenLedger = { db, key, ledgerId: keyFile.ledgerId, auditPrivateKey };
  if (!plan.now) {
    ledger.check = checkInBackground(dbPath, key, binding.nativeBinding, (error) => {
      ledger.check = undefined;
      if (error) plan.found(ledger, error);
    });
  }
  return ledger;
}

function lastEntryFoundDamage(db: Db): boolean {
  const last = get<{ action: string; outcome: string }>(db, sql`SELECT action, outcome FROM audit_log ORDER BY seq DESC LIMIT 1`);
  return last?.action === INTEGRITY_ACTION && last.outcome === 'refused';
}

/** Locking drops the key: the background check stops, the connection closes and the key bytes are overwritten. */
export function closeLedger(ledger: OpenLedger): void {
  ledger.check?.stop();
  ledger.check = undefined;
  if (ledger.db.open) ledger.db.close();
  ledger.key.fill(0);
}

/** An audit entry, in the caller's write transaction or one of its own (recordAudit). */
export function audit(ledger: OpenLedger, draft: AuditDraft): void {
  recordAudit(ledger.db, ledger.ledgerId, draft);
}
