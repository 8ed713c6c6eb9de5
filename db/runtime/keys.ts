// The key file beside the ledger (ledger.keys): its slots, the failed-attempt delay and the attempts sealed while
// locked. This module is the only writer of it: under the folder's lock, each change read-modify-write of the file as
// it is at that moment (never a copy read earlier), written atomically (temp file, fsync, rename, fsync the folder).
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { recordAudit } from '../audit/chain';
import { completePendingRestore } from '../backup/restore';
import type { KeyOps } from '../context';
import { LedgerError } from '../errors';
import {
  KEY_FILE_FORMAT,
  newRecoveryCode,
  normalizeRecoveryCode,
  passwordSlotId,
  readKeyFile,
  RECOVERY_SLOT_ID,
  retryAfterMs,
  seal,
  throttleDelayMs,
  unseal,
  unwrapDecoy,
  unwrapKey,
  wrapKey,
  writeKeyFile,
  type KdfParams,
  type KeyFile,
} from '../store/keyring';
import type { OpenLedger } from './open-ledger';

/** Failed attempts kept sealed while locked; beyond this only the count is kept. */
const MAX_PENDING_AUDIT = 1000;

interface SealedAttempt {
  at: string;
  action: string;
  username: string;
  errorCode: string;
}

const tooManyAttempts = (wait: number) => new LedgerError('E_TOO_MANY_ATTEMPTS', { retryAfterMs: wait });

export class KeyStore {
  constructor(
    private readonly dir: string,
    readonly keyPath: string,
    private readonly dbPath: string,
    private readonly kdf: KdfParams,
    private readonly clock: () => number,
    /** Takes the folder's lock (E_LEDGER_IN_USE when another process owns it). */
    private readonly claim: () => void,
    /** Time that only moves forward: how long ago a failure was when the wall clock cannot say. */
    private readonly monotonic: () => number = () => performance.now(),
  ) {}

  /** The monotonic reading that goes with the stored last failure time, once this process has seen or made it. */
  private anchor: { lastFailureAt: number; mono: number } | null = null;

  exists(): boolean {
    return existsSync(this.keyPath);
  }

  /** The ledger id of the key file, or null when there is none or it cannot be read. */
  ledgerId(): string | null {
    try {
      return this.exists() ? readKeyFile(this.keyPath).ledgerId : null;
    } catch {
      return null;
    }
  }

  /** How long sign-in attempts are paused; a damaged key file is reported by the next attempt, with its code. */
  retryAfterMs(): number {
    try {
      return this.wait(readKeyFile(this.keyPath), false);
    } catch {
      return 0;
    }
  }

  /** The first key file of a new ledger: one slot for its first account, one for the recovery code. */
  create(ledgerId: string, key: Buffer, username: string, password: string, recoveryCode: string, auditPublicKey: string): void {
    this.claim();
    writeKeyFile(this.keyPath, {
      format: KEY_FILE_FORMAT,
      version: 1,
      ledgerId,
      slots: [
        wrapKey(ledgerId, passwordSlotId(ledgerId, username), key, password, this.kdf),
        wrapKey(ledgerId, RECOVERY_SLOT_ID, key, normalizeRecoveryCode(recoveryCode), this.kdf),
      ],
      auditKey: auditPublicKey,
      throttle: { failures: 0, lastFailureAt: null },
      pendingAudit: [],
    });
  }

  /** The key file, unless attempts are paused; a paused attempt is itself sealed for the audit log. */
  readChecked(action: string, username: string): KeyFile {
    completePendingRestore(this.dir);
    if (!this.exists()) {
      throw existsSync(this.dbPath) ? new LedgerError('E_NOT_A_LEDGER') : new LedgerError('E_NO_LEDGER');
    }
    const keyFile = readKeyFile(this.keyPath);
    const wait = this.waitNow(keyFile);
    if (wait > 0) {
      this.update((k) => this.withSealedAttempt(k, { at: new Date(this.clock()).toISOString(), action, username, errorCode: 'E_TOO_MANY_ATTEMPTS' }));
      throw tooManyAttempts(wait);
    }
    return keyFile;
  }

  /** The database key from a user's password slot; a wrong password costs as much as a right one (decoy). */
  unwrapPassword(keyFile: KeyFile, username: string, password: string): Buffer | null {
    const slot = keyFile.slots.find((s) => s.id === passwordSlotId(keyFile.ledgerId, username));
    return slot ? unwrapKey(keyFile.ledgerId, slot, password) : unwrapDecoy(password, this.kdf);
  }

  unwrapRecoveryCode(keyFile: KeyFile, recoveryCode: string): Buffer | null {
    const slot = keyFile.slots.find((s) => s.id === RECOVERY_SLOT_ID);
    return slot ? unwrapKey(keyFile.ledgerId, slot, normalizeRecoveryCode(recoveryCode)) : unwrapDecoy(recoveryCode, this.kdf);
  }

  /**
   * Counts the failure, seals it for the audit log, and throws. The database is not touched; in the key file only
   * the throttle record and the sealed attempts change, counted on the file as it is now.
   */
  refuse(action: string, username: string, code: 'E_WRONG_PASSWORD' | 'E_WRONG_OWN_PASSWORD' | 'E_WRONG_RECOVERY_CODE'): never {
    const now = this.clock();
    const updated = this.update((k) => ({
      ...this.withSealedAttempt(k, { at: new Date(now).toISOString(), action, username, errorCode: code }),
      throttle: { failures: k.throttle.failures + 1, lastFailureAt: now },
    }));
    this.anchor = { lastFailureAt: now, mono: this.monotonic() };
    throw new LedgerError(code, { failures: updated.throttle.failures, retryAfterMs: retryAfterMs(updated, now) });
  }

