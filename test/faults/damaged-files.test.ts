// Damaged and foreign files: every byte class of the key file, and database files that are truncated or not ours.
// Each attempt to open gives a coded refusal (never E_INTERNAL) and leaves both files byte for byte as they were;
// the one documented exception is a refusal that counts a wrong password: it rewrites only the throttle record and
// the sealed attempts (ledger.keys "throttle" and "pendingAudit").
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerErrorShape } from '../../db/errors';
import { LedgerService } from '../../db/service';
import { ADMIN, sha256File, TEST_KDF } from '../../db/testing';
import { copyFolder, look, newFolder, scratch, type Folder } from './harness';

type Json = Record<string, unknown> & { slots: Record<string, unknown>[]; pendingAudit: Record<string, string>[] };

let space: ReturnType<typeof scratch>;
let base: Folder & { recoveryCode: string };
let copies = 0;

beforeAll(() => {
  space = scratch('damaged');
  base = newFolder(join(space.root, 'base'));
  // One failed attempt sealed in the key file, so its pendingAudit and throttle fields hold something to damage.
  const s = new LedgerService({ dir: base.dir, kdf: TEST_KDF });
  s.invoke('session.login', { username: ADMIN.username, password: 'Wrong2026pass' });
  s.close();
});
afterAll(() => space.remove());

const fresh = (): Folder => copyFolder(base, join(space.root, `case-${(copies += 1)}`));
const keyJson = (f: Folder) => JSON.parse(readFileSync(f.keyPath, 'utf8')) as Json;
const writeJson = (f: Folder, k: unknown) => writeFileSync(f.keyPath, JSON.stringify(k, null, 1));
const adminSlot = (k: Json) => k.slots.find((s) => s.id !== 'recovery')!;
const recoverySlot = (k: Json) => k.slots.find((s) => s.id === 'recovery')!;

/** base64 of the same length with one bit flipped in the middle: a bad sector, not a malformed file. */
const flipped = (b64: string) => {
  const bytes = Buffer.from(b64, 'base64');
  bytes[bytes.length >> 1]! ^= 0x10;
  return bytes.toString('base64');
};
/** base64 of the first half of the bytes: a field of the wrong length. */
const halved = (b64: string) =>
  Buffer.from(b64, 'base64')
    .subarray(0, Buffer.from(b64, 'base64').length >> 1)
    .toString('base64');

type Attempt = 'password' | 'recovery';
const COUNTED = new Set(['E_WRONG_PASSWORD', 'E_WRONG_RECOVERY_CODE']);

/** What a custodian does at the lock screen: the right password, or the recovery code. Nothing else runs first. */
function attempt(f: Folder, how: Attempt): { ok: true } | { ok: false; error: LedgerErrorShape } {
  const s = new LedgerService({ dir: f.dir, kdf: TEST_KDF });
  try {
    const r =
      how === 'password'
        ? s.invoke('session.login', { username: ADMIN.username, password: ADMIN.password })
        : s.invoke('session.recover', { username: ADMIN.username, recoveryCode: base.recoveryCode, newPassword: 'Recovered2026pass' });
    return r.ok ? { ok: true } : { ok: false, error: r.error };
  } finally {
    s.close();
  }
}

/** Everything of the key file but the throttle record and the sealed attempts. */
const beyondThrottle = (text: string) => {
  try {
    const { throttle: _t, pendingAudit: _p, ...rest } = JSON.parse(text) as Json;
    return rest;
  } catch {
    return text;
  }
};

/** Damages a fresh copy, tries to open it, and checks the refusal and the files. */
function expectRefusedUntouched(damage: (f: Folder) => void, how: Attempt = 'password'): LedgerErrorShape {
  const f = fresh();
  damage(f);
  const db = sha256File(f.dbPath);
  const keysText = existsSync(f.keyPath) ? readFileSync(f.keyPath, 'utf8') : '';
  const r = attempt(f, how);
  expect(r.ok, 'a damaged file was opened').toBe(false);
  const { error } = r as { ok: false; error: LedgerErrorShape };
  expect(error.code, JSON.stringify(error)).not.toBe('E_INTERNAL');
  expect(sha256File(f.dbPath), 'ledger.db changed').toBe(db);
  expect(existsSync(`${f.dbPath}-wal`) ? readFileSync(`${f.dbPath}-wal`).length : 0, 'a write-ahead log was left').toBe(0);
  const keysAfter = existsSync(f.keyPath) ? readFileSync(f.keyPath, 'utf8') : '';
  if (COUNTED.has(error.code)) expect(beyondThrottle(keysAfter), 'a counted attempt rewrote more than the throttle').toEqual(beyondThrottle(keysText));
  else expect(keysAfter, `ledger.keys rewritten on ${error.code}`).toBe(keysText);
  return error;
}

