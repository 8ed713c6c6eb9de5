import { describe, expect, it } from 'vitest';
import { assertPasswordAllowed, BASE_POLICY, MAX_PASSWORD_LENGTH } from './passwords';

const ruleBroken = (password: string, policy = BASE_POLICY): string | null => {
  try {
    assertPasswordAllowed(password, policy);
    return null;
  } catch (err) {
    expect(err).toMatchObject({ code: 'E_WEAK_PASSWORD' });
    return (err as { details: { rule: string } }).details.rule;
  }
};

describe('assertPasswordAllowed', () => {
  it('the floor: 8 characters, letters and digits', () => {
    expect(ruleBroken('abc1234')).toBe('minLength');
    expect(ruleBroken('abcdefgh')).toBe('lettersAndDigits');
    expect(ruleBroken('12345678')).toBe('lettersAndDigits');
    expect(ruleBroken('!!!!1111')).toBe('lettersAndDigits');
    expect(ruleBroken('abcd1234')).toBeNull();
    // Chinese characters are letters; length counts characters, not UTF-16 units.
    expect(ruleBroken('保密室钥匙2026')).toBeNull();
    expect(ruleBroken('𠀀𠀀𠀀1234')).toBe('minLength');
    expect(ruleBroken('a'.repeat(MAX_PASSWORD_LENGTH - 1) + '1')).toBeNull();
    expect(ruleBroken('a'.repeat(MAX_PASSWORD_LENGTH) + '1')).toBe('maxLength');
  });

  it('a policy cannot go below the floor', () => {
    expect(ruleBroken('abc1234', { minLength: 4, requireMixedCase: false, requireSymbol: false })).toBe('minLength');
  });

  it('a stricter policy adds length, mixed case and a symbol', () => {
    const strict = { minLength: 12, requireMixedCase: true, requireSymbol: true };
    expect(ruleBroken('Abcdefg12!', strict)).toBe('minLength');
    expect(ruleBroken('abcdefgh123!', strict)).toBe('mixedCase');
    expect(ruleBroken('Abcdefgh1234', strict)).toBe('symbol');
    expect(ruleBroken('Abcdefgh123!', strict)).toBeNull();
    expect(ruleBroken('Abcdefgh 123', strict)).toBeNull();
  });
});
