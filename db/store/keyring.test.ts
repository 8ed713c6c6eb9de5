import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, TEST_KDF } from '../testing';
import {
  DEFAULT_KDF,
  FREE_ATTEMPTS,
  KEY_FILE_FORMAT,
  newAuditKeyPair,
  newRecoveryCode,
  normalizeRecoveryCode,
  passwordSlotId,
  readKeyFile,
  RECOVERY_SLOT_ID,
  retryAfterMs,
  seal,
  throttleDelayMs,
  unseal,
  unwrapKey,
  wrapKey,
  writeKeyFile,
  type KeyFile,
} from './keyring';

const ledgerId = randomUUID();
const dbKey = randomBytes(32);

describe('wrapKey / unwrapKey', () => {
  it('round-trips the database key with the right secret', () => {
    const slot = wrapKey(ledgerId, 'slot-a', dbKey, 'Correct horse 1', TEST_KDF);
    expect(unwrapKey(ledgerId, slot, 'Correct horse 1')).toEqual(dbKey);
    // The slot holds no clear copy of the key or the secret.
    expect(JSON.stringify(slot)).not.toContain(dbKey.toString('base64'));
    expect(JSON.stringify(slot)).not.toContain('Correct horse 1');
  });

  it('returns null for a wrong secret', () => {
    const slot = wrapKey(ledgerId, 'slot-a', dbKey, 'Correct horse 1', TEST_KDF);
    expect(unwrapKey(ledgerId, slot, 'Correct horse 2')).toBeNull();
    expect(unwrapKey(ledgerId, slot, 'correct horse 1')).toBeNull();
    expect(unwrapKey(ledgerId, slot, '')).toBeNull();
  });

  it('NFC-normalizes the secret, so the same password typed composed or decomposed opens the slot', () => {
    const slot = wrapKey(ledgerId, 'slot-a', dbKey, 'caf\u00e9-2026', TEST_KDF);
    expect(unwrapKey(ledgerId, slot, 'cafe\u0301-2026')).toEqual(dbKey);
  });

  it('a slot moved to another id or another ledger does not open (AAD binds both)', () => {
    const slot = wrapKey(ledgerId, passwordSlotId(ledgerId, 'alice'), dbKey, 'Secret123', TEST_KDF);
    expect(unwrapKey(ledgerId, { ...slot, id: passwordSlotId(ledgerId, 'bob') }, 'Secret123')).toBeNull();
    expect(unwrapKey(ledgerId, { ...slot, id: RECOVERY_SLOT_ID }, 'Secret123')).toBeNull();
    expect(unwrapKey(randomUUID(), slot, 'Secret123')).toBeNull();
    // Control: unmoved, it opens.
    expect(unwrapKey(ledgerId, slot, 'Secret123')).toEqual(dbKey);
  });

  it('a tampered slot does not open', () => {
    const slot = wrapKey(ledgerId, 'slot-a', dbKey, 'Secret123', TEST_KDF);
    const wrapped = Buffer.from(slot.wrapped, 'base64');
    wrapped[0]! ^= 1;
    expect(unwrapKey(ledgerId, { ...slot, wrapped: wrapped.toString('base64') }, 'Secret123')).toBeNull();
    expect(unwrapKey(ledgerId, { ...slot, salt: randomBytes(16).toString('base64') }, 'Secret123')).toBeNull();
  });

  it('uses fresh salt and IV each time', () => {
    const a = wrapKey(ledgerId, 'slot-a', dbKey, 'Secret123', TEST_KDF);
    const b = wrapKey(ledgerId, 'slot-a', dbKey, 'Secret123', TEST_KDF);
    expect(a.salt).not.toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
    expect(a.wrapped).not.toBe(b.wrapped);
  });

  it('DEFAULT_KDF (the production cost) wraps and unwraps, and records its parameters in the slot', () => {
    expect(DEFAULT_KDF.N).toBeGreaterThanOrEqual(2 ** 17);
    const slot = wrapKey(ledgerId, 'slot-a', dbKey, 'Secret123', DEFAULT_KDF);
    expect(slot.kdf).toEqual(DEFAULT_KDF);
    expect(unwrapKey(ledgerId, slot, 'Secret123')).toEqual(dbKey);
  });
});

describe('slot ids', () => {
  it('hash the username: case-insensitive, not the clear name, different per ledger', () => {
    const id = passwordSlotId(ledgerId, 'ZhangWei');
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(passwordSlotId(ledgerId, ' zhangwei ')).toBe(id);
    expect(passwordSlotId(ledgerId, 'lisi')).not.toBe(id);
    expect(passwordSlotId(randomUUID(), 'ZhangWei')).not.toBe(id);
  });
});

describe('recovery codes', () => {
  it('are 30 Crockford base32 characters in six dashed groups, and differ each time', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(newRecoveryCode()).not.toBe(code);
  });

  it('normalizeRecoveryCode accepts lower case, no dashes, spaces, and O/I/L misread', () => {
    const printed = 'AB0CD-1EF23-GH456-JK789-MN0PQ-RST1V';
    const canonical = normalizeRecoveryCode(printed);
    expect(canonical).toBe('AB0CD1EF23GH456JK789MN0PQRST1V');
    expect(normalizeRecoveryCode(printed.toLowerCase())).toBe(canonical);
    expect(normalizeRecoveryCode(printed.replace(/-/g, ''))).toBe(canonical);
    expect(normalizeRecoveryCode(' ab0cd 1ef23 gh456 jk789 mn0pq rst1v ')).toBe(canonical);
    expect(normalizeRecoveryCode('ABOCD-IEF23-GH456-JK789-MNoPQ-RSTlV')).toBe(canonical);
    expect(normalizeRecoveryCode('ABOCD-LEF23-GH456-JK789-MN0PQ-RSTiV')).toBe(canonical);
    // A genuinely different code stays different.
    expect(normalizeRecoveryCode('AB0CD-1EF23-GH456-JK789-MN0PQ-RST2V')).not.toBe(canonical);
  });
});