  /** After a successful sign-in: the delay is reset, and the sealed attempts of `imported` (now in the audit log) dropped. */
  signedIn(imported: KeyFile): void {
    const moved = new Set(imported.pendingAudit.map((s) => s.ct));
    const k = readKeyFile(this.keyPath);
    if (k.throttle.failures > 0 || k.pendingAudit.some((s) => moved.has(s.ct)))
      this.update((now) => ({ ...now, throttle: { failures: 0, lastFailureAt: null }, pendingAudit: now.pendingAudit.filter((s) => !moved.has(s.ct)) }));
  }

  /** After a recovery: the user's new password, a new recovery code (the used one is spent); returns that code. */
  recovered(imported: KeyFile, key: Buffer, username: string, newPassword: string): string {
    const newCode = newRecoveryCode();
    const moved = new Set(imported.pendingAudit.map((s) => s.ct));
    this.update((k) => {
      const userSlot = passwordSlotId(k.ledgerId, username);
      return {
        ...k,
        slots: [
          ...k.slots.filter((s) => s.id !== RECOVERY_SLOT_ID && s.id !== userSlot),
          wrapKey(k.ledgerId, userSlot, key, newPassword, this.kdf),
          wrapKey(k.ledgerId, RECOVERY_SLOT_ID, key, normalizeRecoveryCode(newCode), this.kdf),
        ],
        throttle: { failures: 0, lastFailureAt: null },
        pendingAudit: k.pendingAudit.filter((s) => !moved.has(s.ct)),
      };
    });
    return newCode;
  }

  /** Moves failed attempts recorded while locked into the audit log, in the order they happened. */
  importSealedAttempts(ledger: OpenLedger, keyFile: KeyFile): void {
    for (const sealed of keyFile.pendingAudit) {
      const attempt = z
        .object({ at: z.string(), action: z.string(), username: z.string(), errorCode: z.string() })
        .safeParse(unseal(ledger.auditPrivateKey, sealed));
      if (!attempt.success) continue;
      const { at, action, username, errorCode } = attempt.data;
      recordAudit(ledger.db, ledger.ledgerId, {
        at,
        actor: username,
        kind: 'session',
        action,
        target: username,
        summary: { recordedWhileLocked: true },
        outcome: 'refused',
        errorCode,
      });
    }
  }

  /** The slot operations a signed-in command may use, for the open ledger's key. */
  opsFor(ledger: OpenLedger): KeyOps {
    const update = (change: (k: KeyFile) => KeyFile) => void this.update(change);
    return {
      setPassword: (username, password) =>
        update((k) => {
          const id = passwordSlotId(k.ledgerId, username);
          return { ...k, slots: [...k.slots.filter((s) => s.id !== id), wrapKey(k.ledgerId, id, ledger.key, password, this.kdf)] };
        }),
      removePassword: (username) =>
        update((k) => {
          const id = passwordSlotId(k.ledgerId, username);
          return { ...k, slots: k.slots.filter((s) => s.id !== id) };
        }),
      checkPassword: (username, password) => {
        const k = readKeyFile(this.keyPath);
        // The same delay as on the lock screen: an unlocked screen is no place to guess a password faster.
        const wait = this.waitNow(k);
        if (wait > 0) throw tooManyAttempts(wait);
        const slot = k.slots.find((s) => s.id === passwordSlotId(k.ledgerId, username));
        const key = slot && unwrapKey(k.ledgerId, slot, password);
        const right = !!key && key.equals(ledger.key);
        key?.fill(0);
        if (right) {
          if (k.throttle.failures > 0) update((now) => ({ ...now, throttle: { failures: 0, lastFailureAt: null } }));
          return true;
        }
        update((now) => ({ ...now, throttle: { failures: now.throttle.failures + 1, lastFailureAt: this.clock() } }));
        return false;
      },
    };
  }

  private waitNow(keyFile: KeyFile): number {
    return this.wait(keyFile, true);
  }

  /**
   * The wait before the next attempt, never above its maximum. A failure time in the future (the clock was ahead, or
   * has been set back since) says nothing: how long ago it was is taken from the monotonic clock when this process
   * made or saw it, else it counts as now. `settle` writes the time that follows into the throttle record (its only
   * change), so the wait keeps running out after a restart.
   */
  private wait(keyFile: KeyFile, settle: boolean): number {
    const now = this.clock();
    const { failures, lastFailureAt } = keyFile.throttle;
    if (lastFailureAt === null || lastFailureAt <= now) return retryAfterMs(keyFile, now);
    const mono = this.monotonic();
    if (this.anchor?.lastFailureAt !== lastFailureAt) this.anchor = { lastFailureAt, mono };
    const elapsed = mono - this.anchor.mono;
    if (settle) {
      const since = now - elapsed;
      this.update((k) => (k.throttle.lastFailureAt === lastFailureAt ? { ...k, throttle: { ...k.throttle, lastFailureAt: since } } : k));
      this.anchor = { lastFailureAt: since, mono: this.monotonic() - elapsed };
    }
    return Math.max(0, throttleDelayMs(failures) - elapsed);
  }

  /** The one way the file changes: under the folder's lock, the change applied to the file as it is now. */
  private update(change: (k: KeyFile) => KeyFile): KeyFile {
    this.claim();
    const updated = change(readKeyFile(this.keyPath));
    writeKeyFile(this.keyPath, updated);
    return updated;
  }

  private withSealedAttempt(keyFile: KeyFile, attempt: SealedAttempt): KeyFile {
    if (keyFile.pendingAudit.length >= MAX_PENDING_AUDIT) return keyFile;
    return { ...keyFile, pendingAudit: [...keyFile.pendingAudit, seal(keyFile.auditKey, attempt)] };
  }
}
