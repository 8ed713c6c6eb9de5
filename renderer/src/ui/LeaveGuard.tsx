// The one question before unsaved input is dropped (leaving a screen, closing a dirty dialog, signing out).
import { Button, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLedger } from '../store';

export function LeaveGuard() {
  const { t } = useTranslation();
  const pending = useLedger((s) => s.pendingLeave);
  const answerLeave = useLedger((s) => s.answerLeave);
  return (
    <Modal
      open={!!pending}
      title={t('drafts.leaveTitle')}
      onCancel={() => answerLeave(false)}
      maskClosable={false}
      width={420}
      zIndex={1100}
      footer={null}
      destroyOnHidden
    >
      <div data-testid="leave-guard">
        <Typography.Paragraph>{pending?.keys ? t('drafts.closeText') : t('drafts.leaveText')}</Typography.Paragraph>
        <Flex justify="flex-end" gap={8}>
          <Button danger onClick={() => answerLeave(true)} data-testid="leave-discard">
            {t('drafts.discard')}
          </Button>
          {/* The safe answer has the cursor: Enter keeps what was typed. */}
          <Button type="primary" autoFocus onClick={() => answerLeave(false)} data-testid="leave-keep">
            {t('drafts.keepEditing')}
          </Button>
        </Flex>
      </div>
    </Modal>
  );
}