describe('the key file damaged as a whole', () => {
  const cases: [string, (f: Folder) => void][] = [
    ['not JSON', (f) => writeFileSync(f.keyPath, 'this is not JSON {')],
    ['zero length', (f) => truncateSync(f.keyPath, 0)],
    ['truncated to one byte', (f) => truncateSync(f.keyPath, 1)],
    ['truncated to half', (f) => truncateSync(f.keyPath, readFileSync(f.keyPath).length >> 1)],
    ['a JSON array', (f) => writeJson(f, [keyJson(f)])],
    ['format: another name', (f) => writeJson(f, { ...keyJson(f), format: 'secrecy-ledger-keyslotz' })],
    ['format: missing', (f) => writeJson(f, { ...keyJson(f), format: undefined })],
    ['version: from the future', (f) => writeJson(f, { ...keyJson(f), version: 2 })],
    ['ledgerId: not a uuid', (f) => writeJson(f, { ...keyJson(f), ledgerId: 'not-a-uuid' })],
    ['ledgerId: one digit changed (still a uuid)', (f) => writeJson(f, { ...keyJson(f), ledgerId: flipHex(keyJson(f).ledgerId as string) })],
    ['slots: an object, not a list', (f) => writeJson(f, { ...keyJson(f), slots: {} })],
    ['slots: empty', (f) => writeJson(f, { ...keyJson(f), slots: [] })],
    ['auditKey: a number', (f) => writeJson(f, { ...keyJson(f), auditKey: 5 })],
    ['throttle: failures as text', (f) => writeJson(f, { ...keyJson(f), throttle: { failures: '1', lastFailureAt: null } })],
    ['throttle: negative failures', (f) => writeJson(f, { ...keyJson(f), throttle: { failures: -1, lastFailureAt: null } })],
    ['throttle: missing', (f) => writeJson(f, { ...keyJson(f), throttle: undefined })],
    ['pendingAudit: not a list', (f) => writeJson(f, { ...keyJson(f), pendingAudit: 'none' })],
    ['pendingAudit: a record missing its tag', (f) => writeJson(f, { ...keyJson(f), pendingAudit: [{ ...keyJson(f).pendingAudit[0], tag: undefined }] })],
    ['a slot: kdf N as text', (f) => writeJson(f, { ...keyJson(f), slots: keyJson(f).slots.map((s) => ({ ...s, kdf: { ...(s.kdf as object), N: 'x' } })) })],
    ['one byte of the text changed to a control character', (f) => flipTextByte(f)],
  ];
  for (const [name, damage] of cases) it(`${name}: a coded refusal, files unchanged`, () => void expectRefusedUntouched(damage));
});

describe('a key slot with one bit flipped (the same length: a wrong key cannot be told from a wrong password)', () => {
  for (const field of ['salt', 'iv', 'tag', 'wrapped'] as const) {
    it(`admin slot ${field}: refused, and only the throttle record may change`, () => {
      expectRefusedUntouched((f) => {
        const k = keyJson(f);
        adminSlot(k)[field] = flipped(adminSlot(k)[field] as string);
        writeJson(f, k);
      });
    });
    it(`recovery slot ${field}: the recovery code is refused, only the throttle record may change`, () => {
      expectRefusedUntouched((f) => {
        const k = keyJson(f);
        recoverySlot(k)[field] = flipped(recoverySlot(k)[field] as string);
        writeJson(f, k);
      }, 'recovery');
    });
  }
  it('admin slot kdf cost changed: refused, only the throttle record may change', () => {
    expectRefusedUntouched((f) => {
      const k = keyJson(f);
      adminSlot(k).kdf = { ...(adminSlot(k).kdf as object), N: 2 ** 13 };
      writeJson(f, k);
    });
  });
});

