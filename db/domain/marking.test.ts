import { describe, expect, it } from 'vitest';
import { LedgerError } from './errors';
import { DOCUMENT_LEVELS as LEVELS, levelRank } from './levels';
import {
  DEFAULT_YEARS,
  LEVEL_NAMES,
  formatMarking,
  markingSchema,
  parseLevel,
  parseMarking,
  secrecyEnd,
  type Marking,
  type MarkingErrorReason,
} from './marking';

const y = (level: Marking['level'], years: number): Marking => ({ level, period: { kind: 'years', years } });
const mo = (level: Marking['level'], months: number): Marking => ({ level, period: { kind: 'months', months } });
const on = (level: Marking['level'], date: string): Marking => ({ level, period: { kind: 'until_date', date } });
const cond = (level: Marking['level'], condition: string): Marking => ({ level, period: { kind: 'until_condition', condition } });
const longTerm = (level: Marking['level']): Marking => ({ level, period: { kind: 'long_term' } });
const dflt = (level: Marking['level']): Marking => ({ level, period: { kind: 'default' } });
const INTERNAL: Marking = { level: 'internal', period: null };

function refusal(fn: () => unknown): LedgerError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LedgerError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

// [typed text, marking, canonical text]
const VALID: [string, Marking, string][] = [
  ['机密★10年', y('secret', 10), '机密★10年'],
  ['绝密★30年', y('top_secret', 30), '绝密★30年'],
  ['秘密★10年', y('confidential', 10), '秘密★10年'],
  ['秘密★1年', y('confidential', 1), '秘密★1年'],
  ['机密★20年', y('secret', 20), '机密★20年'],
  ['  机密 ★ 5 年  ', y('secret', 5), '机密★5年'],
  ['机密★１０年', y('secret', 10), '机密★10年'],
  ['机密\u3000★\u3000１０年', y('secret', 10), '机密★10年'],
  ['秘密★十年', y('confidential', 10), '秘密★10年'],
  ['绝密★二十五年', y('top_secret', 25), '绝密★25年'],
  ['秘密★6个月', mo('confidential', 6), '秘密★6个月'],
  ['秘密★6月', mo('confidential', 6), '秘密★6个月'],
  ['秘密★六个月', mo('confidential', 6), '秘密★6个月'],
  ['机密★11個月', mo('secret', 11), '机密★11个月'],
  ['绝密★长期', longTerm('top_secret'), '绝密★长期'],
  ['絕密★長期', longTerm('top_secret'), '绝密★长期'],
  ['機密★10年', y('secret', 10), '机密★10年'],
  ['祕密★3年', y('confidential', 3), '秘密★3年'],
  ['机密★2027年6月30日', on('secret', '2027-06-30'), '机密★2027年6月30日'],
  ['机密★2027年06月30日', on('secret', '2027-06-30'), '机密★2027年6月30日'],
  ['机密★2027-06-30', on('secret', '2027-06-30'), '机密★2027年6月30日'],
  ['机密★2027.6.30', on('secret', '2027-06-30'), '机密★2027年6月30日'],
  ['秘密★２０２８年２月２９日', on('confidential', '2028-02-29'), '秘密★2028年2月29日'],
  ['秘密★会议结束后', cond('confidential', '会议结束后'), '秘密★会议结束后'],
  ['机密★ 工程竣工后 ', cond('secret', '工程竣工后'), '机密★工程竣工后'],
  ['机密★2026年度预算公布后', cond('secret', '2026年度预算公布后'), '机密★2026年度预算公布后'],
  ['机密★项目  A 验收后', cond('secret', '项目 A 验收后'), '机密★项目 A 验收后'],
  ['机密★', dflt('secret'), '机密★'],
  ['绝密 ★', dflt('top_secret'), '绝密★'],
  ['机密⭐️10年', y('secret', 10), '机密★10年'],
  ['内部', INTERNAL, '内部'],
  [' 內部 ', INTERNAL, '内部'],
  ['内部使用', INTERNAL, '内部'],
];

