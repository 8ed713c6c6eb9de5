// 标签编码: the code printed on every copy's, device's and cabinet's label. It says nothing secret (no title, no
// 文号): "SL", the ledger's two-character prefix, a letter for the kind of thing, its number in the ledger and a
// check character, e.g. SL7KD00012Q. The check character (ISO 7064 MOD 37,36) catches every single mistyped
// character and every swap of two neighbours, so a code typed by hand is never taken for another item's.

export const ITEM_CODE_KINDS = ['copy', 'computer', 'medium', 'cabinet'] as const;
export type ItemCodeKind = (typeof ITEM_CODE_KINDS)[number];

const LETTER: Record<ItemCodeKind, string> = { copy: 'D', computer: 'C', medium: 'M', cabinet: 'G' };
const KIND_OF_LETTER = Object.fromEntries(Object.entries(LETTER).map(([kind, letter]) => [letter, kind])) as Record<string, ItemCodeKind>;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SHAPE = /^SL([0-9A-Z]{2})([DCMG])(\d{5,})([0-9A-Z])$/;

function checkCharacter(body: string): string {
  const m = ALPHABET.length;
  let p = m;
  for (const ch of body) {
    let s = (p + ALPHABET.indexOf(ch)) % m;
    if (s === 0) s = m;
    p = (s * 2) % (m + 1);
  }
  return ALPHABET[(m + 1 - p) % m]!;
}

/** Two characters from the ledger's id: labels of two ledgers (two secrecy rooms) never read as each other's. */
export function ledgerCodePrefix(ledgerId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < ledgerId.length; i += 1) h = Math.imul(h ^ ledgerId.charCodeAt(i), 0x01000193) >>> 0;
  const n = h % (36 * 36);
  return ALPHABET[Math.floor(n / 36)]! + ALPHABET[n % 36]!;
}

/** The code of one row: copies, computers, media and cabinets by their row id, which never changes. */
export function itemCode(prefix: string, kind: ItemCodeKind, id: number): string {
  if (!/^[0-9A-Z]{2}$/.test(prefix) || !Number.isInteger(id) || id <= 0) throw new RangeError(`no code for ${kind} ${id}`);
  const body = `SL${prefix}${LETTER[kind]}${String(id).padStart(5, '0')}`;
  return body + checkCharacter(body);
}

export type ParsedItemCode =
  | { ok: true; code: string; prefix: string; kind: ItemCodeKind; id: number }
  /** format: not a label code at all; check: shaped like one, with a character mistyped. */
  | { ok: false; reason: 'format' | 'check' };

/** What a scanner or a hand typed: full-width characters, spaces and lower case are forgiven, a wrong check is not. */
export function parseItemCode(text: string): ParsedItemCode {
  const code = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const m = SHAPE.exec(code);
  if (!m) return { ok: false, reason: 'format' };
  const [, prefix, letter, digits, check] = m;
  if (checkCharacter(code.slice(0, -1)) !== check) return { ok: false, reason: 'check' };
  const id = Number(digits);
  if (!Number.isSafeInteger(id) || id <= 0) return { ok: false, reason: 'format' };
  return { ok: true, code, prefix: prefix!, kind: KIND_OF_LETTER[letter!]!, id };
}

/** A search box's text that is meant as a code (a scan into it), not as words to search for. */
export function looksLikeItemCode(text: string): boolean {
  return SHAPE.test(text.normalize('NFKC').replace(/\s+/g, '').toUpperCase());
}
