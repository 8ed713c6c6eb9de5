// What cannot be undone (清退, 销毁, 移交, 导入) is said once more before it is sent: how many items and copies, to
// whom, what prints, and, where there is one, the list itself. The caller passes the values it will send, so the
// summary is the action, not a second count of it.
import type { ReactNode } from 'react';
import { Button, Descriptions, Flex, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

export interface SummaryFact {
  label: ReactNode;
  value: ReactNode;
  /** data-testid `confirm-${testId}` on the value. */
  testId: string;
}

interface ConfirmSummaryProps {
  title: ReactNode;
  facts: SummaryFact[];
  confirmText: ReactNode;
  /** 销毁: the confirm button is red. */
  danger?: boolean;
  busy?: boolean;
  /** A refusal of the confirmed action, shown here when the form it came from is not on screen. */
  error?: unknown;
  onConfirm(): void;
  /** 返回修改: nothing is sent. */
  onBack(): void;
  /** The list that will be recorded (the 移交清单's rows). */
  children?: ReactNode;
  width?: number;
}

export function ConfirmSummary({ title, facts, confirmText, danger, busy, error, onConfirm, onBack, children, width }: ConfirmSummaryProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      onCancel={onBack}
      maskClosable={false}
      width={width ?? 560}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onBack} disabled={busy} data-testid="confirm-back">
            {t('confirm.back')}
          </Button>
          {/* The cursor waits on the confirmation: Enter confirms, Escape goes back. */}
          <Button type="primary" danger={danger} autoFocus loading={busy} onClick={onConfirm} data-testid="confirm-ok">
            {confirmText}
          </Button>
        </Flex>
      }
    >
      <div data-testid="confirm-summary">
        <ErrorAlert error={error} testId="confirm-error" />
        <Descriptions
          size="small"
          bordered
          column={1}
          styles={{ label: { width: 120 } }}
          items={facts.map((f) => ({ key: f.testId, label: f.label, children: <span data-testid={`confirm-${f.testId}`}>{f.value}</span> }))}
        />
        {children}
      </div>
    </Modal>
  );
}
