import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Button, Flex, Form, Modal, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAction } from './hooks/useAction';
import { firstStop, useEnterNavigation } from './hooks/useEnterNavigation';
import { useDraftForm } from './hooks/useDraft';
import { useMarkField, type ErrorFields } from './hooks/useMarkField';
import { ErrorAlert } from './ErrorAlert';

interface FormModalProps<V> {
  title: ReactNode;
  submitText: ReactNode;
  /** data-testids: `${testId}-form` (the modal body), `${testId}-submit`, `${testId}-cancel`, `${testId}-error`. */
  testId: string;
  /** With testId, names the draft kept of this dialog (unsaved input survives a lock): the item it is about. */
  draftKey?: string | number;
  initialValues?: Partial<V>;
  onSubmit(values: V): Promise<void>;
  onClose(): void;
  children: ReactNode;
  /** To read or set values from outside (dependent fields). */
  form?: FormInstance<V>;
  /** Enter moves to the next field (submitting on the last), Ctrl+Enter submits: for the registers' forms. */
  keyboard?: boolean;
  /** A refusal about a backend field is marked on this form field too. */
  errorFields?: ErrorFields;
  width?: number;
}

/** Where the registers' forms keep the fields that refusals most often concern. */
const COMMON_ERROR_FIELDS: ErrorFields = {
  at: 'at',
  copyNos: 'copyNos',
  approver: ['approval', 'way'],
  approverPassword: ['approval', 'password'],
  approverId: ['approval', 'approverId'],
  approvalId: ['approval', 'approvalId'],
};

/** An open dropdown, autocomplete list or date picker: Escape is for it alone. */
function popupOpen(): boolean {
  return !!document.querySelector(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"]), .ant-picker-dropdown:not(.ant-picker-dropdown-hidden):not([class*="-leave"])',
  );
}

/**
 * A modal holding one form, shown while mounted: focus on its first field, Enter submits, errors show inside,
 * success closes it. What is typed is a draft that survives a lock; Escape or × on a dirty form asks before
 * discarding it, 取消 discards it.
 */
export function FormModal<V>({
  title,
  submitText,
  testId,
  draftKey,
  initialValues,
  onSubmit,
  onClose,
  children,
  form: given,
  keyboard = false,
  errorFields,
  width,
}: FormModalProps<V>) {
  const { t } = useTranslation();
  const [own] = Form.useForm<V>();
  const form = given ?? own;
  const { run, busy, error } = useAction(onSubmit);
  const onKeyDownCapture = useEnterNavigation(() => form.submit());
  useMarkField(form, error, errorFields ? { ...COMMON_ERROR_FIELDS, ...errorFields } : undefined);
  const draft = useDraftForm(draftKey === undefined ? testId : `${testId}:${draftKey}`, form);
  const body = useRef<HTMLDivElement>(null);

  // Keyboard-first: the cursor starts in the first field (unless a field took it already), not on the × button.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      if (body.current && !body.current.contains(document.activeElement)) firstStop(body.current)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, []);

  const ask = () => void draft.leave(onClose);
  const onEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.nativeEvent.isComposing) return;
    e.stopPropagation();
    if (!popupOpen()) ask();
  };

  return (
    <Modal
      open
      title={title}
      onCancel={ask}
      keyboard={false}
      modalRender={(node) => <div onKeyDown={onEscape}>{node}</div>}
      footer={null}
      maskClosable={false}
      width={width ?? (keyboard ? 720 : undefined)}
    >
      <div ref={body} onKeyDownCapture={keyboard ? onKeyDownCapture : undefined} data-testid={`${testId}-form`}>
        <Form<V>
          form={form}
          layout="vertical"
          scrollToFirstError={{ block: 'center', focus: true }}
          initialValues={initialValues}
          onValuesChange={draft.onValuesChange}
          onFinish={async (values) => {
            if (!(await run(values))) return;
            draft.drop();
            onClose();
          }}
        >
          <ErrorAlert error={error} testId={`${testId}-error`} />
          {children}
          <Flex justify="flex-end" align="center" gap={8}>
            {keyboard && (
              <Typography.Text type="secondary" style={{ marginInlineEnd: 'auto', fontSize: 12 }}>
                {t('common.keyboardHint')}
              </Typography.Text>
            )}
            <Button
              onClick={() => {
                draft.drop();
                onClose();
              }}
              data-testid={`${testId}-cancel`}
            >
              {t('common.cancel')}
            </Button>
            <Button type="primary" htmlType="submit" loading={busy} data-testid={`${testId}-submit`}>
              {submitText}
            </Button>
          </Flex>
        </Form>
      </div>
    </Modal>
  );
}
