// The password rule as the backend checks it (db/auth/passwords.ts), so forms can say what is wrong
// before sending; the backend stays the judge.
import type { LedgerSettings } from '../../../../preload/contract';

export type PasswordPolicy = LedgerSettings['passwordPolicy'];
export type PasswordRule = 'minLength' | 'lettersAndDigits' | 'mixedCase' | 'symbol';

/** The floor no setting can lower; also what applies before anyone is logged in to read the settings. */
export const BASE_POLICY: PasswordPolicy = { minLength: 8, requireMixedCase: false, requireSymbol: false };

/** The first rule the password breaks, or null when it passes. */
export function brokenPasswordRule(password: string, policy: PasswordPolicy): PasswordRule | null {
  if ([...password].length < Math.max(policy.minLength, BASE_POLICY.minLength)) return 'minLength';
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) return 'lettersAndDigits';
  if (policy.requireMixedCase && !(/\p{Lu}/u.test(password) && /\p{Ll}/u.test(password))) return 'mixedCase';
  if (policy.requireSymbol && !/[^\p{L}\p{Nd}]/u.test(password)) return 'symbol';
  return null;
}