describe('a key slot of the wrong shape is E_CORRUPT naming the file and the slot, and nothing is rewritten', () => {
  for (const field of ['salt', 'iv', 'tag', 'wrapped'] as const) {
    it(`admin slot ${field} of half its length`, () => {
      const error = expectRefusedUntouched((f) => {
        const k = keyJson(f);
        adminSlot(k)[field] = halved(adminSlot(k)[field] as string);
        writeJson(f, k);
      });
      expect(error).toMatchObject({ code: 'E_CORRUPT', details: { file: expect.stringContaining('ledger.keys') } });
      expect(JSON.stringify(error.details)).toMatch(/slot/i);
    });
  }
});

describe('a sealed failed attempt damaged', () => {
  it('the right password still signs in (the record cannot be opened) and the audit chain stays intact', () => {
    const f = fresh();
    const k = keyJson(f);
    k.pendingAudit[0]!.ct = flipped(k.pendingAudit[0]!.ct!);
    writeJson(f, k);
    const r = attempt(f, 'password');
    expect(r.ok || (r as { error: LedgerErrorShape }).error.code !== 'E_INTERNAL', JSON.stringify(r)).toBe(true);
    expect(look(f).chain).toMatchObject({ intact: true });
  });
});

describe('the database file truncated or not ours (the right password)', () => {
  const page = 4096;
  const cases: [string, (f: Folder) => void][] = [
    ['zero length', (f) => truncateSync(f.dbPath, 0)],
    ['truncated to 100 bytes', (f) => truncateSync(f.dbPath, 100)],
    ['truncated to one page', (f) => truncateSync(f.dbPath, page)],
    ['truncated to half', (f) => truncateSync(f.dbPath, Math.floor(readFileSync(f.dbPath).length / 2 / page) * page)],
    ['random bytes', (f) => writeFileSync(f.dbPath, randomBytes(8 * page))],
    ['a PNG', (f) => writeFileSync(f.dbPath, PNG)],
    [
      'a plain SQLite database',
      (f) => {
        writeFileSync(f.dbPath, '');
        const db = new Database(`${f.dbPath}.plain`);
        db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
        db.close();
        writeFileSync(f.dbPath, readFileSync(`${f.dbPath}.plain`));
      },
    ],
    ['another ledger (its own key does not open it)', (f) => writeFileSync(f.dbPath, readFileSync(newFolder(join(space.root, `other-${copies}`)).dbPath))],
  ];
  for (const [name, damage] of cases) {
    it(`${name}: E_NOT_A_LEDGER or E_CORRUPT, files unchanged`, () => {
      expect(['E_NOT_A_LEDGER', 'E_CORRUPT']).toContain(expectRefusedUntouched(damage).code);
    });
  }
});

describe('the documented exception', () => {
  it('a wrong password on an intact ledger rewrites only the throttle record and the sealed attempts', () => {
    const f = fresh();
    const before = { db: sha256File(f.dbPath), keys: readFileSync(f.keyPath, 'utf8') };
    const s = new LedgerService({ dir: f.dir, kdf: TEST_KDF });
    const r = s.invoke('session.login', { username: ADMIN.username, password: 'Wrong2026pass' });
    s.close();
    expect(r).toMatchObject({ ok: false, error: { code: 'E_WRONG_PASSWORD', details: { failures: 2 } } });
    expect(sha256File(f.dbPath)).toBe(before.db);
    const after = keyJson(f);
    expect(beyondThrottle(JSON.stringify(after))).toEqual(beyondThrottle(before.keys));
    expect(after.pendingAudit).toHaveLength(2);
  });
});

/** Another valid uuid: the first hex digit after the first dash, changed. */
function flipHex(uuid: string): string {
  const at = uuid.indexOf('-') + 1;
  return `${uuid.slice(0, at)}${uuid[at] === 'a' ? 'b' : 'a'}${uuid.slice(at + 1)}`;
}

function flipTextByte(f: Folder): void {
  const bytes = readFileSync(f.keyPath);
  bytes[bytes.length >> 1] = 0x01;
  writeFileSync(f.keyPath, bytes);
}

/** The 8-byte signature and an IHDR chunk: what a mis-saved screenshot starts with. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
  randomBytes(4096),
]);
