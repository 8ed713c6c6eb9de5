import { Alert } from 'antd';
import { useErrorText } from '../i18n/errors';

interface ErrorAlertProps {
  error: unknown;
  testId: string;
  /** Live countdown for E_TOO_MANY_ATTEMPTS. */
  seconds?: number;
}

/** A refused or failed action, in words, where the user is looking. */
export function ErrorAlert({ error, testId, seconds }: ErrorAlertProps) {
  const errorText = useErrorText();
  if (!error) return null;
  return <Alert type="error" showIcon title={errorText(error, seconds)} data-testid={testId} style={{ marginBottom: 16 }} />;
}
