// The password rule: the backend refuses by it, forms say what is wrong before sending.

export interface PasswordPolicy {
  minLength: number;
  requireMixedCase: boolean;
  requireSymbol: boolean;
}

export type PasswordRule = 'minLength' | 'maxLength' | 'lettersAndDigits' | 'mixedCase' | 'symbol';

/** The floor no setting can lower: 8 characters with letters and digits; also what applies before anyone signs in. */
export const BASE_POLICY: PasswordPolicy = { minLength: 8, requireMixedCase: false, requireSymbol: false };
export const MAX_PASSWORD_LENGTH = 256;

/** The length a policy asks for, never below the floor. */
export function minPasswordLength(policy: PasswordPolicy): number {
  return Math.max(policy.minLength, BASE_POLICY.minLength);
}

/** The first rule the password breaks, or null when it passes. */
export function brokenPasswordRule(password: string, policy: PasswordPolicy): PasswordRule | null {
  if ([...password].length < minPasswordLength(policy)) return 'minLength';
  if (password.length > MAX_PASSWORD_LENGTH) return 'maxLength';
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) return 'lettersAndDigits';
  if (policy.requireMixedCase && !(/\p{Lu}/u.test(password) && /\p{Ll}/u.test(password))) return 'mixedCase';
  if (policy.requireSymbol && !/[^\p{L}\p{Nd}]/u.test(password)) return 'symbol';
  return null;
}