const INVALID: [string, MarkingErrorReason][] = [
  ['', 'empty'],
  ['   ', 'empty'],
  ['公开', 'unknown_level'],
  ['非涉密', 'unknown_level'],
  ['★10年', 'unknown_level'],
  ['secret★10年', 'unknown_level'],
  ['机密级★10年', 'unknown_level'],
  ['内部资料', 'unknown_level'],
  ['机密', 'missing_star'],
  ['机密10年', 'missing_star'],
  ['机密 10年', 'missing_star'],
  ['机密☆10年', 'missing_star'],
  ['机密*10年', 'missing_star'],
  ['机密＊10年', 'missing_star'],
  ['内部★5年', 'period_on_internal'],
  ['内部★', 'period_on_internal'],
  ['内部5年', 'period_on_internal'],
  ['机密★10', 'bad_period'],
  ['机密★10y', 'bad_period'],
  ['机密★abc', 'bad_period'],
  ['机密★10年3个月', 'bad_period'],
  ['机密★2027年6月', 'bad_period'],
  ['机密★后', 'bad_period'],
  ['秘密★半个月', 'bad_period'],
  ['机密★★10年', 'bad_period'],
  ['机密★会议★结束', 'bad_period'],
  [`机密★${'会'.repeat(101)}`, 'bad_period'],
  ['机密★0年', 'zero_period'],
  ['秘密★0个月', 'zero_period'],
  ['秘密★12个月', 'months_not_under_a_year'],
  ['秘密★18个月', 'months_not_under_a_year'],
  ['秘密★12月', 'months_not_under_a_year'],
  ['机密★1.5年', 'fraction_of_year'],
  ['机密★半年', 'fraction_of_year'],
  ['机密★一年半', 'fraction_of_year'],
  ['秘密★11年', 'over_maximum'],
  ['机密★21年', 'over_maximum'],
  ['绝密★31年', 'over_maximum'],
  ['机密★2027年2月30日', 'bad_date'],
  ['机密★2027-13-01', 'bad_date'],
  ['秘密★2027年2月29日', 'bad_date'],
];

describe('parseMarking', () => {
  it.each(VALID)('reads %j', (text, marking) => {
    expect(parseMarking(text)).toEqual(marking);
  });

  it.each(INVALID)('refuses %j as %s', (text, reason) => {
    const e = refusal(() => parseMarking(text));
    expect(e.code).toBe('E_BAD_MARKING');
    expect(e.details).toMatchObject({ reason, text });
    expect(e.message).toMatch(/\S/);
  });

  it('has at least 40 cases and tests every reason', () => {
    expect(VALID.length + INVALID.length).toBeGreaterThanOrEqual(40);
    const reasons: MarkingErrorReason[] = [
      'empty',
      'unknown_level',
      'missing_star',
      'period_on_internal',
      'bad_period',
      'zero_period',
      'months_not_under_a_year',
      'fraction_of_year',
      'over_maximum',
      'bad_date',
    ];
    expect(new Set(INVALID.map(([, r]) => r))).toEqual(new Set(reasons));
  });

  it('names the maximum, the stray star, and the way to write months', () => {
    expect(refusal(() => parseMarking('秘密★15年')).details).toMatchObject({ reason: 'over_maximum', max: 10 });
    expect(refusal(() => parseMarking('机密★21年')).details).toMatchObject({ max: 20 });
    expect(refusal(() => parseMarking('机密☆')).details).toMatchObject({ reason: 'missing_star', found: '☆' });
    expect(refusal(() => parseMarking('秘密★24个月')).message).toContain('2年');
    expect(refusal(() => parseMarking('秘密★18个月')).message).toContain('年');
    expect(refusal(() => parseMarking('秘密★0.5年')).message).toContain('6个月');
  });
});

describe('formatMarking', () => {
  it.each(VALID)('%j prints canonically and reads back the same', (text, marking, canonical) => {
    expect(formatMarking(parseMarking(text))).toBe(canonical);
    expect(parseMarking(formatMarking(marking))).toEqual(marking);
  });

  it('refuses markings it could not read back', () => {
    expect(refusal(() => formatMarking({ level: 'internal', period: { kind: 'years', years: 5 } })).details).toMatchObject({ reason: 'period_on_internal' });
    expect(refusal(() => formatMarking({ level: 'secret', period: null })).details).toMatchObject({ reason: 'bad_period' });
    expect(refusal(() => formatMarking(y('confidential', 11))).details).toMatchObject({ reason: 'over_maximum' });
    expect(refusal(() => formatMarking(mo('secret', 12))).details).toMatchObject({ reason: 'months_not_under_a_year' });
    expect(refusal(() => formatMarking(on('secret', '2027-02-30'))).details).toMatchObject({ reason: 'bad_date' });
    expect(refusal(() => formatMarking(on('secret', '2027-6-30'))).details).toMatchObject({ reason: 'bad_date' });
    expect(refusal(() => formatMarking(cond('secret', '长期'))).details).toMatchObject({ reason: 'bad_period' });
    expect(refusal(() => formatMarking(cond('secret', '10年'))).details).toMatchObject({ reason: 'bad_period' });
  });
});

