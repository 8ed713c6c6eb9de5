// How a typed or scanned number is read by the register's search: 收文编号 (2026-0002 or 0002), 份号 (份号 3, 第3份,
// 份號 3, copy 3) and 文号 in any of its written forms (〔2026〕, [2026], (2026), （2026）, with or without spaces, full or half width).

/**
 * What separates the parts of a 文号 and is left out when two are compared: the brackets around its year and spaces,
 * as they read after NFKC (which turns （）［］ and the full-width space into their half-width forms).
 */
export const NUMBER_SEPARATORS = ['〔', '〕', '[', ']', '(', ')', '【', '】', '〖', '〗', '{', '}', ' '] as const;

const SEPARATOR = new RegExp(`[${NUMBER_SEPARATORS.map((c) => c.replace(/[[\](){}]/, '\\$&')).join('')}]`, 'gu');

/** ASCII letters folded as SQLite's lower() folds them (the stored side is folded there). */
const lowerAscii = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** A 文号 as compared by the search: NFKC, without brackets and spaces, ASCII letters in lower case. */
function numberKey(text: string): string {
  return lowerAscii(text.normalize('NFKC').replace(SEPARATOR, ''));
}

/** What a query can name besides text: a 收文编号 (its year when written), a 份号, the 文号 key. */
export interface NumberQuery {
  /** The query as a 收文编号 is written (NFKC, trimmed): compared with the whole number, letters in any case. */
  receiptNo: string;
  /** 2026-0002 or 2026-2: that year's number; digits alone (0002, 2): that number in any year. */
  receipt: { year: number | null; seq: number } | null;
  /** 份号 3, 份号：0003, 第3份 (份號 3, copy 3): the items holding a copy with that 份号. */
  copyNo: number | null;
  /** The 文号 key (numberKey); searched only from 3 characters (what the trigram index reads). */
  docNumber: string;
}

const MAX_NUMBER = 1e9;
const asNumber = (digits: string | undefined): number | null => {
  const n = digits === undefined ? NaN : Number(digits);
  return Number.isSafeInteger(n) && n >= 1 && n < MAX_NUMBER ? n : null;
};

export function readNumberQuery(query: string): NumberQuery {
  const q = query.normalize('NFKC').trim();
  const compact = q.replace(/\s+/g, '');
  const dated = /^(\d{4})[-_/.—–](\d{1,9})$/u.exec(compact);
  const seq = dated ? asNumber(dated[2]) : /^\d{1,9}$/.test(compact) ? asNumber(compact) : null;
  const copy = /^(?:(?:份号|份號|copy(?:no\.?)?)[:：]?(\d{1,9})|第(\d{1,9})份)$/iu.exec(compact);
  return {
    receiptNo: q,
    receipt: seq === null ? null : { year: dated ? Number(dated[1]) : null, seq },
    copyNo: copy ? asNumber(copy[1] ?? copy[2]) : null,
    docNumber: numberKey(q),
  };
}
