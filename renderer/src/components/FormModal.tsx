import type { ReactNode } from 'react';
import { Button, Flex, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAction } from '../hooks/useAction';
import { ErrorAlert } from './ErrorAlert';

interface FormModalProps<V> {
  title: ReactNode;
  submitText: ReactNode;
  /** data-testids: `${testId}-submit`, `${testId}-cancel`, `${testId}-error`. */
  testId: string;
  initialValues?: Partial<V>;
  onSubmit(values: V): Promise<void>;
  onClose(): void;
  children: ReactNode;
}

/** A modal holding one form, shown while mounted: Enter submits, errors show inside, success closes it. */
export function FormModal<V>({ title, submitText, testId, initialValues, onSubmit, onClose, children }: FormModalProps<V>) {
  const { t } = useTranslation();
  const { run, busy, error } = useAction(onSubmit);
  return (
    <Modal open title={title} onCancel={onClose} footer={null} maskClosable={false}>
      <Form<V>
        layout="vertical"
        initialValues={initialValues}
        onFinish={async (values) => {
          if (await run(values)) onClose();
        }}
      >
        <ErrorAlert error={error} testId={`${testId}-error`} />
        {children}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose} data-testid={`${testId}-cancel`}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid={`${testId}-submit`}>
            {submitText}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
