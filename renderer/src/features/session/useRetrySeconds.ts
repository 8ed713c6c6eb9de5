import { useEffect } from 'react';
import { Form, type FormInstance } from 'antd';
import { ApiError } from '../../api';
import { useLedger } from '../../store';
import { useSecondsUntil } from '../../ui/hooks/useSecondsUntil';

/** Seconds until the backend accepts the next password attempt (0 when it accepts one now). */
export function useRetrySeconds(): number {
  return useSecondsUntil(useLedger((s) => s.retryUntil));
}

const WAIT = new ApiError('E_TOO_MANY_ATTEMPTS', 'Waiting for the next allowed attempt.');

/** The error a password form shows: the countdown while waiting, and no stale refusal after it. */
export function attemptError(error: unknown, seconds: number): unknown {
  if (seconds > 0) return WAIT;
  return error instanceof ApiError && error.code === 'E_TOO_MANY_ATTEMPTS' ? null : error;
}

/** After a refused attempt the password field is emptied and takes the cursor again: the user retypes at once. */
export function useRetypeOnRefusal<V extends { password: string }>(error: unknown): FormInstance<V> {
  const [form] = Form.useForm<V>();
  useEffect(() => {
    if (!error) return;
    const fields = form as unknown as FormInstance<{ password: string }>;
    fields.setFieldValue('password', '');
    fields.focusField('password');
  }, [error, form]);
  return form;
}