describe('levels', () => {
  it('ranks top secret over secret over confidential over internal', () => {
    expect(LEVELS.map(levelRank)).toEqual([3, 2, 1, 0]);
    expect(levelRank('top_secret')).toBeGreaterThan(levelRank('secret'));
    expect(levelRank('confidential')).toBeGreaterThan(levelRank('internal'));
  });

  it('parses names, traditional spellings included, and refuses others', () => {
    expect(LEVELS.map((l) => parseLevel(LEVEL_NAMES[l]))).toEqual([...LEVELS]);
    expect(parseLevel(' 機密 ')).toBe('secret');
    expect(parseLevel('祕密')).toBe('confidential');
    expect(refusal(() => parseLevel('机密★')).details).toMatchObject({ reason: 'unknown_level' });
    expect(refusal(() => parseLevel('秘')).details).toMatchObject({ reason: 'unknown_level' });
  });
});

describe('secrecyEnd', () => {
  it.each([
    [y('secret', 10), '2026-03-15', '2036-03-15'],
    [y('top_secret', 1), '2028-02-29', '2029-02-28'],
    [y('confidential', 4), '2028-02-29', '2032-02-29'],
    [mo('confidential', 6), '2026-03-15', '2026-09-15'],
    [mo('confidential', 1), '2026-01-31', '2026-02-28'],
    [mo('confidential', 1), '2028-01-31', '2028-02-29'],
    [mo('secret', 3), '2026-11-30', '2027-02-28'],
    [mo('secret', 11), '2026-12-31', '2027-11-30'],
    [dflt('top_secret'), '2026-05-01', '2056-05-01'],
    [dflt('secret'), '2026-05-01', '2046-05-01'],
    [dflt('confidential'), '2026-05-01', '2036-05-01'],
    [on('secret', '2027-06-30'), '2026-05-01', '2027-06-30'],
  ])('%j issued %s lapses on %s', (marking, issued, end) => {
    expect(secrecyEnd(marking, issued)).toBe(end);
  });

  it('never lapses by itself for 长期, a condition, or 内部', () => {
    expect(secrecyEnd(longTerm('top_secret'), '2026-05-01')).toBeNull();
    expect(secrecyEnd(cond('secret', '会议结束后'), '2026-05-01')).toBeNull();
    expect(secrecyEnd(INTERNAL, '2026-05-01')).toBeNull();
  });

  it('uses the documented defaults', () => {
    expect(DEFAULT_YEARS).toEqual({ top_secret: 30, secret: 20, confidential: 10 });
  });

  it('refuses an issue date that is not a real ISO date, and a classified marking without a period', () => {
    expect(refusal(() => secrecyEnd(y('secret', 1), '2026-02-30')).code).toBe('E_VALIDATION');
    expect(refusal(() => secrecyEnd(y('secret', 1), '2026/01/01')).code).toBe('E_VALIDATION');
    expect(refusal(() => secrecyEnd({ level: 'secret', period: null }, '2026-01-01')).details).toMatchObject({ reason: 'bad_period' });
  });
});

describe('markingSchema', () => {
  it('parses text to a Marking', () => {
    expect(markingSchema.parse(' 机密★10年 ')).toEqual(y('secret', 10));
  });

  it('reports a refusal as one custom issue carrying the reason', () => {
    const r = markingSchema.safeParse('机密☆10年');
    expect(r.success).toBe(false);
    expect(r.error?.issues).toHaveLength(1);
    expect(r.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: 'E_BAD_MARKING', reason: 'missing_star', found: '☆' } });
    expect(markingSchema.safeParse(10).success).toBe(false);
  });
});
