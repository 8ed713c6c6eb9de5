import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it, vi } from 'vitest';
import { backupLedger } from './backup/fixture';
import { FOLDER_LOCK_FILE } from './runtime/folder-lock';
import { LedgerService } from './service';
import { openLedgerDb } from './store/open';
import { ADMIN, addUser, fileSize, login, makeLedger, ok, refused, tempDir, TEST_KDF, UNIT_NAME } from './testing';
import type { RestoreResultView } from './views';

// Words that must never be readable in the files on disk.
const TITLE = '关于二〇二六年度涉密载体清查工作的通知';
const SECRET_WORDS = [UNIT_NAME, TITLE, '王秀英', ADMIN.displayName, 'wangxiuying', 'zhangwei', ADMIN.password, 'Clerk2026pass'];
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function encodings(word: string): Buffer[] {
  const utf16be = Buffer.from(word, 'utf16le').swap16();
  return [Buffer.from(word, 'utf8'), Buffer.from(word, 'utf16le'), utf16be];
}

/** The words (in UTF-8, UTF-16LE or UTF-16BE) found in the bytes. */
function readableWords(bytes: Buffer, words: readonly string[]): string[] {
  return words.filter((w) => encodings(w).some((e) => bytes.includes(e)));
}

describe('encryption at rest', () => {
  it('the search used below finds the words in a plain SQLite file (control)', () => {
    const path = join(tempDir(), 'plain.db');
    const db = new Database(path);
    db.exec('CREATE TABLE t (a TEXT, b BLOB)');
    db.prepare('INSERT INTO t VALUES (?, ?)').run(`${UNIT_NAME} ${TITLE}`, Buffer.from('王秀英', 'utf16le'));
    db.close();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 16).equals(PLAIN_HEADER)).toBe(true);
    expect(readableWords(bytes, [UNIT_NAME, TITLE, '王秀英'])).toEqual([UNIT_NAME, TITLE, '王秀英']);
  });

  it('no Chinese name, title, username or password is readable in ledger.db, ledger.db-wal or ledger.keys', () => {
    const t = makeLedger();
    ok(t.service, 'settings.update', { unitName: `${UNIT_NAME}（${TITLE}）` });
    ok(t.service, 'settings.update', { unitName: UNIT_NAME });
    addUser(t, { username: 'wangxiuying', displayName: `王秀英 ${TITLE}`, roles: ['custodian'], password: 'Clerk2026pass' });
    ok(t.service, 'account.update', { username: 'wangxiuying', displayName: '王秀英' });
    // A refused command and a failed login: their audit entries (one sealed in the key file) must not leak either.
    expect(refused(t.service, 'account.create', { username: '王秀英', displayName: TITLE, roles: ['auditor', 'admin'], password: 'Clerk2026pass' }).code).toBe(
      'E_ROLE_CONFLICT',
    );
    expect(refused(t.service, 'session.login', { username: 'wangxiuying', password: `${TITLE}123` }).code).toBe('E_WRONG_PASSWORD');
    expect(refused(t.service, 'session.login', { username: '王秀英', password: 'Clerk2026pass' }).code).toBe('E_WRONG_PASSWORD');
    login(t.service, ADMIN.username, ADMIN.password);
    ok(t.service, 'settings.update', { unitName: UNIT_NAME });

    // Still unlocked: the write-ahead log holds the recent pages.
    expect(fileSize(t.walPath)).toBeGreaterThan(0);
    const files = { db: readFileSync(t.dbPath), wal: readFileSync(t.walPath), keys: readFileSync(t.keyPath) };
    expect(files.db.subarray(0, 16).equals(PLAIN_HEADER)).toBe(false);
    for (const [name, bytes] of Object.entries(files)) {
      expect({ name, readable: readableWords(bytes, [...SECRET_WORDS, `${TITLE}123`]) }).toEqual({ name, readable: [] });
      expect(bytes.includes(PLAIN_HEADER), name).toBe(false);
    }

    // Closed: the log is folded into the database, which is still unreadable.
    t.service.close();
    expect(fileSize(t.walPath)).toBe(0);
    const closed = readFileSync(t.dbPath);
    expect(closed.subarray(0, 16).equals(PLAIN_HEADER)).toBe(false);
    expect(readableWords(closed, SECRET_WORDS)).toEqual([]);

    // And the data really is in there: the ledger opens and shows it.
    const s = t.restart();
    login(s, ADMIN.username, ADMIN.password);
    expect(ok<{ unitName: string }>(s, 'settings.get').unitName).toBe(UNIT_NAME);
    expect(ok<{ displayName: string }[]>(s, 'account.list').map((a) => a.displayName)).toEqual([ADMIN.displayName, '王秀英']);
  });
});

describe('files and folders the ledger creates are its user’s only', () => {
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('the ledger folder 0700; ledger.db, its -wal and -shm, ledger.keys and ledger.lock 0600 (whatever the umask)', () => {
    const dir = join(tempDir(), 'new-ledger');
    const service = new LedgerService({ dir, kdf: TEST_KDF });
    const umask = process.umask(0o022);
    try {
      ok(service, 'ledger.setup', { unitName: UNIT_NAME, ...ADMIN });
      ok(service, 'settings.update', { idleMinutes: 20 });
      expect(mode(dir)).toBe(0o700);
      for (const file of ['ledger.db', 'ledger.db-wal', 'ledger.db-shm', 'ledger.keys', FOLDER_LOCK_FILE])
        expect([file, mode(join(dir, file))]).toEqual([file, 0o600]);
    } finally {
      process.umask(umask);
      service.close();
    }
  });

  it('a backup folder 0700 with its files 0600; the pre-restore copy 0700', () => {
    const t = backupLedger();
    const umask = process.umask(0o022);
    try {
      const backup = t.backup();
      expect(mode(backup.path)).toBe(0o700);
      for (const file of readdirSync(backup.path)) expect([file, mode(join(backup.path, file))]).toEqual([file, 0o600]);
      const restored = ok<RestoreResultView>(t.service, 'backup.restore', { folder: backup.path, username: ADMIN.username, password: ADMIN.password });
      expect(mode(restored.preRestoreDir!)).toBe(0o700);
      for (const file of ['ledger.db', 'ledger.keys']) expect([file, mode(join(t.dir, file))]).toEqual([file, 0o600]);
    } finally {
      process.umask(umask);
    }
  });
});

describe('copies of the database key', () => {
  it('opening a ledger never turns the key into a hex string (strings cannot be wiped)', () => {
    const t = makeLedger();
    t.service.close();
    const toString = vi.spyOn(Buffer.prototype, 'toString');
    try {
      const db = openLedgerDb(t.dbPath, Buffer.from(t.key));
      db.close();
      expect(toString.mock.calls.filter(([encoding]) => encoding === 'hex')).toEqual([]);
    } finally {
      toString.mockRestore();
    }
  });
});
