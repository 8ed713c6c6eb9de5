import { useEffect, useRef } from 'react';
import { Form, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';

/**
 * A loan's due date starts `days` after the loan's own day and follows that day while it is still the default,
 * so that a loan registered late is not due counted from today; a due date the user chose (or a draft restored
 * after a lock) stays.
 */
export function useDueDate(form: FormInstance, days: number): Dayjs | undefined {
  const at = Form.useWatch<Dayjs | undefined>('at', form);
  const previous = useRef<Dayjs | undefined>(undefined);
  useEffect(() => {
    if (!at) return;
    const due = form.getFieldValue('dueAt') as Dayjs | undefined;
    if (!due || (previous.current && due.isSame(previous.current.add(days, 'day'), 'day'))) form.setFieldValue('dueAt', at.add(days, 'day'));
    previous.current = at;
  }, [at, days, form]);
  return at;
}
