// The key file under faults: damaged slots, and changes made between a read and a write.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { passwordSlotId, readKeyFile, RECOVERY_SLOT_ID, type KeyFile, type Slot } from '../store/keyring';
import { ADMIN, makeLedger, refused, sha256File, TEST_KDF, type SetUpLedger } from '../testing';
import { KeyStore } from './keys';

const rawKeyFile = (t: SetUpLedger): KeyFile => JSON.parse(readFileSync(t.keyPath, 'utf8')) as KeyFile;

/** The ledger, closed, with one slot of its key file changed as given. */
function withDamagedSlot(slotOf: (k: KeyFile) => string, damage: (slot: Slot) => Record<string, unknown>): SetUpLedger & { slotId: string } {
  const t = makeLedger();
  t.restart();
  const k = rawKeyFile(t);
  const slotId = slotOf(k);
  writeFileSync(t.keyPath, JSON.stringify({ ...k, slots: k.slots.map((s) => (s.id === slotId ? { ...s, ...damage(s) } : s)) }));
  return Object.assign(t, { slotId });
}

const adminSlot = (k: KeyFile) => passwordSlotId(k.ledgerId, ADMIN.username);
const b64 = (n: number) => Buffer.alloc(n, 1).toString('base64');

describe('a damaged key slot', () => {
  it.each([
    ['a salt that is not base64', () => ({ salt: '!!not base64!!' })],
    ['an IV of the wrong length', () => ({ iv: b64(8) })],
    ['a tag of the wrong length', () => ({ tag: b64(5) })],
    ['a wrapped key of the wrong length', () => ({ wrapped: b64(31) })],
    ['base64 that does not round-trip', (s: Slot) => ({ salt: `${s.salt.slice(0, -2)}=` })],
    ['scrypt parameters scrypt refuses', (s: Slot) => ({ kdf: { ...s.kdf, N: 3000 } })],
  ])('with %s is E_CORRUPT naming the file and slot, is not counted, and rewrites nothing', (_, damage) => {
    const t = withDamagedSlot(adminSlot, damage);
    const before = sha256File(t.keyPath);
    for (const password of [ADMIN.password, 'Wrong2026pass']) {
      expect(refused(t.service, 'session.login', { username: ADMIN.username, password })).toMatchObject({
        code: 'E_CORRUPT',
        details: { file: 'ledger.keys', slot: t.slotId },
      });
    }
    expect(sha256File(t.keyPath)).toBe(before);
    expect(t.service.status().retryAfterMs).toBe(0);
  });

  it('the recovery slot damaged: recovery is E_CORRUPT naming it; passwords still open the ledger', () => {
    const t = withDamagedSlot(
      () => RECOVERY_SLOT_ID,
      () => ({ iv: 'AAAA' }),
    );
    const before = sha256File(t.keyPath);
    expect(refused(t.service, 'session.recover', { username: ADMIN.username, recoveryCode: t.recoveryCode, newPassword: 'Recovered2026pass' })).toMatchObject({
      code: 'E_CORRUPT',
      details: { file: 'ledger.keys', slot: RECOVERY_SLOT_ID },
    });
    expect(sha256File(t.keyPath)).toBe(before);
    expect(t.service.invoke('session.login', { username: ADMIN.username, password: ADMIN.password }).ok).toBe(true);
  });

  it('a wrong password (a well-formed slot whose tag does not verify) rewrites only the throttle record and its sealed attempt', () => {
    const t = makeLedger();
    t.restart();
    const before = rawKeyFile(t);
    expect(refused(t.service, 'session.login', { username: ADMIN.username, password: 'Wrong2026pass' }).code).toBe('E_WRONG_PASSWORD');
    const after = rawKeyFile(t);
    const { throttle, pendingAudit, ...rest } = after;
    expect(rest).toEqual({ format: before.format, version: before.version, ledgerId: before.ledgerId, slots: before.slots, auditKey: before.auditKey });
    expect(throttle).toEqual({ failures: 1, lastFailureAt: t.clock.now });
    expect(pendingAudit).toHaveLength(before.pendingAudit.length + 1);
  });
});

describe('every change of the key file is read-modify-write of the file as it is now', () => {
  /** A copy read by sign-in, then a slot added by another writer before sign-in writes. */
  function staleCopy(): { t: SetUpLedger; keys: KeyStore; stale: KeyFile; added: string } {
    const t = makeLedger();
    const keys = new KeyStore(t.dir, t.keyPath, t.dbPath, TEST_KDF, t.clock.read, () => {});
    const stale = keys.readChecked('session.login', ADMIN.username);
    keys.opsFor({ db: null!, key: t.key, ledgerId: stale.ledgerId, auditPrivateKey: '' }).setPassword('lihua', 'Lihua2026pass');
    return { t, keys, stale, added: passwordSlotId(stale.ledgerId, 'lihua') };
  }

  it('a counted failure keeps a slot added after its copy was read', () => {
    const { t, keys, added } = staleCopy();
    expect(() => keys.refuse('session.login', ADMIN.username, 'E_WRONG_PASSWORD')).toThrow();
    expect(readKeyFile(t.keyPath).slots.map((s) => s.id)).toContain(added);
  });

  it('a counted failure counts on the stored count, not on the copy', () => {
    const { t, keys } = staleCopy();
    expect(() => keys.refuse('session.login', ADMIN.username, 'E_WRONG_PASSWORD')).toThrow();
    expect(() => keys.refuse('session.login', ADMIN.username, 'E_WRONG_PASSWORD')).toThrow();
    expect(readKeyFile(t.keyPath).throttle.failures).toBe(2);
    expect(readKeyFile(t.keyPath).pendingAudit).toHaveLength(2);
  });

  it('a sign-in and a recovery keep it too', () => {
    const { t, keys, stale, added } = staleCopy();
    expect(() => keys.refuse('session.login', ADMIN.username, 'E_WRONG_PASSWORD')).toThrow();
    keys.signedIn(stale);
    expect(readKeyFile(t.keyPath).slots.map((s) => s.id)).toContain(added);
    // The attempt sealed after the copy was read was not moved into the log by this sign-in: it stays sealed.
    expect(readKeyFile(t.keyPath).pendingAudit).toHaveLength(1);
    keys.recovered(stale, t.key, ADMIN.username, 'Recovered2026pass');
    expect(readKeyFile(t.keyPath).slots.map((s) => s.id)).toContain(added);
  });
});
