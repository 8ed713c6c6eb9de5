// Markings the law allows, and nothing else (issue 13): a declassification date within the level's longest period
// from the issue date, no mistyped period passed off as a condition, 长期 rather than 永久 / 无限期, and a condition
// flagged for manual review (it never lapses by itself).
import { describe, expect, it } from 'vitest';
import { LedgerError } from './errors';
import { needsManualReview, parseMarking, secrecyEnd, type Marking } from './marking';

function refusal(fn: () => unknown): LedgerError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LedgerError) return e;
    throw e;
  }
  throw new Error('not refused');
}

const on = (level: Marking['level'], date: string): Marking => ({ level, period: { kind: 'until_date', date } });

describe('a declassification date', () => {
  it('may be at most the longest period of its level after the issue date (绝密 30, 机密 20, 秘密 10 years)', () => {
    expect(secrecyEnd(on('top_secret', '2056-11-02'), '2026-11-02')).toBe('2056-11-02');
    expect(secrecyEnd(on('secret', '2046-11-02'), '2026-11-02')).toBe('2046-11-02');
    expect(secrecyEnd(on('confidential', '2036-11-02'), '2026-11-02')).toBe('2036-11-02');
    for (const [level, date, max] of [
      ['top_secret', '2056-11-03', 30],
      ['secret', '2046-11-03', 20],
      ['confidential', '2037-01-01', 10],
    ] as const) {
      const e = refusal(() => secrecyEnd(on(level, date), '2026-11-02'));
      expect({ code: e.code, details: e.details }).toMatchObject({ code: 'E_BAD_MARKING', details: { reason: 'over_maximum', max } });
    }
    expect(secrecyEnd({ level: 'secret', period: { kind: 'long_term' } }, '2026-11-02')).toBeNull();
  });
});

describe('a declassification condition', () => {
  it('is not a mistyped period: digits, letters, 年 and 月 that do not read as one are refused', () => {
    for (const text of ['机密★1O年', '机密★l0年', '秘密★6个月O', '绝密★2O30年6月30日', '机密★Ten年', '机密★10 years']) {
      expect(refusal(() => parseMarking(text)).details, text).toMatchObject({ reason: 'bad_period' });
    }
  });

  it('is not 永久 or 无限期: the legal word is 长期', () => {
    for (const text of ['机密★永久', '绝密★永久保密', '秘密★无限期', '機密★無限期', '机密★无期限']) {
      expect(refusal(() => parseMarking(text)).details, text).toMatchObject({ reason: 'not_legal_term' });
    }
    expect(parseMarking('机密★长期').period).toEqual({ kind: 'long_term' });
  });

  it('is accepted as words, and flagged: it never lapses by itself and needs a manual review', () => {
    const m = parseMarking('机密★项目验收完成后');
    expect(m.period).toEqual({ kind: 'until_condition', condition: '项目验收完成后' });
    expect(needsManualReview(m)).toBe(true);
    for (const text of ['机密★10年', '机密★长期', '机密★', '秘密★2030年6月30日', '内部']) expect(needsManualReview(parseMarking(text)), text).toBe(false);
  });
});
