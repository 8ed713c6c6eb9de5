// The two rules the account forms pre-check with, from the domain core the backend refuses by: pinned here as the
// forms rely on them.
import { describe, it, expect } from 'vitest';
import { BASE_POLICY, brokenPasswordRule, roleConflict } from '../../../../db/domain';

describe('password rule (as db/auth/passwords.ts)', () => {
  it('needs the minimum length, counted in characters, never below 8', () => {
    expect(brokenPasswordRule('abc1234', BASE_POLICY)).toBe('minLength');
    expect(brokenPasswordRule('abcd1234', BASE_POLICY)).toBeNull();
    expect(brokenPasswordRule('abcd1234', { ...BASE_POLICY, minLength: 4 })).toBeNull();
    expect(brokenPasswordRule('abcd1234', { ...BASE_POLICY, minLength: 9 })).toBe('minLength');
    expect(brokenPasswordRule('保密室保密室保1', BASE_POLICY)).toBeNull();
  });

  it('needs letters and digits', () => {
    expect(brokenPasswordRule('abcdefgh', BASE_POLICY)).toBe('lettersAndDigits');
    expect(brokenPasswordRule('12345678', BASE_POLICY)).toBe('lettersAndDigits');
  });

  it('checks mixed case and symbols only when the policy asks', () => {
    const strict = { minLength: 8, requireMixedCase: true, requireSymbol: true };
    expect(brokenPasswordRule('abcd1234', strict)).toBe('mixedCase');
    expect(brokenPasswordRule('Abcd1234', strict)).toBe('symbol');
    expect(brokenPasswordRule('Abcd-1234', strict)).toBeNull();
  });
});

describe('三员分立 in the role picker', () => {
  it('keeps the auditor alone and the approver apart from the custodian (issue 12)', () => {
    expect(roleConflict(['admin'], 'auditor')).not.toBeNull();
    expect(roleConflict(['custodian'], 'auditor')).not.toBeNull();
    expect(roleConflict(['auditor'], 'admin')).not.toBeNull();
    expect(roleConflict(['auditor', 'approver'], 'custodian')).not.toBeNull();
    expect(roleConflict(['auditor'], 'approver')).not.toBeNull();
    expect(roleConflict(['custodian'], 'approver')).not.toBeNull();
    expect(roleConflict(['custodian'], 'admin')).toBeNull();
    expect(roleConflict(['approver'], 'admin')).toBeNull();
  });
});
