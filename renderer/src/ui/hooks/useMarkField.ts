import { useEffect, useRef } from 'react';
import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { errorField, useErrorText } from '../../i18n/errors';

/** Maps a backend field (details.field, or the field a rule concerns) to the form field that shows it. */
export type ErrorFields = Record<string, NamePath>;

/** Marks the form field a refusal is about with the refusal's sentence, next to the general alert; once per refusal. */
export function useMarkField(form: FormInstance, error: unknown, errorFields: ErrorFields | undefined): void {
  const errorText = useErrorText();
  const latest = useRef({ form, errorFields, errorText });
  latest.current = { form, errorFields, errorText };
  useEffect(() => {
    const { form: f, errorFields: fields, errorText: text } = latest.current;
    const field = errorField(error);
    const name = field ? fields?.[field] : undefined;
    if (name === undefined) return;
    f.setFields([{ name, errors: [text(error)] }]);
    // Keyboard-first: the cursor goes where the correction is needed.
    f.scrollToField(name, { block: 'center', focus: true });
  }, [error]);
}