describe('failed-attempt throttle', () => {
  it('is free for the first attempts, then doubles from 30 s and stops at 15 min', () => {
    expect(FREE_ATTEMPTS).toBe(5);
    expect([0, 1, 2, 3, 4].map(throttleDelayMs)).toEqual([0, 0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 20, 100].map(throttleDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
  });

  it('retryAfterMs counts down from the last failure', () => {
    const kf = (failures: number, lastFailureAt: number | null) => ({ throttle: { failures, lastFailureAt } }) as KeyFile;
    expect(retryAfterMs(kf(0, null), 1000)).toBe(0);
    expect(retryAfterMs(kf(4, 1000), 1000)).toBe(0);
    expect(retryAfterMs(kf(5, 1000), 1000)).toBe(30_000);
    expect(retryAfterMs(kf(5, 1000), 21_000)).toBe(10_000);
    expect(retryAfterMs(kf(5, 1000), 31_000)).toBe(0);
    expect(retryAfterMs(kf(6, 1000), 31_000)).toBe(30_000);
  });

  it('counts a failure time in the future as now: the wait never exceeds its maximum, whatever the file says', () => {
    const kf = (failures: number, lastFailureAt: number | null) => ({ throttle: { failures, lastFailureAt } }) as KeyFile;
    const year = 365 * 24 * 3600_000;
    expect(retryAfterMs(kf(5, 1000 + year), 1000)).toBe(30_000);
    expect(retryAfterMs(kf(1000, 1000 + year), 1000)).toBe(15 * 60_000);
    expect(retryAfterMs(kf(1000, Number.MAX_SAFE_INTEGER), 1000)).toBe(15 * 60_000);
  });
});

describe('sealed audit records', () => {
  it('round-trip with the matching private key', () => {
    const { publicKey, privateKey } = newAuditKeyPair();
    const payload = { at: '2026-11-25T01:00:00.000Z', action: 'session.login', username: '李四', errorCode: 'E_WRONG_PASSWORD' };
    const sealed = seal(publicKey, payload);
    expect(JSON.stringify(sealed)).not.toContain('李四');
    expect(JSON.stringify(sealed)).not.toContain('session.login');
    expect(unseal(privateKey, sealed)).toEqual(payload);
  });

  it('a foreign private key or a tampered record yields null', () => {
    const ours = newAuditKeyPair();
    const theirs = newAuditKeyPair();
    const sealed = seal(ours.publicKey, { n: 1 });
    expect(unseal(theirs.privateKey, sealed)).toBeNull();
    const ct = Buffer.from(sealed.ct, 'base64');
    ct[0]! ^= 1;
    expect(unseal(ours.privateKey, { ...sealed, ct: ct.toString('base64') })).toBeNull();
    expect(unseal(ours.privateKey, sealed)).toEqual({ n: 1 });
  });
});

describe('key file', () => {
  const valid = (): KeyFile => ({
    format: KEY_FILE_FORMAT,
    version: 1,
    ledgerId,
    slots: [wrapKey(ledgerId, RECOVERY_SLOT_ID, dbKey, 'x', TEST_KDF)],
    auditKey: newAuditKeyPair().publicKey,
    throttle: { failures: 2, lastFailureAt: 123 },
    pendingAudit: [],
  });

  it('round-trips through writeKeyFile / readKeyFile', () => {
    const path = join(tempDir(), 'ledger.keys');
    const kf = valid();
    writeKeyFile(path, kf);
    expect(readKeyFile(path)).toEqual(kf);
  });

  it.each([
    ['missing', null],
    ['empty', ''],
    ['random bytes', randomBytes(300)],
    ['not JSON', '{"format": "secrecy-ledger-keyslots",'],
    ['another JSON file', JSON.stringify({ name: 'package', version: '1.0.0' })],
    ['a newer format version', JSON.stringify({ ...valid(), version: 2 })],
  ])('refuses a %s key file with E_NOT_A_LEDGER', (_name, content) => {
    const path = join(tempDir(), 'ledger.keys');
    if (content !== null) writeFileSync(path, content);
    expect(() => readKeyFile(path)).toThrow(expect.objectContaining({ code: 'E_NOT_A_LEDGER' }));
  });

  // Issue 14: a damaged slot no longer makes the whole file unreadable; using it is E_CORRUPT naming it.
  it('a slot with an absurd scrypt cost is read, and using it is E_CORRUPT naming the slot (no 1 TiB scrypt)', () => {
    const path = join(tempDir(), 'ledger.keys');
    const kf = valid();
    const slot = { ...kf.slots[0]!, kdf: { N: 2 ** 30, r: 8, p: 1 } };
    writeFileSync(path, JSON.stringify({ ...kf, slots: [slot] }));
    const read = readKeyFile(path);
    expect(() => unwrapKey(read.ledgerId, read.slots[0]!, 'secret')).toThrow(
      expect.objectContaining({ code: 'E_CORRUPT', details: { file: 'ledger.keys', slot: slot.id } }),
    );
  });
});
