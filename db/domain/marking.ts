// 国家秘密标志: parse what people type into a Marking, print the canonical text, and compute when a period lapses.
// domain.md "Classification and marking". Pure functions, no I/O.
import { z } from 'zod';
import { LedgerError } from './errors/ledger-error';
import { DOCUMENT_LEVELS, type ClassifiedLevel as Classified, type DocumentLevel as Level } from './levels';
import { LEVEL_TERMS, say } from './terms';

/** The level names as markings write them (simplified characters). */
export const LEVEL_NAMES = Object.fromEntries(DOCUMENT_LEVELS.map((level) => [level, say(LEVEL_TERMS[level], 'zh-CN')])) as Record<Level, string>;

// Some files arrive converted to traditional characters; both spellings of 秘 occur there.
const LEVEL_BY_NAME: Record<string, Level> = {
  绝密: 'top_secret',
  絕密: 'top_secret',
  机密: 'secret',
  機密: 'secret',
  秘密: 'confidential',
  祕密: 'confidential',
  内部: 'internal',
  內部: 'internal',
};

export type Period =
  | { kind: 'years'; years: number }
  | { kind: 'months'; months: number }
  | { kind: 'long_term' }
  | { kind: 'until_date'; date: string }
  | { kind: 'until_condition'; condition: string }
  | { kind: 'default' };

export interface Marking {
  level: Level;
  period: Period | null;
}

// A bare 机密★ means these (国家秘密保密期限的规定); the law's maximum (保密法: 除另有规定外 不超过) is the same number.
export const DEFAULT_YEARS: Record<Classified, number> = { top_secret: 30, secret: 20, confidential: 10 };
const MAX_YEARS = DEFAULT_YEARS;

export type MarkingErrorReason =
  | 'empty'
  | 'unknown_level'
  | 'missing_star'
  | 'period_on_internal'
  | 'bad_period'
  | 'zero_period'
  | 'months_not_under_a_year'
  | 'fraction_of_year'
  | 'over_maximum'
  | 'bad_date'
  | 'not_legal_term';

function bad(reason: MarkingErrorReason, text: string, extra: { found?: string; max?: number; period?: Period } = {}): LedgerError {
  return new LedgerError('E_BAD_MARKING', { reason, text, ...extra });
}

export function parseLevel(text: string): Level {
  const level = LEVEL_BY_NAME[text.replace(/\s+/g, '')];
  if (!level) throw bad('unknown_level', text);
  return level;
}

// ★ is the legal mark; ⭐ is the same solid star as some IMEs offer it. ☆ and * are not the mark: refused as missing_star.
const STAR = /[★⭐☆*＊]/u;
const SOLID_STARS = new Set(['★', '⭐']);

export function parseMarking(text: string): Marking {
  const s = text.replace(/[\uFE0E\uFE0F]/g, '').trim(); // variation selectors ride along with ⭐
  if (!s) throw bad('empty', text);
  const at = s.search(STAR);
  const head = (at < 0 ? s : s.slice(0, at)).replace(/\s+/g, '');
  const star = at < 0 ? '' : s.charAt(at);
  const tail = at < 0 ? '' : s.slice(at + 1);
  const level = LEVEL_BY_NAME[head.slice(0, 2)];
  const extra = head.slice(2);
  if (!level) throw bad('unknown_level', text);

  if (level === 'internal') {
    if (!star && (extra === '' || extra === '使用')) return { level, period: null };
    if (star || PERIOD_LIKE.test(toHalfWidth(extra))) {
      throw bad('period_on_internal', text);
    }
    throw bad('unknown_level', text);
  }
  // Text between the level and the ★ ('机密级★') is not a level; text with no ★ at all is the missing mark.
  if (extra && star) throw bad('unknown_level', text);
  if (!SOLID_STARS.has(star)) {
    throw bad('missing_star', text, star ? { found: star } : {});
  }
  return { level, period: parsePeriod(tail, level, text) };
}

const toHalfWidth = (t: string): string => t.normalize('NFKC').replace(/\s+/g, '');
// Characters that only ever spell a period or a date; text made of them alone is a failed period, never a condition.
const PERIOD_LIKE = /^[\d.\-/零〇一二两三四五六七八九十百半年个個月日号天周]+$/u;
// Digits, Latin letters and the units of a period: a period mistyped (1O年 with a letter O), never a condition.
const MISTYPED_PERIOD = /^[\dA-Za-z.\-/年月个個日号天周]+$/u;
// Words for "forever" the law does not use: the legal word is 长期.
const NOT_LEGAL_TERM = /^(?:永久|永远|永遠|无限期|無限期|无期限|無期限)(?:保密)?$/u;
const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

// '10', '1.5', '十', '二十五', '半' -> number; anything else -> undefined.
function count(t: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === '半') return 0.5;
  const m = /^(?:([一二两三四五六七八九])?十([一二三四五六七八九])?|([一二两三四五六七八九]))$/u.exec(t);
  if (!m) return undefined;
  if (m[3]) return CN_DIGIT[m[3]];
  return (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[2] ? CN_DIGIT[m[2]]! : 0);
}

