// Turns any thrown value into a sentence in the current language, from the backend's stable code.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import type { PasswordRule } from '../password';

const WEAK_PASSWORD_KEYS = {
  minLength: 'password.tooShort',
  lettersAndDigits: 'password.needLetterAndDigit',
  mixedCase: 'password.needMixedCase',
  symbol: 'password.needSymbol',
} as const satisfies Record<PasswordRule, string>;

function isPasswordRule(rule: unknown): rule is PasswordRule {
  return typeof rule === 'string' && Object.hasOwn(WEAK_PASSWORD_KEYS, rule);
}

/** @param seconds overrides the retry delay of E_TOO_MANY_ATTEMPTS with a live countdown. */
export function useErrorText(): (error: unknown, seconds?: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, seconds?: number) => {
      if (!(error instanceof ApiError)) return t('errors.E_INTERNAL');
      const details = error.details ?? {};
      if (error.code === 'E_WEAK_PASSWORD' && isPasswordRule(details['rule'])) {
        return t(WEAK_PASSWORD_KEYS[details['rule']], { min: Number(details['minLength'] ?? 8) });
      }
      const retrySeconds = seconds ?? Math.ceil(Number(details['retryAfterMs'] ?? 0) / 1000);
      return t(`errors.${error.code}`, { seconds: Math.max(1, retrySeconds) });
    },
    [t],
  );
}
