import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  randomBytes,
  scryptSync,
} from 'node:crypto';
import { z } from 'zod';
import { LedgerError } from '../errors';
import { readJsonFile, writeFileAtomic } from './files';

/**
 * The keyslot file (beside the database): the random database key wrapped once per account
 * (by a key derived from its password) and once by the recovery code. Nothing secret and nothing
 * identifying is stored in clear: slot ids are hashes of the username, failed logins are sealed
 * to a public key whose private half lives inside the encrypted database.
 */

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

/** scrypt at N=2^17, r=8 (128 MiB, about a third of a second here): the cost of one guess. */
export const DEFAULT_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };
export const KEY_FILE_FORMAT = 'secrecy-ledger-keyslots';
export const RECOVERY_SLOT_ID = 'recovery';
/** The key file's name, beside the database and in every backup. */
export const KEY_FILE = 'ledger.keys';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
// A slot's fields are checked when the slot is used (checkedSlot): one damaged slot is E_CORRUPT naming it, and
// does not make the whole file unreadable for the other accounts.
const slotSchema = z.object({
  id: z.string().min(1).max(100),
  salt: z.string(),
  kdf: z.object({ N: z.number(), r: z.number(), p: z.number() }),
  iv: z.string(),
  tag: z.string(),
  wrapped: z.string(),
});
const sealedSchema = z.object({ eph: b64, iv: b64, tag: b64, ct: b64 });
const keyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(1),
  ledgerId: z.string().uuid(),
  slots: z.array(slotSchema),
  auditKey: b64,
  throttle: z.object({ failures: z.number().int().min(0), lastFailureAt: z.number().nullable() }),
  pendingAudit: z.array(sealedSchema),
});

export type Slot = z.infer<typeof slotSchema>;
export type Sealed = z.infer<typeof sealedSchema>;
export type KeyFile = z.infer<typeof keyFileSchema>;

export function readKeyFile(path: string): KeyFile {
  const raw = readJsonFile(path, 'E_NOT_A_LEDGER');
  const parsed = keyFileSchema.safeParse(raw);
  if (!parsed.success) throw new LedgerError('E_NOT_A_LEDGER');
  return parsed.data;
}

export function writeKeyFile(path: string, keyFile: KeyFile): void {
  writeFileAtomic(path, JSON.stringify(keyFile, null, 1));
}

export function normalizeUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

export function passwordSlotId(ledgerId: string, username: string): string {
  return createHash('sha256')
    .update(`slot\0${ledgerId}\0${normalizeUsername(username)}`)
    .digest('hex');
}

function deriveWrappingKey(secret: string, salt: Buffer, kdf: KdfParams): Buffer {
  return scryptSync(secret.normalize('NFC'), salt, 32, { ...kdf, maxmem: 256 * kdf.N * kdf.r + 2 ** 24 });
}

