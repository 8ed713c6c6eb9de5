// Test helpers for db/**/*.test.ts: real ledgers in temporary folders, a clock the test moves, raw access by key.
// Not used by the app. Everything here opens real encrypted SQLite files; nothing is mocked.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { onTestFinished } from 'vitest';
import type { AuditRow } from './audit/chain';
import type { LedgerErrorShape } from './errors';
import type { InvokeResult, PushEvent } from './process-protocol';
import { KEY_FILE, LEDGER_DB_FILE, LedgerService } from './service';
import { passwordSlotId, readKeyFile, unwrapKey, type KdfParams } from './store/keyring';
import type { Db } from './store/sql';
import type { Role } from './views';

/** Cheap scrypt for tests (4 MiB, a few ms); DEFAULT_KDF is exercised once, in keyring.test.ts. */
export const TEST_KDF: KdfParams = { N: 2 ** 12, r: 8, p: 1 };
/** The tests' start time: 2026-11-25 09:00 in Beijing. */
export const T0 = Date.UTC(2026, 10, 25, 1, 0, 0);

export const ADMIN = { username: 'zhangwei', displayName: '张伟', password: 'Admin2026pass' } as const;
export const UNIT_NAME = '山东省某某厅保密办公室';

/** The wall clock and the monotonic one the tests move: time passing moves both, a clock set wrong only the wall. */
export class TestClock {
  now = T0;
  elapsed = 0;
  readonly read = (): number => this.now;
  readonly readMonotonic = (): number => this.elapsed;
  advance(ms: number): void {
    this.now += ms;
    this.elapsed += ms;
  }
  /** The wall clock set forward (or back, ms < 0) by someone: no time passes. */
  jumpWall(ms: number): void {
    this.now += ms;
  }
}

/** A temporary folder removed when the current test ends. Call inside a test. */
export function tempDir(prefix = 'ledger-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TempLedger {
  dir: string;
  dbPath: string;
  walPath: string;
  keyPath: string;
  clock: TestClock;
  /** Push events of every service made by this helper, in order. */
  pushes: PushEvent[];
  /** The service made first; `restart()` replaces it. */
  service: LedgerService;
  /** A new LedgerService on the same folder, as after an app restart (the old one is closed first). */
  restart(): LedgerService;
}

/** A LedgerService in a fresh temporary folder (no ledger yet), with a controllable clock and cheap scrypt. */
export function makeTempLedger(): TempLedger {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-test-'));
  const clock = new TestClock();
  const pushes: PushEvent[] = [];
  const services: LedgerService[] = [];
  const make = () => {
    const s = new LedgerService({ dir, clock: clock.read, monotonic: clock.readMonotonic, kdf: TEST_KDF, onPush: (e) => pushes.push(e) });
    services.push(s);
    return s;
  };
  onTestFinished(() => {
    for (const s of services) s.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const t: TempLedger = {
    dir,
    dbPath: join(dir, LEDGER_DB_FILE),
    walPath: join(dir, `${LEDGER_DB_FILE}-wal`),
    keyPath: join(dir, KEY_FILE),
    clock,
    pushes,
    service: make(),
    restart() {
      t.service.close();
      t.service = make();
      return t.service;
    },
  };
  return t;
}

export interface SetUpLedger extends TempLedger {
  recoveryCode: string;
  /** The raw database key (unwrapped from the admin's slot right after setup; it never changes). */
  key: Buffer;
}

/** makeTempLedger + ledger.setup by ADMIN (signed in afterwards). */
export function makeLedger(setup: Partial<{ unitName: string; username: string; displayName: string; password: string }> = {}): SetUpLedger {
  const t = makeTempLedger();
  const input = { unitName: UNIT_NAME, ...ADMIN, ...setup };
  const { recoveryCode } = ok<{ recoveryCode: string }>(t.service, 'ledger.setup', input);
  const keyFile = readKeyFile(t.keyPath);
  const slot = keyFile.slots.find((s) => s.id === passwordSlotId(keyFile.ledgerId, input.username));
  const key = slot && unwrapKey(keyFile.ledgerId, slot, input.password);
  if (!key) throw new Error('setup left no usable admin slot');
  return Object.assign(t, { recoveryCode, key });
}

/** Invokes and expects success; fails the test with the error otherwise. */
export function ok<T = unknown>(service: LedgerService, name: string, input: unknown = {}): T {
  const r: InvokeResult = service.invoke(name, input);
  if (!r.ok) throw new Error(`${name} was refused: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** Invokes and expects a refusal; returns the error. */
export function refused(service: LedgerService, name: string, input: unknown = {}): LedgerErrorShape {
  const r: InvokeResult = service.invoke(name, input);
  if (r.ok) throw new Error(`${name} unexpectedly succeeded: ${JSON.stringify(r.value)}`);
  return r.error;
}

/** `ok` for a command that reads or writes a file (import, export): through invokeAsync, as the hosts call it. */
export async function okAsync<T = unknown>(service: LedgerService, name: string, input: unknown = {}): Promise<T> {
  const r: InvokeResult = await service.invokeAsync(name, input);
  if (!r.ok) throw new Error(`${name} was refused: ${JSON.stringify(r.error).slice(0, 2000)}`);
  return r.value as T;
}

export async function refusedAsync(service: LedgerService, name: string, input: unknown = {}): Promise<LedgerErrorShape> {
  const r: InvokeResult = await service.invokeAsync(name, input);
  if (r.ok) throw new Error(`${name} unexpectedly succeeded: ${JSON.stringify(r.value).slice(0, 2000)}`);
  return r.error;
}

export function login(service: LedgerService, username: string, password: string): void {
  ok(service, 'session.login', { username, password });
}

/**
 * As the signed-in admin: creates an account, signs in as it and replaces the temporary password,
 * then signs the admin back in. The account is ready to use with `password`.
 */
export function addUser(t: SetUpLedger, user: { username: string; displayName?: string; roles: Role[]; password: string }): void {
  const temporary = `Temp${user.password}9`;
  ok(t.service, 'account.create', { username: user.username, displayName: user.displayName ?? user.username, roles: user.roles, password: temporary });
  login(t.service, user.username, temporary);
  ok(t.service, 'account.changePassword', { oldPassword: temporary, newPassword: user.password });
  login(t.service, ADMIN.username, ADMIN.password);
}

/** Opens a ledger database file directly with its raw key (cipher pragmas only: no migrations, no checks). */
export function openRaw(path: string, key: Buffer, options: { readonly?: boolean; create?: boolean } = {}): Db {
  const db = new Database(path, { fileMustExist: !options.create, readonly: options.readonly ?? false });
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  return db;
}

/** Runs fn on a raw connection to the ledger and closes it. Works while the service has the ledger open (WAL). */
export function withRaw<T>(t: SetUpLedger, fn: (db: Db) => T): T {
  const db = openRaw(t.dbPath, t.key);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export function auditRows(t: SetUpLedger): AuditRow[] {
  return withRaw(t, (db) => db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]);
}

/** Everything in the ledger except the audit log, as one comparable value. */
export function dataSnapshot(t: SetUpLedger): unknown {
  return withRaw(t, (db) =>
    Object.fromEntries(
      (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'audit_log' ORDER BY name`).all() as { name: string }[]).map(({ name }) => [
        name,
        // Sorted in JS: WITHOUT ROWID tables (event_copies) have no rowid to order by.
        (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort(),
      ]),
    ),
  );
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}
