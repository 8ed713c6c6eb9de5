import type { ReactNode } from 'react';
import { Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AUTHORITIES, type Authority } from './documents';
import { PersonInput } from '../../ui/SuggestInput';

export interface ApprovalValues {
  approver?: string;
  authority?: Authority;
  reference?: string;
}

/** The approval a command takes, or undefined when no approver was named (the backend says when one is needed). */
export function toApproval(values: ApprovalValues | undefined): { approver: string; authority: Authority; reference?: string } | undefined {
  const approver = values?.approver?.trim();
  if (!approver) return undefined;
  const reference = values?.reference?.trim();
  return { approver, authority: values?.authority ?? 'unit_head', ...(reference ? { reference } : {}) };
}

interface ApprovalFieldsProps {
  /** data-testids: `${testIdPrefix}-approver`, `-authority`, `-reference`. */
  testIdPrefix: string;
  /** The rule that asks for the approval, shown above the fields. */
  rule?: ReactNode;
}

/** 审批人, 审批机关 and 审批文号, nested under the form's `approval` value (give `approval.authority` an initial value). */
export function ApprovalFields({ testIdPrefix, rule }: ApprovalFieldsProps) {
  const { t } = useTranslation();
  return (
    <Card type="inner" size="small" title={t('actions.approvalTitle')} style={{ marginBottom: 16 }}>
      {rule && (
        <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>
          {rule}
        </Typography.Paragraph>
      )}
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name={['approval', 'approver']} label={t('actions.approver')} rules={[{ max: 50 }]} style={{ marginBottom: 0 }}>
            <PersonInput testId={`${testIdPrefix}-approver`} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['approval', 'authority']} label={t('actions.authority')} style={{ marginBottom: 0 }}>
            <Select
              options={AUTHORITIES.map((a) => ({ value: a, label: t(`authorities.${a}`) }))}
              popupMatchSelectWidth={false}
              data-testid={`${testIdPrefix}-authority`}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['approval', 'reference']} label={t('actions.reference')} rules={[{ max: 100 }]} style={{ marginBottom: 0 }}>
            <Input autoComplete="off" data-testid={`${testIdPrefix}-reference`} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('actions.approvalHint')}
      </Typography.Paragraph>
    </Card>
  );
}
