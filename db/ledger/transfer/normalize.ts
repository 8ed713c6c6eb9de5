// What people type into spreadsheet cells, read the way a custodian would: full-width digits and letters, stray
// spaces, dates as Excel serial numbers, Date cells or text (2026年3月5日, 2026.3.5, 2026-03-05, 2026/3/5).
import type { Cell } from './read';

/** Full-width digits, Latin letters, punctuation and the ideographic space become their ASCII forms; ends trimmed. */
export function halfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0]/g, ' ')
    .trim();
}

/** Full-width digits and letters only (punctuation such as （）〔〕 in a 文号 is kept as typed); ends trimmed. */
function cleanText(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0]/g, ' ')
    .replace(/[ \t]*\r?\n[ \t]*/g, '\n')
    .trim();
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const isoOf = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The cell as text: numbers as Excel shows integers, dates as YYYY-MM-DD. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoOf(cell);
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell);
  return cleanText(cell);
}

// Excel's day 0 is 1899-12-30 (it counts the 1900 leap day that never was, so from day 61 on this is exact).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function realDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 ? isoOf(date) : null;
}

/** A date cell as YYYY-MM-DD, or null when it is not a date that exists. */
export function parseDate(cell: Cell): string | null {
  if (cell === null) return null;
  // exceljs gives date cells as UTC midnight; a time part (from a date-time cell) is dropped.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : isoOf(cell);
  if (typeof cell === 'number') {
    // Serials from 1900-03-01 (61) to 2200: a plain number outside that is no date.
    if (cell < 61 || cell > 110_000) return null;
    return isoOf(new Date(EXCEL_EPOCH + Math.floor(cell) * DAY_MS));
  }
  const s = halfWidth(cell).replace(/\s+/g, '');
  if (s === '') return null;
  const cn = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(s);
  if (cn) return realDate(Number(cn[1]), Number(cn[2]), Number(cn[3]));
  // 2026-03-05, 2026/3/5, 2026.3.5, optionally followed by a time of day.
  const sep = /^(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?:[T ]?\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (sep) return realDate(Number(sep[1]), Number(sep[3]), Number(sep[4]));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) return realDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  // A serial number stored as text (a CSV written from a date column without formatting).
  if (/^\d{5}(\.\d+)?$/.test(s)) return parseDate(Number(s));
  return null;
}

/** A whole number: 3, '３', '3份', '3.0'; null otherwise. */
export function parseCount(cell: Cell): number | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : null;
  if (cell instanceof Date) return null;
  const s = halfWidth(cell)
    .replace(/\s+/g, '')
    .replace(/[份件个台张]$/u, '');
  return /^\d+(\.0+)?$/.test(s) ? Number(s) : null;
}

/** 份号 as people write it: '0001', '1', '0001-0003', '1～3', '第1-3号'. Returns the first number and how many. */
export function parseCopyNos(cell: Cell): { first: number; count: number } | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isInteger(cell) && cell > 0 ? { first: cell, count: 1 } : null;
  if (cell instanceof Date) return null;
  const s = halfWidth(cell)
    .replace(/\s+/g, '')
    .replace(/^第/u, '')
    .replace(/[号號]$/u, '');
  const one = /^(\d+)$/.exec(s);
  if (one) return Number(one[1]) > 0 ? { first: Number(one[1]), count: 1 } : null;
  const range = /^(\d+)[-~～—–至到](\d+)$/u.exec(s);
  if (!range) return null;
  const [a, b] = [Number(range[1]), Number(range[2])];
  return a > 0 && b >= a ? { first: a, count: b - a + 1 } : null;
}

/** A header cell reduced to what identifies it: no spaces, line breaks, colons, asterisks or (notes). */
export function headerKey(cell: Cell): string {
  return halfWidth(cellText(cell))
    .replace(/\(.*?\)|（.*?）/gu, '')
    .replace(/[\s:：*＊]/gu, '')
    .toLowerCase();
}
