import { describe, expect, it } from 'vitest';
import {
  CLASSIFIED_LEVELS,
  DEVICE_LEVELS,
  DOCUMENT_LEVELS,
  LEVELS,
  highest,
  isClassified,
  isHigher,
  levelFits,
  levelOfRank,
  levelRank,
  levelRankSql,
  secretRank,
} from './levels';

describe('the order of levels', () => {
  it('ranks 绝密 > 机密 > 秘密 > 内部 > 非涉密, with the values documents.level_rank stores', () => {
    expect(LEVELS.map(levelRank)).toEqual([3, 2, 1, 0, -1]);
    expect(DOCUMENT_LEVELS.map(levelRank)).toEqual([3, 2, 1, 0]);
  });

  it('lists each subset in the one order', () => {
    for (const subset of [DOCUMENT_LEVELS, DEVICE_LEVELS, CLASSIFIED_LEVELS])
      expect([...subset]).toEqual(LEVELS.filter((l) => (subset as readonly string[]).includes(l)));
  });

  it('weighs 内部 as 非涉密 where state secrecy counts (devices, backup media)', () => {
    expect(LEVELS.map(secretRank)).toEqual([3, 2, 1, 0, 0]);
    expect(DEVICE_LEVELS.map(secretRank)).toEqual([3, 2, 1, 0]);
    expect(LEVELS.filter(isClassified)).toEqual(['top_secret', 'secret', 'confidential']);
  });

  it('compares, fits and picks the highest', () => {
    expect(isHigher('secret', 'confidential')).toBe(true);
    expect(isHigher('internal', 'non_secret')).toBe(true);
    expect(isHigher('secret', 'secret')).toBe(false);
    expect(levelFits('confidential', 'secret')).toBe(true);
    expect(levelFits('top_secret', 'secret')).toBe(false);
    expect(highest(['internal', 'secret', 'confidential'])).toBe('secret');
    expect(highest([])).toBeUndefined();
    expect(levelOfRank(2, DEVICE_LEVELS)).toBe('secret');
    expect(levelOfRank(0, DEVICE_LEVELS, secretRank)).toBe('non_secret');
  });

  it('writes one SQL CASE from the same list, and refuses anything but a column name', () => {
    expect(levelRankSql('d.level')).toBe(
      "CASE d.level WHEN 'top_secret' THEN 3 WHEN 'secret' THEN 2 WHEN 'confidential' THEN 1 WHEN 'internal' THEN 0 WHEN 'non_secret' THEN -1 END",
    );
    expect(levelRankSql('level', secretRank)).toContain("WHEN 'non_secret' THEN 0");
    expect(() => levelRankSql('level) OR (1=1')).toThrow();
  });
});
