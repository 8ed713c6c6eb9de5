// A calendar day in a form, holding exactly the day it shows.
import type { CSSProperties, ReactNode } from 'react';
import { DatePicker, Form } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import dayjs, { type Dayjs } from 'dayjs';
import type { ErrorLike } from '../../../db/domain/errors';
import { useRefusalText } from '../i18n/errors';

/** A bound of the day, and the backend's refusal when a day is beyond it (said in its words before sending). */
export interface DayLimit {
  day: Dayjs | null | undefined;
  refusal: ErrorLike;
}

/** Registers record what happened, never what will: the default latest day (read at each render: the app runs for days). */
const today = (): DayLimit => ({ day: dayjs(), refusal: { code: 'E_VALIDATION', details: { field: 'at' } } });

interface DayInputProps {
  value?: Dayjs | null;
  onChange?(day: Dayjs | null): void;
  min: DayLimit | undefined;
  max: DayLimit | null;
  testId: string;
  disabled?: boolean;
  allowClear?: boolean;
  autoFocus?: boolean;
}

/**
 * antd's picker keeps a typed day on screen but commits it only on its own Enter or once its popup has closed
 * (the forms take Enter to move on, and a click on the submit button reads the form first), and never commits a
 * day its limits grey out: the form then sent an older day than the one shown. Here a typed day is the value at
 * once; the limits only grey the calendar, and the field's rule refuses a typed day beyond them.
 */
function DayInput({ value, onChange, min, max, testId, ...rest }: DayInputProps) {
  const beyond = (d: Dayjs) => (!!min?.day && d.isBefore(min.day, 'day')) || (!!max?.day && d.isAfter(max.day, 'day'));
  return (
    <DatePicker
      {...rest}
      value={value ?? null}
      onChange={(d: Dayjs | null) => onChange?.(d)}
      onCalendarChange={(d) => {
        if (d && !Array.isArray(d) && !d.isSame(value, 'day')) onChange?.(d as Dayjs);
      }}
      disabledDate={beyond}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

interface DateFieldProps {
  name: NamePath;
  label: ReactNode;
  testId: string;
  required?: boolean;
  /** The earliest day (a due date: the loan's day). */
  min?: DayLimit;
  /** The latest day; today unless given, null for none (a due date may lie ahead). */
  max?: DayLimit | null;
  /** Fields whose change moves a limit, to check this one again. */
  dependencies?: NamePath[];
  initialValue?: Dayjs;
  extra?: ReactNode;
  disabled?: boolean;
  allowClear?: boolean;
  autoFocus?: boolean;
  style?: CSSProperties;
}

export function DateField({ name, label, testId, required = true, min, max = today(), dependencies, initialValue, extra, style, ...input }: DateFieldProps) {
  const refusalText = useRefusalText();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      style={style}
      initialValue={initialValue}
      dependencies={dependencies}
      rules={[
        { required },
        {
          validator: (_, day: Dayjs | null | undefined) => {
            if (!day) return Promise.resolve();
            if (min?.day && day.isBefore(min.day, 'day')) return Promise.reject(new Error(refusalText(min.refusal)));
            if (max?.day && day.isAfter(max.day, 'day')) return Promise.reject(new Error(refusalText(max.refusal)));
            return Promise.resolve();
          },
        },
      ]}
    >
      <DayInput min={min} max={max} testId={testId} allowClear={input.allowClear ?? !required} {...input} />
    </Form.Item>
  );
}
