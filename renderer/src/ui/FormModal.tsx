import type { ReactNode } from 'react';
import { Button, Flex, Form, Modal, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAction } from './hooks/useAction';
import { useEnterNavigation } from './hooks/useEnterNavigation';
import { useMarkField, type ErrorFields } from './hooks/useMarkField';
import { ErrorAlert } from './ErrorAlert';

interface FormModalProps<V> {
  title: ReactNode;
  submitText: ReactNode;
  /** data-testids: `${testId}-form` (the modal body), `${testId}-submit`, `${testId}-cancel`, `${testId}-error`. */
  testId: string;
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

/** A modal holding one form, shown while mounted: Enter submits, errors show inside, success closes it. */
export function FormModal<V>({
  title,
  submitText,
  testId,
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

  return (
    <Modal open title={title} onCancel={onClose} footer={null} maskClosable={false} width={width ?? (keyboard ? 720 : undefined)}>
      <div onKeyDownCapture={keyboard ? onKeyDownCapture : undefined} data-testid={`${testId}-form`}>
        <Form<V>
          form={form}
          layout="vertical"
          scrollToFirstError={{ block: 'center', focus: true }}
          initialValues={initialValues}
          onFinish={async (values) => {
            if (await run(values)) onClose();
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
            <Button onClick={onClose} data-testid={`${testId}-cancel`}>
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