export function wrapKey(ledgerId: string, id: string, dbKey: Buffer, secret: string, kdf: KdfParams): Slot {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const wrappingKey = deriveWrappingKey(secret, salt, kdf);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  wrappingKey.fill(0); // the cipher keeps its own copy
  cipher.setAAD(Buffer.from(`${ledgerId}\0${id}`)); // a slot cannot be moved to another id or ledger
  const wrapped = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  return {
    id,
    salt: salt.toString('base64'),
    kdf,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
}

/** Bytes of each field as wrapKey writes them. */
const SLOT_BYTES = { salt: 16, iv: 12, tag: 16, wrapped: 32 } as const;
const isPowerOfTwo = (n: number) => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;

/** The slot's fields decoded, or E_CORRUPT naming the slot: damage is not a wrong secret, and is not counted as one. */
function checkedSlot(slot: Slot): { salt: Buffer; iv: Buffer; tag: Buffer; wrapped: Buffer; kdf: KdfParams } {
  const damaged = () => new LedgerError('E_CORRUPT', { file: KEY_FILE, slot: slot.id });
  const bytes = (field: keyof typeof SLOT_BYTES) => {
    const text = slot[field];
    const decoded = Buffer.from(text, 'base64');
    // Node decodes base64 leniently: only a field that encodes back to itself is the one wrapKey wrote.
    if (!b64.safeParse(text).success || decoded.toString('base64') !== text || decoded.length !== SLOT_BYTES[field]) throw damaged();
    return decoded;
  };
  const { N, r, p } = slot.kdf;
  if (!isPowerOfTwo(N) || N < 2 ** 10 || N > 2 ** 22 || !Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16) throw damaged();
  return { salt: bytes('salt'), iv: bytes('iv'), tag: bytes('tag'), wrapped: bytes('wrapped'), kdf: { N, r, p } };
}

/** The database key, or null when the secret is wrong (the GCM tag does not verify); a damaged slot is E_CORRUPT. */
export function unwrapKey(ledgerId: string, slot: Slot, secret: string): Buffer | null {
  const { salt, iv, tag, wrapped, kdf } = checkedSlot(slot);
  const wrappingKey = deriveWrappingKey(secret, salt, kdf);
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey, iv);
  wrappingKey.fill(0); // the decipher keeps its own copy
  decipher.setAAD(Buffer.from(`${ledgerId}\0${slot.id}`));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(wrapped), decipher.final()]);
  } catch {
    return null;
  }
}

/** Spends the same time as a real unwrap, so an unknown username is not told apart by timing. */
export function unwrapDecoy(secret: string, kdf: KdfParams): null {
  deriveWrappingKey(secret, Buffer.alloc(16), kdf).fill(0);
  return null;
}

// Recovery code: 30 Crockford base32 characters (150 bits), shown in groups of five.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newRecoveryCode(): string {
  const bytes = randomBytes(30);
  const chars = Array.from(bytes, (b) => CROCKFORD[b & 31]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

/** Accepts the code as printed, typed in lower case, without dashes, or with O/I/L misread. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

// Failed-login throttle: after 5 failures in a row each attempt waits, doubling from 30 s up to 15 min.
export const FREE_ATTEMPTS = 5;
export function throttleDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(30_000 * 2 ** (failures - FREE_ATTEMPTS), 15 * 60_000);
}

/** The wait left; a failure time in the future (the clock was ahead, or set back since) counts as now. */
export function retryAfterMs(keyFile: KeyFile, now: number): number {
  const { failures, lastFailureAt } = keyFile.throttle;
  if (lastFailureAt === null) return 0;
  return Math.max(0, Math.min(lastFailureAt, now) + throttleDelayMs(failures) - now);
}

// Sealed audit records: written while the ledger is locked (failed logins), opened after the next unlock.
export function newAuditKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
}

function sealKey(shared: Buffer): Buffer {
  return createHash('sha256').update('secrecy-ledger sealed audit\0').update(shared).digest();
}

export function seal(publicKeyB64: string, payload: unknown): Sealed {
  const eph = generateKeyPairSync('x25519');
  const shared = diffieHellman({
    privateKey: eph.privateKey,
    publicKey: createPublicKey({ key: Buffer.from(publicKeyB64, 'base64'), format: 'der', type: 'spki' }),
  });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(shared), iv);
  const ct = Buffer.concat([cipher.update(JSON.stringify(payload)), cipher.final()]);
  return {
    eph: eph.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ct: ct.toString('base64'),
  };
}

/** The sealed payload, or null when it does not decrypt (a record not made for this ledger). */
export function unseal(privateKeyB64: string, sealed: Sealed): unknown {
  try {
    const shared = diffieHellman({
      privateKey: createPrivateKey({ key: Buffer.from(privateKeyB64, 'base64'), format: 'der', type: 'pkcs8' }),
      publicKey: createPublicKey({ key: Buffer.from(sealed.eph, 'base64'), format: 'der', type: 'spki' }),
    });
    const decipher = createDecipheriv('aes-256-gcm', sealKey(shared), Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return JSON.parse(Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]).toString('utf8'));
  } catch {
    return null;
  }
}
