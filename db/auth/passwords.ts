import { brokenPasswordRule, minPasswordLength, type PasswordPolicy } from '../domain/passwords';
import { LedgerError } from '../errors';

export { BASE_POLICY, MAX_PASSWORD_LENGTH } from '../domain/passwords';

/** Throws E_WEAK_PASSWORD naming the first rule the password breaks. */
export function assertPasswordAllowed(password: string, policy: PasswordPolicy): void {
  const rule = brokenPasswordRule(password, policy);
  if (rule) throw new LedgerError('E_WEAK_PASSWORD', { rule, minLength: minPasswordLength(policy) });
}