function parsePeriod(tail: string, level: Classified, text: string): Period {
  const raw = tail.trim();
  if (!raw) return { kind: 'default' };
  const c = toHalfWidth(raw);
  if (c === '长期' || c === '長期') return { kind: 'long_term' };

  const date = /^(\d{4})(?:年(\d{1,2})月(\d{1,2})日|([-./])(\d{1,2})\4(\d{1,2}))$/.exec(c);
  if (date) return { kind: 'until_date', date: checkedDate(Number(date[1]), Number(date[2] ?? date[5]), Number(date[3] ?? date[6]), text) };

  const years = /^(.+?)年(半)?$/u.exec(c);
  const n = years ? count(years[1]!) : undefined;
  if (n !== undefined) return checkedYears(n + (years?.[2] ? 0.5 : 0), level, text);

  const months = /^(.+?)[个個]?月$/u.exec(c);
  const k = months ? count(months[1]!) : undefined;
  if (k !== undefined) {
    if (k === 0) throw bad('zero_period', text);
    if (!Number.isInteger(k)) throw bad('bad_period', text);
    if (k >= 12) throw bad('months_not_under_a_year', text);
    return { kind: 'months', months: k };
  }

  // A condition is free text (会议结束后); it must read as words, not as a mistyped period, and carry no second star.
  const condition = raw.replace(/\s+/g, ' ');
  const length = [...condition].length;
  if (PERIOD_LIKE.test(c) || MISTYPED_PERIOD.test(c) || !/\p{Script=Han}/u.test(c) || STAR.test(c) || length < 2 || length > 100) {
    throw bad('bad_period', text);
  }
  if (NOT_LEGAL_TERM.test(c)) throw bad('not_legal_term', text);
  return { kind: 'until_condition', condition };
}

function checkedYears(n: number, level: Classified, text: string): Period {
  if (n === 0) throw bad('zero_period', text);
  if (!Number.isInteger(n)) throw bad('fraction_of_year', text);
  const max = MAX_YEARS[level];
  if (n > max) throw bad('over_maximum', text, { max });
  return { kind: 'years', years: n };
}

const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function checkedDate(y: number, m: number, d: number, text: string): string {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw bad('bad_date', text);
  return iso(y, m, d);
}

// ISO YYYY-MM-DD of a real day -> [y, m, d]; otherwise undefined.
function isoParts(date: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? [y, mo, d] : undefined;
}

function periodText(p: Period, text: string): string {
  switch (p.kind) {
    case 'years':
      return `${p.years}年`;
    case 'months':
      return `${p.months}个月`;
    case 'long_term':
      return '长期';
    case 'default':
      return '';
    case 'until_condition':
      return p.condition;
    case 'until_date': {
      const parts = isoParts(p.date);
      if (!parts) throw bad('bad_date', text);
      return `${parts[0]}年${parts[1]}月${parts[2]}日`;
    }
  }
}

export function formatMarking(m: Marking): string {
  const name = LEVEL_NAMES[m.level];
  if (m.level === 'internal') {
    if (m.period) throw bad('period_on_internal', name, { period: m.period });
    return name;
  }
  if (!m.period) throw bad('bad_period', name);
  const text = `${name}★${periodText(m.period, name)}`;
  // Print only what parses back to the same kind: a condition spelled '长期' or '10年' would change meaning.
  if (parseMarking(text).period?.kind !== m.period.kind) {
    throw bad('bad_period', text);
  }
  return text;
}

/** A condition never lapses by itself: someone must decide, on review, that it has come to pass. */
export function needsManualReview(m: Marking): boolean {
  return m.period?.kind === 'until_condition';
}

export function secrecyEnd(m: Marking, issueDate: string): string | null {
  const parts = isoParts(issueDate);
  if (!parts) throw new LedgerError('E_VALIDATION', { field: 'issueDate' });
  const p = m.period;
  if (m.level === 'internal') return null;
  if (!p) throw bad('bad_period', LEVEL_NAMES[m.level]);
  switch (p.kind) {
    case 'long_term':
    case 'until_condition':
      return null;
    case 'until_date': {
      // 除另有规定外 不超过: a date no later than the level's longest period from the issue date (longer: 长期).
      const max = MAX_YEARS[m.level];
      if (p.date > addMonths(parts, max * 12)) throw bad('over_maximum', `${LEVEL_NAMES[m.level]}★${periodText(p, LEVEL_NAMES[m.level])}`, { max });
      return p.date;
    }
    case 'years':
      return addMonths(parts, p.years * 12);
    case 'months':
      return addMonths(parts, p.months);
    case 'default':
      return addMonths(parts, DEFAULT_YEARS[m.level] * 12);
  }
}

// Calendar months, clamped to the target month's last day (01-31 + 1个月 = 02-28; 2028-02-29 + 1年 = 2029-02-28).
function addMonths([y, m, d]: [number, number, number], n: number): string {
  const total = m - 1 + n;
  const ny = y + Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return iso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

// For command inputs: the issue's message is parseMarking's, and params carry the LedgerError details (reason, text, ...).
export const markingSchema = z.string().transform((text, ctx) => {
  try {
    return parseMarking(text);
  } catch (e) {
    if (!(e instanceof LedgerError)) throw e;
    ctx.addIssue({ code: 'custom', message: e.message, params: { code: e.code, ...e.details } });
    return z.NEVER;
  }
});
