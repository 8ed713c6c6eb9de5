import { LedgerError } from '../errors';
import type { PasswordPolicy } from '../views';

/** The floor no setting can lower: 8 characters with letters and digits. */
export const BASE_POLICY: PasswordPolicy = { minLength: 8, requireMixedCase: false, requireSymbol: false };
export const MAX_PASSWORD_LENGTH = 256;

/** Throws E_WEAK_PASSWORD naming the first rule the password breaks. */
export function assertPasswordAllowed(password: string, policy: PasswordPolicy): void {
  const minLength = Math.max(policy.minLength, BASE_POLICY.minLength);
  const refuse = (rule: string) => {
    throw new LedgerError('E_WEAK_PASSWORD', `The password breaks the rule "${rule}".`, { rule, minLength });
  };
  if ([...password].length < minLength) refuse('minLength');
  if (password.length > MAX_PASSWORD_LENGTH) refuse('maxLength');
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) refuse('lettersAndDigits');
  if (policy.requireMixedCase && !(/\p{Lu}/u.test(password) && /\p{Ll}/u.test(password))) refuse('mixedCase');
  if (policy.requireSymbol && !/[^\p{L}\p{Nd}]/u.test(password)) refuse('symbol');
}
