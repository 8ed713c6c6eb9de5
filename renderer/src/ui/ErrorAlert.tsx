import { useEffect, useRef } from 'react';
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
  const box = useRef<HTMLDivElement>(null);
  // A refusal above a long form is brought into view (the field it concerns, when known, takes the cursor after).
  useEffect(() => {
    if (error) box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  if (!error) return null;
  return (
    <div ref={box}>
      <Alert type="error" showIcon title={errorText(error, seconds)} data-testid={testId} style={{ marginBottom: 16 }} />
    </div>
  );
}
